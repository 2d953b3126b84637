"""Fitting the same-event model on gold story labels (JSONL with ``story``, as in ../shared/data/stories).

Each article, in publication order, is weighed against the candidate events the indexes would offer
(nearest by vector, sharing rare entities or rare words), the events being the gold ones so far; an
example is positive when the event is the article's own. A logistic regression (scikit-learn, from the ``bench`` extra) is fitted on the pair features;
only its weights are kept, so clustering runs without scikit-learn.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

import numpy as np

from rashomon import embed
from rashomon.analysis import analyze
from rashomon.cluster.incremental import _publication_order
from rashomon.cluster.profiles import ArticleProfile, profile
from rashomon.cluster.assign import article_event_features
from rashomon.cluster.index import ClusterIndex, EventState
from rashomon.cluster.similarity import FEATURES, ClusterModel, weighted_terms
from rashomon.errors import ModelMissing
from rashomon.evaluate.stories import _article_of_record, _Ticks, read_records
from rashomon.ingest.session import ingest
from rashomon.settings import Settings
from rashomon.store import Store, queries

REGULARISATION = 1.0


def training_examples(profiles: list[ArticleProfile], labels: list[str]) -> tuple[list[list[float]], list[bool]]:
    """Each article, in order, against the candidate events the indexes offer, the events being the gold
    ones as they stand when it arrives: the features the clusterer will weigh, and whether it belongs."""
    index = ClusterIndex(dimensions=len(profiles[0].vector) if profiles else 0)
    event_of: dict[str, EventState] = {}
    rows, targets = [], []
    for profile, label in zip(profiles, labels, strict=True):
        terms = weighted_terms(profile, index.stats)
        for event in index.candidates(profile):
            features, _, _ = article_event_features(index, profile, terms, event)
            rows.append([features[name] for name in FEATURES])
            targets.append(event_of.get(label) is event)
        if label not in event_of:
            event_of[label] = index.new_event(len(event_of), 0)
        index.add(event_of[label], profile)
    return rows, targets


def train_cluster_model(paths: list[Path], on_article: Callable[[str], None] | None = None) -> ClusterModel:
    """Each gold file ingested and analyzed in a temporary store, its pairs drawn, one model fitted on all."""
    datasets = []
    for path in paths:
        with tempfile.TemporaryDirectory(prefix="rashomon-train-") as folder:
            target = str(Path(folder) / "train.db")
            store, settings = Store.open(target), Settings.load(db=target)
            ingest(store, [str(path)], settings)
            analyze(store, settings, _Ticks(on_article) if on_article else None)
            profiles, labels = labelled_profiles(store, path, read_records(path))
            store.close()
        datasets.append(training_examples(profiles, labels))
    return fit_cluster_model(datasets, trained_on=", ".join(path.name for path in paths))


def labelled_profiles(store: Store, path: Path, records: list[dict]) -> tuple[list[ArticleProfile], list[str]]:
    """The stored articles of a gold file in publication order, each with its gold label."""
    label_of = {article: record["story"] for article, record in zip(_article_of_record(store, path, records),
                                                                    records, strict=True)}
    with store.read() as connection:
        rows = sorted(queries.articles_to_cluster(connection, unclustered_only=False), key=_publication_order)
        entities = queries.entity_ids_by_article(connection, [row.id for row in rows])
        dates = queries.date_values_by_article(connection, [row.id for row in rows])
    profiles = [profile(row.id, row.published, embed.from_bytes(row.article_vector), row.title, row.text,
                        entities[row.id], dates[row.id]) for row in rows]
    return profiles, [label_of[row.id] for row in rows]


def fit_cluster_model(datasets: Iterable[tuple[list[list[float]], list[bool]]], trained_on: str) -> ClusterModel:
    """One model over the pairs of every dataset, each dataset weighing the same."""
    try:
        from sklearn.linear_model import LogisticRegression
    except ImportError as error:
        raise ModelMissing("training the cluster model needs scikit-learn: pip install 'rashomon[bench]'") from error
    rows, targets, weights = [], [], []
    for features, labels in datasets:
        rows += features
        targets += labels
        weights += [1.0 / max(1, len(labels))] * len(labels)
    scale = len(weights) / sum(weights)
    model = LogisticRegression(C=REGULARISATION, max_iter=1000)
    model.fit(np.asarray(rows), np.asarray(targets), sample_weight=np.asarray(weights) * scale)
    return ClusterModel(dict(zip(FEATURES, map(float, model.coef_[0]), strict=True)), float(model.intercept_[0]),
                        trained_on=trained_on)
