"""Resolvers for calendar dates: month/day/year, months, years, decades, centuries, holidays."""

from __future__ import annotations

import re
from datetime import date, timedelta

from rashomon.nlp.dates.article_context import _Context
from rashomon.nlp.dates.calendar_arithmetic import (
    _easter,
    _month_value,
    _nth_weekday,
    _shift_month,
)
from rashomon.nlp.dates.timeml_values import _qualifier, _spoken_year, _Value
from rashomon.nlp.dates.word_tables import (
    EASTER_HOLIDAYS,
    FIXED_HOLIDAYS,
    MONTHS,
    NUMBER_WORDS,
    ORDINAL_WORDS,
    SPOKEN_DECADES,
    TENSE_WINDOW_DAYS,
    WEEKDAY_HOLIDAYS,
    WEEKDAYS,
)


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


def resolve_numeric_date(m: re.Match, ctx: _Context) -> _Value | None:
    """23.12.2021 (day first, as written with dots) and 2021-12-23: complete dates, no anchor needed."""
    if m.group("iso_year"):
        year, month, day = int(m.group("iso_year")), int(m.group("iso_month")), int(m.group("iso_day"))
    else:
        year, month, day = int(m.group("dot_year")), int(m.group("dot_month")), int(m.group("dot_day"))
    return _Value(f"{year:04d}-{month:02d}-{day:02d}") if _valid(year, month, day) else None
