"""Page → Article: trafilatura for HTML; plain text and dump records pass through; language id."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlsplit

from rashomon.decoding import decode_text, refuse_binary
from rashomon.errors import EmptyInput, MalformedRecord, NoArticleFound
from rashomon.identity import article_id, article_identity, content_hash, is_web_url
from rashomon.language import detect_language
from rashomon.records import Article, Page
from rashomon.settings import Settings

# The seed files open with " date YYYY-MM-DD" before the text on the same line.
_DATE_LINE = re.compile(r"^\s*date (\d{4}-\d{2}-\d{2})\s+")
_RECORD_FIELDS = ("id", "outlet", "url", "published", "title", "text")
_MAX_TITLE_CHARS = 150
# Fewer words than this from a page is navigation or boilerplate, not an article.
MIN_ARTICLE_WORDS = 10


def extract(page: Page, settings: Settings) -> Article:
    """The article in ``page``; raises an InputError saying why when there is none."""
    if page.kind == "text":
        parts = _from_text(page)
    elif page.kind == "html":
        parts = _from_html(page)
    elif page.kind == "record":
        parts = _from_record(page)
    else:
        raise ValueError(f"extract cannot read a page of kind {page.kind!r}")
    return _article(page, settings, **parts)


def _article(page: Page, settings: Settings, *, text: str, title: str | None, url: str | None,
             outlet: str | None, published: date | None, authors: tuple[str, ...] = (),
             metadata: Mapping[str, Any] | None = None) -> Article:
    identity = article_identity(url, outlet, title, text)
    return Article(
        id=article_id(identity), identity=identity, text=text, title=title, url=url,
        outlet=outlet, published=published, authors=authors,
        language=detect_language(text, settings.language_codes), origin=page.origin,
        content_hash=content_hash(text), metadata=dict(metadata or {}),
    )


def _from_text(page: Page) -> dict:
    text = decode_text(page.origin, page.body)
    published = None
    match = _DATE_LINE.match(text)
    if match:
        published = date.fromisoformat(match.group(1))
        text = text[match.end():]
    text = text.strip()
    if not text:
        raise EmptyInput(page.origin, "empty: no text after the date line")
    first_line, _, rest = text.partition("\n")
    title = first_line.strip() if rest.strip() and _looks_like_headline(first_line) else None
    fields = page.fields
    metadata = {}
    published = fields.get("published") or published
    if published is None:
        published, metadata = _stamp_near_top(text)
    return dict(text=text, title=fields.get("title") or title, url=page.url,
                outlet=fields.get("outlet"), published=published, metadata=metadata)


_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december")
_MONTH = "(" + "|".join(m.capitalize() for m in _MONTHS) + ")"
# Full dates as pages stamp them near the top: 23.12.2021, 2021-12-23, December 23, 2021, 23 December 2021.
_STAMPS = (
    (re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d.])"), lambda m: (m[3], m[2], m[1])),
    (re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)"), lambda m: (m[1], m[2], m[3])),
    (re.compile(_MONTH + r" (\d{1,2}), (\d{4})"), lambda m: (m[3], _MONTHS.index(m[1].lower()) + 1, m[2])),
    (re.compile(r"(?<!\d)(\d{1,2}) " + _MONTH + r" (\d{4})"), lambda m: (m[3], _MONTHS.index(m[2].lower()) + 1, m[1])),
)
_STAMP_WINDOW = 400


def _stamp_near_top(text: str) -> tuple[date | None, dict]:
    """A plain-text page without a date line may carry its date stamp near the top (a caption, a byline).

    The first full date there is taken as the publication date, and the metadata says where it was read.
    """
    head = text[:_STAMP_WINDOW]
    found = []
    for pattern, parts in _STAMPS:
        for match in pattern.finditer(head):
            try:
                found.append((match.start(), match.end(), date(*map(int, parts(match)))))
            except ValueError:
                continue
    if not found:
        return None, {}
    start, end, stamp = min(found)
    return stamp, {"published_from_text": [start, end]}


def _looks_like_headline(line: str) -> bool:
    """A short first line that does not end like a sentence is taken as the title."""
    line = line.strip()
    return 0 < len(line) <= _MAX_TITLE_CHARS and not line.endswith((".", "!", "?", '"', "”", "»", ","))


def _from_html(page: Page) -> dict:
    import trafilatura

    refuse_binary(page.origin, page.body)
    if not page.body.strip():
        raise EmptyInput(page.origin, "empty: the page has no content")
    document = trafilatura.bare_extraction(
        page.body, url=page.url, with_metadata=True, include_comments=False, include_tables=True)
    text = (document.text or "").strip() if document is not None else ""
    if not text:
        raise NoArticleFound(page.origin, "no article text found in the HTML")
    words = len(text.split())
    if words < MIN_ARTICLE_WORDS:
        raise NoArticleFound(page.origin, f"no article text found in the HTML (only {words} words "
                                          "of text outside the page's navigation)")
    url = page.url or (document.url if is_web_url(document.url) else None)
    fields = page.fields
    return dict(
        text=text,
        title=fields.get("title") or document.title,
        url=url,
        outlet=fields.get("outlet") or document.sitename or _domain(url),
        published=parse_published(document.date) or fields.get("published"),
        authors=_split_authors(document.author) or tuple(fields.get("authors", ())),
        metadata={key: value for key, value in (("description", document.description),
                                                ("html_url", document.url)) if value},
    )


def _from_record(page: Page) -> dict:
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
        # A headline-only item (common in aggregator dumps): the headline is all the text there is.
        text = title.strip()
        metadata["text_is_title"] = True
    if not text:
        raise EmptyInput(page.origin, "record has no text and no title")
    url = fields.get("url")
    return dict(
        text=text, title=title if isinstance(title, str) else None,
        url=url if is_web_url(url) else None,
        outlet=_optional_str(fields.get("outlet")),
        published=_record_date(page.origin, fields.get("published")),
        authors=tuple(fields.get("authors") or ()),
        metadata=metadata,
    )


def _record_date(origin: str, value: Any) -> date | None:
    if value in (None, ""):
        return None
    parsed = parse_published(value) if isinstance(value, str) else None
    if parsed is None:
        raise MalformedRecord(origin, f"field 'published' is not a date: {value!r}")
    return parsed


def parse_published(value: str | None) -> date | None:
    """An ISO date or datetime, or an RFC 822 date as feeds write it; None when neither."""
    if not value:
        return None
    value = value.strip()
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        return None


def _optional_str(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _split_authors(author: str | None) -> tuple[str, ...]:
    return tuple(name.strip() for name in (author or "").split(";") if name.strip())


def _domain(url: str | None) -> str | None:
    host = urlsplit(url).hostname if url else None
    return host[4:] if host and host.startswith("www.") else host
