"""Commands about stories and events: the list, one story, and why an article is where it is."""

from __future__ import annotations

from typing import Annotated

import typer

from rashomon import reads
from rashomon.cli.app import ArticleArgument, DbOption, JsonOption, answer, errors, store_at
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
from rashomon.cli.render import stories as render_stories

StoryArgument = Annotated[int, typer.Argument(help="Story number, as `rashomon stories` lists it.")]


StorySort = sort_option("size (articles), events, outlets, date (first), last or story (number)", "size")


def stories_command(
    db: DbOption = None,
    outlet: OutletOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    language: LanguageOption = None,
    story: StoryOption = None,
    speaker: QuotedOption = None,
    entity: EntityOption = None,
    limit: LimitOption = None,
    offset: OffsetOption = 0,
    sort: StorySort = None,
    show_all: AllOption = False,
    as_json: JsonOption = False,
) -> None:
    """Stories, largest first: a headline, top people, organisations and places, their events, articles, outlets,
    and first and last dates (with a filter: the
    stories that have a matching article, counted whole)."""
    with errors():
        where = shared_filter(outlet, since, until, language, story, speaker, entity)
        page = page_of(limit, offset, sort, show_all, as_json, screenful=30)
        show(reads.stories_page(store_at(db), where, page), as_json, render_stories.stories_table, "stories")


def story_command(story: StoryArgument, db: DbOption = None, as_json: JsonOption = False) -> None:
    """One story: its events, their articles by outlet, and its coverage over time."""
    with errors():
        answer(reads.story(store_at(db), story), as_json, render_stories.story_detail)


def why_command(article: ArticleArgument, db: DbOption = None, as_json: JsonOption = False) -> None:
    """Why an article is in its event and story: candidates, similarities, shared entities and words, thresholds."""
    with errors():
        answer(reads.why(store_at(db), article), as_json, render_stories.why_detail)
