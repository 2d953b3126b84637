"""Resolvers for quarters, halves and seasons, including the report's own quarter."""

from __future__ import annotations

import re
from datetime import date

from rashomon.nlp.dates.absolute_dates import _decade, _year
from rashomon.nlp.dates.article_context import _Context
from rashomon.nlp.dates.calendar_arithmetic import (
    _quarter_of,
    _shift_quarter,
    _shift_value,
)
from rashomon.nlp.dates.timeml_values import _qualifier, _Value
from rashomon.nlp.dates.word_tables import ORDINAL_WORDS, SEASON_FIRST_MONTH, SEASONS


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
