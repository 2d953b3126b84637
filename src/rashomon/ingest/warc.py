"""WARC files, the format of the large public news crawls: every HTML response is a Page."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from rashomon.records import Page, Rejection


def pages_from_warc(path: Path) -> Iterator[Page | Rejection]:
    """HTML responses with status 200 as Pages; other records (images, robots.txt, requests) are not articles."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        if not _starts_like_an_archive(path):
            yield Rejection(str(path), "not a WARC file (it does not begin with a WARC/1.x record)")
            return
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream):
                page = _page(path, record)
                if page is not None:
                    yield page
    except ArchiveLoadFailed as error:
        yield Rejection(str(path), f"not a readable WARC file ({error.msg})")
    except OSError as error:
        yield Rejection(str(path), f"cannot be read ({error.strerror or error})")


def _starts_like_an_archive(path: Path) -> bool:
    with path.open("rb") as stream:
        head = stream.read(4096)
    if head.startswith(b"\x1f\x8b"):
        head = zlib.decompressobj(zlib.MAX_WBITS | 16).decompress(head, 64)
    return head.lstrip().startswith((b"WARC/", b"filedesc://"))


def _page(path: Path, record) -> Page | None:
    if record.rec_type != "response" or record.http_headers is None:
        return None
    if record.http_headers.get_statuscode() != "200":
        return None
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    if "html" not in content_type:
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    return Page(origin=f"{path} {url}", kind="html", body=record.content_stream().read(),
                url=url, fetched_at=_warc_date(record.rec_headers.get_header("WARC-Date")))


def _warc_date(value: str | None) -> datetime | None:
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")) if value else None
    except ValueError:
        return None
