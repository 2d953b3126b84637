"""What every view shares: a cell that is never read as markup, and how ids are shortened."""

from __future__ import annotations

from rich.text import Text

SHORT_ID = 10  # ids are accepted by any unique prefix of four characters or more


def cell(value: object) -> Text:
    """A table cell or line part holding ``value`` literally (None as empty)."""
    return Text("" if value is None else str(value))
