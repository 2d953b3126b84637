"""Resolvers for day words, weekdays, clock times and parts of the day."""

from __future__ import annotations

import re
from datetime import date, timedelta

from rashomon.nlp.dates.absolute_dates import _day_number, _month_day, _year
from rashomon.nlp.dates.article_context import _Context
from rashomon.nlp.dates.calendar_arithmetic import (
    _weekday_on_or_after,
    _weekday_on_or_before,
)
from rashomon.nlp.dates.pattern_pieces import _pattern
from rashomon.nlp.dates.timeml_values import _qualifier, _Value
from rashomon.nlp.dates.word_tables import CLOCK_WORDS, MONTHS, PARTS_OF_DAY, WEEKDAYS


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
