"""The coverage matrix drawn (outlets across, facts down), each outlet's unique and missing facts, and
the divergences with both reports' words."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.table import Table
from rich.text import Text

from rashomon.cli.render.common import cell
from rashomon.reads import Comparison, DivergenceView

MARKS = {"reported": ("●", "green"), "reported differently": ("◐", "bold red"), "not reported": ("·", "dim")}
FACT_WORDS = 70
LISTED = 8


def comparison(console: Console, found: Comparison, shown: int | None = None) -> None:
    scope = " ".join(f"{name} {value}" for name, value in found.scope.items())
    console.print(Text(f"What each outlet reports in {scope}: {len(found.facts)} facts, "
                       f"{len(found.columns)} outlets", style="bold"))
    for number, column in enumerate(found.columns, start=1):
        console.print(Text(f"  {number} = ").append_text(cell(column)))
    table = Table(title_justify="left", show_lines=False)
    for number in range(1, len(found.columns) + 1):
        table.add_column(str(number), justify="center", no_wrap=True)
    table.add_column("fact (as the first report words it)", overflow="ellipsis", no_wrap=True, ratio=1)
    for fact in found.facts[:shown]:
        marks = [Text(MARKS[fact.status(c)][0], style=MARKS[fact.status(c)][1]) for c in found.columns]
        words = cell(next(iter(fact.reports.values())).words[:FACT_WORDS])
        if fact.also:  # stated again in later events of the story
            words = Text(f"[{len(fact.also) + 1} events] ", style="cyan").append_text(words)
        table.add_row(*marks, words)
    console.print(table)
    if shown is not None and len(found.facts) > shown:
        console.print(Text(f"… and {len(found.facts) - shown} more facts (--all shows them)", style="dim"))
    console.print(Text("● reported  ◐ reported differently  · not reported", style="dim"))
    for column in found.columns:
        _outlet(console, found, column)


def _outlet(console: Console, found: Comparison, column: str) -> None:
    words = {fact.fact_id: fact for fact in found.facts}
    unique, missing = found.unique(column), found.missing(column)
    line = cell(column)
    line.stylize("bold")
    line.append(f": shares {len(found.shared(column))} facts with most others, {len(unique)} only it reports, "
                f"leaves out {len(missing)} that most others report")
    console.print(line)
    for label, facts in (("only here", unique), ("left out", missing)):
        for fact_id in facts[:LISTED]:
            fact = words[fact_id]
            console.print(Text(f"  {label}: ", style="dim").append_text(
                cell(next(iter(fact.reports.values())).words[:FACT_WORDS])))


def divergences(console: Console, found: Sequence[DivergenceView]) -> None:
    table = Table(title=f"{len(found)} divergences", title_justify="left", show_lines=True)
    for name in ("kind", "what differs", "confidence", "one report", "another"):
        table.add_column(name, overflow="fold", ratio=2 if name in ("one report", "another") else None)
    for divergence in found:
        table.add_row(cell(divergence.kind), cell(divergence.reason), cell(f"{divergence.confidence:.2f}"),
                      cell(f"{divergence.words[0]} [{divergence.spans[0].article_id[:10]}]"),
                      cell(f"{divergence.words[1]} [{divergence.spans[1].article_id[:10]}]"))
    console.print(table if found else Text("No divergence between matched reports."))
