"""An attribution's content as units, a sentence or clause each, so that a quotation of two sentences can
meet two shorter ones elsewhere."""

from __future__ import annotations

import re
from collections.abc import Sequence

MIN_UNIT_WORDS = 4
_CLAUSE_BREAK = re.compile(r";\s+|,?\s+and\s+(?=(?:this|that|it|he|she|they|we|there)\b)")
EDGE = " \t\n,.;:“”\"«»„‘’'—–-…"
_WORD = re.compile(r"\w+")


def content_units(text: str, content: Sequence[Sequence[int]], sentences: Sequence[Sequence[int]]
                  ) -> list[tuple[int, int]]:
    """The sentences and clauses of an attribution's content, as spans, each of some length."""
    units = []
    for start, end in content:
        for s_start, s_end in sentences:
            piece = (max(start, s_start), min(end, s_end))
            if piece[1] > piece[0]:
                units.extend(_clauses(text, *piece))
    return [u for u in units if len(_WORD.findall(text[u[0]:u[1]])) >= MIN_UNIT_WORDS]


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces, cursor = [], start
    for match in _CLAUSE_BREAK.finditer(text, start, end):
        pieces.append((cursor, match.start()))
        cursor = match.end()
    pieces.append((cursor, end))
    return [trimmed for piece in pieces if (trimmed := _trim(text, *piece))]


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start] in EDGE:
        start += 1
    while end > start and text[end - 1] in EDGE:
        end -= 1
    if text[start:start + 5].lower() == "that ":
        start += 5  # "said that NATO …": the complementiser is the reporter's, not the speaker's
    return (start, end) if end > start else None
