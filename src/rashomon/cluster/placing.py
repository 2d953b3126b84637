"""The clusters stage: every annotated article not yet in an event is placed, in order of publication.

The index is rebuilt from what is placed already (events, stories, profiles), the run's new articles
are added to the article index all at once (so that each one's neighbourhood counts the others), then
each is assigned against candidates only; the runner stores each placement with its reasons.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from datetime import date
from typing import TYPE_CHECKING

from rashomon.cluster.assign import Assignment, Ids, assign
from rashomon.cluster.index import ClusterIndex
from rashomon.cluster.profiles import ArticleProfile, from_stored, profile
from rashomon.cluster.similarity import ClusterModel
from rashomon.records import ArticleFacts, ArticlesToPlace, ClusteredArticle, Placement

if TYPE_CHECKING:
    from rashomon.pipeline.stages import RunContext

_LINE = re.compile(r"^(.*):(\d+)$")


def place_articles(pending: ArticlesToPlace, context: RunContext) -> Iterator[Placement]:
    """Each new article's event and story, oldest first, with the merges it causes and the reasons."""
    model = context.cluster_model
    index = restore_index(pending.clustered, model)
    profiles = profiles_in_order(pending.articles)
    index.know(profiles)
    ids = Ids(pending.next_event, pending.next_story)
    for sequence, article in enumerate(profiles, start=pending.next_sequence):
        assignment = assign(index, article, model, ids)
        yield as_placement(assignment, sequence, article, model)


def profiles_in_order(articles: Sequence[ArticleFacts]) -> list[ArticleProfile]:
    """What the clusterer compares of each article, in the order it places them."""
    return [profile(a.article_id, a.published, a.vector, a.title, a.text, a.entity_ids, a.date_values, a.language,
                    a.outlet)
            for a in sorted(articles, key=publication_order)]


def publication_order(article: ArticleFacts) -> tuple:
    """Oldest first, undated last, then in the order of the input (a dump's line numbers as numbers)."""
    match = _LINE.match(article.origin or "")
    origin = (match.group(1), int(match.group(2))) if match else (article.origin or "", 0)
    return (article.published is None, article.published or date.min, origin, article.article_id)


def restore_index(clustered: Sequence[ClusteredArticle], model: ClusterModel) -> ClusterIndex:
    """The clusterer's memory as the store holds it: events, stories, and each member's profile."""
    members = [from_stored(c.article_id, c.published, c.vector, c.profile) for c in clustered]
    index = ClusterIndex(model)
    index.know(members)
    for placed, member in zip(clustered, members, strict=True):
        event = index.events.get(placed.event_id) or index.new_event(placed.event_id, placed.story_id)
        index.add(event, member)
    return index


def as_placement(assignment: Assignment, sequence: int, article: ArticleProfile, model: ClusterModel) -> Placement:
    """The assignment as the store keeps it: the place, the merges and moves it caused, and the reasons."""
    return Placement(
        article_id=assignment.article_id, sequence=sequence, event_id=assignment.event, story_id=assignment.story,
        decision=assignment.decision, new_event=assignment.new_event, new_story=assignment.new_story,
        merged_events=tuple(assignment.merged_events), moved_articles=tuple(assignment.moved_articles),
        moved_events=tuple(assignment.moved_events), split_events=tuple(assignment.split_events),
        profile=article.as_dict(), explanation=assignment.explanation(model))
