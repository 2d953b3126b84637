"""Resolvers for dates relative to the anchor or the story's reference time, and vague references."""

from __future__ import annotations

import re
from datetime import date, timedelta

from rashomon.nlp.dates.article_context import _Context
from rashomon.nlp.dates.calendar_arithmetic import (
    _month_value,
    _quarter_of,
    _shift_month,
    _shift_quarter,
    _shift_value,
    _week_value,
)
from rashomon.nlp.dates.timeml_values import (
    _duration_value,
    _number,
    _qualifier,
    _unit,
    _Value,
)
from rashomon.nlp.dates.word_tables import REFERENCE_WORDS, UNITS

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
