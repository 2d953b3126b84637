"""Stories and events: the list, one story's events and coverage, and why an article is where it is."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from rashomon.reads import story_heads
from rashomon.reads.labels import headline, outlet_as_stored, outlet_label
from rashomon.reads.paging import Listing, PythonSortKeys, sorted_page
from rashomon.records import Event, Story
from rashomon.store import Store, reads
from rashomon.store.filters import Filter
from rashomon.store.paging import Page


@dataclass(frozen=True)
class StorySummary:
    story: int
    events: int
    articles: int
    outlets: int
    first: date | None  # first and last publication dates of its articles
    last: date | None
    headline: str = ""  # the title of its most central article (story_heads.headlines)
    entities: tuple[str, ...] = ()  # the people, organisations and places its articles name most

    def as_dict(self) -> dict:
        """``{"story", "events", "articles", "outlets", "first", "last", "headline", "entities": [name, …]}``."""
        return {**vars(self), "entities": list(self.entities)}


def stories(store: Store, where: Filter = Filter()) -> list[StorySummary]:
    """Every story (with a filter: every story with a matching article), largest first, with its headline
    and top entities."""
    with store.read() as connection:
        rows = reads.stories_overview(connection, outlet_as_stored(connection, where))
        headlines, entities = story_heads.headlines(connection), story_heads.top_entities(connection)
    return [StorySummary(row.story, row.events, row.articles, row.outlets, row.first, row.last,
                         headlines.get(row.story, ""), entities.get(row.story, ())) for row in rows]


STORY_SORTS: PythonSortKeys = {
    "size": (lambda s: (s.articles, -s.story), True), "events": (lambda s: (s.events, -s.story), True),
    "outlets": (lambda s: (s.outlets, s.articles, -s.story), True), "date": (lambda s: s.first, False),
    "last": (lambda s: s.last, True), "story": (lambda s: s.story, False),
}


def stories_page(store: Store, where: Filter = Filter(), page: Page = Page()) -> Listing:
    """One page of the stories with an article matching ``where``, sorted by size (articles, default),
    events, outlets, date (first publication, oldest first), last (latest publication, newest first) or story
    (number): a list of ``StorySummary``, and how many there are in all."""
    found = stories(store, where)
    shown = sorted_page(found, page, STORY_SORTS, "size", "stories")
    return Listing(shown, len(shown), len(found), page.offset)


@dataclass(frozen=True)
class StoryDetail:
    story: Story
    events: tuple[Event, ...]  # their articles oldest first (undated last)
    articles: Mapping[str, dict]  # article id → {"article", "outlet", "published", "title", "headline", "outlet_label"}
    coverage: dict[str, int]  # articles a day, from the first day to the last; "undated": how many have no date

    def as_dict(self) -> dict:
        """``{"story", "events": [{"event", "articles": [{"article", "outlet", "published", "title", "headline",
        "outlet_label"}, …]}, …],
        "coverage": {"YYYY-MM-DD": n, …, "undated": n}}``."""
        return {"story": self.story.id,
                "events": [{"event": event.id, "articles": [self.articles[a] for a in event.article_ids]}
                           for event in self.events],
                "coverage": self.coverage}


def story(store: Store, story_id: int) -> StoryDetail:
    """One story's events with their articles, oldest first, and its coverage over time (NotFound if none)."""
    with store.read() as connection:
        rows = reads.story_articles(connection, story_id)
    members: dict[int, list] = defaultdict(list)
    for row in rows:
        members[row.event_id].append(row)
    events = tuple(Event(event, story_id, tuple(row.id for row in found),
                         min((row.published for row in found if row.published), default=None),
                         max((row.published for row in found if row.published), default=None))
                   for event, found in members.items())
    articles = {row.id: {"article": row.id, "outlet": row.outlet, "published": row.published, "title": row.title,
                         "headline": headline(row.title, row.opening), "outlet_label": outlet_label(row.outlet, row.origin)}
                for row in rows}
    return StoryDetail(Story(story_id, tuple(event.id for event in events)), events, articles,
                       coverage([row.published for row in rows]))


def coverage(days: Sequence[date | None]) -> dict[str, int]:
    """Articles per publication day, from the first to the last (undated ones under "undated")."""
    counts = Counter(day for day in days if day is not None)
    result: dict[str, int] = {}
    if counts:
        day, last = min(counts), max(counts)
        while day <= last:
            result[day.isoformat()] = counts.get(day, 0)
            day += timedelta(days=1)
    undated = sum(day is None for day in days)
    if undated:
        result["undated"] = undated
    return result


@dataclass(frozen=True)
class Explanation:
    """Why an article is in its event and story, as the clusterer recorded it when placing the article."""

    article: str
    event: int
    story: int
    recorded: dict  # decision, thresholds, the candidates weighed (shared entities by name)
    moves: tuple[dict, ...]  # each time a later article's placement moved it: by a bridge or a split
    current: dict | None = None  # moved: why it is where it is now (its last move, with the event threshold)

    def as_dict(self) -> dict:
        """``{"article", "event", "story", "decision", "event_threshold", "story_threshold", "event_window_days",
        "merged_events", "candidates": [{"event", "story", "score", "features", "closest", "shared_entities",
        "shared_words", "in_event_window"}, …], "counterparts": [{"article", "language", "margin"}, …],
        "moves": [{"from_event", "to_event", "because", "how": "bridged" or "split off", "link"}, …],
        "current": None or the last move with "event_threshold"}``."""
        return {"article": self.article, "event": self.event, "story": self.story, **self.recorded,
                "moves": list(self.moves), "current": self.current}


_RECORDED = ("decision", "event_threshold", "story_threshold", "event_window_days", "merged_events")


def why(store: Store, key: str) -> Explanation:
    """The article's place (by id, id prefix or URL), the candidates it was weighed against, and moves."""
    with store.read() as connection:
        article_id = reads.find_article(connection, key).id
        placement = reads.cluster_placement(connection, article_id)
        recorded = placement.explanation
        entity_ids = sorted({e for c in recorded["candidates"] for e in c["shared_entities"]})
        names = reads.entity_names(connection, entity_ids)
        moves = tuple(_move(connection, m) for m in reads.cluster_moves(connection, article_id))
        current = {**moves[-1], "event_threshold": recorded["event_threshold"]} if moves else None
    candidates = [{**candidate, "shared_entities": [names.get(e, e) for e in candidate["shared_entities"]]}
                  for candidate in recorded["candidates"]]
    return Explanation(article_id, placement.event_id, placement.story_id,
                       {**{key: recorded[key] for key in _RECORDED}, "candidates": candidates,
                        "counterparts": recorded.get("counterparts", [])}, moves, current)


def _move(connection, row) -> dict:
    """One move and how it came about, as the placement of the article that caused it recorded: that
    article bridged the two events (with how alike their members were: absent in older stores), or its
    arrival split the event, whose reports fell in two groups that share no specific content."""
    cause = reads.cluster_placement(connection, row.because).explanation
    split = [row.from_event, row.to_event] in [list(s[:2]) for s in cause.get("split_events", ())]
    link = next((m["link"] for m in cause.get("merges", ())
                 if m["gone"] == row.from_event and m["kept"] == row.to_event), None)
    return {"from_event": row.from_event, "to_event": row.to_event, "because": row.because,
            "how": "split off" if split else "bridged", "link": None if split else link}
