"""Long answers through a pager at a terminal (issue 25); never when piped, with --json, or turned off."""

from __future__ import annotations

import importlib
import io
import shlex
import sys

from rich.console import Console

from rashomon.cli.paging import LongOutputPager, should_page
from rashomon.settings import Settings
from tests.built import build


def _pager_writing_to(path) -> str:
    """A real pager command that writes what it is given to ``path``."""
    script = f"import sys; open({str(path)!r}, 'w').write(sys.stdin.read())"
    return f"{shlex.quote(sys.executable)} -c {shlex.quote(script)}"


def test_paging_only_at_a_terminal_without_json_unless_turned_off():
    terminal = Console(file=io.StringIO(), force_terminal=True)
    piped = Console(file=io.StringIO())
    on, off = Settings.load(environ={}), Settings.load(environ={"RASHOMON_PAGER": "off"})
    assert should_page(terminal, as_json=False, settings=on)
    assert not should_page(piped, as_json=False, settings=on)
    assert not should_page(terminal, as_json=True, settings=on)
    assert not should_page(terminal, as_json=False, settings=off)


def test_paging_long_output_goes_through_pager_and_short_output_is_printed(tmp_path):
    paged = tmp_path / "paged.txt"
    console = Console(file=io.StringIO(), force_terminal=True, height=10, width=40, highlight=False)
    pager = LongOutputPager(console, environ={"PAGER": _pager_writing_to(paged)})
    with console.pager(pager, styles=True):
        for number in range(30):
            console.print(f"line {number}")
    assert paged.read_text().splitlines()[29] == "line 29" and console.file.getvalue() == ""
    with console.pager(pager, styles=True):
        console.print("one line")
    assert console.file.getvalue() == "one line\n" and paged.read_text().count("\n") == 30


def test_paging_piped_command_output_is_not_paged(cli, store, settings, tmp_path, monkeypatch):
    build(store, settings, tmp_path)
    paged = tmp_path / "paged.txt"
    monkeypatch.setenv("PAGER", _pager_writing_to(paged))
    monkeypatch.setenv("LINES", "3")  # the answer is longer than the terminal would be
    result = cli("quotes")
    assert result.exit_code == 0 and "NATO never promised not to expand" in result.stdout
    assert not paged.exists()


def test_paging_missing_pager_prints_instead(tmp_path):
    console = Console(file=io.StringIO(), force_terminal=True, height=5)
    pager = LongOutputPager(console, environ={"PAGER": str(tmp_path / "no-such-pager")})
    with console.pager(pager):
        for number in range(10):
            console.print(f"line {number}")
    assert console.file.getvalue().splitlines()[-1] == "line 9"


def test_paging_at_a_terminal_unless_no_pager_is_given(cli, store, settings, tmp_path, monkeypatch):
    cli_app = importlib.import_module("rashomon.cli.app")  # the module; rashomon.cli.app is also the Typer app
    build(store, settings, tmp_path)
    paged = tmp_path / "paged.txt"
    monkeypatch.setenv("PAGER", _pager_writing_to(paged))
    monkeypatch.setattr(cli_app.out, "_force_terminal", True)  # as if a person read it at a terminal
    monkeypatch.setattr(cli_app.out, "_height", 3)
    assert cli("--no-pager", "quotes").exit_code == 0 and not paged.exists()
    assert cli("quotes").exit_code == 0 and "NATO never promised not to expand" in paged.read_text()
