"""Commands that look into the store: articles, one article, entities, quotes, quote groups."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from rashomon import reads
from rashomon.cli.app import DbOption, JsonOption, app, errors, opened, out, parse_date, print_json
from rashomon.cli.render import articles as render_articles
from rashomon.cli.render import quotes as render_quotes
from rashomon.errors import RashomonError


@app.command("articles")
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
        store, _ = opened(db)
        where = reads.ArticleFilter(outlet=outlet, since=parse_date(since, "--since"),
                                    until=parse_date(until, "--until"), language=language, copies=copies)
        found = reads.articles(store, where, limit)
        if as_json:
            print_json(found.as_dict())
        else:
            render_articles.articles_table(out, found.articles)


@app.command("show")
def show_command(
    article: Annotated[str, typer.Argument(help="Article id, unique id prefix, or URL.")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Show one article: where it came from, its revisions and copies, and its text."""
    with errors():
        store, _ = opened(db)
        detail = reads.article(store, article)
        if as_json:
            print_json(detail.as_dict())
        else:
            render_articles.article_detail(out, detail)


@app.command("entities")
def entities_command(
    db: DbOption = None,
    label: Annotated[Optional[str], typer.Option(help="Only this kind: PERSON, ORG, PLACE, NORP, EVENT, FAC.")] = None,
    limit: Annotated[Optional[int], typer.Option(help="At most this many.")] = 30,
    as_json: JsonOption = False,
) -> None:
    """Canonical entities across the corpus, with the number of articles that mention each."""
    with errors():
        store, _ = opened(db)
        found = reads.entities(store, label, limit)
        if as_json:
            print_json([count.as_dict() for count in found])
        else:
            render_articles.entities_table(out, found)


@app.command("quotes")
def quotes_command(
    db: DbOption = None,
    speaker: Annotated[Optional[str], typer.Option(help="Part of the speaker's name, any case.")] = None,
    article: Annotated[Optional[str], typer.Option(help="Article id or id prefix.")] = None,
    kind: Annotated[Optional[str], typer.Option(help="direct, indirect or mixed.")] = None,
    min_confidence: Annotated[Optional[float], typer.Option(
        help="Leave out attributions whose source is judged less likely than this to be right (0 to 1).",
        min=0.0, max=1.0)] = None,
    as_json: JsonOption = False,
) -> None:
    """Who said what: every attribution with its speaker, cue and content, pointing into the article."""
    with errors():
        if kind not in (None, "direct", "indirect", "mixed"):
            raise RashomonError(f"--kind {kind!r}: expected direct, indirect or mixed")
        store, _ = opened(db)
        found = reads.quotes(store, reads.QuoteFilter(speaker, article, kind, min_confidence))
        if as_json:
            print_json([quote.as_dict() for quote in found])
        else:
            render_quotes.quotes_table(out, found)


@app.command("quote-groups")
def quote_groups_command(
    db: DbOption = None,
    speaker: Annotated[Optional[str], typer.Option(help="Part of the speaker's name, any case.")] = None,
    as_json: JsonOption = False,
) -> None:
    """One utterance across outlets: each group's renderings, their word diff and what they change."""
    with errors():
        store, _ = opened(db)
        groups = reads.quote_groups(store, speaker)
        if as_json:
            print_json([group.as_dict() for group in groups])
        else:
            render_quotes.quote_groups(out, groups)
