"""The `rashomon` command: thin commands over the library, drawn with Rich.

    app.py       the Typer app, shared options, errors, JSON output and progress bars
    corpus.py    ingest, analyze, demo, export, rejections
    browse.py    articles, show, entities, quotes, quote-groups
    stories.py   stories, story, why
    measure.py   eval …, train …
    render/      how each answer looks in the terminal (untrusted text always as Text)
"""

from rashomon.cli import browse, corpus, measure, stories  # noqa: F401 - each module adds its commands
from rashomon.cli.app import app


def main() -> None:
    app()


__all__ = ["app", "main"]
