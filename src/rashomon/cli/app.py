"""The `rashomon` Typer app and what its commands share: options, errors, JSON, progress bars, the store.

Each command is option parsing over one library call (``rashomon.reads``, ``ingest``, ``analyze``,
``evaluate``, ``train``) and a view from ``cli.render``; none touches the store's tables.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from rashomon import Store, open_store, reads
from rashomon.cli.paging import LongOutputPager, should_page
from rashomon.errors import RashomonError
from rashomon.settings import Settings

app = typer.Typer(help="The same event, many accounts: how the press covers one story.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)


def _print_version(asked: bool) -> None:
    if asked:
        from rashomon import __version__

        sys.stdout.write(f"rashomon {__version__} (Python {sys.version.split()[0]})\n")
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[bool, typer.Option(
        "--version", callback=_print_version, is_eager=True, help="Print rashomon's version and exit.")] = False,
    no_pager: Annotated[bool, typer.Option(
        "--no-pager", help="Print long answers straight to the terminal (as RASHOMON_PAGER=off does).")] = False,
) -> None:
    """The same event, many accounts: how the press covers one story."""
    _invocation["no_pager"] = no_pager


_invocation: dict[str, bool] = {"no_pager": False}  # the global options of the command being run


eval_app = typer.Typer(help="Measure rashomon against gold data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")
train_app = typer.Typer(help="Fit rashomon's learned parts on gold data.", no_args_is_help=True)
app.add_typer(train_app, name="train")

out = Console(highlight=False, soft_wrap=False)
err = Console(stderr=True, highlight=False)

EXIT_REJECTED = 1
EXIT_INTERRUPTED = 130

DbOption = Annotated[Optional[str], typer.Option(
    "--db", help="Store: a SQLite file or a postgresql:// URL "
                 "(default: ./rashomon.db, or $RASHOMON_DB when set).")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for programs to read.")]
ArticleArgument = Annotated[str, typer.Argument(help="Article id, unique id prefix, or URL.")]
SpeakerOption = Annotated[Optional[str], typer.Option(help="Part of the speaker's name, any case.")]


@contextmanager
def errors() -> Iterator[None]:
    """Every rashomon error ends the command with `Error: …` and exit status 1."""
    try:
        yield
    except RashomonError as error:
        err.print(f"Error: {error}", markup=False)
        raise typer.Exit(1) from None


def opened(db: str | None, **overrides: object) -> tuple[Store, Settings]:
    settings = Settings.load(db=db, **overrides)
    return open_store(settings.db), settings


def store_at(db: str | None) -> Store:
    """The store a read command reads: it must exist (a mistyped --db is an error, not a new empty store)."""
    return open_store(Settings.load(db=db).db, create=False)


def print_json(value: object) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2, default=str) + "\n")


def answer(value: Any, as_json: bool, render: Callable[[Console, Any], None]) -> None:
    """Print a read-side answer: its JSON shape for programs, else its view for people (paged when long and
    read at a terminal)."""
    if as_json:
        print_json(reads.as_json(value))
    elif should_page(out, as_json) and not _invocation["no_pager"]:
        with out.pager(LongOutputPager(out), styles=True):
            render(out, value)
    else:
        render(out, value)


def parse_date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise RashomonError(f"{option} {value!r}: expected a date as YYYY-MM-DD") from None


def existing_file(path: Path) -> Path:
    if not path.is_file():
        raise RashomonError(f"{path}: no such file")
    return path


class Bar:
    """Progress of long work as a Rich bar on stderr (so --json output stays clean)."""

    def __init__(self, progress: Progress, verb: str, total: int | None = 0):
        self.progress = progress
        self.verb = verb
        self.task = progress.add_task(verb, total=total)

    def add_work(self, amount: int) -> None:
        self.progress.update(self.task, total=self.progress.tasks[self.task].total + amount)

    def advance(self, item: str = "") -> None:
        self.progress.update(self.task, advance=1, description=f"{self.verb} {Path(item).name[:40]}".rstrip())

    def phase(self, verb: str, total: int) -> Bar:
        """A bar of its own for the next phase of the same work, below this one."""
        return Bar(self.progress, verb, total)


_COLUMNS = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
            TimeElapsedColumn(), TimeRemainingColumn())


def progress_display() -> Progress:
    """A transient display on stderr, for work that opens its own tasks (training)."""
    return Progress(*_COLUMNS, console=err, transient=True)


@contextmanager
def progress_bar(verb: str, quiet: bool = False, total: int | None = 0) -> Iterator[Bar]:
    """A transient bar for one phase of work; ``total=None`` when the amount is not known."""
    with Progress(*_COLUMNS, console=err, transient=True, disable=quiet) as progress:
        yield Bar(progress, verb, total)
