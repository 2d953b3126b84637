"""Quotations beside a cue: the quotation a cue introduces (before it, after it, after a colon), and a
content kept inside, or widened to, the quotation it lies in.
"""

from __future__ import annotations

from rashomon.nlp.attributions.spans import Pieces, cue_pieces, subtree_span, trimmed
from rashomon.nlp.cues import COLON_REACH, INTRO, QUOTE_GAP


def adjacent_quotation(verb, text: str, quotations: Pieces, used: set) -> Pieces | None:
    """A quotation that ends just before the cue's clause or starts just after the cue."""
    # not a "subject" inside the quotation: "“Safety for the whole country,” said Grimm"
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i
                    and not inside_quotation(c.idx, quotations)), None)
    clause_start = subtree_span(subject)[0] if subject is not None else verb.idx
    cue_end = max(end for _, end in cue_pieces(verb, text))  # "telling the crowd, “…”": after whom
    for start, end in quotations:
        if (start, end) in used:
            continue
        if end <= clause_start and QUOTE_GAP.match(text[end:clause_start]) and "\n" not in text[end:clause_start] \
                and (not _ends_sentence(text, start, end) or _bare_cue_clause(verb)):
            return ((start, end),)
        gap = text[cue_end:start]
        if start >= cue_end and INTRO.match(gap) is not None and (len(gap) <= 3 or gap.strip() == ":"):
            return ((start, end),)  # "said “…”", and "said:" with the quotation in the next paragraph
    return None


def quotation_after_colon(cue, text: str, quotations: Pieces, used: set) -> Pieces | None:
    """"Vulture put it: “Hello, it's the Biebs.”": a short cue clause closed by a colon introduces the
    quotation after it."""
    end = cue.idx + len(cue.text)
    colon = text.find(":", end, min(len(text), end + COLON_REACH))
    if colon < 0 or colon >= cue.sent.end_char or any(mark in text[end:colon] for mark in ".?!“\"”"):
        return None
    for start, stop in quotations:
        if (start, stop) not in used and colon < start and not text[colon + 1:start].strip():
            return ((start, stop),)
    return None


def _ends_sentence(text: str, start: int, end: int) -> bool:
    """“… the end.” He said: a quotation closed by a full stop is not the object of the next clause."""
    return text[start:end].rstrip("”»\"’' ").endswith(".")


def _bare_cue_clause(verb) -> bool:
    """“… are missing.” Trump said. — nothing but the speaker and the verb: the clause is the quote's cue."""
    after = [t for t in verb.doc[verb.i + 1:verb.sent.end] if not t.is_punct]
    return not after and verb.dep_ == "ROOT"


def within_quotation(content: Pieces, position: int, quotations: Pieces, text: str) -> Pieces:
    start, end = next((q for q in quotations if q[0] < position < q[1]), (0, len(text)))
    while end > start and text[end - 1] in "”»\"’'":  # the closing marks are the quotation's, not the content's
        end -= 1
    return tuple(piece for a, b in content if a < end and b > start
                 for piece in trimmed(text, (max(a, start), min(b, end))))


def inside_quotation(position: int, quotations: Pieces) -> bool:
    return any(start < position < end for start, end in quotations)


def widen_to_quotations(content: Pieces, quotations: Pieces, used: set) -> Pieces:
    """A content inside a quotation is the whole quotation, marks and following sentences included."""
    if len(content) != 1:
        return content
    start, end = content[0]
    for q_start, q_end in quotations:
        inside = q_start <= start + 2 and end - 2 <= q_end
        if inside and (q_end - q_start) >= (end - start):
            used.add((q_start, q_end))
            return ((q_start, q_end),)
    for q_start, q_end in quotations:
        if start <= q_start and q_end <= end:
            used.add((q_start, q_end))
    return content
