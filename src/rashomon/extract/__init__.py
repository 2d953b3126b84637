"""Page → Article: trafilatura for HTML, plain text and dump records read as they are, language id.

One module per kind of page (``text``, ``html``, ``record``), each returning the article's parts;
``decoding`` turns bytes into text or refuses them, ``identity`` says what makes two inputs the same
article, ``language`` names the text's language, ``outlets`` gives each outlet one name.

Who says what an article's outlet, title, date, URL and authors are, strongest first:
1. the file's sidecar (``article.txt.json`` beside ``article.txt``): what the person ingesting wrote for it;
2. the page itself: a dump record's fields, a feed entry, the HTML's metadata, a seed's date line;
3. the ingest options (``--outlet``, ``--published``) for every file of that run;
4. a reading of the words: the masthead and headline of a text page, its dateline or date stamp, a
   page's web domain for its outlet.
Where a value comes from anything but the page itself, the metadata says so (``outlet_from``,
``title_from``, ``published_from``). An article's identity rests on what is stated (1–3) and on its text,
never on a reading of its words, so better readings never make a stored article new again.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from functools import lru_cache
from typing import Any

from rashomon.errors import EmptyInput
from rashomon.extract.html import from_html
from rashomon.extract.identity import article_id, article_identity, content_hash
from rashomon.extract.language import detect_language
from rashomon.extract.outlets import OutletNames
from rashomon.extract.published import parse_published
from rashomon.extract.record import from_record
from rashomon.extract.text import from_text
from rashomon.records import Article, Page
from rashomon.settings import Settings

__all__ = ["TITLE_ONLY_REASON", "extract", "parse_published"]

TITLE_ONLY_REASON = ("record has a title but no text: a headline alone is not an account to compare "
                     "(`ingest --title-only keep` stores it, marked title-only)")
_STATED = ("outlet", "title", "published", "url", "authors")
_READ_FROM = {"outlet": "the masthead in the text", "title": "the headline in the text",
              "url": "the page", "authors": "the page"}


def extract(page: Page, settings: Settings) -> Article:
    """The article in ``page``; raises an InputError saying why when there is none."""
    if page.kind == "text":
        parts = from_text(page, outlet_table(settings.outlets))
    elif page.kind == "html":
        parts = from_html(page)
    elif page.kind == "record":
        parts = from_record(page)
    else:
        raise ValueError(f"extract cannot read a page of kind {page.kind!r}")
    if parts["metadata"].get("text_is_title") and settings.title_only == "reject":
        raise EmptyInput(page.origin, TITLE_ONLY_REASON)
    return _article(page, settings, **parts)


@lru_cache(maxsize=4)
def outlet_table(extra: str) -> OutletNames:
    """The outlet table (bundled, extended by the ``outlets`` setting's file), once per process."""
    return OutletNames.load(extra)


def _article(page: Page, settings: Settings, *, text: str, title: str | None, url: str | None,
             outlet: str | None, published: date | None, authors: tuple[str, ...] = (),
             metadata: Mapping[str, Any] | None = None, read: Mapping[str, Any] | None = None,
             identity_title: str | None = None) -> Article:
    own = {"outlet": outlet, "title": title, "published": published, "url": url, "authors": authors}
    read = read or {}
    metadata = dict(metadata or {})
    chosen, stated = {}, {}
    for name in _STATED:
        chosen[name], strength, source = _strongest(name, own[name], page, read)
        stated[name] = None if strength == "read" else chosen[name]
        if strength in ("sidecar", "defaults", "read"):
            metadata[f"{name}_from"] = source
    if page.kind == "text":  # what an export must say for its records to be this article again
        metadata["read_from_text"] = [name for name in _STATED if stated[name] is None and chosen[name]]
    identity = article_identity(chosen["url"], stated["outlet"], stated["title"] or identity_title, text)
    return Article(
        id=article_id(identity), identity=identity, text=text, title=chosen["title"], url=chosen["url"],
        outlet=chosen["outlet"], published=chosen["published"], authors=tuple(chosen["authors"] or ()),
        language=detect_language(text, settings.language_codes), origin=page.origin,
        content_hash=content_hash(text), metadata=metadata,
    )


def _strongest(name: str, own: Any, page: Page, read: Mapping[str, Any]) -> tuple[Any, str | None, str | None]:
    """The value of field ``name`` from the strongest source that gives one: (value, strength, source)."""
    if page.sidecar.get(name):
        return page.sidecar[name], "sidecar", f"sidecar {page.sidecar['path']}"
    if own:
        return own, "page", None
    if page.defaults.get(name):
        return page.defaults[name], "defaults", f"ingest --{name}"
    if read.get(name):
        return read[name], "read", read.get(f"{name}_from") or _READ_FROM[name]
    return None, None, None
