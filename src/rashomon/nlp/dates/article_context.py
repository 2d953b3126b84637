"""The article's context for resolving: publication anchor, tense of the governing verb, reference time."""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from rashomon.nlp import text_of
from rashomon.nlp.dates.timeml_values import _Value
from rashomon.nlp.dates.word_tables import FUTURE_SIGNALS

if TYPE_CHECKING:
    from rashomon.nlp.dates.rule_table import _Rule


class _Context:
    """What resolution needs beyond the matched words: anchor, grammar, and the reference time."""

    def __init__(self, doc, anchor: date | None):
        self.doc = doc
        self.text = text_of(doc)
        self.anchor = anchor
        self.reference: str | None = anchor.isoformat() if anchor else None
        self.quarter: str | None = None
        self.reference_is_calendar_date = False  # "Aug. 12" rather than "Friday": "a year earlier" keeps the day
        self._entities = [(e.start_char, e.end_char, e.label_) for e in doc.ents]

    def tense(self, start: int, end: int) -> str | None:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return None
        if FUTURE_SIGNALS.search(self.text[max(0, start - 20):start]):
            return "future"
        verb = _governing_verb(span.root)
        return _verb_tense(verb) if verb is not None else None

    def entity_label(self, start: int, end: int) -> str | None:
        return next((label for s, e, label in self._entities if s < end and start < e), None)

    def reference_day(self) -> date | None:
        """The day the story is at: the last day it named, else the publication date."""
        if self.reference and re.fullmatch(r"\d{4}-\d\d-\d\d", self.reference[:10]):
            return date.fromisoformat(self.reference[:10])
        return self.anchor

    def reference_start(self) -> date | None:
        """The first day of the last period the story named ("June 1998" -> 1998-06-01)."""
        match = re.match(r"(\d{4})(?:-(\d\d)|-Q(\d))?", self.reference or "")
        if not match:
            return self.anchor
        month = int(match.group(2) or 0) or (int(match.group(3)) * 3 - 2 if match.group(3) else 1)
        return date(int(match.group(1)), month, 1)

    def remember(self, value: _Value, rule: _Rule) -> None:
        if not value.names_a_time:
            return
        if value.kind in ("DATE", "TIME") and re.match(r"\d{4}-(\d\d|Q\d)", value.value):
            self.reference = value.value
            self.reference_is_calendar_date = rule.name in ("month day year", "day month year")
        if re.fullmatch(r"\d{4}-Q\d", value.value):
            self.quarter = value.value

    def word_before(self, start: int) -> str:
        match = re.search(r"([A-Za-z]+)\W*$", self.text[max(0, start - 30):start])
        return match.group(1).lower() if match else ""


_FUTURE_AUXILIARIES = {"will", "'ll", "ll", "shall", "wo", "going", "gon"}
_MODALS = {"should", "must"}  # "could", "might" are as often the past of "can", "may"
_PAST_AUXILIARIES = {"was", "were", "had", "did", "has", "have", "been"}
_PRESENT_AUXILIARIES = {"is", "are", "am", "'s", "'re", "be", "being"}


def _governing_verb(token):
    for _ in range(6):  # climb past prepositions and nouns to the verb of the clause
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head is token:
            return None
        token = token.head
    return None


def _verb_tense(verb) -> str | None:
    auxiliaries = {child.lower_ for child in verb.children if child.dep_ in ("aux", "auxpass")}
    if auxiliaries & _FUTURE_AUXILIARIES or auxiliaries & _MODALS:
        return "future"
    if "would" in auxiliaries:
        return None
    if verb.tag_ == "VB" and "to" in auxiliaries:
        return _infinitive_tense(verb)
    if verb.tag_ == "VBD" or auxiliaries & _PAST_AUXILIARIES:
        return "past"
    if verb.tag_ == "VBN":
        return "present" if auxiliaries & _PRESENT_AUXILIARIES else "past"
    if verb.tag_ in ("VBZ", "VBP"):
        return "present"
    return None  # participles ("closing unchanged Friday") take the tense of a story told in the past


def _infinitive_tense(verb) -> str:
    """"planned to leave on Thursday" looks ahead; "had been due to expire Friday" does not."""
    for ancestor in (verb.head, verb.head.head):
        auxiliaries = [c.lower_ for c in ancestor.children if c.dep_ in ("aux", "auxpass")]
        if ancestor.lower_ == "had" or "had" in auxiliaries:
            return "past"
    return "future"
