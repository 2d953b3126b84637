"""Commands that look into the store: articles, one article, entities, quotes, quote groups."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from rashomon import reads
from rashomon.cli.app import ArticleArgument, DbOption, JsonOption, SpeakerOption, answer, errors, parse_date, store_at
from rashomon.cli.render import articles as render_articles
from rashomon.cli.render import quotes as render_quotes
from rashomon.errors import RashomonError

KINDS = (None, "direct", "indirect", "mixed")


def articles_command(
    db: DbOption = None,
    outlet: Annotated[Optional[str], typer.Option(help="Only this outlet.")] = None,
    since: Annotated[Optional[str], typer.Option(help="Published on or after YYYY-MM-DD.")] = None,
    until: Annotated[Optional[str], typer.Option(help="Published on or before YYYY-MM-DD.")] = None,
    language: Annotated[Optional[str], typer.Option(help="ISO 639-1 language code, e.g. en.")] = None,
    copies: Annotated[bool, typer.Option(help="Include articles that copy another.")] = True,
    limit: Annotated[Optional[int], typer.Option(help="At most this many.")] = None,
    as_json: JsonOption = False,
) -> None:
    """List stored articles, oldest first."""
    with errors():
        where = reads.ArticleFilter(outlet, parse_date(since, "--since"), parse_date(until, "--until"), language,
                                    copies)
        answer(reads.articles(store_at(db), where, limit), as_json, render_articles.articles_table)


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


def quotes_command(
    db: DbOption = None,
    speaker: SpeakerOption = None,
    article: Annotated[Optional[str], typer.Option(help="Article id or id prefix.")] = None,
    kind: Annotated[Optional[str], typer.Option(help="direct, indirect or mixed.")] = None,
    min_confidence: Annotated[Optional[float], typer.Option(
        help="Leave out attributions whose source is judged less likely than this to be right (0 to 1).",
        min=0.0, max=1.0)] = None,
    as_json: JsonOption = False,
) -> None:
    """Who said what: every attribution with its speaker, cue and content, pointing into the article."""
    with errors():
        if kind not in KINDS:
            raise RashomonError(f"--kind {kind!r}: expected direct, indirect or mixed")
        where = reads.QuoteFilter(speaker, article, kind, min_confidence)
        answer(reads.quotes(store_at(db), where), as_json, render_quotes.quotes_table)


def quote_groups_command(db: DbOption = None, speaker: SpeakerOption = None, as_json: JsonOption = False) -> None:
    """One utterance across outlets: each group's renderings, their word diff and what they change."""
    with errors():
        answer(reads.quote_groups(store_at(db), speaker), as_json, render_quotes.quote_groups)
