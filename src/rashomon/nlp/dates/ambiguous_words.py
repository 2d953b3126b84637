"""Acceptance checks: whether a match on an ambiguous word ("May", "1990", "the fall") is temporal."""

from __future__ import annotations

import re

from rashomon.nlp.dates.article_context import _Context
from rashomon.nlp.dates.word_tables import PREPOSITIONS_BEFORE_DATES


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
