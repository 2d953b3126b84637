"""What each outlet reports, leaves out and gets different: the coverage matrix of a story or an event.

Columns are outlets (an article without a known outlet is a column of its own, named by its title and id);
rows are facts. An outlet reports a fact when one of its articles does, and reports it differently when
that report is part of a divergence. Over a story, a fact stated again in a later event is one row
(``align.across_events``), its first fact's id naming it and the others listed as ``also``. For each
outlet: the facts it shares with most of the others, the facts only it reports, and the facts most of the
others report that it leaves out.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from rashomon.align.across_events import linked
from rashomon.reads.labels import source_name
from rashomon.store import Store, compared

SHORT_ID = 10


@dataclass(frozen=True)
class Report:
    article_id: str
    start: int
    end: int
    words: str
    differently: bool  # part of a divergence with another report of the fact


@dataclass(frozen=True)
class FactRow:
    fact_id: int
    event_id: int
    kind: str
    reports: dict[str, Report]  # column → its report
    also: tuple[int, ...] = ()  # the same fact in other events of the story

    def status(self, column: str) -> str:
        report = self.reports.get(column)
        return "not reported" if report is None else "reported differently" if report.differently else "reported"


@dataclass(frozen=True)
class Comparison:
    scope: dict  # {"story": n} or {"event": n}
    columns: tuple[str, ...]  # outlets, then articles without one, in order of first publication
    articles: dict[str, tuple[str, ...]]  # column → its articles
    facts: tuple[FactRow, ...]  # most widely reported first

    def shared(self, column: str) -> list[int]:
        """Facts the column reports that more than half of the other columns report too."""
        return [f.fact_id for f in self.facts if column in f.reports and self._others(f, column) > self._half(column)]

    def unique(self, column: str) -> list[int]:
        return [f.fact_id for f in self.facts if set(f.reports) == {column} and len(self.columns) > 1]

    def missing(self, column: str) -> list[int]:
        """Facts more than half of the other columns report and this one does not."""
        return [f.fact_id for f in self.facts
                if column not in f.reports and self._others(f, column) > self._half(column)]

    def _others(self, fact: FactRow, column: str) -> int:
        return len(set(fact.reports) - {column})

    def _half(self, column: str) -> float:
        return (len(self.columns) - 1) / 2

    def as_dict(self) -> dict:
        """``{"scope", "columns": [{"column", "articles"}], "facts": [{"fact", "event", "kind", "also",
        "reports": {column: {"article", "span", "text", "status"}}}], "outlets": {column: {"shared", "unique",
        "missing"}}}``."""
        return {"scope": self.scope,
                "columns": [{"column": c, "articles": list(self.articles[c])} for c in self.columns],
                "facts": [{"fact": f.fact_id, "event": f.event_id, "kind": f.kind, "also": list(f.also),
                           "reports": {c: {"article": r.article_id, "span": [r.start, r.end], "text": r.words,
                                           "status": f.status(c)} for c, r in f.reports.items()}}
                          for f in self.facts],
                "outlets": {c: {"shared": self.shared(c), "unique": self.unique(c), "missing": self.missing(c)}
                            for c in self.columns}}


def compare(store: Store, story: int | None = None, event: int | None = None) -> Comparison:
    """The coverage matrix of one story (all its events) or one event (NotFound if there is none)."""
    with store.read() as connection:
        events = [event] if event is not None else compared.events_of_story(connection, story)
        members = [row for event_id in events for row in compared.event_members(connection, event_id)]
        reports = compared.fact_reports(connection, events)
        diverging = {(d.fact_id, d.first_article) for d in compared.divergences(connection, events)} | \
                    {(d.fact_id, d.second_article) for d in compared.divergences(connection, events)}
        joins = linked(compared.fact_gists(connection, events)) if event is None else {}
    column_of = {row.id: column(row.outlet, row.title, row.id, row.origin) for row in members}
    articles: dict[str, list[str]] = defaultdict(list)
    for row in members:
        if row.id not in articles[column_of[row.id]]:
            articles[column_of[row.id]].append(row.id)
    also: dict[int, list[int]] = defaultdict(list)
    for fact_id, first in sorted(joins.items()):
        if fact_id != first:
            also[first].append(fact_id)
    rows: dict[int, FactRow] = {}
    for r in reports:
        first = joins.get(r.fact_id, r.fact_id)
        if first not in rows:
            rows[first] = FactRow(first, r.event_id, r.kind, {}, tuple(also[first]))
        row = rows[first]
        row.reports.setdefault(column_of[r.article_id], Report(r.article_id, r.start, r.end, r.words,
                                                               (r.fact_id, r.article_id) in diverging))
    ordered = sorted(rows.values(), key=lambda f: (-len(f.reports), f.event_id, f.fact_id))
    return Comparison({"event": event} if event is not None else {"story": story}, tuple(articles),
                      {c: tuple(ids) for c, ids in articles.items()}, tuple(ordered))


def column(outlet: str | None, title: str | None, article_id: str, origin: str = "") -> str:
    """An outlet's name; for an article without one, its title (else "unknown:" and the file it came from)
    and short id (never a blank)."""
    if outlet:
        return outlet
    named = title[:40] if title else f"unknown: {source_name(origin)}"
    return f"{named} ({article_id[:SHORT_ID]})"
