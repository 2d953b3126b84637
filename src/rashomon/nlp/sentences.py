"""Sentences with character offsets, and quotations kept whole even when they run over sentences."""

from __future__ import annotations

import re

from rashomon.nlp import text_of

# Marks that open a quotation, and the marks that may close each. Copied text mixes styles
# (“…" and ”…”), so closers are generous; the straight quote opens or closes by position.
OPENERS = {"“": "”\"", "«": "»", "„": "“”\"", '"': "\"”", "‘": "’", "‹": "›", "「": "」"}
ALL_CLOSERS = "”»\"’›」“"


def sentence_spans(doc) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a parsed Doc, trimmed, and never across a line break."""
    spans = []
    for sentence in doc.sents:
        spans.extend(_split_lines(text_of(doc), sentence.start_char, sentence.end_char))
    return spans


def _split_lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces, cursor = [], start
    for match in re.finditer(r"\n+", text[start:end]):
        pieces.append((cursor, start + match.start()))
        cursor = start + match.end()
    pieces.append((cursor, end))
    return [trimmed for piece in pieces if (trimmed := _trim(text, *piece))]


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def quotation_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quotation, marks included, possibly over several sentences and lines.

    A quotation still open at the end of a line goes on only when the next line opens with a
    quotation mark (the convention for quotes over paragraphs) or closes one before opening
    another; otherwise it ends with its line, as copied text often drops the closing mark.
    """
    original = text
    text = _DOUBLED_APOSTROPHES.sub(_PAIR_AS_QUOTE, text)
    spans: list[tuple[int, int]] = []
    lines = _lines(text)
    open_at: int | None = None
    closers = ""
    for index, (start, end) in enumerate(lines):
        for position in range(start, end):
            char = text[position]
            if open_at is None and _opens(text, position):
                open_at, closers = position, OPENERS.get(char, "”\"")
            elif open_at is not None and position > open_at and char in closers and _closes(text, position):
                spans.append((open_at, position + 1))
                open_at = None
        if open_at is not None and not _continues(text, lines, index, closers):
            spans.append((open_at, end))
            open_at = None
    return [(start, end + 1 if original[end - 1:end + 1] == "''" else end) for start, end in spans]


# Some papers (the New York Times in its archive) quote with two apostrophes: ''…''. The pair is read
# as one straight quote, its second apostrophe as a blank that neither opens nor closes.
_DOUBLED_APOSTROPHES = re.compile("''")
_PAIR_AS_QUOTE = '"\x01'


def _lines(text: str) -> list[tuple[int, int]]:
    spans, cursor = [], 0
    for match in re.finditer(r"\n", text):
        spans.append((cursor, match.start()))
        cursor = match.end()
    spans.append((cursor, len(text)))
    return [span for span in spans if text[span[0]:span[1]].strip()]


def _opens(text: str, position: int) -> bool:
    char = text[position]
    before = text[position - 1] if position else " "
    after = text[position + 1] if position + 1 < len(text) else " "
    if after == "\x01":  # the first of two apostrophes: what follows the pair decides
        after = text[position + 2] if position + 2 < len(text) else " "
    if char == "”":  # a closing mark used as an opener in copied text: ” at a word's start
        return not before.isalnum() and (after.isalnum() or after in "[(")
    if char in ("‘", "'"):
        return False  # too often an apostrophe; single quotes are found inside double ones later
    return char in OPENERS and not after.isspace()


def _closes(text: str, position: int) -> bool:
    char = text[position]
    before = text[position - 1] if position else " "
    after = text[position + 1] if position + 1 < len(text) else " "
    if char == "’" and before.isalpha() and after.isalpha():
        return False  # an apostrophe: don't, Russia’s
    return True


def _continues(text: str, lines: list[tuple[int, int]], index: int, closers: str) -> bool:
    if index + 1 >= len(lines):
        return False
    start, end = lines[index + 1]
    line = text[start:end].lstrip()
    if line[:1] in OPENERS and line[:1] not in ("‘", "'"):
        return True
    for offset in range(start, end):
        if text[offset] in closers and _closes(text, offset) and not _opens(text, offset):
            return True
        if _opens(text, offset):
            return False
    return False
