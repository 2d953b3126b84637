"""The rule table: each rule's pattern, resolver, acceptance check and extent, in priority order."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from rashomon.nlp.dates.absolute_dates import (
    resolve_century,
    resolve_decade,
    resolve_holiday,
    resolve_month,
    resolve_month_day_year,
    resolve_month_year,
    resolve_numeric_date,
    resolve_ordinal_day,
    resolve_year,
)
from rashomon.nlp.dates.ambiguous_words import (
    accept_bare_month,
    accept_bare_year,
    accept_day_word,
    accept_duration,
    accept_ordinal_day,
    accept_part_of_day,
    accept_reference_word,
    accept_relative_unit,
    accept_season,
    accept_set_adverb,
)
from rashomon.nlp.dates.article_context import _Context
from rashomon.nlp.dates.days_and_times import (
    resolve_clock,
    resolve_day_word,
    resolve_part_of_day,
    resolve_weekday,
)
from rashomon.nlp.dates.durations_and_sets import (
    resolve_bare_plural,
    resolve_duration,
    resolve_every,
    resolve_long,
    resolve_set_adverb,
    resolve_weekday_plural,
    resolve_year_ended,
)
from rashomon.nlp.dates.pattern_pieces import _WEEKDAY_NAMES, _alternatives, _pattern
from rashomon.nlp.dates.quarters_and_seasons import (
    resolve_anaphoric_quarter,
    resolve_half,
    resolve_quarter,
    resolve_season,
    resolve_year_earlier_period,
)
from rashomon.nlp.dates.relative_dates import (
    resolve_ago,
    resolve_reference_day,
    resolve_reference_word,
    resolve_relative_unit,
    resolve_year_end,
)
from rashomon.nlp.dates.timeml_values import _Value
from rashomon.nlp.dates.word_tables import REFERENCE_WORDS, SET_ADVERBS


@dataclass(frozen=True)
class _Rule:
    name: str
    pattern: re.Pattern
    resolve: Callable[[re.Match, _Context], _Value | None]
    accept: Callable[[re.Match, _Context], bool] | None = None
    extent: Callable[[re.Match], tuple[int, int]] | None = None  # default: the span of group "x"


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
    _rule("numeric date",
          r"(?P<x>(?<!\d)(?<!\d\.)(?P<dot_day>\d{1,2})\.(?P<dot_month>\d{1,2})\.(?P<dot_year>(?:19|20)\d\d)(?!\d|\.\d)"
          r"|(?<![\d-])(?P<iso_year>(?:19|20)\d\d)-(?P<iso_month>\d\d)-(?P<iso_day>\d\d)(?![\d-]))",
          resolve_numeric_date),
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
