"""A corpus at a glance, as the demo shows it: articles, who they name, what happened when, quotes, stories,
and for the largest story what each outlet reports, where it came from and when it happened."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rashomon.reads.articles import ArticleList, articles
from rashomon.reads.compare import Comparison, compare
from rashomon.reads.divergences import DivergenceView, divergences
from rashomon.reads.entities import EntityCount, entities
from rashomon.reads.provenance import Provenance, provenance
from rashomon.reads.quotes import RenderedQuoteGroup, quote_groups
from rashomon.reads.stories import StoryDetail, StorySummary, stories, story
from rashomon.reads.timeline import Timeline, timeline
from rashomon.store import Store, reads

OVERVIEW_ENTITIES = 12


@dataclass(frozen=True)
class NamedDate:
    """A date an article speaks of, beside when the article was published."""

    article_id: str
    text: str  # as written
    value: str  # TimeML value
    qualifier: str | None
    published: date | None
    start: int
    end: int


@dataclass(frozen=True)
class Overview:
    articles: ArticleList
    entities: list[EntityCount]
    dates: list[NamedDate]  # in order of the day they name
    quote_groups: list[RenderedQuoteGroup]
    stories: list[StorySummary]
    largest_story: StoryDetail | None
    comparison: Comparison | None  # what each outlet reports in the largest story
    divergences: list[DivergenceView]
    provenance: Provenance | None  # where the largest story's accounts came from
    timeline: Timeline | None  # and when what they report happened


def named_dates(store: Store) -> list[NamedDate]:
    """Every date expression with its article's publication date, in order of the date it names."""
    with store.read() as connection:
        return [NamedDate(row.article_id, row.text, row.value, row.qualifier, row.published, row.start, row.end)
                for row in reads.dated_mentions(connection)]


def overview(store: Store) -> Overview:
    found = stories(store)
    largest = found[0].story if found else None
    return Overview(articles(store), entities(store, limit=OVERVIEW_ENTITIES), named_dates(store),
                    quote_groups(store), found, story(store, largest) if found else None,
                    compare(store, story=largest) if found else None, divergences(store),
                    provenance(store, largest) if found else None, timeline(store, largest) if found else None)
