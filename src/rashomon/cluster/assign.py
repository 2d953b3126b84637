"""One article's place: the event it joins (or opens), the story of that event, and why.

The article is scored against each candidate event through the event's most recent members (average
link: the mean probability over them, so one look-alike member cannot pull an article in). It joins
the likeliest event at or above the event threshold within the event window; when it clears the
threshold for two events at once, it bridges them and they merge. Otherwise it opens a new event,
placed in the story of the likeliest candidate at or above the story threshold, or in a new story.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from rashomon.cluster.index import EVENT_WINDOW_DAYS, ClusterIndex, EventState
from rashomon.cluster.profiles import ArticleProfile, day_of
from rashomon.cluster.similarity import (
    ClusterModel,
    event_features,
    pair_features,
    weighted_terms,
    word_cosine,
)

EXPLAINED_CANDIDATES = 5
SHARED_SHOWN = 12


@dataclass(frozen=True)
class Candidate:
    event: int
    story: int
    probability: float
    topic_probability: float  # the same, time left out: for the story
    features: dict[str, float]  # means over the members compared
    closest: str  # the member most like the article
    shared_entities: tuple[str, ...]
    shared_words: tuple[str, ...]
    in_event_window: bool


@dataclass
class Assignment:
    article_id: str
    event: int
    story: int
    decision: str  # joined, bridged, new event, new story
    candidates: list[Candidate]
    merged_events: list[tuple[int, int]] = field(default_factory=list)  # (gone, kept)
    moved_articles: list[tuple[str, int, int]] = field(default_factory=list)  # (article, from event, to event)
    moved_events: list[tuple[int, int, int]] = field(default_factory=list)  # (event, from story, to story)
    new_event: bool = False
    new_story: bool = False

    def explanation(self, model: ClusterModel) -> dict:
        return {"decision": self.decision, "event_threshold": model.event_threshold,
                "story_threshold": model.story_threshold, "event_window_days": EVENT_WINDOW_DAYS,
                "merged_events": self.merged_events,
                "candidates": [vars(c) | {"shared_entities": list(c.shared_entities),
                                          "shared_words": list(c.shared_words)} for c in self.candidates]}


class Ids:
    """The next free event and story numbers."""

    def __init__(self, next_event: int, next_story: int):
        self.next_event, self.next_story = next_event, next_story

    def event(self) -> int:
        self.next_event += 1
        return self.next_event - 1

    def story(self) -> int:
        self.next_story += 1
        return self.next_story - 1


def score_candidates(index: ClusterIndex, profile: ArticleProfile, model: ClusterModel) -> list[Candidate]:
    terms = weighted_terms(profile, index.stats)
    scored = []
    for event in index.candidates(profile):
        scored.append(_score_event(index, profile, terms, event, model))
    return sorted(scored, key=lambda c: -c.probability)


def _score_event(index: ClusterIndex, profile: ArticleProfile, terms: dict, event: EventState,
                 model: ClusterModel) -> Candidate:
    features, closest, closest_terms = article_event_features(index, profile, terms, event)
    entities = sorted(profile.entities & closest.entities, key=lambda e: (-index.stats.entity_idf(e), e))
    words = sorted(set(terms) & set(closest_terms), key=lambda w: (-terms[w] * closest_terms[w], w))
    return Candidate(event.id, event.story, round(model.probability(features), 4),
                     round(model.topic_probability(features), 4), {k: round(v, 4) for k, v in features.items()},
                     closest.article_id, tuple(entities[:SHARED_SHOWN]), tuple(words[:SHARED_SHOWN]),
                     event.within(day_of(profile), EVENT_WINDOW_DAYS))


def article_event_features(index: ClusterIndex, profile: ArticleProfile, terms: dict,
                           event: EventState) -> tuple[dict[str, float], ArticleProfile, dict[str, float]]:
    """The article against the event's most recent members and its centroids; also the member most like it."""
    pairs = []
    for member in event.compared():
        member_terms = index.terms(member)
        pairs.append((pair_features(profile, member, index.stats, terms, member_terms), member, member_terms))
    centroid = event.vector_sum / (float(np.linalg.norm(event.vector_sum)) or 1.0)
    features = event_features([pair for pair, *_ in pairs], word_cosine(terms, event.centroid_terms()),
                              float(np.dot(profile.vector, centroid)))
    _, closest, closest_terms = max(pairs, key=lambda pair: pair[0]["words"])
    return features, closest, closest_terms


def assign(index: ClusterIndex, profile: ArticleProfile, model: ClusterModel, ids: Ids) -> Assignment:
    """Place ``profile`` in the index and say where and why."""
    candidates = score_candidates(index, profile, model)
    matches = [c for c in candidates if c.in_event_window and c.probability >= model.event_threshold]
    shown = candidates[:EXPLAINED_CANDIDATES]
    if matches:
        kept = index.events[matches[0].event]
        assignment = Assignment(profile.article_id, kept.id, kept.story, "joined", shown)
        index.add(kept, profile)
        _consolidate(index, kept, candidates, model, assignment)
    else:
        assignment = _open_event(index, profile, model, candidates, shown, ids)
        index.add(index.events[assignment.event], profile)
    return assignment


def _consolidate(index: ClusterIndex, kept: EventState, candidates: list[Candidate], model: ClusterModel,
                 assignment: Assignment) -> None:
    """With the article in, other nearby candidates may now be seen as the same event. One the article
    itself also matched (a bridge) merges if the two events are at least of one story, so that one article
    cannot chain two unrelated happenings together; one it only came close to merges if its members now
    belong to the event as surely as an article joins one."""
    for other in candidates:
        if other.event == kept.id or other.event not in index.events or not other.in_event_window \
                or other.probability < model.story_threshold:
            continue
        needed = model.story_threshold if other.probability >= model.event_threshold else model.event_threshold
        candidate = index.events[other.event]
        if kept.near(candidate, EVENT_WINDOW_DAYS) and event_probability(index, kept, candidate, model) >= needed:
            _merge(index, kept, candidate, assignment)


def event_probability(index: ClusterIndex, first: EventState, second: EventState, model: ClusterModel) -> float:
    """How likely the second event's recent members belong to the first, on average."""
    probabilities = [model.probability(article_event_features(index, member, index.terms(member), first)[0])
                     for member in second.compared()]
    return sum(probabilities) / len(probabilities)


def _open_event(index: ClusterIndex, profile: ArticleProfile, model: ClusterModel, candidates: list[Candidate],
                shown: list[Candidate], ids: Ids) -> Assignment:
    related = sorted((c for c in candidates if c.topic_probability >= model.story_threshold),
                     key=lambda c: -c.topic_probability)
    if related:
        story, decision, new_story = related[0].story, "new event", False
    else:
        story, decision, new_story = ids.story(), "new story", True
    event = index.new_event(ids.event(), story)
    return Assignment(profile.article_id, event.id, story, decision, shown, new_event=True, new_story=new_story)


def _merge(index: ClusterIndex, kept: EventState, gone: EventState, assignment: Assignment) -> None:
    """The article reports both events as one: they are one event, and their stories one story."""
    if gone.story != kept.story:
        for event_id in sorted(index.stories[gone.story]):
            if event_id != gone.id:
                assignment.moved_events.append((event_id, gone.story, kept.story))
                index.move_event(index.events[event_id], kept.story)
    assignment.merged_events.append((gone.id, kept.id))
    assignment.moved_articles += [(member.article_id, gone.id, kept.id) for member in gone.members]
    assignment.decision = "bridged"
    index.merge_events(kept, gone)
