"""One page of a longer list: the answer for the rows shown and where they stand in the whole, and how
lists sorted in Python (stories, search hits) take a sort key."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from rashomon.reads.shape import as_json
from rashomon.store.paging import Page

Item = TypeVar("Item")


@dataclass(frozen=True)
class Listing:
    """The rows ``offset + 1`` to ``offset + shown`` of ``total``, as the answer the list would give."""

    answer: Any  # what the unpaged question answers, for these rows only
    shown: int
    total: int
    offset: int = 0

    def as_dict(self) -> Any:
        """The answer's own JSON shape (the rows shown)."""
        return as_json(self.answer)

    def is_whole(self) -> bool:
        return self.offset == 0 and self.shown == self.total


# a sort key → the value it sorts by (None: sorted last) and whether it runs from the largest down
PythonSortKeys = Mapping[str, tuple[Callable[[Any], Any], bool]]


def sorted_page(items: Sequence[Item], page: Page, keys: PythonSortKeys, default: str,
                kind: str) -> list[Item]:
    """``items`` in the order of the page's key, items without a value for it last, cut to the page."""
    name, reverse = page.sort_key(keys, default, kind)
    value, descending = keys[name]
    valued = [item for item in items if value(item) is not None]
    ordered = sorted(valued, key=value, reverse=descending != reverse)
    ordered += [item for item in items if value(item) is None]
    end = None if page.limit is None else page.offset + page.limit
    return ordered[page.offset:end]
