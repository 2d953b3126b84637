"""Plain text pages: a title from a headline-like first line, a date from a date line or a stamp near the top."""

from __future__ import annotations

import re
from datetime import date

from rashomon.errors import EmptyInput
from rashomon.extract.decoding import decode_text
from rashomon.records import Page

# The seed files open with " date YYYY-MM-DD" before the text on the same line.
_DATE_LINE = re.compile(r"^\s*date (\d{4}-\d{2}-\d{2})\s+")
_MAX_TITLE_CHARS = 150


def from_text(page: Page) -> dict:
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
