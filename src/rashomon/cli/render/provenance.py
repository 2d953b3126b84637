"""Where a story's accounts came from: the origins each cites, the ties its quotes make, the copies."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from rashomon.cli.render.common import Column, cell, fitted_table, shortened
from rashomon.reads.provenance import Provenance

EXCERPT = 90


ORIGIN_COLUMNS = (Column("origin", priority=0, widest=16, lines=3), Column("named in", priority=1, widest=20, lines=3),
                  Column("as", text=True, narrowest=20, lines=3),
                  Column("tied by its quotes", priority=2, widest=18, lines=3))


def provenance(console: Console, found: Provenance) -> None:
    origins = found.origins()
    console.print(Text(f"Where the accounts of story {found.story} came from. Origins named: {len(origins)}; "
                       f"accounts tied to one by their quotes: {len(found.ties)}; pairs of articles sharing "
                       f"passages: {len(found.copies)}", style="bold"))
    rows = []
    for origin in origins:
        cited = [c for c in found.citations if (c.origin_name, c.kind) == (origin["origin"], origin["kind"])]
        rows.append([f"{origin['origin']} ({origin['kind']})", tuple(found.columns[a] for a in origin["cited_by"]),
                     tuple(f"“{found.words(c.span)}”" for c in cited), tuple(found.columns[a] for a in origin["tied"])])
    console.print(fitted_table(console.width, ORIGIN_COLUMNS, rows, spaced=True) if origins
                  else Text("No article names an origin."))
    for tie in found.ties:
        console.print(cell(found.columns[tie.article_id]).append(": ", style="dim")
                      .append_text(cell(found.tie_reason(tie))))
    for copy in found.copies:
        arrow = "copies from" if copy.directed else "shares passages with (order unknown)"
        line = cell(found.columns[copy.copy_id]).append(f" {arrow} ", style="dim")
        line.append_text(cell(found.columns[copy.original_id]))
        line.append(f": {len(copy.passages)} passages, {copy.words} words outside quotes", style="dim")
        console.print(line)
        for passage in copy.passages[:3]:
            words = cell(" ".join(found.words(passage.first).split()))
            console.print(Text("  “", style="dim").append_text(shortened(words, EXCERPT)).append("”", style="dim"))
