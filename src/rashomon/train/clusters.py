"""Choosing the cluster model's parameters on gold story labels (JSONL with ``story``, as in ../shared/data/stories).

Each gold file is ingested and analyzed in a temporary store; then, for every point of a small grid (how
much the article vectors add to the words, which ranks make the background, the event threshold), its articles are
clustered in publication order exactly as ``analyze`` would, and B-cubed F1 is measured against the gold
events. The point that is good on every file wins over the one best on average: the point whose worst
shortfall from the best F1 reached on each file is least (ties: the better mean, then the stricter
threshold). Leaving each public corpus out in turn (its undated variants with it), choosing by the best
mean put AllSides 0.007 below its tuned TF-IDF baseline; choosing by the least worst shortfall kept every
held-out corpus above its baseline (numbers in the issue notes). How many
nearest articles count is not searched: ten, fixed before any measurement. The story threshold is half
the event threshold: there is no gold for stories to choose it on.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from rashomon.cluster.assign import Ids, assign
from rashomon.cluster.index import ClusterIndex
from rashomon.cluster.placing import profiles_in_order, publication_order
from rashomon.cluster.profiles import ArticleProfile
from rashomon.cluster.similarity import ClusterModel
from rashomon.evaluate.metrics import bcubed
from rashomon.evaluate.stories import analyzed, gold_article_ids, read_records
from rashomon.store import Store
from rashomon.store.stage_io.clusters import article_facts

MEANING_WEIGHTS = (0.0, 0.25, 0.5, 1.0)
BACKGROUND_RANKS = ((20, 40), (30, 60))
EVENT_THRESHOLDS = (0.25, 0.2, 0.175, 0.15, 0.125, 0.1, 0.075, 0.05)
STORY_SHARE = 0.5


@dataclass(frozen=True)
class GridPoint:
    model: ClusterModel
    f1: tuple[float, ...]  # B-cubed F1 of each gold file, in the order given

    @property
    def mean_f1(self) -> float:
        return sum(self.f1) / len(self.f1)

    def shortfall(self, best: tuple[float, ...]) -> float:
        """The most it falls short of the best F1 reached on any one file."""
        return max(top - f1 for top, f1 in zip(best, self.f1, strict=True))


def grid() -> list[ClusterModel]:
    return [ClusterModel(threshold, round(threshold * STORY_SHARE, 4), background_ranks=ranks, meaning_weight=weight)
            for weight, ranks, threshold in itertools.product(MEANING_WEIGHTS, BACKGROUND_RANKS, EVENT_THRESHOLDS)]


def cluster_in_order(profiles: list[ArticleProfile], model: ClusterModel) -> list[int]:
    """Each profile's event, the profiles clustered in the order given as one run of ``analyze``."""
    index, ids = ClusterIndex(model), Ids(1, 1)
    index.know(profiles)
    for article in profiles:
        assign(index, article, model, ids)
    return [index.event_of(article.article_id) for article in profiles]


def grid_scores(datasets: list[tuple[list[ArticleProfile], list[str]]],
                on_point: Callable[[GridPoint], None] | None = None) -> list[GridPoint]:
    points = []
    for model in grid():
        point = GridPoint(model, tuple(round(bcubed(cluster_in_order(profiles, model), labels)["f1"], 4)
                                       for profiles, labels in datasets))
        points.append(point)
        if on_point:
            on_point(point)
    return points


def file_bests(points: list[GridPoint]) -> tuple[float, ...]:
    """The best F1 any point reaches on each file."""
    return tuple(max(point.f1[i] for point in points) for i in range(len(points[0].f1)))


def best_point(points: list[GridPoint]) -> GridPoint:
    """The point good on every file: least worst shortfall from each file's best, then best mean."""
    best = file_bests(points)
    return min(points, key=lambda point: (round(point.shortfall(best), 4), -point.mean_f1))  # first of equals


def train_cluster_model(paths: list[Path], on_article: Callable[[str], None] | None = None,
                        on_point: Callable[[GridPoint], None] | None = None) -> tuple[ClusterModel, list[GridPoint]]:
    """Each gold file analyzed in a temporary store, the grid scored on all of them, the best point kept."""
    datasets = [gold_profiles(path, on_article) for path in paths]
    points = grid_scores(datasets, on_point)
    chosen = best_point(points).model
    return replace(chosen, trained_on=", ".join(path.name for path in paths)), points


def gold_profiles(path: Path, on_article: Callable[[str], None] | None = None
                  ) -> tuple[list[ArticleProfile], list[str]]:
    with analyzed(path, on_article) as store:
        return labelled_profiles(store, path, read_records(path))


def labelled_profiles(store: Store, path: Path, records: list[dict]) -> tuple[list[ArticleProfile], list[str]]:
    """The stored articles of a gold file in publication order, each with its gold label."""
    label_of = {article: record["story"] for article, record in zip(gold_article_ids(store, path, records),
                                                                    records, strict=True)}
    with store.read() as connection:
        articles = article_facts(connection, unclustered_only=False)
    ordered = sorted(articles, key=publication_order)
    return profiles_in_order(ordered), [label_of[article.article_id] for article in ordered]
