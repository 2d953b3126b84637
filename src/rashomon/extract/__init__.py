"""Page → Article: trafilatura for HTML, plain text and dump records read as they are, language id.

One module per kind of page (``text``, ``html``, ``record``), each returning the article's parts;
``decoding`` turns bytes into text or refuses them, ``identity`` says what makes two inputs the same
article, ``language`` names the text's language.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from rashomon.extract.html import from_html
from rashomon.extract.identity import article_id, article_identity, content_hash
from rashomon.extract.language import detect_language
from rashomon.extract.published import parse_published
from rashomon.extract.record import from_record
from rashomon.extract.text import from_text
from rashomon.records import Article, Page
from rashomon.settings import Settings

__all__ = ["extract", "parse_published"]

_READERS = {"text": from_text, "html": from_html, "record": from_record}


def extract(page: Page, settings: Settings) -> Article:
    """The article in ``page``; raises an InputError saying why when there is none."""
    reader = _READERS.get(page.kind)
    if reader is None:
        raise ValueError(f"extract cannot read a page of kind {page.kind!r}")
    return _article(page, settings, **reader(page))


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
