"""What every view shares: a cell that is never read as markup, how ids are shortened, and tables whose
columns are chosen by the width of the terminal.

A table declares its columns (``Column``): a header, a priority and the widest it is drawn; one of them may
be the text column, which takes the width the others leave. ``fitted_table`` keeps the columns that fit the
console's width, leaving out the least important first (a figure is never squeezed to "0.…"), cuts every
longer value at a word with "…", and draws each column at exactly the width it chose, so no line is wider
than the console.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich import box
from rich.cells import cell_len
from rich.console import JustifyMethod
from rich.table import Table
from rich.text import Text

SHORT_ID = 10  # ids are accepted by any unique prefix of four characters or more
GAP = 2  # blank cells between two columns
ELLIPSIS = "…"
WIDE_SHARE = 8  # on a wide terminal a column may take an eighth of it, even when wider than it asks


def cell(value: object) -> Text:
    """A table cell or line part holding ``value`` literally (None as empty)."""
    return Text("" if value is None else str(value))


@dataclass(frozen=True)
class Column:
    header: str
    priority: int = 0  # lower is more important: when the width is short, the highest numbers go first
    widest: int = 24  # a longer value is cut at a word with "…"
    justify: JustifyMethod = "left"
    text: bool = False  # the column that takes the width left over; never left out
    narrowest: int = 30  # the text column: the fewest cells it is given before other columns are left out
    lines: int = 1  # lines a value may wrap over (at words; a longer word goes on) before it is cut


Value = object  # str, number, None or Text; or a tuple of them, each starting on a line of its own


def fitted_table(width: int, columns: Sequence[Column], rows: Sequence[Sequence[Value]],
                 title: str | Text | None = None, spaced: bool = False) -> Table:
    """``rows`` drawn in at most ``width`` cells: the columns that fit, each value fitted to its column
    (``spaced``: a blank line between rows, for rows of several lines)."""
    rows = [[_as_parts(value) for value in row] for row in rows]
    natural = [_natural_width(column, [row[i] for row in rows], width) for i, column in enumerate(columns)]
    kept = _kept_columns(width, columns, natural)
    widths = {i: natural[i] for i in kept}
    for i in kept:
        if columns[i].text:
            others = sum(widths[j] for j in kept if j != i)
            widths[i] = max(1, min(natural[i], width - others - GAP * (len(kept) - 1)))
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False,
                  padding=(0, 1, 0, 0), show_lines=spaced)
    for i in kept:
        table.add_column(columns[i].header, justify=columns[i].justify, width=widths[i], no_wrap=True,
                         overflow="ellipsis")
    for row in rows:
        table.add_row(*(_fitted(row[i], widths[i], columns[i]) for i in kept))
    left_out = [column.header for i, column in enumerate(columns) if i not in kept]
    if left_out:
        table.caption = Text(f"not shown at {width} columns: {', '.join(left_out)} (wider or --json shows them)",
                             style="dim")
        table.caption_justify = "left"
    return table


TEXT_SHARE = 0.4  # of the width, the least the text column keeps before other columns are left out


def _kept_columns(width: int, columns: Sequence[Column], natural: list[int]) -> list[int]:
    """The columns that fit: the least important left out first (the later one among equals)."""
    kept = list(range(len(columns)))

    def needed() -> int:
        cells = sum(min(natural[i], max(columns[i].narrowest, int(TEXT_SHARE * width))) if columns[i].text
                    else natural[i] for i in kept)
        return cells + GAP * (len(kept) - 1)

    droppable = sorted((i for i, column in enumerate(columns) if not column.text),
                       key=lambda i: (columns[i].priority, i), reverse=True)
    for i in droppable:
        if needed() <= width or len(kept) == 1:
            break
        kept.remove(i)
    return kept


def _natural_width(column: Column, values: list[tuple[Text, ...]], width: int) -> int:
    """The width a column asks for: its header, and its longest value up to ``widest`` or, on a wide
    terminal, up to a share of it (the text column: no limit)."""
    longest = max((cell_len(part.plain) for parts in values for part in parts), default=0)
    if column.text:
        return max(cell_len(column.header), longest, 1)
    return max(cell_len(column.header), min(longest, max(column.widest, width // WIDE_SHARE)))


def _as_parts(value: Value) -> tuple[Text, ...]:
    """A value as one Text per line (plain values with their white space run together)."""
    if isinstance(value, tuple):
        return tuple(part for item in value for part in _as_parts(item))
    if isinstance(value, Text):
        return tuple(value.split("\n")) if "\n" in value.plain else (value,)
    return (Text(" ".join(str(value).split())) if value is not None else Text(),)


def _fitted(parts: tuple[Text, ...], width: int, column: Column) -> Text:
    return Text("\n").join(line for part in parts for line in wrapped(part, width, column.lines))


def shortened(value: Text, width: int) -> Text:
    """``value`` in at most ``width`` cells: cut at the last word that fits and marked "…" (a single word
    longer than that is cut inside, and marked too)."""
    if cell_len(value.plain) <= width:
        return value
    room = max(width - 1, 0)
    cut = _prefix_fitting(value.plain, room)
    space = value.plain.rfind(" ", 0, cut + 1)
    if space > 0 and space >= room // 2:
        cut = space
    piece = value[:cut]
    piece.rstrip()
    piece.append(ELLIPSIS)
    return piece


def wrapped(value: Text, width: int, lines: int) -> list[Text]:
    """``value`` broken at words into at most ``lines`` lines of ``width`` cells, the last cut with "…"."""
    result: list[Text] = []
    rest = value
    while len(result) < lines - 1 and cell_len(rest.plain) > width:
        cut = _prefix_fitting(rest.plain, width)
        space = rest.plain.rfind(" ", 0, cut + 1)
        if space <= 0:  # one word wider than the column (a path, a URL): it goes on over the next line
            space = max(cut, 1)
        result.append(rest[:space])
        rest = rest[space:]
        rest = rest[len(rest.plain) - len(rest.plain.lstrip()):]
    result.append(shortened(rest, width))
    return result


def _prefix_fitting(plain: str, width: int) -> int:
    """The length of the longest prefix of ``plain`` that takes at most ``width`` cells."""
    total = 0
    for index, character in enumerate(plain):
        total += cell_len(character)
        if total > width:
            return index
    return len(plain)
