"""Resolving what was found: its kind (direct, indirect, mixed), the entity chain of who speaks
(``speakers``), and the date the words were spoken when a date modifies the cue.
"""

from __future__ import annotations

import re
from dataclasses import replace

from rashomon.nlp import text_of
from rashomon.nlp.attributions.speakers import speaker_chain
from rashomon.nlp.attributions.spans import FoundAttribution, Pieces
from rashomon.nlp.cues import MODIFIED_AFTER, MODIFIER_BEFORE
from rashomon.nlp.entities import ArticleEntities


def resolved(attribution: FoundAttribution, entities: ArticleEntities, quotations: Pieces, dates: tuple,
             doc) -> FoundAttribution:
    kind = _kind(attribution.content, quotations)
    named = _named_chain(attribution.source, entities, text_of(doc)) if attribution.source else None
    speaker = speaker_chain(attribution.source, entities, doc)
    spoken_on = attribution.spoken_on or _spoken_on(attribution, dates, doc)
    return replace(attribution, kind=kind, speaker_chain=speaker, named_chain=named, spoken_on=spoken_on)


def _kind(content: Pieces, quotations: Pieces) -> str:
    total = sum(end - start for start, end in content)
    quoted = sum(max(0, min(end, q_end) - max(start, q_start))
                 for start, end in content for q_start, q_end in quotations)
    if quoted >= 0.9 * total:
        return "direct"
    return "mixed" if quoted > 0 else "indirect"


def _named_chain(source: Pieces, entities: ArticleEntities, text: str) -> int | None:
    """The chain of a person or body named in the source, people first: what the confidence model was
    fitted to see (whether the source names someone), not who speaks (``speakers``)."""
    start, end = source[0][0], source[-1][1]
    inside = [m for m in entities.mentions if start <= m.start and m.end <= end and not _modifier(m, text, end)]
    people = [m for m in inside if m.label == "PERSON"]
    chosen = (people or inside)
    return chosen[-1].chain if chosen else None


def _modifier(mention, text: str, source_end: int) -> bool:
    """A name in the source that is not who speaks: "a Donald Trump supporter", "Hillary Clinton's
    campaign", "a spokesman for Hillary Clinton"."""
    after = MODIFIED_AFTER.match(text, mention.end, source_end)
    return after is not None or MODIFIER_BEFORE.search(text[max(0, mention.start - 12):mention.start]) is not None


def _spoken_on(attribution: FoundAttribution, dates: tuple, doc) -> str | None:
    """A date that modifies the cue: "On December 21, Putin said …", "told reporters on Thursday"; not a
    date elsewhere in the sentence ("she backs the 2010 Dodd-Frank law")."""
    if not attribution.cue:
        return None
    for date in dates:
        in_content = any(s <= date.start < e for s, e in attribution.content)
        if not in_content and date.kind == "DATE" and re.match(r"\d{4}|XXXX", date.value) \
                and _modifies(doc, date, attribution.cue):
            return date.value
    return None


def _modifies(doc, date, cue: Pieces) -> bool:
    """The first word above the date, past prepositions and the occasion they take ("on Thursday",
    "at Monday's rally", "in a statement Sunday"), is part of the cue."""
    span = doc.char_span(date.start, date.end, alignment_mode="expand")
    if span is None:
        return False
    for token in span.root.ancestors:
        if token.pos_ != "ADP" and token.dep_ != "pobj":
            return any(a <= token.idx < b for a, b in cue)
    return False
