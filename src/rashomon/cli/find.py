"""`rashomon search`: quotes and article passages by their words and by what they mean."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from rashomon import reads
from rashomon.cli.app import DbOption, JsonOption, errors, store_at
from rashomon.cli.listing import (
    AllOption,
    EntityOption,
    LanguageOption,
    LimitOption,
    OffsetOption,
    OutletOption,
    SinceOption,
    StoryOption,
    UntilOption,
    page_of,
    shared_filter,
    show,
    sort_option,
)
from rashomon.cli.render import search as render_search

HitSort = sort_option("rank, date or outlet", "rank")


def search_command(
    query: Annotated[str, typer.Argument(help="Words to look for, or what was said in other words.")],
    db: DbOption = None,
    outlet: OutletOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    language: LanguageOption = None,
    story: StoryOption = None,
    speaker: Annotated[Optional[str], typer.Option(
        help="Only quotes of a speaker whose name holds this, and passages of articles that quote one.")] = None,
    entity: EntityOption = None,
    meaning: Annotated[bool, typer.Option(
        help="Also find what says the same in other words (the sentence vectors); --no-meaning: words only.")] = True,
    limit: LimitOption = None,
    offset: OffsetOption = 0,
    sort: HitSort = None,
    show_all: AllOption = False,
    as_json: JsonOption = False,
) -> None:
    """Find quotes and article passages by their words (full text) and by what they mean (the multilingual
    sentence vectors), best first, each with its article, outlet, date and the characters it matched."""
    with errors():
        where = shared_filter(outlet, since, until, language, story, speaker, entity)
        page = page_of(limit, offset, sort, show_all, as_json, screenful=10)
        found = reads.search(store_at(db), query, where, page, meaning=meaning)
        show(found, as_json, lambda console, results: render_search.search_results(console, results, offset + 1),
             "hits")
