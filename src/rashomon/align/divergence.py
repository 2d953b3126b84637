"""Divergences: two reports of one fact that disagree on a number, a date, a named entity, a negation or
who said it; and the judging verb one outlet chose where another wrote "said".

Only reports matched as one fact are compared (no match, no divergence), and a difference counts only where
the two otherwise say the same thing, else it is most likely two ways of writing one thing:

- Where the two sentences hold nearly the same words (``SAME_SENTENCE`` of all their content stems shared,
  or their words lining up but for a few places: a copy, a reprint), the places they differ are read, frame included (``edits``): a date, a speaker, a
  name, a number, a negation put in or taken out.
- Elsewhere the reports themselves are: numbers and dates where most of their words agree (``CLOSE``),
  a negation where nearly all do (``NEGATION_CLOSE``), the person credited where most do, and a name only
  where it stands in the other's place: each names one entity of a kind the other does not, in wording
  that lines up around it ("the founding treaty of [the EU] stipulates" against "the founding agreement of
  [NATO] says"). A name the other writes too, by a word of its own or one sharing its first letters
  ("Germany" in "German"), or in part ("Cowan" in "William Cowan"), is the same name.

The confidence is the mean of the two reports' vector cosine and their stem overlap.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from rashomon.align.anchors import PRONOUNS, jaccard, overlap
from rashomon.align.edits import edits, near_identical
from rashomon.align.names import lined_up, one_name, written_in
from rashomon.align.statements import Anchors, Statement
from rashomon.records import Divergence

SAME_SENTENCE = 0.7
CLOSE = 0.6
NEGATION_CLOSE = 0.8
NAMED_FAMILIES = ("PERSON", "ORG", "PLACE")
# Verbs of saying that judge what they report, against the neutral ones.
JUDGING = frozenset({"claim", "assert", "allege", "admit", "insist", "concede", "contend", "boast",
                     "acknowledge", "confess", "profess", "purport"})
NEUTRAL = frozenset({"say", "tell", "state", "note", "add", "explain", "report", "write", "announce", "remark"})
_DATE_VALUE = re.compile(r"^(\d{4}|X{4})(-[\dX]{2})?(-[\dX]{2})?$")


def divergences(fact_id: int, first: Statement, second: Statement, cosine: float) -> Iterator[Divergence]:
    """What the second report of a fact changes from the first, each with its reason and confidence."""
    confidence = round((max(cosine, 0.0) + overlap(first.stems, second.stems)) / 2, 4)
    if jaccard(first.sentence.stems, second.sentence.stems) >= SAME_SENTENCE or \
            near_identical(first.sentence, second.sentence):
        found = edits(first.sentence, second.sentence)
    else:
        found = _report_differences(first, second)
    for kind, reason in found:
        yield Divergence(fact_id, kind, (first.span, second.span), reason, confidence)


def carried(fact_id: int, reports: list[Statement], vectors, found: list[Divergence]) -> Iterator[Divergence]:
    """A name one report of the fact puts in the place of the name every other report writes, also against
    each of those others: with 000 and 001 writing "NATO" and 002 alone "the EU", 001 ≠ 002 as 000 ≠ 002,
    though 001's wording does not line up with 002's. Where the others do not all write the one name, the
    report is not the odd one out and nothing is carried."""
    seen = {d.spans for d in found}
    at = {report.span: i for i, report in enumerate(reports)}
    for divergence in (d for d in found if d.kind == "entity"):
        names = divergence.reason.split(" ≠ ", 1)
        for odd, kept, replaced in ((at[divergence.spans[1]], *names), (at[divergence.spans[0]], *names[::-1])):
            others = [k for k, report in enumerate(reports) if k != odd]
            if not all(written_in(kept, reports[k].text) and not written_in(replaced, reports[k].text)
                       for k in others):
                continue
            for k in others:
                first, second = sorted((k, odd))
                spans = (reports[first].span, reports[second].span)
                if spans in seen or reports[k].span.article_id == reports[odd].span.article_id:
                    continue
                seen.add(spans)
                confidence = round((max(float(vectors[first] @ vectors[second]), 0.0)
                                    + overlap(reports[first].stems, reports[second].stems)) / 2, 4)
                reason = f"{kept} ≠ {replaced}" if first == k else f"{replaced} ≠ {kept}"
                yield Divergence(fact_id, "entity", spans, reason, confidence)


def framing(fact_id: int, first: list[Statement], second: list[Statement]) -> Iterator[Divergence]:
    """The verb of saying one article chose for a fact where another chose a neutral one ("Claims" against
    "said"), read over every statement of it in each article (a headline's verb counts)."""
    for ours in first:
        for theirs in second:
            if (ours.cue_lemma in JUDGING and theirs.cue_lemma in NEUTRAL) or \
                    (ours.cue_lemma in NEUTRAL and theirs.cue_lemma in JUDGING):
                yield Divergence(fact_id, "verb", (ours.span, theirs.span), f"{ours.cue} ≠ {theirs.cue}", 1.0)
                return


def _report_differences(first: Statement, second: Statement) -> Iterator[tuple[str, str]]:
    closeness = jaccard(first.stems, second.stems)
    if closeness >= CLOSE:
        yield from _numbers(first.unit, second.unit)
        yield from _dates(first.unit, second.unit)
        yield from _speakers(first, second)
    if closeness >= NEGATION_CLOSE and first.unit.negations % 2 != second.unit.negations % 2:
        yield "negation", f"{_negated(first.unit)} ≠ {_negated(second.unit)}"
    for family in NAMED_FAMILIES:
        swap = _swap(first.unit, second.unit, family)
        if swap and lined_up(first.text, first.unit.names[swap[0]], second.text, second.unit.names[swap[1]]):
            yield "entity", f"{first.unit.names[swap[0]]} ≠ {second.unit.names[swap[1]]}"


def _numbers(first: Anchors, second: Anchors) -> Iterator[tuple[str, str]]:
    only_first, only_second = first.numbers - second.numbers, second.numbers - first.numbers
    if only_first and only_second:
        yield "number", f"{', '.join(sorted(only_first))} ≠ {', '.join(sorted(only_second))}"


def _dates(first: Anchors, second: Anchors) -> Iterator[tuple[str, str]]:
    only_first = {a for a in first.dates if not any(same_time(a, b) for b in second.dates)}
    only_second = {b for b in second.dates if not any(same_time(a, b) for a in first.dates)}
    if only_first and only_second:
        yield "date", f"{', '.join(sorted(only_first))} ≠ {', '.join(sorted(only_second))}"


def same_time(first: str, second: str) -> bool:
    """Two TimeML values that can name the same time: X stands for a figure the text left unsaid."""
    if not (_DATE_VALUE.match(first) and _DATE_VALUE.match(second)):
        return first == second
    shorter = min(len(first), len(second))
    return all(a == b or "X" in (a, b) for a, b in zip(first[:shorter], second[:shorter]))


def _negated(anchors: Anchors) -> str:
    return "negated" if anchors.negations % 2 else "affirmed"


def _swap(first: Anchors, second: Anchors, family: str) -> tuple[str, str] | None:
    """The one entity of ``family`` each names that the other does not, by a name the other does not write."""
    ours = [e for kind, e in first.entities if kind == family and (kind, e) not in second.entities
            and not written_in(first.names[e], second.text)]
    theirs = [e for kind, e in second.entities if kind == family and (kind, e) not in first.entities
              and not written_in(second.names[e], first.text)]
    if len(ours) == 1 and len(theirs) == 1 and not one_name(first.names[ours[0]], second.names[theirs[0]]):
        return ours[0], theirs[0]
    return None


def _speakers(first: Statement, second: Statement) -> Iterator[tuple[str, str]]:
    if first.attribution is None or second.attribution is None:
        return
    ours, theirs = first.attribution.speaker_entity_id, second.attribution.speaker_entity_id
    if ours and theirs and ours != theirs and first.speaker_is_person and second.speaker_is_person \
            and _named(first.speaker) and _named(second.speaker) and not one_name(first.speaker, second.speaker):
        yield "speaker", f"{first.speaker} ≠ {second.speaker}"


def _named(source: str) -> bool:
    """A source that names someone ("Stoltenberg", "the Secretary General"), not a pronoun."""
    return source.lower() not in PRONOUNS
