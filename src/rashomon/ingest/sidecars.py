"""Sidecars: a plain file's metadata in a JSON file beside it, named after it plus ``.json``.

``article.txt`` + ``article.txt.json`` = ``{"outlet": "…", "published": "YYYY-MM-DD", "title": "…",
"url": "https://…", "authors": ["…"]}`` (every field optional). The full file name plus ``.json`` is
unambiguous for any file (``a.html.json``, ``a.txt.json``) and sorts next to it. What a sidecar says wins
over everything else known of the file. A sidecar is read with its file, never as an article itself.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rashomon.errors import MalformedRecord, UnreadableInput
from rashomon.extract.identity import is_web_url
from rashomon.extract.published import parse_published

SUFFIX = ".json"
FIELDS = ("outlet", "published", "title", "url", "authors")


def sidecar_of(path: Path) -> Path:
    return path.with_name(path.name + SUFFIX)


def is_sidecar(path: Path) -> bool:
    """A ``.json`` file with a file of its name less ``.json`` beside it."""
    return path.name.lower().endswith(SUFFIX) and path.with_name(path.name[:-len(SUFFIX)]).is_file()


def read_sidecar(path: Path) -> dict[str, Any]:
    """The fields of ``path``'s sidecar, checked (with ``path``: the sidecar's own); {} when there is none."""
    sidecar = sidecar_of(path)
    if not sidecar.is_file():
        return {}
    origin = f"{sidecar} (sidecar of {path.name})"
    try:
        value = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise UnreadableInput(origin, f"cannot be read ({error})") from None
    except json.JSONDecodeError as error:
        raise MalformedRecord(origin, f"not valid JSON: {error.msg} (line {error.lineno})") from None
    if not isinstance(value, dict):
        raise MalformedRecord(origin, "expected a JSON object with outlet, published, title, url, authors")
    unknown = sorted(set(value) - set(FIELDS))
    if unknown:
        raise MalformedRecord(origin, f"unknown field {unknown[0]!r} (a sidecar gives {', '.join(FIELDS)})")
    return {**_checked(origin, value), "path": str(sidecar)}


def _checked(origin: str, value: dict) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for name in ("outlet", "title", "url", "published"):
        if value.get(name) is not None and not isinstance(value[name], str):
            raise MalformedRecord(origin, f"field {name!r} must be a string, got {type(value[name]).__name__}")
        if value.get(name):
            fields[name] = value[name].strip()
    if "published" in fields:
        published = parse_published(fields["published"])
        if published is None:
            raise MalformedRecord(origin, f"field 'published' is not a date: {fields['published']!r} "
                                          "(write it YYYY-MM-DD)")
        fields["published"] = published
    if "url" in fields and not is_web_url(fields["url"]):
        raise MalformedRecord(origin, f"field 'url' is not an http(s) address: {fields['url']!r}")
    authors = value.get("authors")
    if authors is not None:
        if not isinstance(authors, list) or not all(isinstance(name, str) for name in authors):
            raise MalformedRecord(origin, "field 'authors' must be a list of names")
        fields["authors"] = tuple(name.strip() for name in authors if name.strip())
    return fields
