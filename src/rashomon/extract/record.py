"""Dump records (one JSON object a line): their fields, checked, with everything else kept as metadata."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from rashomon.errors import EmptyInput, MalformedRecord
from rashomon.extract.identity import is_web_url
from rashomon.extract.published import parse_published
from rashomon.extract.text import first_line_title
from rashomon.records import Page

_RECORD_FIELDS = ("id", "outlet", "url", "published", "title", "text")


def from_record(page: Page) -> dict:
    fields = page.fields
    text = fields.get("text")
    title = fields.get("title")
    if text is not None and not isinstance(text, str):
        raise MalformedRecord(page.origin, f"field 'text' must be a string, got {type(text).__name__}")
    metadata = {key: value for key, value in fields.items() if key not in _RECORD_FIELDS}
    if fields.get("id") is not None:
        metadata["source_id"] = fields["id"]
    text = (text or "").strip()
    if not text and isinstance(title, str) and title.strip():
        # A headline-only item (common in aggregator dumps): kept only when the settings say so
        # (title_only "keep"), with the headline as all the text there is and marked as such.
        text = title.strip()
        metadata["text_is_title"] = True
    if not text:
        raise EmptyInput(page.origin, "record has no text and no title")
    url = fields.get("url")
    own = dict(title=title if isinstance(title, str) else None, outlet=_optional_str(fields.get("outlet")),
               published=_record_date(page.origin, fields.get("published")))
    read = _read_from_text(fields, own)
    return dict(
        text=text, url=url if is_web_url(url) else None, authors=tuple(fields.get("authors") or ()),
        metadata=metadata, **own, **read,
    )


def _read_from_text(fields: Mapping[str, Any], own: dict) -> dict:
    """A record exported by rashomon from a text page names the fields that were read from its words
    (``read_from_text``): they stay readings, and the identity rests on what it rested on for that page,
    so that ingesting an export adds nothing."""
    names = fields.get("read_from_text")
    if not isinstance(names, list):
        return {}
    read = {}
    for name in (name for name in names if name in own):
        read[name], own[name] = own[name], None
        read[f"{name}_from"] = fields.get(f"{name}_from")
    return {"read": read, "identity_title": first_line_title(fields.get("text") or "")}


def _record_date(origin: str, value: Any) -> date | None:
    if value in (None, ""):
        return None
    parsed = parse_published(value) if isinstance(value, str) else None
    if parsed is None:
        raise MalformedRecord(origin, f"field 'published' is not a date: {value!r}")
    return parsed


def _optional_str(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
