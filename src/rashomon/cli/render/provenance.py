"""Where a story's accounts came from: the origins each cites, the ties its quotes make, the copies."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from rashomon.cli.render.common import cell
from rashomon.reads.provenance import Provenance

EXCERPT = 90


def provenance(console: Console, found: Provenance) -> None:
    origins = found.origins()
    console.print(Text(f"Where the accounts of story {found.story} came from. Origins named: {len(origins)}; "
                       f"accounts tied to one by their quotes: {len(found.ties)}; pairs of articles sharing "
                       f"passages: {len(found.copies)}", style="bold"))
    table = Table(show_lines=True)
    for name in ("origin", "named in", "as", "tied by shared quotes"):
        table.add_column(name, overflow="fold", ratio=2 if name == "as" else 1)
    for origin in origins:
        cited = [c for c in found.citations if (c.origin_name, c.kind) == (origin["origin"], origin["kind"])]
        named_in = Text("\n").join(cell(found.columns[a]) for a in origin["cited_by"])
        wording = Text("\n").join(cell(f"“{found.words(c.span)}”") for c in cited)
        tied = Text("\n").join(cell(found.columns[a]) for a in origin["tied"])
        table.add_row(cell(f"{origin['origin']} ({origin['kind']})"), named_in, wording, tied)
    console.print(table if origins else Text("No article names an origin."))
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
            console.print(Text("  “", style="dim").append_text(cell(found.words(passage.first)[:EXCERPT]))
                          .append("…”", style="dim"))
