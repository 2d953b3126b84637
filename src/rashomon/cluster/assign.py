"""One article's place: the event it joins (or opens), the story of that event, and why.

The article is scored against each candidate event through the event's most recent members (average
link: the mean probability over them, so one look-alike member cannot pull an article in). It joins
the likeliest event at or above the event threshold within the event window; when it clears the
threshold for two events at once, it bridges them and they merge. Otherwise it opens a new event,
placed in the story of the likeliest candidate at or above the story threshold, or in a new story.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rashomon.cluster.index import EVENT_WINDOW_DAYS, ClusterIndex, EventState
from rashomon.cluster.profiles import ArticleProfile, day_of
from rashomon.cluster.similarity import (
    FEATURES,
    ClusterModel,
    pair_features,
    weighted_terms,
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
    members = event.compared()
    pairs = []
    for member in members:
        member_terms = index.terms(member)
        features = pair_features(profile, member, index.stats, terms, member_terms)
        pairs.append((model.probability(features), features, member, member_terms))
    probability = sum(p for p, *_ in pairs) / len(pairs)
    topic = sum(model.topic_probability(f) for _, f, *_ in pairs) / len(pairs)
    means = {name: sum(f[name] for _, f, *_ in pairs) / len(pairs) for name in FEATURES}
    _, _, closest, closest_terms = max(pairs, key=lambda pair: pair[0])
    entities = sorted(profile.entities & closest.entities, key=lambda e: (-index.stats.entity_idf(e), e))
    words = sorted(set(terms) & set(closest_terms), key=lambda w: (-terms[w] * closest_terms[w], w))
    return Candidate(event.id, event.story, round(probability, 4), round(topic, 4), {k: round(v, 4) for k, v in means.items()},
                     closest.article_id, tuple(entities[:SHARED_SHOWN]), tuple(words[:SHARED_SHOWN]),
                     event.within(day_of(profile), EVENT_WINDOW_DAYS))


def assign(index: ClusterIndex, profile: ArticleProfile, model: ClusterModel, ids: Ids) -> Assignment:
    """Place ``profile`` in the index and say where and why."""
    candidates = score_candidates(index, profile, model)
    matches = [c for c in candidates if c.in_event_window and c.probability >= model.event_threshold]
    shown = candidates[:EXPLAINED_CANDIDATES]
    if matches:
        kept = index.events[matches[0].event]
        assignment = Assignment(profile.article_id, kept.id, kept.story, "joined", shown)
        for other in matches[1:]:
            bridged = index.events[other.event]
            if kept.near(bridged, EVENT_WINDOW_DAYS) and \
                    event_probability(index, kept, bridged, model) >= model.story_threshold:
                _merge(index, kept, index.events[other.event], assignment)
    else:
        assignment = _open_event(index, profile, model, candidates, shown, ids)
    index.add(index.events[assignment.event], profile)
    return assignment


def event_probability(index: ClusterIndex, first: EventState, second: EventState, model: ClusterModel) -> float:
    """Average link between two events: a bridge merges them only if they are at least of one story
    themselves, so that one article cannot chain two unrelated happenings together."""
    probabilities = [model.probability(pair_features(a, b, index.stats, index.terms(a), index.terms(b)))
                     for a in first.compared() for b in second.compared()]
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
