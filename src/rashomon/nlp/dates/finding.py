"""Finding temporal expressions: candidate proposals, longest-first overlap resolution, the public API."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime

from rashomon.nlp.dates.article_context import _Context
from rashomon.nlp.dates.rule_table import RULES, _Rule
from rashomon.nlp.dates.timeml_values import _Value
from rashomon.records import DateMention, Span


@dataclass(frozen=True)
class TemporalExpression:
    start: int
    end: int
    text: str
    value: str  # TimeML value
    kind: str  # "DATE" | "TIME" | "DURATION" | "SET"
    qualifier: str | None = None  # "early", "late", "mid", "approx", ...


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    priority: int
    match: re.Match
    rule: _Rule


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


# Two probe anchors that share no digit in any position of year, month, day, week or quarter:
# a figure that comes out the same under both was written in the text ("the 23rd"); the rest is X.
_PROBE_ANCHORS = (date(1987, 6, 15), date(2034, 11, 28))
_DIGIT = re.compile(r"\d")


def find_temporal_expressions(doc, published: date | None) -> list[TemporalExpression]:
    """Every temporal expression of the parsed article, in text order, with its TimeML value.

    Without a publication date, an expression that needs one ("today", "next week", "on the 23rd")
    is kept with X for every figure the anchor would have given (XXXX-XX-XX, XXXX-WXX), so that
    its span is there to be anchored once the article's date is known.
    """
    ctx = _Context(doc, _anchor(published))
    probes = [_Context(doc, anchor) for anchor in _PROBE_ANCHORS] if ctx.anchor is None else None
    found = []
    for candidate in _longest_first(_candidates(ctx)):
        value = candidate.rule.resolve(candidate.match, ctx)
        if value is None and probes:
            value = _unanchored([candidate.rule.resolve(candidate.match, probe) for probe in probes])
        if value is None:
            continue
        ctx.remember(value, candidate.rule)
        text = ctx.text[candidate.start:candidate.end]
        found.append(TemporalExpression(candidate.start, candidate.end, text, value.value, value.kind,
                                        value.qualifier))
    return found


def _unanchored(values: list[_Value | None]) -> _Value | None:
    """The value an expression has whatever the anchor: figures that vary with it become X."""
    first, second = values
    if first is None or second is None or first.kind not in ("DATE", "TIME"):
        return None
    a, b = first.value, second.value
    if len(a) != len(b):
        return replace(first, value=_DIGIT.sub("X", a))
    return replace(first, value="".join(x if x == y else "X" for x, y in zip(a, b)))


def date_mentions(doc, article_id: str, published) -> list[DateMention]:
    """The article's temporal expressions as DateMention records."""
    return [
        DateMention(Span(article_id, e.start, e.end), e.text, e.value, e.kind, e.qualifier)
        for e in find_temporal_expressions(doc, published)
    ]
