"""Which words cue an attribution: the features the cue model reads, a word's form and its place in the parse.

The hand-made tables in ``cues`` know the common verbs of saying; news attributes far more than that
("seemed", "is expected to", "called for", "criticism of", "in a statement"). The cue model (a
``LogisticModel``, ``nlp/logistic.py``; the bundled one from ``models.cue_model()``) scores every word
that could be a cue from these features of the dependency parse, and was fitted on the PolNeAR training
split by ``rashomon train cues`` (see ``rashomon/train/cues.py``). Inference needs nothing but this
module and the weights file: a sum of weights and a logistic function.
"""

from __future__ import annotations

import bisect

from rashomon.nlp.cues import CUE_FORMS

CANDIDATE_POS = ("VERB", "AUX", "NOUN", "ADP", "ADJ", "PROPN", "ADV", "PUNCT")


def is_candidate(token) -> bool:
    return token.pos_ in CANDIDATE_POS and (token.pos_ != "PUNCT" or token.text == ":")


class QuotationIndex:
    """Whether a character position lies inside one of the article's quotations."""

    def __init__(self, quotations):
        self.spans = sorted(quotations)
        self.starts = [start for start, _ in self.spans]

    def inside(self, position: int) -> bool:
        index = bisect.bisect_right(self.starts, position) - 1
        return index >= 0 and self.spans[index][0] < position < self.spans[index][1]

    def touches(self, start: int, end: int, reach: int = 3) -> bool:
        """A quotation ends just before ``start`` or begins just after ``end``."""
        index = bisect.bisect_right(self.starts, end + reach) - 1
        for q_start, q_end in self.spans[max(0, index - 1):index + 1]:
            if 0 <= start - q_end <= reach or 0 <= q_start - end <= reach:
                return True
        return False


def cue_features(token, quotations: QuotationIndex, rule_cue: bool) -> list[str]:
    """The features of one candidate word: what it is, what governs it, what hangs from it."""
    doc, head, word = token.doc, token.head, token.lower_
    lemma = CUE_FORMS.get(word, "")
    children = list(token.children)
    deps = {child.dep_ for child in children}
    features = [
        f"w={word}", f"pos={token.pos_}", f"tag={token.tag_}", f"dep={token.dep_}", f"w|dep={word}|{token.dep_}",
        f"w|tag={word}|{token.tag_}", f"suffix={word[-3:]}", f"head={head.lower_}", f"head_pos={head.pos_}",
        f"dep|head_pos={token.dep_}|{head.pos_}", f"w|head={word}|{head.lower_}",
        f"prev={doc[token.i - 1].lower_ if token.i else '<s>'}",
        f"next={doc[token.i + 1].lower_ if token.i + 1 < len(doc) else '</s>'}",
        f"w|next={word}|{doc[token.i + 1].lower_ if token.i + 1 < len(doc) else '</s>'}",
    ]
    if lemma:
        features += [f"lemma={lemma}", f"lemma|dep={lemma}|{token.dep_}"]
    features += [f"child={dep}" for dep in deps]
    features += [f"w|child={word}|{dep}" for dep in deps & {"ccomp", "xcomp", "dobj", "nsubj", "prep", "agent",
                                                           "nsubjpass", "advcl", "acl", "pobj", "poss"}]
    features += [f"child_word={child.dep_}|{child.lower_}" for child in children
                 if child.dep_ in ("prep", "prt", "aux", "auxpass", "neg", "mark", "dative")]
    features += _subject_features(token, word)
    features.append(f"path={token.dep_}>{head.dep_}")
    if any(c.dep_ == "ccomp" and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children) for c in children):
        features += ["ccomp_with_subject", f"w|ccomp_with_subject={word}"]
    if token.dep_ in ("xcomp", "pcomp", "pobj", "acl", "advcl", "conj", "amod", "compound"):
        features.append(f"w|head={word}|{head.lower_}|{token.dep_}")
    if quotations.inside(token.idx):
        features.append("in_quotation")
    sentence = token.sent
    if quotations.touches(sentence.start_char, sentence.end_char):
        features.append("sentence_by_quotation")
    if any(quotations.inside(t.idx) for t in (sentence[0], sentence[-1])):
        features.append("sentence_quoted_edge")
    if rule_cue:
        features += ["rule_cue", f"rule_cue|pos={token.pos_}"]
    return features


def _subject_features(token, word: str) -> list[str]:
    """Who the word's subject (or, for a noun, its possessor) is: people and bodies make attributions."""
    subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass", "poss")), None)
    if subject is None:
        return ["no_subject"]
    kind = subject.ent_type_ or (f"PRON:{subject.lower_}" if subject.pos_ == "PRON" else subject.pos_)
    return [f"subject={kind}", f"w|subject={word}|{kind}"]

