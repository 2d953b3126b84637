"""Two reports in one sentence ("…, and says …", "…, while 22 percent said …", "…, insisting that …"):
where the first one's content stops, and when the second shares the first one's speaker.
"""

from __future__ import annotations

from rashomon.nlp.attributions.quotations import inside_quotation
from rashomon.nlp.attributions.spans import Pieces, trimmed
from rashomon.nlp.cues import CONTRASTING, COORDINATION, CUE_FORMS


def before_coordinated_cue(verb, content: Pieces, quotations: Pieces, text: str) -> Pieces:
    """"says the response was to break them up and says he introduced a bill": the parse hangs the second
    "says" inside the first content; the content stops where the second report (or "according to") starts."""
    start, end = content[0][0], content[-1][1]
    for token in verb.doc[verb.i + 1:]:
        if token.idx >= end:
            break
        according = token.lower_ == "according" and token.i + 1 < len(token.doc) and token.nbor().lower_ == "to"
        if token.idx > start and (according or _is_following_report(token)) \
                and not inside_quotation(token.idx, quotations):
            cut = token.idx if according else token.left_edge.idx
            cut = start + COORDINATION.search(text[start:cut]).start()
            return tuple(piece for a, b in content if a < cut for piece in trimmed(text, (a, min(b, cut))))
    return content


def _is_following_report(token) -> bool:
    """A report that follows the first instead of being part of what it reports: "…, and says …",
    "…, while 22 percent said …", "…, insisting that …"."""
    if token.pos_ != "VERB" or CUE_FORMS.get(token.lower_) is None:
        return False
    if token.dep_ == "conj":
        return True
    return token.dep_ == "advcl" and (token.tag_ == "VBG" or any(
        c.dep_ == "mark" and c.lower_ in CONTRASTING or c.dep_ == "aux" and c.lower_ == "having"  # "having said"
        for c in token.children))


def is_coordinated_cue(token) -> bool:
    """A following report with no subject of its own ("…, and says", "…, insisting"): it shares the first
    report's speaker."""
    return _is_following_report(token) and not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
