"""Story and event clustering against gold labels (``story`` in ../shared/data/stories): B-cubed and ARI.

The gold file is ingested into a temporary store and analyzed, which clusters the articles in order of
publication (then file order), exactly as a user's corpus would be. Each gold record is scored through
the article it became (two records at one URL become revisions of one article and share its event).

- B-cubed (Bagga & Baldwin 1998): per record, precision = share of its predicted cluster with its gold
  label, recall = share of its gold cluster in its predicted cluster; both averaged over records.
- ARI: the adjusted Rand index of the two partitions.

Baselines, in the same run and on the same articles: TF-IDF with average-link agglomerative clustering,
its distance threshold tuned on the very data it is scored on (the best of a grid, so it is an upper
bound for that method), and the articles' sentence embeddings with HDBSCAN (minimum cluster size 2,
noise points as clusters of their own). Both need scikit-learn (the ``bench`` extra).
"""

from __future__ import annotations

import json
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import sqlalchemy as sa

from rashomon import embed
from rashomon.analysis import analyze
from rashomon.cluster.similarity import ClusterModel
from rashomon.identity import article_id as article_id_of
from rashomon.identity import article_identity
from rashomon.ingest.session import ingest
from rashomon.settings import Settings
from rashomon.store import Store, schema

LEVELS = ("event", "story")
BASELINE_THRESHOLDS = tuple(round(0.05 * step, 2) for step in range(2, 20))


def bcubed(predicted: Sequence, gold: Sequence) -> dict[str, float]:
    predicted_members, gold_members = defaultdict(set), defaultdict(set)
    for i, (p, g) in enumerate(zip(predicted, gold, strict=True)):
        predicted_members[p].add(i)
        gold_members[g].add(i)
    precision = recall = 0.0
    for p, g in zip(predicted, gold, strict=True):
        shared = len(predicted_members[p] & gold_members[g])
        precision += shared / len(predicted_members[p])
        recall += shared / len(gold_members[g])
    precision, recall = precision / len(gold), recall / len(gold)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def adjusted_rand_index(predicted: Sequence, gold: Sequence) -> float:
    def pairs(count: int) -> float:
        return count * (count - 1) / 2

    both = sum(pairs(n) for n in Counter(zip(predicted, gold)).values())
    left = sum(pairs(n) for n in Counter(predicted).values())
    right = sum(pairs(n) for n in Counter(gold).values())
    expected = left * right / pairs(len(gold)) if len(gold) > 1 else 0.0
    maximum = (left + right) / 2
    return (both - expected) / (maximum - expected) if maximum != expected else 1.0


def clustering_scores(predicted: Sequence, gold: Sequence) -> dict:
    return {"bcubed": bcubed(predicted, gold), "ari": adjusted_rand_index(predicted, gold),
            "clusters": len(set(predicted)), "gold_clusters": len(set(gold))}


def read_records(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as stream:
        return [json.loads(line) for line in stream if line.strip()]


def evaluate_stories(path: Path, level: str = "event", baselines: bool = True, model: ClusterModel | None = None,
                     on_article: Callable[[str], None] | None = None) -> dict:
    """rashomon's clusters of the gold file's articles, and the baselines', against the gold labels."""
    records = read_records(path)
    gold = [record["story"] for record in records]
    with tempfile.TemporaryDirectory(prefix="rashomon-eval-") as folder:
        store = Store.open(str(Path(folder) / "eval.db"))
        settings = Settings.load(db=str(Path(folder) / "eval.db"))
        ingest(store, [str(path)], settings)
        analyze(store, settings, _Ticks(on_article) if on_article else None, cluster_model=model)
        article_of = _article_of_record(store, path, records)
        predicted = _predicted(store, article_of, level)
        vectors = _vectors(store, article_of)
        store.close()
    result = {"level": level, "articles": len(records), "rashomon": clustering_scores(predicted, gold)}
    if baselines:
        result |= _baselines(records, vectors, gold)
    return result


class _Ticks:
    def __init__(self, tick: Callable[[str], None]):
        self.tick = tick

    def add_work(self, amount: int) -> None:
        pass

    def advance(self, item: str) -> None:
        self.tick(item)


def _article_of_record(store: Store, path: Path, records: list[dict]) -> list[str]:
    """Record number → stored article id, through the origin (``file:line``) of every revision; a record
    that repeats an earlier one exactly was stored once, and is found by its identity."""
    revisions = schema.article_revisions
    found: dict[int, str] = {}
    with store.read() as connection:
        for origin, article_id in connection.execute(sa.select(revisions.c.origin, revisions.c.article_id)):
            name, _, line = origin.rpartition(":")
            if name.endswith(path.name) and line.isdigit():
                found[int(line) - 1] = article_id
    return [found.get(i) or article_id_of(article_identity(record.get("url"), record.get("outlet"),
                                                          record.get("title"), record["text"]))
            for i, record in enumerate(records)]


def _predicted(store: Store, article_of: list[str], level: str) -> list[int]:
    members, events = schema.cluster_members, schema.events
    with store.read() as connection:
        rows = connection.execute(sa.select(members.c.article_id, members.c.event_id, events.c.story_id)
                                  .join(events, events.c.id == members.c.event_id)).all()
    cluster = {row.article_id: (row.event_id if level == "event" else row.story_id) for row in rows}
    return [cluster[article_id] for article_id in article_of]


def _vectors(store: Store, article_of: list[str]) -> np.ndarray:
    annotations = schema.annotations
    with store.read() as connection:
        stored = dict(connection.execute(sa.select(annotations.c.article_id, annotations.c.article_vector)).all())
    return np.stack([embed.from_bytes(stored[article_id]) for article_id in article_of])


def _baselines(records: list[dict], vectors: np.ndarray, gold: list[str]) -> dict:
    try:
        import sklearn  # noqa: F401
    except ImportError:
        skipped = {"skipped": "scikit-learn is not installed: pip install 'rashomon[bench]'"}
        return {"tfidf_agglomerative": skipped, "embeddings_hdbscan": skipped}
    return {"tfidf_agglomerative": tfidf_agglomerative(records, gold),
            "embeddings_hdbscan": clustering_scores(embeddings_hdbscan(vectors), gold)}


def tfidf_agglomerative(records: list[dict], gold: list[str]) -> dict:
    """Average-link clustering of TF-IDF vectors; the threshold that scores best on ``gold`` is reported."""
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = [f"{record.get('title') or ''}\n{record['text']}" for record in records]
    matrix = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(texts)
    distances = np.clip(1.0 - (matrix @ matrix.T).toarray(), 0.0, 2.0)
    np.fill_diagonal(distances, 0.0)
    tree = linkage(squareform(distances, checks=False), method="average")
    best = None
    for threshold in BASELINE_THRESHOLDS:
        scores = clustering_scores(fcluster(tree, t=threshold, criterion="distance"), gold)
        if best is None or scores["bcubed"]["f1"] > best["bcubed"]["f1"]:
            best = scores | {"threshold": threshold}
    return best


def embeddings_hdbscan(vectors: np.ndarray) -> list[int]:
    from sklearn.cluster import HDBSCAN

    labels = HDBSCAN(min_cluster_size=2, copy=True).fit_predict(vectors)
    first_free = int(labels.max()) + 1
    return [int(label) if label >= 0 else first_free + i for i, label in enumerate(labels)]
