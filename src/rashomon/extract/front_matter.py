"""What a plain-text page says about itself in its opening lines: its masthead, its headline, and the
furniture around them (masthead lines, photo credits) that is not the article's words.

A page saved as text keeps what its HTML showed around the article: the outlet's name after a dash or
a bar ("Russian and NATO flags - Sputnik International, 1920, 23.12.2021", "Title | Outlet"), often with
an image size or a date stamp after it, a tagline, a photo credit. These rules read them, for any outlet:
- masthead: a name in title case after " - ", " – " or " | " at the end of an opening line (numbers and
  dates after it allowed). It is the outlet when the outlet table knows the name, or when two opening
  lines carry it; a single unknown name could be a headline's own ending ("Putin - Explained").
- headline: the first opening line, before the body begins (a line of more than 25 words), that reads like
  one (short, not ending like a sentence, not a credit), with the masthead cut off its end.
- furniture: the lines above the headline (masthead, tagline), the masthead lines and the credit lines
  ("© Sputnik / …"), by character span, so that later stages neither read an image width ("1920") as a
  year nor take a tagline for something the article reports.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

_OPENING_LINES = 8  # non-blank lines looked at
_BODY_WORDS = 25  # a line longer than this is the article's body: the headline comes before it
_MAX_TITLE_CHARS = 150
_NAME_WORD = r"[A-Z][\w&.'’-]*"
_CONNECTOR = r"(?:of|the|and|for|de|la|du|di|der|die|el)"
# " - Name", " | Name" at the end of a line, then perhaps ", 1920, 23.12.2021" (image size, date stamp)
_MASTHEAD = re.compile(
    r"(?:^|\s)[-–—|]\s*(?P<name>" + _NAME_WORD + r"(?:\s+(?:" + _CONNECTOR + r"\s+)?" + _NAME_WORD + r"){0,4})"
    r"(?P<tail>(?:\s*,\s*[\d][\d.:/-]*)*)\s*$")
_CREDIT = re.compile(r"^\s*(?:©|\(c\)|Copyright\b|Photo:|Image:|Credit:)", re.I)
_SENTENCE_END = (".", "!", "?", '"', "”", "»", ",", ":", ";")


@dataclass(frozen=True)
class FrontMatter:
    outlet: str | None  # the masthead's name as written
    title: str | None
    furniture: tuple[tuple[int, int], ...]  # (start, end) of lines that are not the article's words


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    text: str


def read_front_matter(text: str, is_known_outlet: Callable[[str], bool]) -> FrontMatter:
    """The masthead, headline and furniture of ``text`` (see the module's rules)."""
    lines = _opening_lines(text)
    outlet = _masthead(lines, is_known_outlet)
    at, title = _headline(lines, outlet, text)
    furniture = tuple((line.start, line.end) for index, line in enumerate(lines)
                      if index < at or _CREDIT.match(line.text) or (outlet and _masthead_name(line.text) == outlet))
    return FrontMatter(outlet, title, furniture)


def _opening_lines(text: str) -> list[_Line]:
    lines, start = [], 0
    for raw in text.splitlines(keepends=True):
        stripped = raw.strip()
        if stripped:
            offset = start + raw.index(stripped)
            lines.append(_Line(offset, offset + len(stripped), stripped))
            if len(lines) == _OPENING_LINES:
                break
        start += len(raw)
    return lines


def _masthead_name(line: str) -> str | None:
    match = _MASTHEAD.search(line)
    return match["name"] if match else None


def _masthead(lines: list[_Line], is_known_outlet: Callable[[str], bool]) -> str | None:
    names = Counter(name for line in lines if (name := _masthead_name(line.text)))
    for name, times in names.most_common():
        if times >= 2 or is_known_outlet(name):
            return name
    return None


def _headline(lines: list[_Line], outlet: str | None, text: str) -> tuple[int, str | None]:
    """The headline's line number and words; (0, None) when there is none."""
    for index, line in enumerate(lines):
        if len(line.text.split()) > _BODY_WORDS:
            break
        candidate = _without_masthead(line.text, outlet)
        if candidate and _reads_like_headline(candidate) and text[line.end:].strip():
            return index, candidate
    return 0, None


def _without_masthead(line: str, outlet: str | None) -> str:
    match = _MASTHEAD.search(line)
    if outlet and match and match["name"] == outlet:
        return line[:match.start()].strip()
    return line


def _reads_like_headline(line: str) -> bool:
    """Short, opening like a name or a number, not ending like a sentence, not a credit line."""
    return (0 < len(line) <= _MAX_TITLE_CHARS and (line[0].isupper() or line[0].isdigit() or line[0] in "“\"'‘«")
            and not line.endswith(_SENTENCE_END) and not _CREDIT.match(line) and len(line.split()) >= 2)
