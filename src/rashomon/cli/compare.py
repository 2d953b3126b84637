"""Commands that compare the accounts: the coverage matrix, the divergences, provenance and timeline."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from rashomon import reads
from rashomon.cli.app import DbOption, JsonOption, answer, errors, store_at
from rashomon.cli.render import compare as render_compare
from rashomon.cli.render import provenance as render_provenance
from rashomon.cli.render import timeline as render_timeline
from rashomon.errors import RashomonError

SHOWN_FACTS = 25


def compare_command(
    story: Annotated[Optional[int], typer.Argument(help="Story number, as `rashomon stories` lists it.")] = None,
    event: Annotated[Optional[int], typer.Option(help="One event instead of a whole story.")] = None,
    all_facts: Annotated[bool, typer.Option("--all", help="Every fact, not only the most widely reported.")] = False,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """What each outlet reports, leaves out and reports differently: the matrix of outlets and facts."""
    with errors():
        if (story is None) == (event is None):
            raise RashomonError("give a story number, or --event N for one event")
        found = reads.compare(store_at(db), story=story, event=event)
        answer(found, as_json, lambda out, value: render_compare.comparison(
            out, value, None if all_facts else SHOWN_FACTS))


def divergences_command(
    story: Annotated[Optional[int], typer.Argument(help="Only this story.")] = None,
    kind: Annotated[Optional[str], typer.Option(
        help="Only this kind: number, date, entity, negation, speaker, verb.")] = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Where accounts disagree: two reports of one fact that differ on a number, date, name, negation,
    speaker, or the verb that judges it."""
    with errors():
        kinds = None if kind is None else (kind,)
        answer(reads.divergences(store_at(db), story, kinds), as_json, render_compare.divergences)


def provenance_command(
    story: Annotated[int, typer.Argument(help="Story number, as `rashomon stories` lists it.")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Where the accounts came from: the origins they cite, the origin their quotes tie them to, and
    which articles copy passages of which."""
    with errors():
        answer(reads.provenance(store_at(db), story), as_json, render_provenance.provenance)


def timeline_command(
    story: Annotated[int, typer.Argument(help="Story number, as `rashomon stories` lists it.")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """When it happened: the story's statements by the date of what they report (never the date of
    publication), each with its articles' publication dates beside; what has no date is bounded."""
    with errors():
        answer(reads.timeline(store_at(db), story), as_json, render_timeline.timeline)
