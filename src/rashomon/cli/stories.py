"""Commands about stories and events: the list, one story, and why an article is where it is."""

from __future__ import annotations

from typing import Annotated

import typer

from rashomon import reads
from rashomon.cli.app import ArticleArgument, DbOption, JsonOption, answer, errors, store_at
from rashomon.cli.render import stories as render_stories

StoryArgument = Annotated[int, typer.Argument(help="Story number, as `rashomon stories` lists it.")]


def stories_command(db: DbOption = None, as_json: JsonOption = False) -> None:
    """Stories, largest first: their events, articles, outlets, and first and last dates."""
    with errors():
        answer(reads.stories(store_at(db)), as_json, render_stories.stories_table)


def story_command(story: StoryArgument, db: DbOption = None, as_json: JsonOption = False) -> None:
    """One story: its events, their articles by outlet, and its coverage over time."""
    with errors():
        answer(reads.story(store_at(db), story), as_json, render_stories.story_detail)


def why_command(article: ArticleArgument, db: DbOption = None, as_json: JsonOption = False) -> None:
    """Why an article is in its event and story: candidates, similarities, shared entities and words, thresholds."""
    with errors():
        answer(reads.why(store_at(db), article), as_json, render_stories.why_detail)
