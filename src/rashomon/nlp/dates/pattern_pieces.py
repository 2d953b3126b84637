"""Regular-expression pieces built from the word tables, and the filling of rule templates with them."""

from __future__ import annotations

import re
import string
from collections.abc import Iterable

from rashomon.nlp.dates.word_tables import (
    EASTER_HOLIDAYS,
    FIXED_HOLIDAYS,
    MONTH_ABBREVIATIONS,
    MONTH_NAMES,
    ORDINAL_WORDS,
    PARTS_OF_DAY,
    QUALIFIERS,
    SEASONS,
    SPOKEN_DECADES,
    TIME_ZONES,
    VAGUE_AMOUNTS,
    WEEKDAY_HOLIDAYS,
    WEEKDAYS,
)


def _alternatives(words: Iterable[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ONES = "one|two|three|four|five|six|seven|eight|nine"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_NUMBER_WORD = (
    rf"(?:(?:{_TENS})(?:[\s-](?:{_ONES}))?|{_TEENS}|{_ONES}|dozen)"
    r"(?:\s+(?:hundred|thousand))?"
)
_QUALIFIER = r"(?:early|late|mid|(?:the\s+)?(?:beginning|start|middle|end|rest|remainder)\s+of)"
_APPROX = _alternatives(w for w, q in QUALIFIERS.items() if q not in ("early", "late", "mid", "start", "end"))

_MONTH_NAMES = "|".join(MONTH_NAMES)
_WEEKDAY_NAMES = "|".join(name.capitalize() for name in WEEKDAYS)
_HOLIDAY_NAMES = _alternatives(string.capwords(h) for h in (*FIXED_HOLIDAYS, *WEEKDAY_HOLIDAYS, *EASTER_HOLIDAYS))

PIECES = {
    "MONTH_NAME": rf"(?:{_MONTH_NAMES})\b",
    # months are capitalised ("may" is a verb); abbreviations need their period or a day after them
    "MONTH": rf"(?:(?:{_MONTH_NAMES})\b|(?:" + "|".join(MONTH_ABBREVIATIONS) + r")(?:\.|\b(?=\s+\d)))",
    "DAY": r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b",
    "DAY_WORD": r"(?i:(?:twenty|thirty)-(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|"
                + _alternatives(ORDINAL_WORDS) + r")\b",
    "YEAR": r"(?<![\w$£€.,])(?:1[5-9]\d\d|20\d\d)(?![\w%/]|[.,]\d)",
    "SPOKEN_YEAR": rf"(?i:nineteen[\s-](?:(?:{_TENS})(?:[\s-](?:{_ONES}))?|{_TEENS}|hundred)"
                   rf"|two\s+thousand(?:\s+and\s+(?:{_ONES}|{_TEENS}))?)\b",
    "WEEKDAY": rf"(?:{_WEEKDAY_NAMES})\b",
    "PART": r"(?i:" + _alternatives(p for p in PARTS_OF_DAY if p != "tonight") + r")\b",
    "SEASON": r"(?i:" + _alternatives(SEASONS) + r")",
    "SPOKEN_DECADE": r"(?:" + "|".join(SPOKEN_DECADES) + r")",
    "HOLIDAY": rf"(?:{_HOLIDAY_NAMES})",
    "NUM": rf"(?:\d+(?:\.\d+)?(?:\s+\d/\d)?|(?i:{_NUMBER_WORD}|(?:a\s+)?couple\s+of|a|an))(?:\s+(?i:and\s+a\s+half))?",
    "VAGUE": r"(?i:" + _alternatives(VAGUE_AMOUNTS) + r")",
    "UNIT": r"(?:centuries|millennia|(?:second|minute|hour|day|week|fortnight|month|quarter|year|decade"
            r"|century|millennium)s?)\b",
    "APPROX": rf"(?i:{_APPROX})",
    "QUAL": rf"(?i:{_QUALIFIER})",
    "TZ": r"(?:" + "|".join(TIME_ZONES) + r")\b",
    "ORD": r"(?i:first|second|third|fourth|1st|2nd|3rd|4th)",
}


def _pattern(template: str) -> re.Pattern:
    """A template with <PIECE> names filled in; pieces may refer to other pieces."""
    expanded = template
    while "<" in expanded and re.search(r"<([A-Z_]+)>", expanded):
        expanded = re.sub(r"<([A-Z_]+)>", lambda m: PIECES[m.group(1)], expanded)
    return re.compile(expanded)


PIECES["DAYREF"] = (r"(?:<WEEKDAY>(?:,?\s+<MONTH>\s+<DAY>)?|<MONTH>\s+<DAY>(?:,?\s+<YEAR>)?"
                    r"|(?i:today|tomorrow|yesterday|tonight)\b)")
