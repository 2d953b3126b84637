"""Attributions inside others: one whose cue lies in another one's content ("Sims said Haley said she
backed Rubio") is nested, the rest are the top level; and a relative clause set off by a comma ("…, which
he called “a cartel”") reports on its own and is taken out of the other one's content.
"""

from __future__ import annotations

from dataclasses import replace

from rashomon.nlp.attributions.spans import FoundAttribution, subtree_span, without
from rashomon.nlp.cues import CLAUSE_CLIMB, OWN_CLAUSES, RELATIVE_WH, SET_OFF


def is_nested(attribution: FoundAttribution, others: list[FoundAttribution]) -> bool:
    """Its cue lies inside what another attribution reports: "Sims said Haley said she backed Rubio"."""
    start = attribution.cue[0][0] if attribution.cue else attribution.content[0][0]
    return any(other is not attribution and any(a <= start < b for a, b in other.content) for other in others)


def apart_from_relative_clauses(doc, text: str, found: list[FoundAttribution]) -> list[FoundAttribution]:
    """"DeSantis said he backs a bill against accreditation bodies, which he called “a cartel”": a cue in a
    relative clause set off by a comma makes an attribution of its own, and the clause is not part of
    what the other reports."""
    clauses = [clause for clause in (_relative_clause(doc, text, a.cue[0][0]) for a in found if a.cue) if clause]
    if not clauses:
        return found
    result = []
    for attribution in found:
        for hole in clauses:
            inside = [piece for piece in attribution.content if piece[0] <= hole[0] and hole[1] <= piece[1] + 1]
            if inside and not any(a < hole[1] and hole[0] < b for a, b in attribution.cue):
                kept = [piece for piece in attribution.content if piece != inside[0]]
                content = tuple(sorted([*kept, *without(text, inside[0], hole)]))
                if content:
                    attribution = replace(attribution, content=content)
        result.append(attribution)
    return result


def _relative_clause(doc, text: str, position: int) -> tuple[int, int] | None:
    """The span from the comma (or dash) before a non-restrictive relative clause ("…, which he called …")
    to the clause's end, when the word at ``position`` belongs to it. (Adverbial clauses set off the same
    way, "…, having suggested that …", were tried: source F1 rose on one training half and fell on the other.)"""
    span = doc.char_span(position, position + 1, alignment_mode="expand")
    if span is None:
        return None
    clause = span[0]
    for _ in range(CLAUSE_CLIMB):
        if clause.dep_ in OWN_CLAUSES:
            break
        clause = clause.head
    if clause.dep_ not in OWN_CLAUSES or clause.i < clause.head.i:
        return None
    start, end = subtree_span(clause, with_mark=True)
    before = text[:start].rstrip()
    if clause.dep_ == "relcl" and doc[clause.left_edge.i].lower_ not in RELATIVE_WH:
        return None
    mark = next((m for m in SET_OFF if before.endswith(m)), None)
    if mark is None:
        return None
    return len(before) - len(mark), end


def top_level(attributions: list[FoundAttribution]) -> list[FoundAttribution]:
    return [a for a in attributions if not is_nested(a, attributions)]
