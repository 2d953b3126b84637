"""Plain text pages: the text, with what its words say about it (masthead, headline, dateline or date stamp).

What is read from the words is a reading, not the page's own metadata: it is returned under ``read``
and gives way to what a sidecar, the page or the ingest options state (see ``rashomon.extract``).
"""

from __future__ import annotations

import re
from datetime import date

from rashomon.errors import EmptyInput
from rashomon.extract.decoding import decode_text
from rashomon.extract.front_matter import read_front_matter
from rashomon.extract.outlets import OutletNames
from rashomon.extract.page_dates import date_from_text
from rashomon.records import Page

# The seed files open with " date YYYY-MM-DD" before the text on the same line: the page's own date.
_DATE_LINE = re.compile(r"^\s*date (\d{4}-\d{2}-\d{2})\s+")
_MAX_TITLE_CHARS = 150


def from_text(page: Page, outlets: OutletNames) -> dict:
    text = decode_text(page.origin, page.body)
    published = None
    match = _DATE_LINE.match(text)
    if match:
        published = date.fromisoformat(match.group(1))
        text = text[match.end():]
    text = text.strip()
    if not text:
        raise EmptyInput(page.origin, "empty: no text after the date line")
    front = read_front_matter(text, outlets.knows)
    metadata = {"furniture": [list(span) for span in front.furniture]} if front.furniture else {}
    read = {"outlet": front.outlet, "title": front.title}
    found = date_from_text(text)
    if found is not None:
        read["published"] = found.value
        read["published_from"] = found.source
        metadata["published_from_text"] = list(found.span)
        if found.dateline is not None:
            metadata["dateline"] = [found.dateline.month, found.dateline.day]
    fields = page.fields  # what a feed entry said of the page
    return dict(text=text, title=fields.get("title"), url=page.url, outlet=fields.get("outlet"),
                published=fields.get("published") or published, authors=tuple(fields.get("authors", ())),
                metadata=metadata, read=read, identity_title=first_line_title(text))


def first_line_title(text: str) -> str | None:
    """The first line when it is short and does not end like a sentence.

    Titles were once read this way only; article identities of text pages still rest on it, so that a
    store made then keeps its identities (the text decides the identity anyway: this line is part of it).
    """
    first_line, _, rest = text.partition("\n")
    line = first_line.strip()
    headline_like = 0 < len(line) <= _MAX_TITLE_CHARS and not line.endswith((".", "!", "?", '"', "”", "»", ","))
    return line if rest.strip() and headline_like else None
