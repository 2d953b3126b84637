"""Attributions as a table, and quote groups as each rendering with its word diff from the first."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.padding import Padding
from rich.text import Text

from rashomon.cli.render.common import SHORT_ID, Column, cell, fitted_table
from rashomon.align.differences import Rendering
from rashomon.reads import Quote, RenderedQuoteGroup


QUOTE_COLUMNS = (
    Column("article", priority=3, widest=SHORT_ID), Column("outlet", priority=2, widest=14),
    Column("speaker", priority=1, widest=18), Column("kind", priority=5, widest=8),
    Column("cue", priority=6, widest=16), Column("what was said", text=True, narrowest=34, lines=2),
    Column("said on", priority=7, widest=10), Column("trust", priority=4, justify="right"),
)


def quotes_table(console: Console, quotes: Sequence[Quote]) -> None:
    console.print(fitted_table(console.width, QUOTE_COLUMNS, quote_rows(quotes), title=f"{len(quotes)} attributions"))


def quote_rows(quotes: Sequence[Quote]) -> list[list]:
    """One row of QUOTE_COLUMNS per attribution."""
    return [[quote.attribution.article_id[:SHORT_ID], quote.outlet or "unknown",
             quote.credited, quote.attribution.kind,
             " ".join(quote.words["cue"]), " … ".join(quote.words["content"]), quote.attribution.spoken_on,
             _trust(quote.attribution.confidence)] for quote in quotes]


def _trust(confidence: float | None) -> str | None:
    """The confidence model's probability that the source is right, as a percentage."""
    return None if confidence is None else f"{confidence:.0%}"


def quote_groups(console: Console, groups: Sequence[RenderedQuoteGroup]) -> None:
    if not groups:
        console.print(Text("No utterance is rendered in two or more articles yet."))
    for group in groups:
        flags = sorted({flag for flags in group.flags for flag in flags})
        title = cell(f"{group.speaker or 'unknown speaker'}: {len(group.renderings)} renderings")
        if flags:
            title.append("   changes: " + ", ".join(flags), style="bold red")
        console.print(title)
        for index, (rendering, changes, diff) in enumerate(zip(group.renderings, group.flags, group.diffs,
                                                                 strict=True)):
            where = f"{rendering.article_id[:SHORT_ID]} {rendering.outlet or ''} {rendering.published or ''}"
            line = Text(" ".join(where.split()) + ": ", style="dim").append_text(rendered_words(rendering))
            if changes:
                line.append("  changes: " + ", ".join(changes), style="red")
            console.print(Padding(line, (0, 0, 0, 2)))
            if index:
                console.print(Padding(Text("against the first: ", style="dim").append_text(_diff_text(diff)),
                                      (0, 0, 0, 6)))
        console.print()


def rendered_words(rendering: Rendering) -> Text:
    """A direct rendering in quotation marks; an indirect or mixed one labelled so, in italics, without them
    (a mixed one keeps the marks its article put around the words it quotes)."""
    if rendering.kind == "direct":
        return Text("“").append_text(cell(rendering.text)).append("”")
    return Text(f"{rendering.kind}: ", style="dim").append_text(Text(rendering.text, style="italic"))


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
