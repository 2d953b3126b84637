"""The attribution record and the spans it is made of: character pieces read off parse tokens.

An attribution is three tuples of ``(start, end)`` character pieces (content, cue, source) and what was
resolved from them. The helpers here take a token's subtree as a span, trim its edges, cut a hole out of
it, merge pieces, and give a cue verb its pieces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rashomon.nlp.cues import CUE_MODIFIERS, EDGE

Pieces = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class FoundAttribution:
    content: Pieces
    cue: Pieces
    source: Pieces
    kind: str  # direct, indirect, mixed
    speaker_chain: int | None = None  # who speaks (``speakers``): a person or body, or None (unattributed)
    named_chain: int | None = None  # a name in the source, whoever it is: what the confidence model reads
    spoken_on: str | None = None  # the TimeML value of the date the words were spoken, when given
    origin: str = "rule"  # what found it: rule (a verb of saying), learned (the cue model), according_to, poll, headline
    confidence: float | None = None  # that the source is right, from the confidence model (None: not judged)


def subtree_span(token, with_mark: bool = False, exclude_deps: tuple = ()) -> tuple[int, int]:
    tokens = _run_around(token, [t for t in token.subtree if not any(
        a.dep_ in exclude_deps and a.head.i == token.i for a in [t, *t.ancestors] if a.i != token.i)]) \
        if exclude_deps else list(token.subtree)
    if not with_mark:
        tokens = [t for t in tokens if not (t.dep_ == "mark" and t.head.i == token.i and t.i == tokens[0].i)] or tokens
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    return start, end


def _run_around(token, kept: list) -> list:
    """Of the ``kept`` tokens, the unbroken run through ``token``: "Schlafly, angered by …, founded" keeps
    "Schlafly", not the comma after the clause left out."""
    positions = {t.i for t in kept}
    first = last = token.i
    while first - 1 in positions:
        first -= 1
    while last + 1 in positions:
        last += 1
    return [t for t in kept if first <= t.i <= last]


def trimmed(text: str, span: tuple[int, int]) -> Pieces:
    start, end = span
    while start < end and text[start] in EDGE:
        start += 1
    while end > start and text[end - 1] in EDGE:
        end -= 1
    return ((start, end),) if end > start else ()


def without(text: str, outer: tuple[int, int], hole: tuple[int, int]) -> Pieces:
    """``outer`` with ``hole`` cut out: "The economy, he said, is strong" → two pieces."""
    pieces = trimmed(text, (outer[0], min(hole[0], outer[1]))) + trimmed(text, (max(hole[1], outer[0]), outer[1]))
    return tuple(p for p in pieces if len(re.findall(r"\w+", text[p[0]:p[1]])) >= 2)


def merge_spans(pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans joined where they touch or are one character apart."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(pieces):
        if merged and start <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def without_overlaps(found: list[FoundAttribution]) -> list[FoundAttribution]:
    """Two cues claiming the same content ("said … adding"): the first, outermost one is kept."""
    kept: list[FoundAttribution] = []
    for attribution in found:
        start, end = attribution.content[0][0], attribution.content[-1][1]
        clash = next((k for k in kept if k.content[0][0] == start and k.content[-1][1] == end), None)
        if clash is None:
            kept.append(attribution)
    return kept


def cue_pieces(verb, text: str) -> Pieces:
    """The verb with its auxiliaries and particle ("has said", "pointed out"), and for "told" whom."""
    modifiers = [c for c in verb.children if c.dep_ in CUE_MODIFIERS and abs(c.i - verb.i) <= 2]
    words = [verb, *modifiers]
    pieces = [(min(t.idx for t in words), max(t.idx + len(t.text) for t in words))]
    if verb.lower_ in ("told", "tell", "tells", "telling"):
        pieces += [subtree_span(c) for c in verb.children if c.dep_ in ("dobj", "dative") and c.i > verb.i]
    return tuple(merge_spans(pieces))


def opens_sentence(token) -> bool:
    return all(t.is_punct for t in token.sent if t.i < token.i)
