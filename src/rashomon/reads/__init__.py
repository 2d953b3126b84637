"""THE read side: one function per question, over a Store, for the CLI, the web pages, the report and export.

Each answer is a record or a small frozen view whose ``as_dict()`` gives its one JSON shape (documented
on the method; ``as_json(answer)`` for any answer or list of answers); no caller needs SQL or a connection.

    articles(store, where, limit)      ArticleList            article(store, key)     ArticleDetail
    articles_page · quotes_page · stories_page (store, Filter, Page)   Listing: one page and the total
    search(store, query, Filter, Page) Listing of SearchResults (quotes and passages by words and meaning)
    export_records(store)              JSONL records          entities(store, label)  [EntityCount]
    quotes(store, where)               [Quote]                quote_groups(store)     [RenderedQuoteGroup]
    stories(store)                     [StorySummary]         story(store, id)        StoryDetail
    why(store, key)                    Explanation            rejections(store)       [StoredRejection]
    compare(store, story|event)        Comparison             divergences(store, story) [DivergenceView]
    provenance(store, story)           Provenance             timeline(store, story)  Timeline
    overview(store)                    Overview (the demo's view of a corpus)
    export_rows(store, kind)           every record of a kind, streamed, in the schema of export_schema.py
    revision_origins(store), placements(store), article_vectors(store): where each input went, for scoring
"""

from rashomon.reads.articles import (
    ArticleDetail,
    ArticleFilter,
    ArticleList,
    article,
    article_record,
    article_summary,
    articles,
    articles_page,
    export_records,
)
from rashomon.reads.paging import Listing
from rashomon.reads.search import SearchHit, SearchResults, StoryMatches, search
from rashomon.store.filters import Filter
from rashomon.store.paging import Page
from rashomon.reads.compare import Comparison, FactRow, compare
from rashomon.reads.export import export_count, export_format, export_rows, export_schema
from rashomon.reads.divergences import DivergenceView, divergences, matched_pairs
from rashomon.reads.entities import EntityCount, entities
from rashomon.reads.provenance import Provenance, provenance
from rashomon.reads.overview import NamedDate, Overview, named_dates, overview
from rashomon.reads.placements import article_vectors, placements, revision_origins
from rashomon.reads.quotes import Quote, QuoteFilter, RenderedQuoteGroup, quote_groups, quotes, quotes_page
from rashomon.reads.rejections import StoredRejection, rejections
from rashomon.reads.shape import as_json
from rashomon.reads.timeline import Timeline, timeline
from rashomon.reads.stories import (Explanation, StoryDetail, StorySummary, coverage, stories, stories_page, story,
                                    why)

__all__ = ["ArticleDetail", "ArticleFilter", "ArticleList", "Comparison", "DivergenceView", "EntityCount", "Explanation",
           "FactRow", "NamedDate", "Overview", "Provenance", "provenance",
           "Quote", "QuoteFilter", "RenderedQuoteGroup", "StoredRejection", "StoryDetail", "StorySummary",
           "article", "article_record", "as_json", "compare", "divergences", "matched_pairs", "article_summary", "article_vectors", "articles", "coverage", "entities", "export_records",
           "named_dates", "overview", "placements", "quote_groups", "quotes", "rejections", "revision_origins", "stories",
           "story", "timeline", "Timeline", "why",
           "Filter", "Listing", "Page", "SearchHit", "SearchResults", "StoryMatches", "articles_page", "quotes_page",
           "search", "stories_page"]
__all__ += ["export_count", "export_format", "export_rows", "export_schema"]
