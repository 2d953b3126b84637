"""How an article is named where a person reads it, the same in every view: its title, else its opening
words; its outlet, else "unknown" with the file or address it came from. Never a blank."""

from __future__ import annotations

import dataclasses
import re
from typing import TypeVar
from urllib.parse import urlsplit

from rashomon.extract.outlets import OutletNames
from rashomon.store import reads
from rashomon.store.filters import Filter

F = TypeVar("F", bound=Filter)

OPENING_CHARS = 120
_SPACES = re.compile(r"\s+")
_DUMP_LINE = re.compile(r"^(?P<path>.+):(?P<line>\d+)$")


def headline(title: str | None, text: str) -> str:
    """The title; without one, the text's opening words, cut at a word with "…"."""
    if title and title.strip():
        return title.strip()
    opening = _SPACES.sub(" ", text[:OPENING_CHARS * 2]).strip()
    if len(opening) <= OPENING_CHARS:
        return opening
    cut = opening[:OPENING_CHARS].rsplit(" ", 1)[0]
    return cut + "…"


def outlet_label(outlet: str | None, origin: str) -> str:
    """The outlet's name; without one, "unknown (file name)" (or the web host, or the dump's name and line)."""
    return outlet if outlet else f"unknown ({source_name(origin)})"


def source_name(origin: str) -> str:
    """A short name for where an article came from: a file's name, a web host, ``dump.jsonl:12``."""
    first = origin.split(" ", 1)[0]  # a WARC page's origin is "archive.warc url"
    if urlsplit(origin).scheme in ("http", "https"):
        return urlsplit(origin).hostname or origin
    line = _DUMP_LINE.match(origin)
    if line:
        return f"{_file_name(line['path'])}:{line['line']}"
    return _file_name(first)


def _file_name(path: str) -> str:
    return re.split(r"[\\/]", path.rstrip("/\\"))[-1] or path


def outlet_as_stored(connection, where: F) -> F:
    """``where`` with its outlet as the store names it, whatever spelling was asked for ("nyt",
    "nytimes.com" and "The New York Times" all find The New York Times's articles)."""
    if not where.outlet:
        return where
    names = OutletNames.load(seen=reads.outlet_names(connection))
    return dataclasses.replace(where, outlet=names.name(where.outlet))
