"""Long answers through a pager when a person reads them in a terminal: $PAGER, else `less`.

Never when the output goes to a pipe or a file, never with --json, and not when RASHOMON_PAGER is 0/off;
an answer shorter than the terminal is printed as it is.
"""

from __future__ import annotations

import os
import shlex
import subprocess

from rich.console import Console
from rich.pager import Pager

from rashomon.settings import Settings

DEFAULT_PAGER = "less"
LESS_OPTIONS = "FRX"  # quit when it fits one screen, keep colours, leave the text on screen (as git does)


def should_page(console: Console, as_json: bool, settings: Settings | None = None) -> bool:
    """Page when the answer is for a person at a terminal and paging is not turned off."""
    settings = settings or Settings.load()
    return not as_json and console.is_terminal and settings.pager


class LongOutputPager(Pager):
    """Shows output taller than the console through $PAGER (else `less -FRX`); prints shorter output."""

    def __init__(self, console: Console, environ: dict[str, str] | None = None):
        self.console = console
        self.environ = dict(os.environ if environ is None else environ)

    def show(self, content: str) -> None:
        if content.count("\n") < self.console.height or not self._run(content):
            self.console.file.write(content)
            self.console.file.flush()

    def _run(self, content: str) -> bool:
        """Pipe ``content`` to the pager; False when there is no such program."""
        command = shlex.split(self.environ.get("PAGER") or DEFAULT_PAGER)
        environ = {**self.environ, "LESS": self.environ.get("LESS", LESS_OPTIONS)}
        try:
            subprocess.run(command, input=content.encode("utf-8"), env=environ, check=False)
        except OSError:
            return False
        return True
