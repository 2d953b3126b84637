"""HTML pages: the article body, title, site, date and authors as trafilatura reads them."""

from __future__ import annotations

from urllib.parse import urlsplit

from rashomon.errors import EmptyInput, NoArticleFound
from rashomon.extract.decoding import refuse_binary
from rashomon.extract.identity import is_web_url
from rashomon.extract.published import parse_published
from rashomon.records import Page

# Fewer words than this from a page is navigation or boilerplate, not an article.
MIN_ARTICLE_WORDS = 10


def from_html(page: Page) -> dict:
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
        outlet=fields.get("outlet") or document.sitename,
        published=parse_published(document.date) or fields.get("published"),
        authors=_split_authors(document.author) or tuple(fields.get("authors", ())),
        metadata={key: value for key, value in (("description", document.description),
                                                ("html_url", document.url)) if value},
        read={"outlet": _domain(url), "outlet_from": "the page's web domain"},
    )


def _split_authors(author: str | None) -> tuple[str, ...]:
    return tuple(name.strip() for name in (author or "").split(";") if name.strip())


def _domain(url: str | None) -> str | None:
    host = urlsplit(url).hostname if url else None
    return host[4:] if host and host.startswith("www.") else host
