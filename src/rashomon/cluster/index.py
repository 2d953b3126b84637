"""The clusterer's memory: events and stories as they stand, and the indexes that find a new article's
candidates without scanning the corpus: its nearest articles by words (an inverted index), the events
they belong to, and a time window."""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from rashomon.cluster.neighbours import NeighbourIndex
from rashomon.cluster.profiles import ArticleProfile, day_of
from rashomon.cluster.similarity import ClusterModel, CorpusStats, weighted_terms

COMPARED_MEMBERS = 8  # an event is compared through its most recent members
EVENT_WINDOW_DAYS = 7  # one happening is reported within days; a week allows for weekly papers
STORY_WINDOW_DAYS = 120


@dataclass
class EventState:
    id: int
    story: int
    members: list[ArticleProfile] = field(default_factory=list)
    term_sum: dict[str, float] = field(default_factory=dict)  # members' TF-IDF weights added up
    first: date | None = None  # the earliest and latest publication dates of its members
    last: date | None = None
    named: tuple[date, date] | None = None  # undated members: the earliest and latest of the days they name

    def add(self, profile: ArticleProfile, terms: dict[str, float]) -> None:
        self.members.append(profile)
        for word, weight in terms.items():
            self.term_sum[word] = self.term_sum.get(word, 0.0) + weight
        day = profile.published
        if day is not None:
            self.first = min(self.first or day, day)
            self.last = max(self.last or day, day)
        elif (named := day_of(profile, self.first.year if self.first else None)) is not None:
            self.named = (min(self.named[0], named), max(self.named[1], named)) if self.named else (named, named)

    def clear(self) -> None:
        """No members: before they are added again (merged or split)."""
        self.members, self.term_sum, self.first, self.last, self.named = [], {}, None, None, None

    def centroid_terms(self) -> dict[str, float]:
        """The event's words as one unit-length TF-IDF vector: what its reports have in common weighs most."""
        norm = math.sqrt(sum(w * w for w in self.term_sum.values())) or 1.0
        return {word: w / norm for word, w in self.term_sum.items()}

    def compared(self) -> list[ArticleProfile]:
        return self.members[-COMPARED_MEMBERS:]

    def holds(self, profile: ArticleProfile, window: int) -> bool:
        """The article's date lies within ``window`` days of the event's publication dates. An undated
        article is dated by the latest day its text names (its year taken from the event's if it names
        none); an event of undated articles only is not placed in time: text dates set against each other
        split one event's reports more often than they part two events (measured on ECB+)."""
        if self.first is None:
            return True
        return self.within(day_of(profile, self.first.year), window)

    def days_from(self, profile: ArticleProfile) -> int | None:
        """Days from the article's date to the nearest end of the event's, none when either is unknown."""
        day = day_of(profile, self.first.year) if self.first else None
        if day is None:
            return None
        return max(0, (self.first - day).days, (day - self.last).days)

    def within(self, day: date | None, window: int) -> bool:
        if day is None or self.first is None:
            return True
        return (self.first - day).days <= window and (day - self.last).days <= window

    def time_span(self) -> tuple[date, date] | None:
        """When the event happened, as far as its reports say: their publication dates, or, when none is
        dated, the days they name (evidence for the event's date, never taken for a publication date)."""
        return (self.first, self.last) if self.first is not None else self.named

    def near(self, other: EventState, window: int) -> bool:
        """The two events' time spans lie within ``window`` days of each other (either unknown: they may).
        Two events kept apart by the days their undated reports name are not merged by a third report that
        names none: an undated article never bridges on a guessed date."""
        if self.first is None and other.first is None:
            return True  # named days against named days: as in ``holds``, not set against each other
        mine, theirs = self.time_span(), other.time_span()
        if mine is None or theirs is None:
            return True
        return all((mine[0] - day).days <= window and (day - mine[1]).days <= window for day in theirs)


class ClusterIndex:
    """Events, stories and the article index, kept in step as articles are assigned and events merge."""

    def __init__(self, model: ClusterModel):
        self.stats = CorpusStats()
        self.articles = NeighbourIndex(model)
        self.events: dict[int, EventState] = {}
        self.stories: dict[int, set[int]] = defaultdict(set)
        self._event_of: dict[str, int] = {}

    # -- reading ------------------------------------------------------------------------------

    def candidates(self, profile: ArticleProfile, window: int = STORY_WINDOW_DAYS) -> list[EventState]:
        """The events of the article's nearest articles already placed (by words, and in each other language
        by meaning), within ``window`` days of it."""
        nearest = sorted(self.articles.neighbourhood(profile.article_id).nearest)
        nearest += self.articles.elsewhere(profile.article_id)
        found = dict.fromkeys(self._event_of[a] for a in nearest if a in self._event_of)
        return [self.events[i] for i in found if self.events[i].holds(profile, window)]

    def terms(self, profile: ArticleProfile) -> dict[str, float]:
        """TF-IDF weights of an article, as they were when it became known."""
        return self.articles.terms(profile.article_id)

    def event_of(self, article_id: str) -> int | None:
        return self._event_of.get(article_id)

    # -- writing ------------------------------------------------------------------------------

    def know(self, profiles: list[ArticleProfile]) -> None:
        """Add articles to the word statistics and to the article index: all first, so that each one's
        weights and neighbourhood count all of them."""
        fresh = [p for p in profiles if p.article_id not in self.articles]
        for profile in fresh:
            self.stats.add(profile)
        for profile in fresh:
            self.articles.add(profile.article_id, weighted_terms(profile, self.stats), profile.vector, profile.language,
                              profile.outlet)

    def new_event(self, event_id: int, story_id: int) -> EventState:
        event = EventState(event_id, story_id)
        self.events[event_id] = event
        self.stories[story_id].add(event_id)
        return event

    def add(self, event: EventState, profile: ArticleProfile) -> None:
        self.know([profile])
        event.add(profile, self.terms(profile))
        self._event_of[profile.article_id] = event.id

    def merge_events(self, kept: EventState, gone: EventState) -> None:
        """``gone``'s articles join ``kept``, in the order they came, and ``gone`` is no more."""
        members = sorted(kept.members + gone.members, key=lambda p: self.articles.order(p.article_id))
        kept.clear()
        for profile in members:
            kept.add(profile, self.terms(profile))
            self._event_of[profile.article_id] = kept.id
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
