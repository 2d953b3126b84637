"""The coverage matrix drawn (outlets across, facts down), each outlet's unique and missing facts, and
the divergences with both reports' words."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.text import Text

from rashomon.cli.render.common import SHORT_ID, Column, cell, fitted_table, shortened
from rashomon.reads import Comparison, DivergenceView

MARKS = {"reported": ("●", "green"), "reported differently": ("◐", "bold red"), "not reported": ("·", "dim")}
LISTED = 8


def comparison(console: Console, found: Comparison, shown: int | None = None) -> None:
    scope = " ".join(f"{name} {value}" for name, value in found.scope.items())
    console.print(Text(f"What each outlet reports in {scope}: {len(found.facts)} facts, "
                       f"{len(found.columns)} outlets", style="bold"))
    for number, column in enumerate(found.columns, start=1):
        console.print(Text(f"  {number} = ").append_text(cell(column)))
    columns = [Column(str(number), justify="center") for number in range(1, len(found.columns) + 1)]
    columns.append(Column("fact (as the first report words it)", text=True, narrowest=30))
    rows = []
    for fact in found.facts[:shown]:
        marks = [Text(MARKS[fact.status(c)][0], style=MARKS[fact.status(c)][1]) for c in found.columns]
        words = cell(next(iter(fact.reports.values())).words)
        if fact.also:  # stated again in later events of the story
            words = Text(f"[{len(fact.also) + 1} events] ", style="cyan").append_text(words)
        rows.append([*marks, words])
    console.print(fitted_table(console.width, columns, rows))
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
            lead = Text(f"  {label}: ", style="dim")
            said = cell(" ".join(next(iter(fact.reports.values())).words.split()))
            console.print(lead.append_text(shortened(said, console.width - len(lead))))


DIVERGENCE_COLUMNS = (Column("kind", priority=0), Column("what differs", priority=1, widest=28, lines=3),
                      Column("conf.", priority=2, justify="right"),
                      Column("the two reports", text=True, narrowest=30, lines=4))


def divergences(console: Console, found: Sequence[DivergenceView]) -> None:
    rows = [[divergence.kind, divergence.reason, f"{divergence.confidence:.2f}",
             (f"1 ▸ {divergence.words[0]} [{divergence.spans[0].article_id[:SHORT_ID]}]",
              f"2 ▸ {divergence.words[1]} [{divergence.spans[1].article_id[:SHORT_ID]}]")] for divergence in found]
    console.print(fitted_table(console.width, DIVERGENCE_COLUMNS, rows, title=f"{len(found)} divergences",
                               spaced=True)
                  if found else Text("No divergence between matched reports."))
