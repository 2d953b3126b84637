"""What makes two inputs the same article: the canonical URL where there is one, else a content hash."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Query parameters that track the reader and never change the article.
_TRACKING_PARAMS = re.compile(r"^(utm_\w+|fbclid|gclid|dclid|mc_cid|mc_eid|ref|ref_src|cmpid|ocid|"
                              r"at_medium|at_campaign|smid|partner|igshid|__twitter_impression)$", re.I)
_WHITESPACE = re.compile(r"\s+")


def canonical_url(url: str) -> str:
    """Lower-case scheme and host, no default port, no fragment, no tracking parameters."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port
    netloc = host if port is None or (scheme, port) in {("http", 80), ("https", 443)} else f"{host}:{port}"
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                       if not _TRACKING_PARAMS.match(k)])
    return urlunsplit((scheme, netloc, parts.path or "/", query, ""))


def is_web_url(value: str | None) -> bool:
    return bool(value) and urlsplit(value).scheme in {"http", "https"} and bool(urlsplit(value).hostname)


def normalized_text(text: str) -> str:
    return _WHITESPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()


def content_hash(text: str) -> str:
    """Hash of the text up to Unicode form, case and spacing: equal for exact copies."""
    return hashlib.sha256(normalized_text(text).encode("utf-8")).hexdigest()


def article_identity(url: str | None, outlet: str | None, title: str | None, text: str) -> str:
    """``url:<canonical>``; without a web URL, a hash of outlet, title and text.

    Outlet and title are part of the content identity so that a wire story reprinted under
    another headline or by another outlet is a second article (linked as a copy), not the same one.
    """
    if is_web_url(url):
        return "url:" + canonical_url(url)
    key = "\x1f".join((normalized_text(outlet or ""), normalized_text(title or ""), normalized_text(text)))
    return "content:" + hashlib.sha256(key.encode("utf-8")).hexdigest()


def article_id(identity: str) -> str:
    """A short, stable id derived from the identity."""
    return hashlib.sha256(identity.encode("utf-8")).hexdigest()[:16]
