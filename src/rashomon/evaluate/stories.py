"""Story and event clustering against gold labels (``story`` in ../shared/data/stories): B-cubed and ARI.

The gold file is ingested into a temporary store and analyzed, which clusters the articles in order of
publication (then file order), exactly as a user's corpus would be. Each gold record is scored through
the article it became (two records at one URL become revisions of one article and share its event).

- B-cubed (Bagga & Baldwin 1998, ``metrics.bcubed``) over records, and the adjusted Rand index of the two
  partitions.

Baselines, in the same run and on the same articles: TF-IDF with average-link agglomerative clustering,
its distance threshold tuned on the very data it is scored on (the best of a grid, so it is an upper
bound for that method), and the articles' sentence embeddings with HDBSCAN (minimum cluster size 2,
noise points as clusters of their own). Both need scikit-learn (the ``bench`` extra).
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable, Sequence
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from rashomon import reads
from rashomon.cluster.similarity import ClusterModel
from rashomon.evaluate.metrics import adjusted_rand_index, bcubed
from rashomon.extract.identity import article_id as article_id_of
from rashomon.extract.identity import article_identity
from rashomon.ingest.session import ingest
from rashomon.pipeline.runner import analyze
from rashomon.settings import Settings
from rashomon.store import Store

LEVELS = ("event", "story")
BASELINE_THRESHOLDS = tuple(round(0.05 * step, 2) for step in range(2, 20))


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
    with analyzed(path, on_article, model) as store:
        article_of = gold_article_ids(store, path, records)
        placed = reads.placements(store)
        predicted = [placed[article_id][0 if level == "event" else 1] for article_id in article_of]
        vectors = reads.article_vectors(store)
        vectors = np.stack([vectors[article_id] for article_id in article_of])
    result = {"level": level, "articles": len(records), "rashomon": clustering_scores(predicted, gold)}
    if baselines:
        result |= _baselines(records, vectors, gold)
    return result


@contextmanager
def analyzed(path: Path, on_article: Callable[[str], None] | None = None, model: ClusterModel | None = None):
    """A temporary store holding the gold file ingested and analyzed (clustered with ``model``)."""
    with tempfile.TemporaryDirectory(prefix="rashomon-eval-") as folder:
        target = str(Path(folder) / "eval.db")
        store, settings = Store.open(target), Settings.load(db=target)
        try:
            ingest(store, [str(path)], settings)
            analyze(store, settings, Ticks(on_article) if on_article else None, cluster_model=model)
            yield store
        finally:
            store.close()


class Ticks:
    """A progress that only calls ``tick`` for every item done."""

    def __init__(self, tick: Callable[[str], None]):
        self.tick = tick

    def add_work(self, amount: int) -> None:
        pass

    def advance(self, item: str) -> None:
        self.tick(item)


def gold_article_ids(store: Store, path: Path, records: list[dict]) -> list[str]:
    """Record number → stored article id, through the origin (``file:line``) of every revision; a record
    that repeats an earlier one exactly was stored once, and is found by its identity."""
    found: dict[int, str] = {}
    for origin, article_id in reads.revision_origins(store):
        name, _, line = origin.rpartition(":")
        if name.endswith(path.name) and line.isdigit():
            found[int(line) - 1] = article_id
    return [found.get(i) or article_id_of(article_identity(record.get("url"), record.get("outlet"),
                                                          record.get("title"), record["text"]))
            for i, record in enumerate(records)]


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
