"""The line under a list that shows only part of it: which rows are shown, of how many, and how to see more."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from rashomon.reads import Listing


def count_line(console: Console, listing: Listing, noun: str) -> None:
    """"showing 1–3 of 100 articles" when the page holds less than the whole list; nothing otherwise."""
    if listing.is_whole():
        return
    if listing.shown == 0:
        console.print(Text(f"showing none of {listing.total} {noun} (--offset {listing.offset} is past the end)",
                           style="dim"))
        return
    first, last = listing.offset + 1, listing.offset + listing.shown
    more = " (--limit N, --offset N or --all to see others)" if listing.shown < listing.total else ""
    console.print(Text(f"showing {first}–{last} of {listing.total} {noun}{more}", style="dim"))
