"""The clusterer's memory: events and stories as they stand, and the indexes that find a new article's
candidates without scanning the corpus (nearest event centroids, shared rare entities and rare words, a
time window)."""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from rashomon.cluster.profiles import ArticleProfile, day_of
from rashomon.cluster.similarity import CorpusStats, weighted_terms

NEAREST_EVENTS = 12  # candidates from the vector index
ENTITY_EVENTS = 12  # candidates from the entity index
TERM_EVENTS = 12  # candidates from the rare-word index
RARE_TERMS = 10  # an article looks up its ten most distinctive words
COMPARED_MEMBERS = 8  # an event is compared through its most recent members
RARE_ENTITY_SHARE = 0.02  # an entity in more of the corpus than this finds no candidates
EVENT_WINDOW_DAYS = 7  # one happening is reported within days; a week allows for weekly papers
STORY_WINDOW_DAYS = 120
_UNDATED_FIRST, _UNDATED_LAST = date.min.toordinal(), date.max.toordinal()


@dataclass
class EventState:
    id: int
    story: int
    members: list[ArticleProfile] = field(default_factory=list)
    vector_sum: np.ndarray | None = None
    term_sum: dict[str, float] = field(default_factory=dict)  # members' TF-IDF weights added up
    first: date | None = None
    last: date | None = None

    def add(self, profile: ArticleProfile, terms: dict[str, float]) -> None:
        self.members.append(profile)
        for word, weight in terms.items():
            self.term_sum[word] = self.term_sum.get(word, 0.0) + weight
        self.vector_sum = profile.vector.copy() if self.vector_sum is None else self.vector_sum + profile.vector
        day = day_of(profile)
        if day is not None:
            self.first = min(self.first or day, day)
            self.last = max(self.last or day, day)

    def centroid_terms(self) -> dict[str, float]:
        """The event's words as one unit-length TF-IDF vector: what its reports have in common weighs most."""
        norm = math.sqrt(sum(w * w for w in self.term_sum.values())) or 1.0
        return {word: w / norm for word, w in self.term_sum.items()}

    def compared(self) -> list[ArticleProfile]:
        return self.members[-COMPARED_MEMBERS:]

    def within(self, day: date | None, window: int) -> bool:
        if day is None or self.first is None:
            return True
        return (self.first - day).days <= window and (day - self.last).days <= window

    def near(self, other: EventState, window: int) -> bool:
        """The two events' date ranges lie within ``window`` days of each other (undated ones always do)."""
        return other.first is None or (self.within(other.first, window) and self.within(other.last, window))


class ClusterIndex:
    """Events, stories and the candidate indexes, kept in step as articles are assigned and events merge."""

    def __init__(self, dimensions: int):
        self.stats = CorpusStats()
        self.events: dict[int, EventState] = {}
        self.stories: dict[int, set[int]] = defaultdict(set)
        self._rows = np.zeros((1024, dimensions), dtype=np.float32)
        # each row's date range as day ordinals (undated: the widest range), to search only nearby events
        self._first = np.full(1024, _UNDATED_FIRST, dtype=np.int64)
        self._last = np.full(1024, _UNDATED_LAST, dtype=np.int64)
        self._row_event: list[int] = []
        self._event_row: dict[int, int] = {}
        self._entity_events: dict[str, list[int]] = defaultdict(list)
        self._term_events: dict[str, list[int]] = defaultdict(list)
        self._terms: dict[str, dict[str, float]] = {}

    # -- reading ------------------------------------------------------------------------------

    def candidates(self, profile: ArticleProfile, window: int = STORY_WINDOW_DAYS) -> list[EventState]:
        day = day_of(profile)
        found = dict.fromkeys(self._nearest(profile.vector, day, window) + self._sharing_entities(profile)
                              + self._sharing_terms(profile))
        return [self.events[i] for i in found if i in self.events and self.events[i].within(day, window)]

    def _nearest(self, vector: np.ndarray, day: date | None, window: int) -> list[int]:
        """The events nearest in the vector space among those within ``window`` days (exact search)."""
        count = len(self._row_event)
        if day is None:
            rows = np.arange(count)
        else:
            ordinal = day.toordinal()
            rows = np.flatnonzero((self._first[:count] - window <= ordinal) & (ordinal <= self._last[:count] + window))
        if len(rows) == 0:
            return []
        scores = self._rows[rows] @ vector
        top = min(NEAREST_EVENTS, len(rows))
        best = np.argpartition(-scores, top - 1)[:top]
        return [self._row_event[rows[i]] for i in best[np.argsort(-scores[best])] if self._row_event[rows[i]] >= 0]

    def _sharing_entities(self, profile: ArticleProfile) -> list[int]:
        limit = max(20, RARE_ENTITY_SHARE * self.stats.articles)
        shared: dict[int, int] = defaultdict(int)
        for entity in sorted(profile.entities):
            if self.stats.entity_df.get(entity, 0) > limit:
                continue
            for event in self._entity_events.get(entity, ())[-ENTITY_EVENTS:]:
                shared[event] += 1
        ranked = sorted(shared, key=lambda event: (-shared[event], -event))
        return ranked[:ENTITY_EVENTS]

    def _sharing_terms(self, profile: ArticleProfile) -> list[int]:
        """Events whose members use the article's most distinctive words (highest TF-IDF, not too common)."""
        limit = max(20, RARE_ENTITY_SHARE * self.stats.articles)
        weights = weighted_terms(profile, self.stats)
        rare = [word for word in sorted(weights, key=lambda w: (-weights[w], w))
                if self.stats.word_df.get(word, 0) <= limit][:RARE_TERMS]
        shared: dict[int, float] = defaultdict(float)
        for word in rare:
            for event in self._term_events.get(word, ())[-TERM_EVENTS:]:
                shared[event] += weights[word]
        ranked = sorted(shared, key=lambda event: (-shared[event], -event))
        return ranked[:TERM_EVENTS]

    def terms(self, profile: ArticleProfile) -> dict[str, float]:
        """TF-IDF weights of a member, kept from when it joined (weights drift little as the corpus grows)."""
        cached = self._terms.get(profile.article_id)
        return cached if cached is not None else weighted_terms(profile, self.stats)

    # -- writing ------------------------------------------------------------------------------

    def new_event(self, event_id: int, story_id: int) -> EventState:
        event = EventState(event_id, story_id)
        self.events[event_id] = event
        self.stories[story_id].add(event_id)
        if len(self._row_event) == len(self._rows):
            self._rows = np.vstack([self._rows, np.zeros_like(self._rows)])
            self._first = np.concatenate([self._first, np.full_like(self._first, _UNDATED_FIRST)])
            self._last = np.concatenate([self._last, np.full_like(self._last, _UNDATED_LAST)])
        self._event_row[event_id] = len(self._row_event)
        self._row_event.append(event_id)
        return event

    def add(self, event: EventState, profile: ArticleProfile) -> None:
        self.stats.add(profile)
        terms = self._terms[profile.article_id] = weighted_terms(profile, self.stats)
        event.add(profile, terms)
        self._refresh_row(event)
        self._point_to(event, profile)

    def _point_to(self, event: EventState, profile: ArticleProfile) -> None:
        for entity in profile.entities:
            events = self._entity_events[entity]
            if not events or events[-1] != event.id:
                events.append(event.id)
        for word in profile.terms:
            events = self._term_events[word]
            if not events or events[-1] != event.id:
                events.append(event.id)

    def _refresh_row(self, event: EventState) -> None:
        row = self._event_row[event.id]
        self._rows[row] = event.vector_sum / (np.linalg.norm(event.vector_sum) or 1.0)
        if event.first is not None:
            self._first[row], self._last[row] = event.first.toordinal(), event.last.toordinal()

    def merge_events(self, kept: EventState, gone: EventState) -> None:
        """``gone``'s articles join ``kept``; its index row is emptied and its entities point to ``kept``."""
        for profile in gone.members:
            kept.add(profile, self.terms(profile))
        row = self._event_row.pop(gone.id)
        self._rows[row] = 0.0
        self._row_event[row] = -1
        self._refresh_row(kept)
        for profile in gone.members:
            self._point_to(kept, profile)
        del self.events[gone.id]
        self.stories[gone.story].discard(gone.id)
        if not self.stories[gone.story]:
            del self.stories[gone.story]

    def move_event(self, event: EventState, story: int) -> None:
        self.stories[event.story].discard(event.id)
        if not self.stories[event.story]:
            del self.stories[event.story]
        event.story = story
        self.stories[story].add(event.id)
