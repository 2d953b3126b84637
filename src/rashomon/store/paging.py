"""Which part of a list, in which order: the page a reader asks for, and how a query is sorted and cut."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import sqlalchemy as sa

from rashomon.errors import BadQuery

# a sort key → the columns it orders by, each with whether it runs from the largest down
SqlSortKeys = Mapping[str, tuple[tuple[sa.ColumnElement, bool], ...]]


@dataclass(frozen=True)
class Page:
    limit: int | None = None  # None: every row
    offset: int = 0  # rows skipped before the first one shown
    sort: str | None = None  # a sort key of the kind listed, or None for its default; "-key" reverses it

    def sort_key(self, valid: Iterable[str], default: str, kind: str) -> tuple[str, bool]:
        """The key asked for (or the default) and whether it is reversed; BadQuery names the valid keys."""
        asked = self.sort or default
        name = asked.removeprefix("-")
        if name not in valid:
            raise BadQuery(f"--sort {asked!r}: {kind} cannot be sorted by that; sort them by one of "
                           f"{', '.join(valid)} (a leading - reverses the order)")
        return name, asked.startswith("-")


def ordered(query: sa.Select, page: Page, keys: SqlSortKeys, default: str, kind: str) -> sa.Select:
    """``query`` sorted by the page's key (empty values last either way) and cut to the page."""
    name, reverse = page.sort_key(keys, default, kind)
    clauses = [(sa.desc(column) if descending != reverse else sa.asc(column)).nulls_last()
               for column, descending in keys[name]]
    query = query.order_by(*clauses)
    if page.offset:
        query = query.offset(page.offset)
    if page.limit is not None:
        query = query.limit(page.limit)
    return query


def count(connection: sa.Connection, query: sa.Select) -> int:
    """How many rows ``query`` gives, whatever page is shown of them."""
    return connection.scalar(sa.select(sa.func.count()).select_from(query.order_by(None).subquery()))
