"""Temporal expressions in news text: exact character spans and TimeML values anchored on the publication date.

``find_temporal_expressions(doc, published)`` returns every date, time, duration and frequency an
article mentions, each with its span in ``doc.text``, its TIMEX3 ``value`` and ``type`` (DATE,
TIME, DURATION, SET) and a qualifier ("early", "late", "mid", "approx", ...) where the words carry
one ("early next year" -> ``2022`` qualified "early").

How
- Finding: a table of regular-expression rules built from the word tables below (months,
  weekdays, seasons, number words, units, ...). Every rule proposes spans; overlapping proposals
  are settled longest first. spaCy's DATE/TIME entities are used as evidence for the ambiguous
  proposals only (a bare "March", "1987", "the spring"), never as free spans: their extents often
  differ from TimeML's and their texts often cannot be resolved ("the 6-year-old", "60 Minutes").
- Extents follow TimeML/TimeBank practice: determiners and modifiers belong to the expression
  ("the third quarter", "the past two months", "nearly two years", "early next year", "Friday
  night"), possessive endings and prepositions do not ("Friday's" -> "Friday", "on Monday").
- Resolving: our own anchoring rules, with the publication date as anchor. A bare weekday goes
  to the occurrence the governing verb's tense points to (spaCy's parse: past or participle -> on
  or before the anchor, so the publication day itself when it is that weekday; "will", "to" +
  verb, scheduled present -> on or after it). A date or month without year goes to the nearest
  such date, unless the tense points the other way and that occurrence is still close
  (TENSE_WINDOW_DAYS). "last/this/next" + unit shift the anchor. "a year earlier", "that day",
  "the quarter", "the previous Friday" resolve against the last calendar value the article named
  (TimeML's reference time), which is how earnings reports use them.
  ``dateparser`` is not used: its search invents dates from free text ("We" -> Wednesday).
- Values: ISO weeks are written zero-padded (``2022-W02``); decades as ``199X``, centuries as
  ``19XX`` (TimeML's truncated ``199``/``19`` mean the same: the evaluation treats them alike);
  parts of day as ``1998-08-07TMO``; clock times as ``1998-08-07T10:00``; vague references as
  ``PRESENT_REF``/``PAST_REF``/``FUTURE_REF``; vague amounts as ``PXY``.

Without a publication date (``published=None``) expressions whose value needs an anchor keep
what the words say and write X for the rest where TimeML has a form for it (``XXXX-12-23``,
``XXXX-12``, ``XXXX-WXX-3``); those that are nothing but an offset from the anchor ("yesterday",
"last year", "two weeks ago") are left out rather than given an empty value.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from rashomon.records import DateMention, Span

# --------------------------------------------------------------------------- word tables (data)

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December")
MONTH_ABBREVIATIONS = {"Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sept": 9,
                       "Sep": 9, "Oct": 10, "Nov": 11, "Dec": 12}
MONTHS = {name.lower(): number for number, name in enumerate(MONTH_NAMES, 1)} | {
    abbreviation.lower(): number for abbreviation, number in MONTH_ABBREVIATIONS.items()}
WEEKDAYS = {  # ISO numbering, as in TimeML's XXXX-WXX-1
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
SEASON_FIRST_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}
CLOCK_WORDS = {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}
TIME_ZONES = ("EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "GMT", "UTC", "BST", "CET")

NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "dozen": 12, "couple": 2, "hundred": 100, "thousand": 1000,
}
ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}
SPOKEN_DECADES = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                  "eighties": 8, "nineties": 9}
VAGUE_AMOUNTS = ("several", "a few", "few", "some", "many", "a number of")
# unit word -> (TimeML letter, counts clock time, years per unit when written in years)
UNITS = {
    "second": ("S", True, None), "minute": ("M", True, None), "hour": ("H", True, None),
    "day": ("D", False, None), "week": ("W", False, None), "fortnight": ("W", False, None),
    "month": ("M", False, None), "quarter": ("Q", False, None), "year": ("Y", False, None),
    "decade": ("Y", False, 10), "century": ("Y", False, 100), "millennium": ("Y", False, 1000),
}
UNIT_PLURALS = {"centuries": "century", "millennia": "millennium"}
VAGUE_UNIT_LETTERS = {"decade": "E", "century": "C", "millennium": "L"}  # TimeBank's PXE, PXC, PXL
SET_ADVERBS = {
    "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W", "monthly": "P1M",
    "annually": "P1Y", "yearly": "P1Y", "hourly": "PT1H", "semiannually": "P6M",
}
REFERENCE_WORDS = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF",
    "nowadays": "PRESENT_REF", "these days": "PRESENT_REF", "at present": "PRESENT_REF",
    "the moment": "PRESENT_REF", "this moment": "PRESENT_REF", "the present": "PRESENT_REF",
    "recently": "PAST_REF", "lately": "PAST_REF", "recent": "PAST_REF", "the past": "PAST_REF",
    "the future": "FUTURE_REF", "the near future": "FUTURE_REF", "soon": "FUTURE_REF",
    "the near term": "FUTURE_REF", "the short term": "FUTURE_REF", "the long term": "FUTURE_REF",
    "as soon as possible": "FUTURE_REF",
}
QUALIFIERS = {  # words before an expression -> qualifier (TimeML's mod, in plain words)
    "early": "early", "late": "late", "mid": "mid", "middle": "mid", "beginning": "start",
    "start": "start", "end": "end", "rest": "end", "remainder": "end",
    "about": "approx", "around": "approx", "approximately": "approx", "roughly": "approx",
    "some": "approx", "nearly": "less_than", "almost": "less_than", "less than": "less_than",
    "fewer than": "less_than", "more than": "more_than",
    "at least": "equal_or_more", "up to": "equal_or_less", "at most": "equal_or_less",
}
FIXED_HOLIDAYS = {
    "new year's day": (1, 1), "new year's": (1, 1), "valentine's day": (2, 14), "may day": (5, 1),
    "independence day": (7, 4), "halloween": (10, 31), "veterans day": (11, 11),
    "christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25),
    "boxing day": (12, 26), "new year's eve": (12, 31),
}
# holiday -> (month, ISO weekday, which one: 1 first .. -1 last, days added)
WEEKDAY_HOLIDAYS = {
    "thanksgiving": (11, 4, 4, 0), "thanksgiving day": (11, 4, 4, 0), "labor day": (9, 1, 1, 0),
    "memorial day": (5, 1, -1, 0), "election day": (11, 1, 1, 1),
}
EASTER_HOLIDAYS = {"easter": 0, "easter sunday": 0, "good friday": -2, "easter monday": 1}
# How far the tense may pull a date without year away from the nearest such date: news looks back
# up to a year ("in March", said in November) but rarely names a bare date half a year ahead.
TENSE_WINDOW_DAYS = {"past": 330, "future": 200, "present": 200}
FUTURE_SIGNALS = re.compile(r"\b(?:as\s+(?:soon|early)\s+as|no\s+later\s+than)\s+$", re.I)
PREPOSITIONS_BEFORE_DATES = (
    "in", "on", "since", "until", "till", "by", "through", "throughout", "during", "from", "to",
    "of", "before", "after", "between", "and", "or", "for", "as", "at", "around", "into", "than",
)

# --------------------------------------------------------------------------- regular-expression pieces


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

# --------------------------------------------------------------------------- records


@dataclass(frozen=True)
class TemporalExpression:
    start: int
    end: int
    text: str
    value: str  # TimeML value
    kind: str  # "DATE" | "TIME" | "DURATION" | "SET"
    qualifier: str | None = None  # "early", "late", "mid", "approx", ...


@dataclass(frozen=True)
class _Value:
    value: str
    kind: str = "DATE"
    qualifier: str | None = None
    names_a_time: bool = True  # False for "a year earlier": it leaves the story's reference time alone


@dataclass(frozen=True)
class _Rule:
    name: str
    pattern: re.Pattern
    resolve: Callable[[re.Match, _Context], _Value | None]
    accept: Callable[[re.Match, _Context], bool] | None = None
    extent: Callable[[re.Match], tuple[int, int]] | None = None  # default: the span of group "x"


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    priority: int
    match: re.Match
    rule: _Rule


# --------------------------------------------------------------------------- calendar arithmetic


def _week_value(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _shift_month(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + months
    return index // 12, index % 12 + 1


def _quarter_of(day: date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def _shift_quarter(year: int, quarter: int, quarters: int) -> tuple[int, int]:
    index = year * 4 + quarter - 1 + quarters
    return index // 4, index % 4 + 1


def _weekday_on_or_before(day: date, weekday: int) -> date:
    return day - timedelta(days=(day.isoweekday() - weekday) % 7)


def _weekday_on_or_after(day: date, weekday: int) -> date:
    return day + timedelta(days=(weekday - day.isoweekday()) % 7)


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    if nth > 0:
        return _weekday_on_or_after(date(year, month, 1), weekday) + timedelta(weeks=nth - 1)
    last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    return _weekday_on_or_before(last, weekday)


def _easter(year: int) -> date:
    """Gregorian Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * l) // 433
    month = (h + l - 7 * m + 90) // 25
    return date(year, month, (h + l - 7 * m + 33 * month + 19) % 32)


def _shift_value(value: str, years: int) -> str | None:
    """A calendar value moved by whole years, keeping its granularity."""
    match = re.match(r"(\d{4})(.*)", value)
    if not match:
        return None
    rest = match.group(2)
    if rest == "-02-29":
        rest = "-02-28"
    return f"{int(match.group(1)) + years:04d}{rest}"


# --------------------------------------------------------------------------- reading numbers and words


def _number(text: str) -> float | None:
    """The amount a number phrase states: "two" 2, "twenty-five" 25, "2 1/2" 2.5; None when vague."""
    words = text.lower().replace("-", " ").split()
    if not words or text.lower().strip() in VAGUE_AMOUNTS:
        return None
    if "couple" in words:
        return 2.0
    half = 0.5 if words[-3:] == ["and", "a", "half"] else 0.0
    words = words[:-3] if half else words
    if words and re.fullmatch(r"\d+(\.\d+)?", words[0]):
        fraction = _fraction(words[1]) if len(words) > 1 else 0.0
        return float(words[0]) + fraction + half
    return _number_words(words) + half if _number_words(words) else None


def _fraction(word: str) -> float:
    top, _, bottom = word.partition("/")
    return int(top) / int(bottom) if top.isdigit() and bottom.isdigit() and int(bottom) else 0.0


def _number_words(words: list[str]) -> float:
    total = current = 0
    for word in words:
        if word in ("hundred", "thousand"):
            current = max(current, 1) * NUMBER_WORDS[word]
            if word == "thousand":
                total, current = total + current, 0
        elif word in NUMBER_WORDS:
            current += NUMBER_WORDS[word]
    return float(total + current)


def _unit(word: str) -> str:
    word = UNIT_PLURALS.get(word.lower(), word.lower())
    return word[:-1] if word.endswith("s") and word[:-1] in UNITS else word


def _qualifier(text: str | None) -> str | None:
    if not text:
        return None
    words = re.sub(r"\s+", " ", text.lower().strip(" -"))
    if words in QUALIFIERS:
        return QUALIFIERS[words]
    key = next((w for w in ("beginning", "start", "middle", "end", "rest", "remainder") if w in words), None)
    return QUALIFIERS.get(key) if key else None


def _spoken_year(text: str) -> int | None:
    words = text.lower().replace("-", " ").split()
    if words[:2] == ["two", "thousand"]:
        return 2000 + int(_number_words(words[3:]) if len(words) > 3 else 0)
    if words and words[0] == "nineteen":
        rest = words[1:]
        return 1900 if rest == ["hundred"] else 1900 + int(_number_words(rest))
    return None


def _duration_value(amount: float, unit: str) -> str:
    letter, clock, years = UNITS[unit]
    if years:
        amount, letter = amount * years, "Y"
    if unit == "fortnight":
        amount *= 2
    whole = int(amount)
    prefix = "PT" if clock else "P"
    if amount == whole:
        return f"{prefix}{whole}{letter}"
    return prefix + _fractional_duration(amount, letter, clock)


def _fractional_duration(amount: float, letter: str, clock: bool) -> str:
    smaller = {("Y", False): ("M", 12), ("M", False): ("D", 30), ("W", False): ("D", 7),
               ("D", False): ("H", 24), ("H", True): ("M", 60), ("M", True): ("S", 60)}
    whole = int(amount)
    if (letter, clock) not in smaller:
        return f"{amount:g}{letter}"
    next_letter, factor = smaller[(letter, clock)]
    rest = round((amount - whole) * factor)
    head = f"{whole}{letter}" if whole else ""
    if letter == "D" and next_letter == "H":
        return f"{head}T{rest}H"
    return f"{head}{rest}{next_letter}"


# --------------------------------------------------------------------------- the article's context


class _Context:
    """What resolution needs beyond the matched words: anchor, grammar, and the reference time."""

    def __init__(self, doc, anchor: date | None):
        self.doc = doc
        self.text = doc.text
        self.anchor = anchor
        self.reference: str | None = anchor.isoformat() if anchor else None
        self.quarter: str | None = None
        self.reference_is_calendar_date = False  # "Aug. 12" rather than "Friday": "a year earlier" keeps the day
        self._entities = [(e.start_char, e.end_char, e.label_) for e in doc.ents]

    def tense(self, start: int, end: int) -> str | None:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return None
        if FUTURE_SIGNALS.search(self.text[max(0, start - 20):start]):
            return "future"
        verb = _governing_verb(span.root)
        return _verb_tense(verb) if verb is not None else None

    def entity_label(self, start: int, end: int) -> str | None:
        return next((label for s, e, label in self._entities if s < end and start < e), None)

    def reference_day(self) -> date | None:
        """The day the story is at: the last day it named, else the publication date."""
        if self.reference and re.fullmatch(r"\d{4}-\d\d-\d\d", self.reference[:10]):
            return date.fromisoformat(self.reference[:10])
        return self.anchor

    def reference_start(self) -> date | None:
        """The first day of the last period the story named ("June 1998" -> 1998-06-01)."""
        match = re.match(r"(\d{4})(?:-(\d\d)|-Q(\d))?", self.reference or "")
        if not match:
            return self.anchor
        month = int(match.group(2) or 0) or (int(match.group(3)) * 3 - 2 if match.group(3) else 1)
        return date(int(match.group(1)), month, 1)

    def remember(self, value: _Value, rule: _Rule) -> None:
        if not value.names_a_time:
            return
        if value.kind in ("DATE", "TIME") and re.match(r"\d{4}-(\d\d|Q\d)", value.value):
            self.reference = value.value
            self.reference_is_calendar_date = rule.name in ("month day year", "day month year")
        if re.fullmatch(r"\d{4}-Q\d", value.value):
            self.quarter = value.value

    def word_before(self, start: int) -> str:
        match = re.search(r"([A-Za-z]+)\W*$", self.text[max(0, start - 30):start])
        return match.group(1).lower() if match else ""


_FUTURE_AUXILIARIES = {"will", "'ll", "ll", "shall", "wo", "going", "gon"}
_MODALS = {"should", "must"}  # "could", "might" are as often the past of "can", "may"
_PAST_AUXILIARIES = {"was", "were", "had", "did", "has", "have", "been"}
_PRESENT_AUXILIARIES = {"is", "are", "am", "'s", "'re", "be", "being"}


def _governing_verb(token):
    for _ in range(6):  # climb past prepositions and nouns to the verb of the clause
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head is token:
            return None
        token = token.head
    return None


def _verb_tense(verb) -> str | None:
    auxiliaries = {child.lower_ for child in verb.children if child.dep_ in ("aux", "auxpass")}
    if auxiliaries & _FUTURE_AUXILIARIES or auxiliaries & _MODALS:
        return "future"
    if "would" in auxiliaries:
        return None
    if verb.tag_ == "VB" and "to" in auxiliaries:
        return _infinitive_tense(verb)
    if verb.tag_ == "VBD" or auxiliaries & _PAST_AUXILIARIES:
        return "past"
    if verb.tag_ == "VBN":
        return "present" if auxiliaries & _PRESENT_AUXILIARIES else "past"
    if verb.tag_ in ("VBZ", "VBP"):
        return "present"
    return None  # participles ("closing unchanged Friday") take the tense of a story told in the past


def _infinitive_tense(verb) -> str:
    """"planned to leave on Thursday" looks ahead; "had been due to expire Friday" does not."""
    for ancestor in (verb.head, verb.head.head):
        auxiliaries = [c.lower_ for c in ancestor.children if c.dep_ in ("aux", "auxpass")]
        if ancestor.lower_ == "had" or "had" in auxiliaries:
            return "past"
    return "future"


# --------------------------------------------------------------------------- resolvers: calendar dates


def _choose_date(candidates: list[date], anchor: date, tense: str | None) -> date:
    """Of the same calendar day in neighbouring years, the nearest, unless the tense points to
    another one that is still within about half a year ("was last seen Nov. 3" in May)."""
    nearest = min(candidates, key=lambda d: (abs((d - anchor).days), d > anchor))
    if tense == "past":
        consistent = [d for d in candidates if d <= anchor]
    elif tense in ("future", "present"):
        consistent = [d for d in candidates if d >= anchor]
    else:
        return nearest
    best = min(consistent, key=lambda d: abs((d - anchor).days), default=nearest)
    return best if abs((best - anchor).days) <= TENSE_WINDOW_DAYS[tense] else nearest


def _month_day(month: int, day: int, year: int | None, weekday: int | None,
               ctx: _Context, span: tuple[int, int]) -> _Value | None:
    if year is not None:
        return _Value(date(year, month, day).isoformat()) if _valid(year, month, day) else None
    if ctx.anchor is None:
        return _Value(f"XXXX-{month:02d}-{day:02d}")
    years = [y for y in range(ctx.anchor.year - 1, ctx.anchor.year + 2) if _valid(y, month, day)]
    candidates = [date(y, month, day) for y in years]
    if weekday is not None and any(d.isoweekday() == weekday for d in candidates):
        candidates = [d for d in candidates if d.isoweekday() == weekday]
    if not candidates:
        return None
    return _Value(_choose_date(candidates, ctx.anchor, ctx.tense(*span)).isoformat())


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _day_number(text: str) -> int:
    text = text.lower()
    if text[:1].isdigit():
        return int(re.match(r"\d+", text).group())
    tens, _, ones = text.partition("-")
    return ORDINAL_WORDS[ones] + NUMBER_WORDS[tens] if ones else ORDINAL_WORDS[text]


def _year(text: str | None, ctx: _Context) -> int | None:
    if not text:
        return None
    text = text.strip()
    if text.isdigit():
        return int(text)
    spoken = _spoken_year(text)
    if spoken:
        return spoken
    shift = {"this": 0, "last": -1, "next": 1}.get(text.split()[0].lower())
    return ctx.anchor.year + shift if ctx.anchor and shift is not None else None


def resolve_month_day_year(m: re.Match, ctx: _Context) -> _Value | None:
    weekday = WEEKDAYS.get((m.group("wd") or "").lower())
    month = MONTHS[m.group("mon").rstrip(".").lower()]
    return _month_day(month, _day_number(m.group("day")), _year(m.group("year"), ctx), weekday,
                      ctx, m.span("x"))


def resolve_month_year(m: re.Match, ctx: _Context) -> _Value | None:
    year = _year(m.group("year"), ctx)
    if year is None:
        return None
    month = MONTHS[m.group("mon").rstrip(".").lower()]
    return _Value(_month_value(year, month), qualifier=_qualifier(m.group("qual")))


def resolve_month(m: re.Match, ctx: _Context) -> _Value | None:
    month = MONTHS[m.group("mon").lower()]
    qualifier = _qualifier(m.group("qual"))
    if ctx.anchor is None:
        return _Value(f"XXXX-{month:02d}", qualifier=qualifier)
    relation = (m.group("rel") or "").lower().split()
    year = _year_of_month(month, relation[-1] if relation else None, ctx, m.span("x"))
    return _Value(_month_value(year, month), qualifier=qualifier)


def _year_of_month(month: int, relation: str | None, ctx: _Context, span: tuple[int, int]) -> int:
    anchor = ctx.anchor
    if relation == "this":
        return anchor.year
    if relation in ("last", "past"):
        return anchor.year if month < anchor.month else anchor.year - 1
    if relation in ("next", "coming"):
        return anchor.year if month > anchor.month else anchor.year + 1
    this_month = date(anchor.year, anchor.month, 15)
    candidates = [date(y, month, 15) for y in range(anchor.year - 1, anchor.year + 2)]
    return _choose_date(candidates, this_month, ctx.tense(*span) or "past").year


def resolve_year(m: re.Match, ctx: _Context) -> _Value | None:
    year = _spoken_year(m.group("year")) if not m.group("year").isdigit() else int(m.group("year"))
    return _Value(str(year), qualifier=_qualifier(m.group("qual"))) if year else None


def resolve_ordinal_day(m: re.Match, ctx: _Context) -> _Value | None:
    if ctx.anchor is None:
        return None
    day, anchor = _day_number(m.group("day")), ctx.anchor
    months = [_shift_month(anchor.year, anchor.month, k) for k in (-1, 0, 1)]
    candidates = [date(y, mo, day) for y, mo in months if _valid(y, mo, day)]
    return _Value(_choose_date(candidates, anchor, ctx.tense(*m.span("x"))).isoformat()) if candidates else None


def resolve_decade(m: re.Match, ctx: _Context) -> _Value | None:
    return _Value(_decade(m.group("dec"), ctx), qualifier=_qualifier(m.group("qual")))


def _decade(text: str, ctx: _Context) -> str:
    """"the 1990s" 199X; "the '80s" the most recent such decade; "the nineteen seventies" 197X."""
    words = text.lower().replace("-", " ").split()
    digits = _spoken_decade(words[-1]) if words[-1] in SPOKEN_DECADES else re.sub(r"\D", "", text)
    if len(digits) == 2:
        century = ctx.anchor.year // 100 if ctx.anchor else 19
        if ctx.anchor and int(f"{century}{digits}") > ctx.anchor.year:
            century -= 1
        digits = f"{century}{digits}"
    return f"{digits[:3]}X"


def _spoken_decade(word: str) -> str:
    return f"19{SPOKEN_DECADES[word]}0"


def resolve_century(m: re.Match, ctx: _Context) -> _Value | None:
    return _Value(f"{_day_number(m.group('ord')) - 1:02d}XX", qualifier=_qualifier(m.group("qual")))


def resolve_holiday(m: re.Match, ctx: _Context) -> _Value | None:
    name = re.sub(r"\s+", " ", m.group("name").lower())
    year = _year(m.group("year"), ctx)
    if year is not None:
        return _Value(_holiday(name, year).isoformat())
    if ctx.anchor is None:
        month, day = FIXED_HOLIDAYS.get(name, (None, None))
        return _Value(f"XXXX-{month:02d}-{day:02d}") if month else None
    candidates = [_holiday(name, y) for y in range(ctx.anchor.year - 1, ctx.anchor.year + 2)]
    relation = (m.group("rel") or "").lower()
    tense = {"last": "past", "next": "future", "this": "future"}.get(relation) or ctx.tense(*m.span("x"))
    return _Value(_choose_date(candidates, ctx.anchor, tense).isoformat())


def _holiday(name: str, year: int) -> date:
    if name in FIXED_HOLIDAYS:
        return date(year, *FIXED_HOLIDAYS[name])
    if name in EASTER_HOLIDAYS:
        return _easter(year) + timedelta(days=EASTER_HOLIDAYS[name])
    month, weekday, nth, offset = WEEKDAY_HOLIDAYS[name]
    return _nth_weekday(year, month, weekday, nth) + timedelta(days=offset)


# --------------------------------------------------------------------------- resolvers: quarters, halves, seasons


def resolve_quarter(m: re.Match, ctx: _Context) -> _Value | None:
    quarter = _ordinal_number(m.group("ord"))
    year = _year(m.group("year") or m.group("year2"), ctx)
    if year is None and ctx.anchor is None:
        return _Value(f"XXXX-Q{quarter}")
    if year is None:
        year = _year_of_quarter(quarter, (m.group("rel") or "").lower(), ctx, m.span("x"))
    return _Value(f"{year}-Q{quarter}")


def _ordinal_number(text: str) -> int:
    text = text.lower()
    return int(text[0]) if text[0].isdigit() else ORDINAL_WORDS[text]


def _year_of_quarter(quarter: int, relation: str, ctx: _Context, span: tuple[int, int]) -> int:
    anchor_year, anchor_quarter = _quarter_of(ctx.anchor)
    if "last year" in relation or "year-earlier" in relation or "year-ago" in relation:
        return anchor_year - 1
    if "next" in relation:
        return anchor_year + 1 if quarter <= anchor_quarter else anchor_year
    return anchor_year


def resolve_anaphoric_quarter(m: re.Match, ctx: _Context) -> _Value | None:
    """"the quarter", "the latest quarter": the quarter the report is about."""
    if ctx.anchor is None:
        return None
    words = m.group("x").lower()
    year, quarter = _quarter_of(ctx.anchor)
    if "next" in words or "coming" in words:
        return _Value("{}-Q{}".format(*_shift_quarter(year, quarter, 1)))
    if "this" in words or "current" in words:
        return _Value(f"{year}-Q{quarter}")
    if ctx.quarter and "last" not in words and "past" not in words and "previous" not in words:
        return _Value(ctx.quarter)
    return _Value("{}-Q{}".format(*_shift_quarter(year, quarter, -1)))


def resolve_year_earlier_period(m: re.Match, ctx: _Context) -> _Value | None:
    """"the year-ago quarter", "year-earlier results": the report's period one year back."""
    ordinal = m.groupdict().get("ord")
    if ordinal and ctx.anchor:
        return _Value(f"{ctx.anchor.year - 1}-Q{_ordinal_number(ordinal)}", names_a_time=False)
    if ctx.quarter:
        return _Value(_shift_value(ctx.quarter, -1), names_a_time=False)
    return _Value(str(ctx.anchor.year - 1), names_a_time=False) if ctx.anchor else None


def resolve_half(m: re.Match, ctx: _Context) -> _Value | None:
    half = 1 if m.group("half").lower() == "first" else 2
    if m.group("dec"):
        return _Value(_decade(m.group("dec"), ctx), qualifier="early" if half == 1 else "late")
    year = _year(m.group("year"), ctx) or (ctx.anchor.year if ctx.anchor else None)
    return _Value(f"{year}-H{half}") if year else None


def resolve_season(m: re.Match, ctx: _Context) -> _Value | None:
    season = SEASONS[m.group("season").lower()]
    qualifier = _qualifier(m.group("rel"))
    year = _year(m.group("year"), ctx)
    if year is None and ctx.anchor is None:
        return _Value(f"XXXX-{season}", qualifier=qualifier)
    if year is None:
        relation = (m.group("rel") or "").lower()
        year = _year_of_season(season, relation, ctx, m.span("x"))
    return _Value(f"{year}-{season}", qualifier=qualifier)


def _year_of_season(season: str, relation: str, ctx: _Context, span: tuple[int, int]) -> int:
    anchor = ctx.anchor
    start_this_year = date(anchor.year, SEASON_FIRST_MONTH[season], 1)
    if season == "WI" and anchor.month <= 2:
        start_this_year = date(anchor.year - 1, 12, 1)
    started = start_this_year <= anchor
    if "past" in relation or "last" in relation:
        return start_this_year.year - (0 if started and not _in_season(anchor, season) else 1)
    if "next" in relation or "coming" in relation:
        return start_this_year.year + (1 if started else 0)
    if "this" in relation or ctx.tense(*span) != "past":
        return start_this_year.year
    return start_this_year.year - (0 if started else 1)


def _in_season(day: date, season: str) -> bool:
    first = SEASON_FIRST_MONTH[season]
    return (day.month - first) % 12 < 3


# --------------------------------------------------------------------------- resolvers: days, weekdays, times


def resolve_day_word(m: re.Match, ctx: _Context) -> _Value | None:
    if ctx.anchor is None:
        return None
    word = (m.group("word") or m.group("rel")).lower()
    offset = {"today": 0, "tonight": 0, "this": 0, "tomorrow": 1, "yesterday": -1, "last": -1}[word]
    day = ctx.anchor + timedelta(days=offset)
    part = (m.group("part") or m.group("part2") or ("night" if word == "tonight" else "")).lower()
    qualifier = _qualifier(m.group("qual")) if m.group("qual") else None
    if part:
        return _Value(f"{day.isoformat()}T{PARTS_OF_DAY[part]}", "TIME", qualifier)
    return _Value(day.isoformat(), qualifier=qualifier)


def resolve_weekday(m: re.Match, ctx: _Context) -> _Value | None:
    weekday = WEEKDAYS[m.group("wd").lower()]
    part = (m.group("part") or "").lower()
    relation = (m.group("rel") or "").lower()
    qualifier = _qualifier(relation) if relation in ("early", "late") else None
    day = _weekday_date(weekday, relation, ctx, m.span("x")).isoformat() if ctx.anchor else f"XXXX-WXX-{weekday}"
    if part:
        return _Value(f"{day}T{PARTS_OF_DAY[part]}", "TIME", qualifier)
    return _Value(day, qualifier=qualifier)


def _weekday_date(weekday: int, relation: str, ctx: _Context, span: tuple[int, int]) -> date:
    anchor = ctx.anchor
    if relation == "the previous":  # "down from the previous Friday": before the day the story is at
        return _weekday_on_or_before(ctx.reference_day() - timedelta(days=1), weekday)
    if relation in ("the following", "the next"):
        return _weekday_on_or_after(ctx.reference_day() + timedelta(days=1), weekday)
    if relation in ("last", "this past"):
        return _weekday_on_or_before(anchor - timedelta(days=1), weekday)
    if relation in ("next", "this coming"):
        return _weekday_on_or_after(anchor + timedelta(days=1), weekday)
    if relation == "this":
        return _weekday_on_or_after(anchor, weekday)
    if ctx.text.startswith("'s", span[1]):
        return _weekday_on_or_before(anchor, weekday)  # "Wednesday's ruling" names what has happened
    return _weekday_by_tense(weekday, ctx.tense(*span), anchor)


def _weekday_by_tense(weekday: int, tense: str | None, anchor: date) -> date:
    """The future and the present of schedules ("meet Monday") look ahead; the rest looks back."""
    if tense in ("future", "present"):
        return _weekday_on_or_after(anchor, weekday)
    return _weekday_on_or_before(anchor, weekday)


def resolve_clock(m: re.Match, ctx: _Context) -> _Value | None:
    clock = _clock(m)
    if clock is None:
        return None
    day = _day_of_time(m.group("day"), ctx, m.span("x")) if m.group("day") else ctx.reference_day()
    return _Value(f"{day or 'XXXX-XX-XX'}T{clock}", "TIME", _qualifier(m.group("approx")))


def _clock(m: re.Match) -> str | None:
    if m.group("named"):
        return CLOCK_WORDS[m.group("named").lower()]
    hour = int(m.group("h") or m.group("h24"))
    minute = int(m.group("min") or m.group("min24") or 0)
    meridiem = (m.group("ampm") or "").lower().replace(".", "").replace(" ", "")
    if (meridiem and not 1 <= hour <= 12) or minute > 59 or hour > 23:
        return None
    if meridiem == "pm" and hour != 12:
        hour += 12
    if meridiem == "am" and hour == 12:
        hour = 0
    return f"{hour:02d}:{minute:02d}"


_DAY_REFERENCE = _pattern(r"(?P<x>(?:(?P<wd><WEEKDAY>)(?:,?\s+(?P<mon><MONTH>)\s+(?P<day><DAY>))?"
                          r"|(?P<mon2><MONTH>)\s+(?P<day2><DAY>)(?:,?\s+(?P<year><YEAR>))?"
                          r"|(?P<word>(?i:today|tomorrow|yesterday|tonight))))")


def _day_of_time(text: str, ctx: _Context, span: tuple[int, int]) -> str | None:
    m = _DAY_REFERENCE.fullmatch(text)
    if m.group("mon") or m.group("mon2"):
        month = MONTHS[(m.group("mon") or m.group("mon2")).rstrip(".").lower()]
        day = _day_number(m.group("day") or m.group("day2"))
        weekday = WEEKDAYS.get((m.group("wd") or "").lower())
        value = _month_day(month, day, _year(m.group("year"), ctx), weekday, ctx, span)
        return value.value if value else None
    if ctx.anchor is None:
        return None
    if m.group("word"):
        offset = {"today": 0, "tonight": 0, "tomorrow": 1, "yesterday": -1}[m.group("word").lower()]
        return (ctx.anchor + timedelta(days=offset)).isoformat()
    return _weekday_by_tense(WEEKDAYS[m.group("wd").lower()], ctx.tense(*span), ctx.anchor).isoformat()


def resolve_part_of_day(m: re.Match, ctx: _Context) -> _Value | None:
    day = ctx.reference_day()
    part = PARTS_OF_DAY[m.group("part").lower()]
    qualifier = _qualifier(m.groupdict().get("qual"))
    return _Value(f"{day.isoformat()}T{part}", "TIME", qualifier) if day else None


# --------------------------------------------------------------------------- resolvers: relative to the anchor


_ANAPHORIC_RELATIONS = ("that", "the same", "the previous", "the following", "the prior")


def resolve_relative_unit(m: re.Match, ctx: _Context) -> _Value | None:
    """"last week", "this year", "earlier this month", "the end of the year", "the past year"."""
    relation = re.sub(r"\s+", " ", m.group("rel").lower())
    unit = re.sub(r"\s+", " ", m.group("unit").lower())
    if unit == "fiscal year" and relation == "the":
        relation = "this"  # "the fiscal year" is the current one
    unit, qualifier = unit.replace("fiscal ", ""), _qualifier(m.group("qual"))
    if relation in _ANAPHORIC_RELATIONS:
        return _anaphoric_unit(relation, unit, ctx, qualifier)
    if unit == "day":
        return None  # "the last day", "this day": not a day we can place
    if relation in ("the past", "the last", "the next") and unit != "weekend":
        return _Value(_duration_value(1, unit), "DURATION", qualifier)
    shift = _relation_shift(relation, qualifier) if ctx.anchor else None
    if shift is None:
        return _weekend(ctx, m.span("x")) if unit == "weekend" and ctx.anchor else None
    return _unit_value(unit, ctx.anchor, shift, qualifier)


def _relation_shift(relation: str, qualifier: str | None) -> int | None:
    shifts = {"this": 0, "the current": 0, "the latest": -1, "this past": -1, "last": -1,
              "next": 1, "this coming": 1, "the coming": 1}
    if relation == "the":
        return 0 if qualifier else None
    return shifts.get(relation)


def _unit_value(unit: str, base: date, shift: int, qualifier: str | None) -> _Value | None:
    """The day, week, weekend, month, ... containing ``base``, or ``shift`` of them away."""
    if unit == "weekend":
        return _Value(_week_value(base + timedelta(weeks=shift)) + "-WE", qualifier=qualifier)
    if unit == "decade":
        return _Value(f"{base.year // 10 + shift:03d}X", qualifier=qualifier)
    if unit == "century":
        return _Value(f"{base.year // 100 + shift:02d}XX", qualifier=qualifier)
    value = _shifted(unit, shift, base)
    return _Value(value, qualifier=qualifier) if value else None


def _weekend(ctx: _Context, span: tuple[int, int]) -> _Value | None:
    """"the weekend": the one just past in past-tense sentences, else the coming one."""
    anchor = ctx.anchor
    if ctx.tense(*span) == "past" and anchor.isoweekday() < 6:
        return _Value(_week_value(anchor - timedelta(weeks=1)) + "-WE")
    return _Value(_week_value(anchor) + "-WE")


def _anaphoric_unit(relation: str, unit: str, ctx: _Context, qualifier: str | None) -> _Value | None:
    """"that year", "the following week": the unit holding the story's reference time, or the next one."""
    shift = {"the previous": -1, "the prior": -1, "the following": 1}.get(relation, 0)
    base = ctx.reference_day() if unit in ("day", "week", "weekend") else ctx.reference_start()
    return _unit_value(unit, base, shift, qualifier) if base else None


def resolve_year_end(m: re.Match, ctx: _Context) -> _Value | None:
    if ctx.anchor is None:
        return None
    year = ctx.anchor.year - (1 if ctx.word_before(m.start("x")) == "since" else 0)
    return _Value(str(year), qualifier="end")


def resolve_ago(m: re.Match, ctx: _Context) -> _Value | None:
    """"two years ago" from the anchor; "a year earlier", "three days later" from the reference time."""
    unit = _unit(m.group("unit"))
    amount = _number(m.group("num")) if m.group("num") else None
    direction = m.group("dir").lower()
    backwards = direction in ("ago", "earlier", "back")
    if amount is None or amount != int(amount):
        return _Value("PAST_REF" if backwards else "FUTURE_REF", names_a_time=False)
    amount = int(amount) * (-1 if backwards else 1)
    qualifier = _qualifier(m.group("approx"))
    if unit == "year" and abs(amount) == 1 and ctx.quarter and ctx.reference == ctx.quarter:
        return _Value(_shift_value(ctx.quarter, amount), qualifier=qualifier, names_a_time=False)
    if unit == "year" and direction in ("earlier", "later") and ctx.reference_is_calendar_date:
        return _Value(_shift_value(ctx.reference, amount), qualifier=qualifier, names_a_time=False)
    base = ctx.reference_day() if direction in ("earlier", "later") else ctx.anchor
    value = _shifted(unit, amount, base) if base else None
    return _Value(value, qualifier=qualifier, names_a_time=False) if value else None


def _shifted(unit: str, amount: int, base: date) -> str | None:
    """The day, week, month, quarter or year ``amount`` units away, at that unit's granularity."""
    if unit == "day":
        return (base + timedelta(days=amount)).isoformat()
    if unit in ("week", "fortnight"):
        return _week_value(base + timedelta(weeks=amount * (2 if unit == "fortnight" else 1)))
    if unit == "month":
        return _month_value(*_shift_month(base.year, base.month, amount))
    if unit == "quarter":
        return "{}-Q{}".format(*_shift_quarter(*_quarter_of(base), amount))
    if unit == "year":
        return str(base.year + amount)
    if unit in ("decade", "century"):
        return str(base.year + amount * UNITS[unit][2])[:3] + "X"
    return None


# --------------------------------------------------------------------------- resolvers: durations, sets, references


def resolve_duration(m: re.Match, ctx: _Context) -> _Value | None:
    unit = _unit(m.group("unit"))
    relation = (m.group("rel") or "").lower()
    amount = _number(m.group("num")) if not m.group("num2") else None
    if amount is not None and re.search(r"and\s+a\s+half$", m.group("x"), re.I) and amount == int(amount):
        amount += 0.5
    qualifier = _qualifier(m.group("approx"))
    if amount is None:
        return _vague_duration(unit, relation, m.group("num2") is not None, qualifier)
    return _Value(_duration_value(amount, unit), "DURATION", qualifier)


def _vague_duration(unit: str, relation: str, is_range: bool, qualifier: str | None) -> _Value:
    if relation in ("past", "last", "previous") and not is_range:
        return _Value("PAST_REF", qualifier=qualifier)
    letter, clock, _ = UNITS[unit]
    letter = VAGUE_UNIT_LETTERS.get(unit, letter)
    return _Value(("PTX" if clock else "PX") + letter, "DURATION", qualifier)


def resolve_bare_plural(m: re.Match, ctx: _Context) -> _Value | None:
    unit = _unit(m.group("unit"))
    letter, clock, _ = UNITS[unit]
    return _Value(("PTX" if clock else "PX") + VAGUE_UNIT_LETTERS.get(unit, letter), "DURATION")


def resolve_long(m: re.Match, ctx: _Context) -> _Value | None:
    return _Value(_duration_value(1, _unit(m.group("unit"))), "DURATION")


def resolve_set_adverb(m: re.Match, ctx: _Context) -> _Value | None:
    return _Value(SET_ADVERBS[m.group("x").lower()], "SET")


def resolve_every(m: re.Match, ctx: _Context) -> _Value | None:
    if m.group("wd"):
        return _Value(f"XXXX-WXX-{WEEKDAYS[m.group('wd').lower()]}", "SET")
    word = m.group("unit").lower().rstrip("s")
    amount = _number(m.group("num")) if m.group("num") else 1
    if word in PARTS_OF_DAY:
        return _Value(f"XXXX-XX-XXT{PARTS_OF_DAY[word]}", "SET")
    if word in SEASONS:
        return _Value(f"XXXX-{SEASONS[word]}", "SET")
    if word == "weekend":
        return _Value("XXXX-WXX-WE", "SET")
    if m.group("other"):
        amount *= 2  # "every other week"
    return _Value(_duration_value(amount or 1, _unit(word)), "SET")


def resolve_weekday_plural(m: re.Match, ctx: _Context) -> _Value | None:
    return _Value(f"XXXX-WXX-{WEEKDAYS[m.group('wd').lower()]}", "SET")


def resolve_reference_word(m: re.Match, ctx: _Context) -> _Value | None:
    words = re.sub(r"\s+", " ", m.group("x").lower())
    if words.startswith("recent "):
        return _Value("PAST_REF")
    if words.startswith("coming ") or words.startswith("the coming "):
        return _Value("FUTURE_REF")
    return _Value(REFERENCE_WORDS[words])


def resolve_reference_day(m: re.Match, ctx: _Context) -> _Value | None:
    """"that day", "earlier that day", "later in the day": the day the story is at."""
    day = ctx.reference_day()
    if day is None:
        return None
    words = m.group(0).lower()
    shift = 1 if re.search(r"next|following|after", words) else -1 if re.search(r"previous|before|prior", words) else 0
    return _Value((day + timedelta(days=shift)).isoformat())


def resolve_year_ended(m: re.Match, ctx: _Context) -> _Value | None:
    return _Value("P1Y", "DURATION")


# --------------------------------------------------------------------------- acceptance checks for ambiguous words


def _after_preposition(m: re.Match, ctx: _Context) -> bool:
    return ctx.word_before(m.start("x")) in PREPOSITIONS_BEFORE_DATES


def accept_bare_month(m: re.Match, ctx: _Context) -> bool:
    if m.group("qual") or m.group("rel"):
        return True
    if ctx.entity_label(*m.span("x")) == "PERSON":
        return False
    if m.group("mon") == "May" and ctx.entity_label(*m.span("x")) != "DATE":
        return _after_preposition(m, ctx) and ctx.word_before(m.start("x")) != "and"
    return _after_preposition(m, ctx) or ctx.entity_label(*m.span("x")) == "DATE"


_NON_DATE_LABELS = {"CARDINAL", "MONEY", "QUANTITY", "PERCENT", "PRODUCT", "ORG", "FAC", "LAW", "WORK_OF_ART"}


def accept_bare_year(m: re.Match, ctx: _Context) -> bool:
    if m.group("qual") or m.group("pre"):
        return True
    label = ctx.entity_label(*m.span("year"))
    if label in ("DATE", "EVENT"):
        return True
    if _after_preposition(m, ctx) and label not in ("MONEY", "PERCENT", "QUANTITY"):
        return True
    return label not in _NON_DATE_LABELS and not _counts_things(m, ctx)


def _counts_things(m: re.Match, ctx: _Context) -> bool:
    """A number counting a plural noun ("1990 people") rather than naming a year."""
    span = ctx.doc.char_span(*m.span("year"), alignment_mode="expand")
    if span is None:
        return False
    token = span[-1]
    return token.dep_ == "nummod" and token.head.tag_ == "NNS"


def accept_season(m: re.Match, ctx: _Context) -> bool:
    if m.group("year"):
        return True
    relation = (m.group("rel") or "").lower()
    if relation and relation != "the":
        return True
    if m.group("season").lower() == "fall":
        return False  # bare "the fall" is nearly always the noun of "to fall"
    following = ctx.text[m.end("x"):m.end("x") + 4].strip().lower()
    return following != "of" and (bool(relation) or _after_preposition(m, ctx))


def accept_duration(m: re.Match, ctx: _Context) -> bool:
    """Not an age ("the 6-year-old") and not a rate ("$500 million a year")."""
    following = ctx.text[m.end("x"):m.end("x") + 6].lower()
    if re.match(r"(-|\s+)old\b", following):
        return False
    unit, number = m.group("unit").lower(), m.group("num").lower()
    fraction = re.match(r"\s+of\b", following) and number in ("a", "one", "three")
    if unit.startswith("quarter") and (fraction or re.search(r"\w-quarters$", m.group("x"))):
        return False  # "three-quarters of its food", "a quarter of the market": fractions
    if unit == "second" and number in ("a", "an"):
        return False  # "a second betrayal"
    if m.group("num").lower() in ("a", "an") and not m.group("rel") and not m.group("approx"):
        return not _is_rate(m.start("x"), ctx)
    return True


def _is_rate(start: int, ctx: _Context) -> bool:
    before = ctx.text[max(0, start - 25):start]
    if re.search(r"(\d[\d,.%]*(\s+(million|billion|thousand|percent))?|times|twice|once)\s*$", before):
        return True
    span = ctx.doc.char_span(max(0, start - 1), start, alignment_mode="expand")
    previous = ctx.doc[span.start - 1] if span is not None and span.start > 0 else None
    return previous is not None and previous.tag_ == "NNS"


def accept_day_word(m: re.Match, ctx: _Context) -> bool:
    """"today's world", "today's personal computers": the present in general, not the day."""
    following = ctx.text[m.end("x"):m.end("x") + 40]
    generic = re.match(r"'s\s+(?:[a-z]+\s+)?(world|youth|society|generation|[a-z]+s)\b", following)
    return not (m.group("word") or "").lower() == "today" or not generic


def accept_reference_word(m: re.Match, ctx: _Context) -> bool:
    words = m.group("x").lower()
    following = ctx.text[m.end("x"):m.end("x") + 12].lower()
    if words == "soon":
        before = ctx.text[max(0, m.start("x") - 3):m.start("x")].lower()
        return before != "as " and not re.match(r"\s+(after|afterwards?|as)\b", following)
    if words in ("the future", "the past", "the present", "the moment"):
        return not re.match(r"\s+of\b", following) and (words != "the moment" or ctx.word_before(m.start("x")) == "at")
    if words == "current":
        return ctx.entity_label(*m.span("x")) != "ORG"
    return True


def accept_ordinal_day(m: re.Match, ctx: _Context) -> bool:
    following = ctx.text[m.end("x"):m.end("x") + 20]
    return bool(re.match(r"\s*([.,;:)]|$|\s(and|that|when|but|at|in|to|with|for|as|or)\b)", following))


def accept_part_of_day(m: re.Match, ctx: _Context) -> bool:
    return ctx.word_before(m.start("x")) in ("in", "during", "by", "through", "until")


def accept_relative_unit(m: re.Match, ctx: _Context) -> bool:
    """"the" alone makes a time expression of "the weekend" and "the end of the year", not of "the day"."""
    if m.group("rel").lower() != "the":
        return True
    return bool(m.group("qual")) or m.group("unit").lower() in ("weekend", "fiscal year")


def accept_set_adverb(m: re.Match, ctx: _Context) -> bool:
    return not re.match(r"\s+[A-Z]", ctx.text[m.end("x"):m.end("x") + 3])


# --------------------------------------------------------------------------- the rules


def _rule(name: str, template: str, resolve, accept=None, extent=None) -> _Rule:
    return _Rule(name, _pattern(template), resolve, accept, extent)


def _in_the_day_extent(m: re.Match) -> tuple[int, int]:
    return m.span("x") if m.group("x") else m.span("x2")


def _duration_extent(m: re.Match) -> tuple[int, int]:
    """"the [[two-week]] gulf crisis": an adjective of duration leaves the article out."""
    if m.group("rel") is None and "-" in m.string[m.end("num"):m.start("unit")]:
        return m.start("num"), m.end("x")
    return m.span("x")


def _quarter_extent(m: re.Match) -> tuple[int, int]:
    """"the [[third-quarter]] loss" as for durations; "the third quarter" keeps its article."""
    if (m.group("rel") or "").lower() == "the" and "-" in m.string[m.end("ord"):m.end("ord") + 1]:
        return m.start("ord"), m.end("x")
    return m.span("x")


RULES: tuple[_Rule, ...] = (
    # calendar dates and times
    _rule("clock",
          r"(?P<x>(?:(?P<approx><APPROX>)\s+)?"
          r"(?:(?P<h>\d{1,2})(?::(?P<min>\d\d))?\s*(?P<ampm>[ap]\.\s?m\.?|[ap]m\b|[AP]\.\s?M\.?|[AP]M\b)"
          r"|(?P<h24>[01]?\d|2[0-3]):(?P<min24>[0-5]\d)(?=\s*<TZ>)|(?P<named>(?i:noon|midnight|midday)\b))"
          r"(?:\s+<TZ>)?(?:,?\s+(?:(?i:on)\s+)?(?P<day><DAYREF>))?)",
          resolve_clock),
    _rule("month day year",
          r"(?P<x>(?:(?:(?i:this\s+coming|this\s+past|this|next|last)\s+)?(?P<wd><WEEKDAY>),?\s+)?"
          r"(?P<mon><MONTH>)\s+(?P<day><DAY>|<DAY_WORD>)(?:,?\s+(?P<year><YEAR>))?)",
          resolve_month_day_year),
    _rule("day month year",
          r"(?P<x>(?:(?P<wd><WEEKDAY>),?\s+)?(?:(?i:the)\s+)?(?P<day><DAY>|<DAY_WORD>)\s+(?:(?i:of)\s+)?"
          r"(?P<mon><MONTH>)(?:,?\s+(?P<year><YEAR>))?)",
          resolve_month_day_year),
    _rule("second day",  # "April 24 and [[25]]"
          r"(?P<mon><MONTH>)\s+<DAY>\s*(?:and|or|to|-)\s*(?P<x>(?P<day><DAY>))(?!\s*(?:<MONTH>|[\d%]))"
          r"(?:,?\s+(?P<year><YEAR>))?(?P<wd>)",
          resolve_month_day_year),
    _rule("month year",
          r"(?P<x>(?:(?P<qual><QUAL>)[\s-]+)?(?P<mon><MONTH>),?\s+(?:(?i:of)\s+)?"
          r"(?P<year><YEAR>|(?i:this|last|next)\s+year\b))",
          resolve_month_year),
    _rule("month",
          r"(?P<x>(?:(?:(?P<qual><QUAL>)|(?P<rel>(?i:last|this\s+past|this\s+coming|this|next)))[\s-]+)?"
          r"(?P<mon><MONTH_NAME>))(?!\s+\d)",
          resolve_month, accept_bare_month),
    _rule("year",
          r"(?P<x>(?:(?P<pre>(?i:fiscal|calendar|the\s+year|fiscal\s+year))\s+|(?P<qual><QUAL>)[\s-]+)?"
          r"(?P<year><YEAR>|<SPOKEN_YEAR>))",
          resolve_year, accept_bare_year),
    _rule("decade",
          r"(?P<x>(?:(?i:the)\s+)?(?:(?P<qual><QUAL>)[\s-]+)?"
          r"(?P<dec>(?:1[5-9]|20)\d0'?s|(?<=the\s)'?\d0'?s|(?<=mid-)'?\d0'?s|(?<=early\s)'?\d0'?s"
          r"|(?<=late\s)'?\d0'?s|'\d0s|(?i:nineteen[\s-]<SPOKEN_DECADE>)))\b",
          resolve_decade),
    _rule("century",
          r"(?P<x>(?:(?i:the)\s+)?(?:(?P<qual><QUAL>)[\s-]+)?(?P<ord>\d{1,2}(?:st|nd|rd|th)|<DAY_WORD>)"
          r"[\s-]+(?i:century))\b",
          resolve_century),
    _rule("holiday",
          r"(?P<x>(?:(?P<rel>(?i:this|last|next))\s+)?(?P<name><HOLIDAY>)(?:,?\s+(?P<year><YEAR>))?)\b"
          r"(?!\s+(?:week|season))",
          resolve_holiday),
    # quarters, halves, seasons
    _rule("quarter",
          r"(?P<x>(?:(?P<rel>(?i:the|this|last|next|this\s+year's|last\s+year's|the\s+year-earlier"
          r"|the\s+year-ago))\s+)?(?:(?i:fiscal|calendar)[\s-]+)?(?:(?P<year><YEAR>)(?:'s)?\s+)?"
          r"(?P<ord><ORD>)[\s-]+(?:(?i:fiscal)[\s-]+)?(?i:quarter)"
          r"(?:\s+(?i:of)\s+(?:(?i:fiscal)\s+)?(?P<year2><YEAR>))?)\b",
          resolve_quarter, extent=_quarter_extent),
    _rule("year-earlier quarter",
          r"(?P<x>(?i:(?:the\s+)?(?:comparable\s+)?(?:year-earlier|year-ago|year-before|prior-year|year\s+earlier)"
          r"(?:\s+(?P<ord>first|second|third|fourth)[\s-]+)?(?:\s+(?:quarter|period))?))\b",
          resolve_year_earlier_period),
    _rule("anaphoric quarter",
          r"(?P<x>(?i:the\s+(?:latest|current|most\s+recent|same|recent|previous|past|last|next|coming"
          r"|just-ended|just-completed)\s+quarter|the\s+quarter|that\s+quarter|this\s+quarter|last\s+quarter"
          r"|next\s+quarter))\b(?!-)",
          resolve_anaphoric_quarter),
    _rule("half",
          r"(?P<x>(?i:the\s+)?(?P<half>(?i:first|second|last|latter))\s+(?i:half)(?:\s+(?i:of)\s+(?:(?i:the)\s+)?"
          r"(?:(?P<year><YEAR>)|(?i:year)|(?P<dec>'\d0s|(?:1[5-9]|20)\d0s)))?)\b",
          resolve_half),
    _rule("season",
          r"(?P<x>(?:(?P<rel>(?i:this\s+past|this\s+coming|this|last|next|the|early|late|mid|the\s+early"
          r"|the\s+late|the\s+end\s+of\s+the|the\s+middle\s+of\s+the))[\s-]+)?"
          r"(?P<season><SEASON>)(?:\s+(?:(?i:of)\s+)?(?P<year><YEAR>|<SPOKEN_YEAR>))?)\b",
          resolve_season, accept_season),
    # days and parts of days
    _rule("day word",
          r"(?P<x>(?:(?P<qual>(?i:early|late|earlier|later))\s+)?"
          r"(?:(?P<word>(?i:today|tomorrow|yesterday|tonight))(?:\s+(?P<part><PART>))?"
          r"|(?P<rel>(?i:this|last))\s+(?P<part2><PART>)))\b",
          resolve_day_word, accept_day_word),
    _rule("weekday",
          r"(?P<x>(?:(?P<rel>(?i:last|next|this\s+past|this\s+coming|this|the\s+previous|the\s+following"
          r"|the\s+next|early|late))\s+)?(?P<wd><WEEKDAY>)(?:\s+(?P<part><PART>))?)",
          resolve_weekday),
    _rule("weekday plural", rf"(?P<x>(?P<wd>{_WEEKDAY_NAMES})s)\b", resolve_weekday_plural),
    _rule("part of day", r"(?P<x>(?i:the)\s+(?P<part><PART>))(?!\s+(?:of|before|after))",
          resolve_part_of_day, accept_part_of_day),
    _rule("mid part of day", r"(?P<x>(?P<qual>(?i:mid))[\s-]+(?P<part>(?i:morning|afternoon|evening)))\b",
          resolve_part_of_day),
    _rule("reference day",
          r"(?:(?P<x>(?:(?i:earlier|later)\s+)?(?i:that\s+day|the\s+same\s+day|the\s+next\s+day"
          r"|the\s+following\s+day|the\s+previous\s+day|the\s+prior\s+day))"
          r"|(?i:(?:earlier|later)\s+in\s+)(?P<x2>(?i:the\s+day)))\b",
          resolve_reference_day, extent=_in_the_day_extent),
    _rule("ordinal day",  # "responded on the 23rd"
          r"\b(?i:on|by|until|since|before|after|from|through)\s+"
          r"(?P<x>(?i:the)\s+(?P<day>(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)|<DAY_WORD>))\b",
          resolve_ordinal_day, accept_ordinal_day),
    # relative to the anchor or to the reference time
    _rule("relative unit",
          r"(?P<x>(?:(?P<qual><QUAL>|(?i:earlier|later))\s+)?"
          r"(?P<rel>(?i:this\s+past|this\s+coming|this|last|next|the\s+past|the\s+last|the\s+next|the\s+coming"
          r"|the\s+current|the\s+previous|the\s+following|the\s+same|that|the\s+latest|the\s+prior|the))\s+"
          r"(?P<unit>week|weekend|month|year|(?i:fiscal)\s+year|decade|century|day))\b(?!-)",
          resolve_relative_unit, accept_relative_unit),
    _rule("year end", r"(?P<x>(?i:(?:the\s+)?year[-\s]end|the\s+end\s+of\s+the\s+year))\b", resolve_year_end),
    _rule("ago",
          r"(?P<x>(?:(?P<approx><APPROX>)\s+)?(?:(?P<num><NUM>)|<VAGUE>)\s+(?P<unit><UNIT>)\s+(?:(?i:or\s+so)\s+)?"
          r"(?P<dir>(?i:ago|earlier|later|from\s+now|hence|back)))\b",
          resolve_ago),
    # durations and sets
    _rule("duration",
          r"(?P<x>(?:(?P<approx><APPROX>)\s+)?(?:(?i:the|another|an\s+additional)\s+)?"
          r"(?:(?P<rel>(?i:past|last|next|first|previous|coming|following|final|remaining|latest|initial"
          r"|year-earlier))\s+)?(?P<num><NUM>|<VAGUE>)(?:\s*(?:-|to|or)\s*(?P<num2><NUM>))?"
          r"(?:\s+(?i:more|additional|full|straight|consecutive|extra))?[\s-]+(?P<unit><UNIT>)"
          r"(?:\s+(?i:and\s+a\s+half))?)(?![\w-])",
          resolve_duration, accept_duration, _duration_extent),
    _rule("bare plural",  # "for years", "within weeks"
          r"\b(?i:for|within|in|over|after)\s+(?P<x>(?P<unit>years|months|weeks|decades|centuries|hours"
          r"|(?<=for\s)days|(?<=within\s)days)(?:\s+or\s+(?:years|months|weeks|days))?)\b"
          r"(?!\s+(?:ago|earlier|later|to|before|after))",
          resolve_bare_plural),
    _rule("long", r"(?P<x>(?P<unit>(?i:day|week|month|year|hour))-long)\b", resolve_long),
    _rule("year ended", r"(?P<x>(?i:the\s+(?:fiscal\s+)?year))(?=\s+(?:ended|ending|to\s+date))", resolve_year_ended),
    _rule("every",
          r"(?P<x>(?i:every|each)\s+(?:(?P<other>(?i:other))\s+)?(?:(?P<num><NUM>)\s+)?(?:(?P<wd><WEEKDAY>)"
          r"|(?P<unit>(?i:day|week|month|year|quarter|morning|afternoon|evening|night|weekend|summer|winter"
          r"|spring|fall|hour|minute)s?)))\b",
          resolve_every),
    _rule("set adverb", r"\b(?P<x>(?i:" + _alternatives(SET_ADVERBS) + r"))\b", resolve_set_adverb, accept_set_adverb),
    _rule("reference word",
          r"\b(?P<x>(?i:recent\s+(?:days|weeks|months|years|quarters)"
          r"|(?:the\s+)?coming\s+(?:days|weeks|months|years|quarters)|" + _alternatives(REFERENCE_WORDS) + r"))\b",
          resolve_reference_word, accept_reference_word),
)


# --------------------------------------------------------------------------- finding and resolving


def _candidates(ctx: _Context) -> list[_Candidate]:
    found = []
    for priority, rule in enumerate(RULES):
        for match in rule.pattern.finditer(ctx.text):
            start, end = rule.extent(match) if rule.extent else match.span("x")
            if start < 0 or not ctx.text[start:end].strip():
                continue
            if rule.accept is None or rule.accept(match, ctx):
                found.append(_Candidate(start, end, priority, match, rule))
    return found


def _longest_first(candidates: list[_Candidate]) -> list[_Candidate]:
    """Overlapping proposals: the longest wins, then the earlier rule in RULES."""
    chosen: list[_Candidate] = []
    for candidate in sorted(candidates, key=lambda c: (-(c.end - c.start), c.priority, c.start)):
        if all(candidate.end <= c.start or c.end <= candidate.start for c in chosen):
            chosen.append(candidate)
    return sorted(chosen, key=lambda c: c.start)


def _anchor(published) -> date | None:
    if published is None or published == "":
        return None
    if isinstance(published, datetime):
        return published.date()
    if isinstance(published, date):
        return published
    return date.fromisoformat(str(published)[:10])


def find_temporal_expressions(doc, published: date | None) -> list[TemporalExpression]:
    """Every temporal expression of the parsed article, in text order, with its TimeML value."""
    ctx = _Context(doc, _anchor(published))
    found = []
    for candidate in _longest_first(_candidates(ctx)):
        value = candidate.rule.resolve(candidate.match, ctx)
        if value is None:
            continue
        ctx.remember(value, candidate.rule)
        text = ctx.text[candidate.start:candidate.end]
        found.append(TemporalExpression(candidate.start, candidate.end, text, value.value, value.kind,
                                        value.qualifier))
    return found


def date_mentions(doc, article_id: str, published) -> list[DateMention]:
    """The article's temporal expressions as DateMention records."""
    return [
        DateMention(Span(article_id, e.start, e.end), e.text, e.value, e.kind, e.qualifier)
        for e in find_temporal_expressions(doc, published)
    ]
