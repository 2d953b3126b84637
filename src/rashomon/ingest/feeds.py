"""RSS and Atom feeds (feedparser): the entries, each to be followed to its page."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rashomon.errors import FeedError
from rashomon.records import Page


@dataclass(frozen=True)
class FeedEntry:
    key: str  # the entry's id (guid), else its link: what "seen before" is remembered by
    link: str
    title: str | None
    published: date | None
    authors: tuple[str, ...]


@dataclass(frozen=True)
class Feed:
    name: str  # the feed's URL or file path
    title: str | None
    entries: tuple[FeedEntry, ...]
    broken: str | None = None  # the parser's complaint where the feed breaks off (its entries before it are kept)


def parse_feed(page: Page) -> Feed:
    """The entries of an RSS or Atom feed; FeedError when it does not parse or has no feed in it."""
    import feedparser

    parsed = feedparser.parse(page.body, response_headers={"content-location": page.url or ""})
    if parsed.bozo and not parsed.entries:
        raise FeedError(page.origin, f"feed does not parse: {_bozo_reason(parsed.bozo_exception)}")
    if not parsed.version and not parsed.entries:
        raise FeedError(page.origin, "feed does not parse: neither RSS nor Atom")
    entries = tuple(entry for entry in map(_entry, parsed.entries) if entry is not None)
    broken = _bozo_reason(parsed.bozo_exception) if parsed.bozo and _is_xml_error(parsed.bozo_exception) else None
    return Feed(name=page.url or page.origin, title=parsed.feed.get("title"), entries=entries, broken=broken)


def _is_xml_error(error: Exception) -> bool:
    """The XML itself breaks (cut short, a bad token), not one of feedparser's notes on a usable feed
    (a declared encoding it overrode, a content type it did not expect)."""
    return callable(getattr(error, "getLineNumber", None))


def _bozo_reason(error: Exception) -> str:
    """The XML parser's complaint and where, e.g. "unclosed token at line 1, column 50"."""
    message = getattr(error, "getMessage", None)
    if not callable(message):
        return str(error)
    return f"{message()} at line {error.getLineNumber()}, column {error.getColumnNumber()}"


def _entry(entry) -> FeedEntry | None:
    link = entry.get("link")
    if not link:
        return None
    struct = entry.get("published_parsed") or entry.get("updated_parsed")
    published = date(*struct[:3]) if struct else None
    authors = tuple(a.get("name") for a in entry.get("authors", []) if a.get("name"))
    return FeedEntry(key=entry.get("id") or link, link=link, title=entry.get("title"),
                     published=published, authors=authors)
