"""A story's time line drawn: a spine of dates, what happened on each, who reported it and when.

Words only bounded by their article's publication ("by 1 Dec 2021") are drawn as one line per article
and bound, with their speakers, so that the dated moments stand out.
"""

from __future__ import annotations

from itertools import groupby

from rich.console import Console
from rich.text import Text

from rashomon.cli.render.common import Column, cell, fitted_table, shortened
from rashomon.reads.timeline import Entry, Timeline

WORDS = 90
MARKS = {"day": ("●", "bold green"), "month": ("◉", "green"), "year": ("◉", "green"), "decade": ("◉", "green"),
         "by": ("○", "yellow"), "after": ("○", "yellow"), "unknown": ("?", "red")}


TIMELINE_COLUMNS = (Column("when", priority=0, widest=18, lines=2), Column("", priority=0),
                    Column("what the text says", text=True, narrowest=24, lines=5),
                    Column("reported by (published)", priority=1, widest=26, lines=8))


def timeline(console: Console, found: Timeline) -> None:
    dated = sum(1 for e in found.entries if e.kind != "reported")
    console.print(Text(f"When it happened, story {found.story}: {dated} dated moments, "
                       f"{len(found.entries) - dated} more bounded by publication, {len(found.columns)} articles",
                       style="bold"))
    rows = []
    for (label, kind), entries in groupby(found.entries, key=lambda e: (e.place.label, e.kind)):
        entries = list(entries)
        lines = [_bounded(found, entries)] if kind == "reported" else [_row(found, e) for e in entries]
        for when, what, who in lines:
            mark, style = MARKS[entries[0].place.precision]
            inferred = " ~" if entries[0].place.inferred else ""
            rows.append([label + inferred, Text(f"─{mark}", style=style), what, who])
    console.print(fitted_table(console.width, TIMELINE_COLUMNS, rows))
    console.print(Text("● a day the text gives  ◉ a month, year or decade  ○ bounded: the exact date is not "
                       "given  ~ completed from the article's dateline or another of its dates", style="dim"))


def _row(found: Timeline, entry: Entry) -> tuple[str, Text, Text]:
    first = entry.moments[0]
    what = shortened(cell(" ".join(found.words(first.span).split())), WORDS)
    if first.date_span is not None:
        what.append(f"  [{found.words(first.date_span)}]", style="dim")
    if entry.kind == "spoken":
        what.append("  (when it was said)", style="dim")
    return entry.place.label, what, _reporters(found, entry)


def _bounded(found: Timeline, entries: list[Entry]) -> tuple[str, Text, Text]:
    speakers = sorted({m.speaker for e in entries for m in e.moments if m.speaker}, key=str.casefold)
    what = cell(f"reported, not dated in the text ({len(entries)})")
    if speakers:
        what.append(": ").append_text(cell(", ".join(speakers[:6]) + (" …" if len(speakers) > 6 else "")))
    articles = {m.span.article_id for e in entries for m in e.moments}
    who = Text("\n").join(_reporter(found, a) for a in found.columns if a in articles)
    return entries[0].place.label, what, who


def _reporters(found: Timeline, entry: Entry) -> Text:
    return Text("\n").join(_reporter(found, a) for a in dict.fromkeys(m.span.article_id for m in entry.moments))


def _reporter(found: Timeline, article_id: str) -> Text:
    return cell(found.columns[article_id]).append(f" ({found.published[article_id] or 'undated'})", style="dim")
