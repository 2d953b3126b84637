"""Files and folders → Pages: text, HTML (also gzipped) with their sidecars, and the containers dumps.py
and warc.py read."""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from pathlib import Path

from rashomon.errors import InputError, UnreadableInput
from rashomon.ingest import dumps, sidecars, warc
from rashomon.records import Page, Rejection

TEXT_SUFFIXES = (".txt", ".text", ".md")
HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".html.gz", ".htm.gz")
DUMP_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
FEED_SUFFIXES = (".rss", ".atom", ".xml")


def has_suffix(path: Path, suffixes: tuple[str, ...]) -> bool:
    return path.name.lower().endswith(suffixes)


def files_under(folder: Path) -> Iterator[Path]:
    """Every file below ``folder``, in a stable order, hidden files and folders left out."""
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.is_file():
            yield path


def read_bytes(path: Path) -> bytes:
    """The file's bytes, un-gzipped when its name ends in .gz."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise UnreadableInput(str(path), "no such file or folder") from None
    except PermissionError:
        raise UnreadableInput(str(path), "permission denied") from None
    except OSError as error:
        raise UnreadableInput(str(path), f"cannot be read ({error.strerror})") from None
    if path.name.lower().endswith(".gz"):
        try:
            return gzip.decompress(data)
        except (OSError, EOFError, zlib.error):
            raise UnreadableInput(str(path), "the name ends in .gz but it is not valid gzip data") from None
    return data


def pages_from_file(path: Path) -> Iterator[Page | Rejection]:
    """Pages in one file, by its kind; feeds are left to the caller (they need the web)."""
    origin = str(path)
    if has_suffix(path, DUMP_SUFFIXES):
        yield from dumps.pages_from_jsonl(path)
        return
    if has_suffix(path, WARC_SUFFIXES):
        yield from warc.pages_from_warc(path)
        return
    try:
        body = read_bytes(path)
        sidecar = sidecars.read_sidecar(path)
    except InputError as error:
        yield Rejection(error.origin, error.reason, error.stage)
        return
    yield Page(origin=origin, kind=sniff_kind(path, body), body=body, sidecar=sidecar)


def sniff_kind(path: Path, body: bytes) -> str:
    """"html" or "text": by the file name, and for unknown names by the first bytes."""
    if has_suffix(path, HTML_SUFFIXES):
        return "html"
    if has_suffix(path, TEXT_SUFFIXES):
        return "text"
    head = body[:1024].lstrip().lower()
    return "html" if head.startswith((b"<!doctype html", b"<html")) else "text"


def is_feed_file(path: Path) -> bool:
    return has_suffix(path, FEED_SUFFIXES)
