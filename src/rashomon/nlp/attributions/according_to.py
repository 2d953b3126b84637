""""According to X, …" and polls ("In a national CNN/ORC poll, 31% of Republicans said …", "He fell to 10
percent in the latest CNN/ORC poll"): the source reports the sentence, or the clause the poll hangs from.
"""

from __future__ import annotations

from rashomon.nlp.attributions.quotations import inside_quotation
from rashomon.nlp.attributions.spans import FoundAttribution, Pieces, opens_sentence, subtree_span, trimmed, without
from rashomon.nlp.cues import CUE_FORMS, POLLS


def from_according_to(token, text: str, quotations: Pieces) -> FoundAttribution | None:
    if token.lower_ != "according" or token.i + 1 >= len(token.doc) or token.doc[token.i + 1].lower_ != "to":
        return None
    if inside_quotation(token.idx, quotations):
        return None  # "“… exactly according to the way we are supposed to,” she said": quoted, not quoting
    to = token.doc[token.i + 1]
    objects = [c for c in list(to.children) + list(token.children) if c.dep_ == "pobj"]
    if not objects:
        return None
    source = trimmed(text, subtree_span(objects[0]))
    phrase = (token.idx, source[0][1])
    sentence = (token.sent.start_char, token.sent.end_char)
    content = without(text, sentence, phrase)
    if not content:
        return None
    return FoundAttribution(content, ((token.idx, to.idx + len(to.text)),), source, kind="indirect",
                            origin="according_to")


def from_in_a_poll(token, text: str, quotations: Pieces) -> FoundAttribution | None:
    """"In a national CNN/ORC poll released Monday, 31% of Republicans said …": the poll reports the
    sentence (as with "according to")."""
    if token.lower_ != "in" or not opens_sentence(token) or inside_quotation(token.idx, quotations):
        return None
    poll = next((c for c in token.children if c.dep_ == "pobj" and c.lower_ in POLLS), None)
    if poll is None:
        return None
    source = trimmed(text, subtree_span(poll))
    after = token.right_edge.i + 1
    if not source or after >= len(token.doc) or token.doc[after].text != ",":
        return None
    last = next(t for t in reversed(token.sent) if not t.is_punct or t.i <= after)
    content = trimmed(text, (token.doc[after].idx + 1, last.idx + len(last.text)))
    if not content:
        return None
    return FoundAttribution(content, ((token.idx, token.idx + len(token.text)),), source, kind="indirect",
                            origin="poll")


def from_poll_phrase(token, text: str, quotations: Pieces) -> FoundAttribution | None:
    """"He fell to 10 percent in the latest CNN/ORC poll", "Clinton's lead in a CBS News poll has evaporated":
    the poll reports the clause (or the noun phrase) its "in" hangs from."""
    if token.lower_ != "in" or opens_sentence(token) or inside_quotation(token.idx, quotations):
        return None
    poll = next((c for c in token.children if c.dep_ == "pobj"), None)
    if poll is None or not (poll.lower_ in POLLS or (poll.lower_ == "average" and any(
            t.lower_ in POLLS for t in poll.subtree))) or not _named_poll(poll):
        return None
    head = token.head
    if head.pos_ == "NOUN" and head.dep_ == "dobj":  # "Trump has a decisive lead in a Fox poll"
        head = head.head
    if not (head.pos_ in ("VERB", "AUX") or head.pos_ == "NOUN" and head.dep_ == "nsubj") or \
            any(CUE_FORMS.get(t.lower_) for t in (head, *head.ancestors)):
        return None  # "voters said in a poll": the verb reports, the poll is where
    start, end = subtree_span(head)
    subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and subject.i < head.i:  # "In the fall of 2007, Clinton held …": from the subject
        start = subject.left_edge.idx
    content = without(text, (start, end), subtree_span(token))
    if not content:
        return None
    return FoundAttribution(content, ((token.idx, token.idx + len(token.text)),),
                            trimmed(text, subtree_span(poll, exclude_deps=("appos",))), kind="indirect",
                            origin="poll")


def _named_poll(poll) -> bool:
    """"a CNN national poll", "the latest NBC News/Wall Street Journal poll", "the same poll": one poll
    that can be looked up, not the polls in general ("slid in the polls")."""
    return any(c.dep_ in ("compound", "nmod") or c.pos_ == "PROPN" or c.lower_ in ("a", "an", "same")
               or c.dep_ == "prep" and c.lower_ == "of" for c in poll.children)
