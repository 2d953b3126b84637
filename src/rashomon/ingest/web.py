"""URLs → Pages with httpx: timeouts, a size cap, few redirects, no private addresses unless allowed."""

from __future__ import annotations

import ipaddress
import socket
from datetime import datetime, timezone
from urllib.parse import urljoin, urlsplit

import httpx

from rashomon.errors import BlockedAddress, FetchError, ResponseTooLarge
from rashomon.records import Page
from rashomon.settings import Settings


def _address_kind(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    """Why an address is not on the public internet, or None if it is."""
    if address.is_loopback:
        return "a loopback address"
    if address.is_link_local:
        return "a link-local address"
    if address.is_private:
        return "a private address"
    if address.is_multicast or address.is_reserved or address.is_unspecified:
        return "a reserved address"
    return None


def check_address(url: str, allow_private: bool) -> None:
    """Refuse URLs whose host resolves to a non-public address (unless allowed)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(url, "not an http(s) URL")
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or 80, proto=socket.IPPROTO_TCP)
    except socket.gaierror:
        raise FetchError(url, f"the host name {parts.hostname} does not resolve") from None
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%")[0])
        kind = _address_kind(address)
        if kind:
            raise BlockedAddress(url, f"refused: {parts.hostname} is {kind} ({address}); "
                                      "use --allow-private to fetch it")


class Fetcher:
    """One HTTP client for a whole ingest; checks every hop of a redirect chain."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self._client = httpx.Client(
            timeout=httpx.Timeout(settings.fetch_timeout), follow_redirects=False,
            headers={"User-Agent": settings.user_agent}, trust_env=False)

    def close(self) -> None:
        self._client.close()

    def fetch(self, url: str, origin: str | None = None) -> Page:
        origin = origin or url
        current = url
        for _ in range(self.settings.fetch_max_redirects + 1):
            check_address(current, self.settings.allow_private)
            status, headers, body = self._get(current, origin)
            if status in (301, 302, 303, 307, 308) and "location" in headers:
                current = urljoin(current, headers["location"])
                continue
            if status >= 400:
                phrase = httpx.codes.get_reason_phrase(status)
                raise FetchError(origin, f"HTTP error {status} {phrase}".rstrip())
            return Page(origin=origin, kind=page_kind(headers.get("content-type", ""), body),
                        body=body, url=current, fetched_at=datetime.now(timezone.utc))
        raise FetchError(origin, f"more than {self.settings.fetch_max_redirects} redirects")

    def _get(self, url: str, origin: str) -> tuple[int, httpx.Headers, bytes]:
        limit = self.settings.fetch_max_bytes
        try:
            with self._client.stream("GET", url) as response:
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > limit:
                    raise ResponseTooLarge(origin, _too_large(int(declared), limit))
                chunks, size = [], 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > limit:
                        raise ResponseTooLarge(origin, _too_large(None, limit))
                    chunks.append(chunk)
                return response.status_code, response.headers, b"".join(chunks)
        except httpx.TimeoutException:
            raise FetchError(origin, f"no answer within {self.settings.fetch_timeout:g} seconds") from None
        except httpx.HTTPError as error:
            raise FetchError(origin, f"could not connect ({type(error).__name__}: {error})") from None


def _too_large(size: int | None, limit: int) -> str:
    stated = f" ({size:,} bytes)" if size is not None else ""
    return f"response larger than the {limit:,}-byte limit{stated}"


def page_kind(content_type: str, body: bytes) -> str:
    """"feed", "html" or "text": a body that opens as a feed is one whatever the server calls it."""
    if looks_like_feed(body):
        return "feed"
    return "text" if content_type.split(";")[0].strip().lower() == "text/plain" else "html"


def looks_like_feed(body: bytes) -> bool:
    head = body[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf")) and any(
        tag in head for tag in (b"<rss", b"<feed", b"<rdf:rdf"))
