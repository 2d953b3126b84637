"""What the list commands share (articles, quotes, stories, search): the filter options, one Filter made of
them, and the page options (--limit, --offset, --sort, --all), with a default page that fits a terminal."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, Optional

import typer
from rich.console import Console

from rashomon import reads
from rashomon.cli.app import answer, out, parse_date
from rashomon.cli.render.paging import count_line

OutletOption = Annotated[Optional[str], typer.Option(help="Only this outlet (any case).")]
SinceOption = Annotated[Optional[str], typer.Option(help="Published on or after YYYY-MM-DD.")]
UntilOption = Annotated[Optional[str], typer.Option(help="Published on or before YYYY-MM-DD.")]
LanguageOption = Annotated[Optional[str], typer.Option(help="ISO 639-1 language code, e.g. en.")]
StoryOption = Annotated[Optional[int], typer.Option(help="Only story N, as `rashomon stories` numbers them.")]
EntityOption = Annotated[Optional[str], typer.Option(
    help="Only articles that mention an entity whose name holds this, any case.")]
QuotedOption = Annotated[Optional[str], typer.Option(
    "--speaker", help="Only articles that quote a speaker whose name holds this, any case.")]
LimitOption = Annotated[Optional[int], typer.Option(
    help="Show at most this many; 0 shows all (default: a screenful in a terminal, all with --json).", min=0)]
OffsetOption = Annotated[int, typer.Option(help="Skip this many first (with --limit: the next page).", min=0)]
AllOption = Annotated[bool, typer.Option("--all", help="Show every one (the same as --limit 0).")]


def sort_option(keys: str, default: str):
    return Annotated[Optional[str], typer.Option(
        help=f"Sort by {keys} (default: {default}); a leading - reverses the order (--sort=-{default}).")]


def shared_filter(outlet: str | None = None, since: str | None = None, until: str | None = None,
                  language: str | None = None, story: int | None = None, speaker: str | None = None,
                  entity: str | None = None, copies: bool = True) -> reads.Filter:
    return reads.Filter(outlet, parse_date(since, "--since"), parse_date(until, "--until"), language, story,
                        speaker, entity, copies)


def page_of(limit: int | None, offset: int, sort: str | None, show_all: bool, as_json: bool,
            screenful: int) -> reads.Page:
    """The page asked for: --all or --limit 0 is everything; no --limit is a screenful, or all with --json."""
    if show_all or limit == 0 or (limit is None and as_json):
        return reads.Page(None, offset, sort)
    return reads.Page(screenful if limit is None else limit, offset, sort)


def show(listing: reads.Listing, as_json: bool, render: Callable[[Console, Any], None], noun: str) -> None:
    """A page of a list: its rows in their JSON shape, or their view and, when not all are shown, which."""
    answer(listing, as_json, lambda console, shown: render(console, shown.answer))
    if not as_json:
        count_line(out, listing, noun)
