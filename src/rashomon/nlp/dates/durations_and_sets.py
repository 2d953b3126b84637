"""Resolvers for durations ("two years", "for weeks") and sets ("every Monday", "weekly")."""

from __future__ import annotations

import re

from rashomon.nlp.dates.article_context import _Context
from rashomon.nlp.dates.timeml_values import (
    _duration_value,
    _number,
    _qualifier,
    _unit,
    _Value,
)
from rashomon.nlp.dates.word_tables import (
    PARTS_OF_DAY,
    SEASONS,
    SET_ADVERBS,
    UNITS,
    VAGUE_UNIT_LETTERS,
    WEEKDAYS,
)


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


def resolve_year_ended(m: re.Match, ctx: _Context) -> _Value | None:
    return _Value("P1Y", "DURATION")
