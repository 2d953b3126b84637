"""Commands that look into the store: articles, one article, entities, quotes, quote groups."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from rashomon import reads
from rashomon.cli.app import ArticleArgument, DbOption, JsonOption, SpeakerOption, answer, errors, store_at
from rashomon.cli.listing import (
    AllOption,
    EntityOption,
    LanguageOption,
    LimitOption,
    OffsetOption,
    OutletOption,
    QuotedOption,
    SinceOption,
    StoryOption,
    UntilOption,
    page_of,
    shared_filter,
    show,
    sort_option,
)
from rashomon.cli.render import articles as render_articles
from rashomon.cli.render import quotes as render_quotes
from rashomon.errors import RashomonError

KINDS = (None, "direct", "indirect", "mixed")


ArticleSort = sort_option("date, outlet, title, language or seen (when stored)", "date")


def articles_command(
    db: DbOption = None,
    outlet: OutletOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    language: LanguageOption = None,
    story: StoryOption = None,
    speaker: QuotedOption = None,
    entity: EntityOption = None,
    copies: Annotated[bool, typer.Option(help="Include articles that copy another.")] = True,
    limit: LimitOption = None,
    offset: OffsetOption = 0,
    sort: ArticleSort = None,
    show_all: AllOption = False,
    as_json: JsonOption = False,
) -> None:
    """List stored articles, oldest first."""
    with errors():
        where = shared_filter(outlet, since, until, language, story, speaker, entity, copies)
        page = page_of(limit, offset, sort, show_all, as_json, screenful=50)
        show(reads.articles_page(store_at(db), where, page), as_json, render_articles.articles_table, "articles")


def show_command(article: ArticleArgument, db: DbOption = None, as_json: JsonOption = False) -> None:
    """Show one article: where it came from, its revisions and copies, and its text."""
    with errors():
        answer(reads.article(store_at(db), article), as_json, render_articles.article_detail)


def entities_command(
    db: DbOption = None,
    label: Annotated[Optional[str], typer.Option(help="Only this kind: PERSON, ORG, PLACE, NORP, EVENT, FAC.")] = None,
    limit: Annotated[Optional[int], typer.Option(help="At most this many.")] = 30,
    as_json: JsonOption = False,
) -> None:
    """Canonical entities across the corpus, with the number of articles that mention each."""
    with errors():
        answer(reads.entities(store_at(db), label, limit), as_json, render_articles.entities_table)


QuoteSort = sort_option("date, outlet, speaker, confidence or kind", "date")


def quotes_command(
    db: DbOption = None,
    speaker: SpeakerOption = None,
    article: Annotated[Optional[str], typer.Option(help="Article id or id prefix.")] = None,
    kind: Annotated[Optional[str], typer.Option(help="direct, indirect or mixed.")] = None,
    min_confidence: Annotated[Optional[float], typer.Option(
        help="Leave out attributions whose source is judged less likely than this to be right (0 to 1).",
        min=0.0, max=1.0)] = None,
    outlet: OutletOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    language: LanguageOption = None,
    story: StoryOption = None,
    entity: EntityOption = None,
    limit: LimitOption = None,
    offset: OffsetOption = 0,
    sort: QuoteSort = None,
    show_all: AllOption = False,
    as_json: JsonOption = False,
) -> None:
    """Who said what: every attribution with its speaker, cue and content, pointing into the article."""
    with errors():
        if kind not in KINDS:
            raise RashomonError(f"--kind {kind!r}: expected direct, indirect or mixed")
        shared = shared_filter(outlet, since, until, language, story, speaker, entity)
        where = reads.QuoteFilter(**vars(shared), article=article, kind=kind, min_confidence=min_confidence)
        page = page_of(limit, offset, sort, show_all, as_json, screenful=50)
        show(reads.quotes_page(store_at(db), where, page), as_json, render_quotes.quotes_table, "attributions")


def quote_groups_command(db: DbOption = None, speaker: SpeakerOption = None, as_json: JsonOption = False) -> None:
    """One utterance across outlets: each group's renderings, their word diff and what they change."""
    with errors():
        answer(reads.quote_groups(store_at(db), speaker), as_json, render_quotes.quote_groups)
