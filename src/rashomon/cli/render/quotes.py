"""Attributions as a table, and quote groups as each rendering with its word diff from the first."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.table import Table
from rich.text import Text

from rashomon.cli.render.common import SHORT_ID, cell
from rashomon.reads import Quote, RenderedQuoteGroup


def quotes_table(console: Console, quotes: Sequence[Quote]) -> None:
    table = Table(title=f"{len(quotes)} attributions", title_justify="left", show_lines=False)
    for column in ("article", "speaker", "kind", "cue", "what was said", "said on", "trust"):
        table.add_column(column, overflow="fold" if column == "what was said" else "ellipsis",
                         no_wrap=column != "what was said", ratio=1 if column == "what was said" else None)
    for quote in quotes:
        attribution = quote.attribution
        speaker = quote.credited
        content = " … ".join(quote.words["content"])
        table.add_row(cell(attribution.article_id[:SHORT_ID]), cell(speaker[:30]), cell(attribution.kind),
                      cell(" ".join(quote.words["cue"])[:28]), cell(content[:300]),
                      cell(attribution.spoken_on), cell(_trust(attribution.confidence)))
    console.print(table)


def _trust(confidence: float | None) -> str | None:
    """The confidence model's probability that the source is right, as a percentage."""
    return None if confidence is None else f"{confidence:.0%}"


def quote_groups(console: Console, groups: Sequence[RenderedQuoteGroup]) -> None:
    if not groups:
        console.print(Text("No utterance is rendered in two or more articles yet."))
    for group in groups:
        flags = sorted({flag for flags in group.flags for flag in flags})
        title = Text(f"{group.speaker or 'unknown speaker'}: {len(group.renderings)} renderings")
        if flags:
            title.append("   changes: " + ", ".join(flags), style="bold red")
        console.print(title)
        for index, (rendering, changes, diff) in enumerate(zip(group.renderings, group.flags, group.diffs,
                                                                 strict=True)):
            where = f"{rendering.article_id[:SHORT_ID]} {rendering.outlet or ''} {rendering.published or ''}".strip()
            line = Text(f"  {where}: ", style="dim")
            line.append_text(Text(f"“{rendering.text}”"))
            if changes:
                line.append("  changes: " + ", ".join(changes), style="red")
            console.print(line)
            if index:
                console.print(Text("      against the first: ", style="dim").append_text(_diff_text(diff)))
        console.print()


def _diff_text(diff: list[tuple[str, str, str]]) -> Text:
    """[-words the first has-] {+words this one has instead+}, readable without colour too."""
    text = Text()
    for operation, first, other in diff:
        if operation == "equal":
            text.append(other + " ")
            continue
        if first:
            text.append(f"[-{first}-] ", style="red")
        if other:
            text.append(f"{{+{other}+}} ", style="green")
    return text
