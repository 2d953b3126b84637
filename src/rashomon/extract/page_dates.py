"""A plain-text page's publication date as its words give it: a dateline, or a date stamp near the top.

- Dateline: the opening "December 24 –", "MOSCOW, Dec. 24 (Reuters) -", "24 December 2021 —". Without a
  year in it, the year is that of the latest full date the text names, the one of the three years around
  it that puts the dateline closest to it (a report is written close to what it reports); a text naming
  no full date leaves the year open, and ingest completes it from the other articles of the same run
  (``nearest_year``) or leaves the date unset.
- Stamp: the first full date (23.12.2021, 2021-12-23, December 23, 2021, 23 December 2021) in the first
  400 characters, as captions and bylines stamp it.
Each answer says where it was read, for the article's metadata: a date is never taken silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from statistics import median_low

_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december")
_MONTH = "(" + "|".join(m.capitalize() for m in _MONTHS) + ")"
_MONTH_OR_ABBREVIATION = r"(?P<month>" + "|".join(m.capitalize() for m in _MONTHS) + \
                         r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
_DASH = r"\s*(?:\([^()\n]{1,40}\)\s*)?[–—-]\s"
_DATELINES = (
    re.compile(r"[ \t]*(?:[A-Z][A-Z .'-]{1,30},\s*)?" + _MONTH_OR_ABBREVIATION + r"\s+(?P<day>\d{1,2})"
               r"(?:,?\s+(?P<year>\d{4}))?" + _DASH),
    re.compile(r"[ \t]*(?:[A-Z][A-Z .'-]{1,30},\s*)?(?P<day>\d{1,2})\s+" + _MONTH_OR_ABBREVIATION +
               r"(?:\s+(?P<year>\d{4}))?" + _DASH),
)
# Full dates as pages write them: 23.12.2021, 2021-12-23, December 23, 2021, 23 December 2021.
_FULL_DATES = (
    (re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d.])"), lambda m: (m[3], m[2], m[1])),
    (re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)"), lambda m: (m[1], m[2], m[3])),
    (re.compile(_MONTH + r" (\d{1,2}), (\d{4})"), lambda m: (m[3], _MONTHS.index(m[1].lower()) + 1, m[2])),
    (re.compile(r"(?<!\d)(\d{1,2}) " + _MONTH + r" (\d{4})"), lambda m: (m[3], _MONTHS.index(m[2].lower()) + 1, m[1])),
)
_STAMP_WINDOW = 400
_DATELINE_LINES = 3


@dataclass(frozen=True)
class Dateline:
    month: int
    day: int
    year: int | None
    start: int
    end: int  # the span of its date words in the text

    def on(self, year: int) -> date | None:
        try:
            return date(year, self.month, self.day)
        except ValueError:  # February 29 of a common year
            return None


@dataclass(frozen=True)
class FoundDate:
    value: date | None
    source: str  # where it was read, for the metadata
    span: tuple[int, int]
    dateline: Dateline | None = None  # a dateline whose year is still open


def dateline(text: str) -> Dateline | None:
    """A dateline opening one of the first three lines (the first may be the headline)."""
    for start in _line_starts(text, _DATELINE_LINES):
        found = _dateline_at(text, start)
        if found is not None:
            return found
    return None


def _line_starts(text: str, count: int) -> list[int]:
    starts = [match.start() for match in re.finditer(r"^[ \t]*\S", text, re.M)]
    return starts[:count]


def _dateline_at(text: str, start: int) -> Dateline | None:
    for pattern in _DATELINES:
        match = pattern.match(text, start)
        if match:
            month = _month_number(match["month"])
            year = int(match["year"]) if match["year"] else None
            start = min(match.start("month"), match.start("day"))
            end = match.end("year") if match["year"] else max(match.end("month"), match.end("day"))
            found = Dateline(month, int(match["day"]), year, start, end)
            if found.on(year or 2000) is not None:
                return found
    return None


def date_from_text(text: str) -> FoundDate | None:
    """The publication date the page's words give: its dateline first, else a stamp near the top."""
    line = dateline(text)
    if line is not None:
        return _dated(text, line)
    stamps = full_dates(text[:_STAMP_WINDOW])
    if stamps:
        start, end, stamp = stamps[0]
        return FoundDate(stamp, f"a date stamp near the top: {text[start:end]!r}", (start, end))
    return None


def _dated(text: str, line: Dateline) -> FoundDate:
    words = text[line.start:line.end]
    if line.year is not None:
        return FoundDate(line.on(line.year), f"the dateline {words!r}", (line.start, line.end))
    named = full_dates(text)
    if not named:
        return FoundDate(None, f"the dateline {words!r}, its year open", (line.start, line.end), line)
    start, end, latest = max(named, key=lambda found: found[2])
    value = nearest(line, [latest])
    return FoundDate(value, f"the dateline {words!r}, the year of {text[start:end]!r} in the text",
                     (line.start, line.end))


def nearest(line: Dateline, dates: list[date]) -> date | None:
    """The dateline in the year (of the three around their median) that puts it closest to ``dates``."""
    if not dates:
        return None
    middle = median_low(dates)
    candidates = [found for year in (middle.year - 1, middle.year, middle.year + 1)
                  if (found := line.on(year)) is not None]
    return min(candidates, key=lambda found: abs((found - middle).days), default=None)


def full_dates(text: str) -> list[tuple[int, int, date]]:
    """Every full date written out in ``text``: (start, end, date), in text order."""
    found = []
    for pattern, parts in _FULL_DATES:
        for match in pattern.finditer(text):
            try:
                found.append((match.start(), match.end(), date(*map(int, parts(match)))))
            except ValueError:
                continue
    return sorted(found)


def _month_number(word: str) -> int:
    word = word.rstrip(".").lower()
    return next(index for index, month in enumerate(_MONTHS, start=1) if month.startswith(word[:3]))
