"""Finding temporal expressions: candidate proposals, longest-first overlap resolution, the public API."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from rashomon.nlp.dates.article_context import _Context
from rashomon.nlp.dates.rule_table import RULES, _Rule
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
