"""Commands about stories and events: the list, one story, and why an article is where it is."""

from __future__ import annotations

from typing import Annotated

import typer

from rashomon import reads
from rashomon.cli.app import DbOption, JsonOption, app, errors, opened, out, print_json
from rashomon.cli.render import stories as render_stories


@app.command("stories")
def stories_command(db: DbOption = None, as_json: JsonOption = False) -> None:
    """Stories, largest first: their events, articles, outlets, and first and last dates."""
    with errors():
        store, _ = opened(db)
        found = reads.stories(store)
        if as_json:
            print_json([story.as_dict() for story in found])
        else:
            render_stories.stories_table(out, found)


@app.command("story")
def story_command(
    story: Annotated[int, typer.Argument(help="Story number, as `rashomon stories` lists it.")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """One story: its events, their articles by outlet, and its coverage over time."""
    with errors():
        store, _ = opened(db)
        detail = reads.story(store, story)
        if as_json:
            print_json(detail.as_dict())
        else:
            render_stories.story_detail(out, detail)


@app.command("why")
def why_command(
    article: Annotated[str, typer.Argument(help="Article id, unique id prefix, or URL.")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Why an article is in its event and story: candidates, similarities, shared entities and words, thresholds."""
    with errors():
        store, _ = opened(db)
        explained = reads.why(store, article)
        if as_json:
            print_json(explained.as_dict())
        else:
            render_stories.why_detail(out, explained)
