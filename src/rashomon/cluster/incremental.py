"""`analyze` ends here: every annotated article not yet in an event is placed, in order of publication.

The index is rebuilt from the store once per run (events, stories, profiles), the run's new articles
are added to the article index all at once (so that each one's neighbourhood counts the others), then
each is assigned against candidates only and its place written with the reasons, in batches.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from rashomon import embed
from rashomon.cluster.assign import Ids, assign
from rashomon.cluster.index import ClusterIndex
from rashomon.cluster.profiles import from_stored, profile
from rashomon.cluster.similarity import ClusterModel
from rashomon.nlp import models
from rashomon.store import Store, queries, writes

BATCH = 200
_LINE = re.compile(r"^(.*):(\d+)$")


@dataclass
class ClusterReport:
    clustered: int = 0
    new_events: int = 0
    new_stories: int = 0
    merges: int = 0

    def as_dict(self) -> dict:
        return vars(self).copy()


def update_clusters(store: Store, model: ClusterModel | None = None, progress=None) -> ClusterReport:
    model = model or models.cluster_model()
    with store.read() as connection:
        index = load_index(connection, model)
        next_event, next_story, seq = queries.cluster_counters(connection)
        pending = sorted(queries.articles_to_cluster(connection), key=_publication_order)
        entities = queries.entity_ids_by_article(connection, [row.id for row in pending])
        dates = queries.date_values_by_article(connection, [row.id for row in pending])
    profiles = [profile(row.id, row.published, embed.from_bytes(row.article_vector), row.title, row.text,
                        entities.get(row.id, frozenset()), dates.get(row.id, ())) for row in pending]
    index.know(profiles)
    ids, report = Ids(next_event, next_story), ClusterReport()
    if progress:
        progress.add_work(len(pending))
    for start in range(0, len(pending), BATCH):
        with store.transaction() as connection:
            for article in profiles[start:start + BATCH]:
                assignment = assign(index, article, model, ids)
                writes.save_cluster_assignment(connection, assignment, seq, article.as_dict(),
                                               assignment.explanation(model))
                seq += 1
                _count(report, assignment)
                if progress:
                    progress.advance(article.article_id)
    return report


def load_index(connection, model: ClusterModel) -> ClusterIndex:
    """The clusterer's memory as the store holds it: events, stories, and each member's profile."""
    rows = queries.clustered_members(connection)
    members = [from_stored(row.article_id, row.published, embed.from_bytes(row.article_vector), row.profile)
               for row in rows]
    index = ClusterIndex(model)
    index.know(members)
    for row, member in zip(rows, members, strict=True):
        event = index.events.get(row.event_id) or index.new_event(row.event_id, row.story_id)
        index.add(event, member)
    return index


def _publication_order(row) -> tuple:
    """Oldest first, undated last, then in the order of the input (a dump's line numbers as numbers)."""
    match = _LINE.match(row.origin or "")
    origin = (match.group(1), int(match.group(2))) if match else (row.origin or "", 0)
    return (row.published is None, row.published or date.min, origin, row.id)


def _count(report: ClusterReport, assignment) -> None:
    report.clustered += 1
    report.new_events += assignment.new_event
    report.new_stories += assignment.new_story
    report.merges += len(assignment.merged_events)
