"""Verbs of saying and their content: "said that …", "told the agency that …", "“…,” police said", "made
it clear that …", and what a verb of stance or of naming takes ("supported Crist", "called the show “…”").
"""

from __future__ import annotations

import re

from rashomon.nlp.attributions.coordinated import before_coordinated_cue
from rashomon.nlp.attributions.quotations import (
    adjacent_quotation, inside_quotation, widen_to_quotations, within_quotation,
)
from rashomon.nlp.attributions.sources import index, source_pieces, speaker_clause
from rashomon.nlp.attributions.spans import (
    FoundAttribution, Pieces, cue_pieces, merge_spans, opens_sentence, subtree_span, trimmed, without,
)
from rashomon.nlp.cues import (
    ASKING, CUE_FORMS, MAKE, MIN_CONTENT_WORDS, NAMING, NO_OBJECT_CONTENT, PARENTHETICAL_TOKENS, PLAIN, STANCE,
    TAIL_DEPS, TAIL_LEMMAS, TAIL_WORDS, TIMES,
)


def _made_clear(token, text: str) -> FoundAttribution | None:
    """"Biden made it clear that …", "She made plain that …": the cue is the whole phrase, the content the
    clause after it."""
    if token.lower_ not in MAKE or token.pos_ not in ("VERB", "AUX"):
        return None
    plain = next((c for c in token.children if c.lower_ in PLAIN and c.dep_ in ("ccomp", "oprd", "acomp", "xcomp")
                  and c.i > token.i), None)
    if plain is None:
        return None
    clause = next((c for c in (*plain.children, *token.children) if c.dep_ in ("ccomp", "advcl") and c.i > plain.i),
                  None)
    if clause is None:
        return None
    content = trimmed(text, subtree_span(clause, with_mark=True))
    cue = tuple(merge_spans([*cue_pieces(token, text), (token.idx, plain.idx + len(plain.text))]))
    return FoundAttribution(content, cue, source_pieces(token, text), kind="indirect") if content else None


def from_cue_verb(token, text: str, quotations: Pieces, used: set) -> FoundAttribution | None:
    if that_said(token):
        return None
    made_clear = _made_clear(token, text)
    if made_clear is not None:
        return made_clear
    lemma = CUE_FORMS.get(token.lower_)
    if lemma is None or token.pos_ not in ("VERB", "AUX"):
        return None
    if lemma in NAMING:
        content = _naming_content(token, text)
    elif lemma in STANCE:
        content = clause_content(token, text) or object_content(token, text)
    else:
        content = (clause_content(token, text) or adjacent_quotation(token, text, quotations, used)
                   or _reporting_tail(token, text, lemma))
        if not content and lemma not in NO_OBJECT_CONTENT:
            content = object_content(token, text, ("dobj",))  # "Holder announced his resignation"
    if not content:
        return None
    if len(re.findall(r"\w+", " ".join(text[a:b] for a, b in content))) < MIN_CONTENT_WORDS:
        return None  # "adding that": no content of its own
    if not inside_quotation(token.idx, quotations):  # a cue inside a quotation is quoted, not quoting
        content = before_coordinated_cue(token, widen_to_quotations(content, quotations, used), quotations, text)
    else:  # and what it reports stays inside the quotation: "''He says what everyone wants,'' Moody said"
        content = within_quotation(content, token.idx, quotations, text)
    if not content:
        return None
    cue = cue_pieces(token, text)
    source = source_pieces(token, text)
    return FoundAttribution(content, cue, source, kind="indirect")


def that_said(token) -> bool:
    """"That said, Millennials say …": a turn of phrase, not a report."""
    doc, i = token.doc, token.i
    return token.lower_ == "said" and 1 <= i < len(doc) - 1 and doc[i + 1].text == "," and \
        doc[i - 1].lower_ in ("that", "this") and opens_sentence(doc[i - 1])


def clause_content(verb, text: str) -> Pieces | None:
    """"said that …", "told the agency that …", "said the talks would fail": the complement clause."""
    # a clause after the verb before one before it: "It was no abstract concern: Trump had declared that …";
    # but not one behind a phrase of the verb's: "“He views Russia …,” Manafort said on ''Face the Nation''"
    for child in sorted(verb.children, key=lambda c: 1 if c.i < verb.i else 0 if _right_after(c, verb) else 2):
        if child.dep_ in ("ccomp", "xcomp") and (not _is_bare_infinitive(child) or _tells_to(verb)) \
                and not _clause_before_semicolon(child, verb, text) and child.i != index(speaker_clause(verb)):
            return _closing_mark_kept(text, trimmed(text, subtree_span(child, with_mark=True)))
    for child in verb.children:  # "asked the senator if he …", the question parsed as a condition
        if child.dep_ == "advcl" and child.i > verb.i and CUE_FORMS.get(verb.lower_) in ASKING \
                and any(m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in child.children):
            return trimmed(text, subtree_span(child, with_mark=True))
    for child in verb.children:  # "called for her messages to be made public", parsed as a purpose clause
        if child.dep_ == "advcl" and child.i > verb.i and _for_to(child):
            return trimmed(text, subtree_span(child))
    for child in verb.children:  # "McCain says the movement … appeals to …", parsed as an object
        if child.dep_ == "dobj" and child.i > verb.i and _is_clause_like(child):
            return trimmed(text, subtree_span(child))
    # "The economy, he said, is strong" and "“…,” Stoltenberg said": a short cue clause hanging off
    # the content it introduces (a long one is an attribution of its own inside the other's content)
    head = verb.head
    if verb.dep_ in ("parataxis", "ccomp") and head.i != verb.i and len(list(verb.subtree)) <= PARENTHETICAL_TOKENS \
            and CUE_FORMS.get(head.lower_) is None:
        return without(text, subtree_span(head), subtree_span(verb))
    return None


def _reporting_tail(verb, text: str, lemma: str) -> Pieces | None:
    """"…, police said." and "…, said Geert Wilders, founder of …": a report that closes its sentence
    takes what comes before the comma, also when the parse hung that part elsewhere (an adverbial clause,
    a second subject, a loose dependent)."""
    sentence, doc = verb.sent, verb.doc
    if lemma not in TAIL_LEMMAS or any(c.lower_ == "so" for c in verb.children):
        return None  # "…, neither side would say so."
    if verb.dep_ != "ROOT" or any(c.dep_ not in TAIL_DEPS and not (c.dep_ == "dobj" and lemma in NO_OBJECT_CONTENT)
                                  for c in verb.children if c.i > verb.i):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i > verb.i), None)
    if subject is None:  # "…, police said.": the subject stands right before the verb
        subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
        if subject is None or any(t.pos_ not in ("ADV", "AUX", "PART") for t in doc[subject.i + 1:verb.i]):
            return None
        opening = subject.left_edge.i
    else:  # "…, said Geert Wilders.": the verb opens the clause
        opening = verb.i
        while opening - 1 > sentence.start and doc[opening - 1].pos_ in ("ADV", "AUX"):
            opening -= 1
    while opening - 1 > sentence.start and doc[opening - 1].is_quote:  # "“Apparently not,“ he said."
        opening -= 1
    comma = opening - 1
    if comma < sentence.start or doc[comma].text != "," or comma == 0:
        return None
    # the sentence splitter may cut before ", he said.": the report is then the sentence before
    first = doc[comma - 1].sent.start if comma == sentence.start else sentence.start
    spoken_by = {t.i for t in subject.subtree} if subject.i > verb.i else set()
    if first == comma or sum(1 for t in doc[verb.i + 1:sentence.end]
                             if not (t.is_punct or t.is_space) and t.i not in spoken_by) > TAIL_WORDS:
        return None  # "…, she joked about moving to New Zealand": the sentence goes on
    opener = next((t for t in doc[first:comma] if not t.is_punct), doc[first])
    if opener.pos_ in ("ADP", "ADV", "SCONJ") and not any(t.pos_ in ("VERB", "AUX") for t in doc[first:comma]):
        return None  # "In the past several weeks, the contest has clarified": no clause, no report
    return trimmed(text, (doc[first].idx, doc[comma].idx)) or None


def _for_to(clause) -> bool:
    """"for Trump to drop out": a clause opened by "for" with an infinitive."""
    children = list(clause.children)
    return any(c.dep_ == "mark" and c.lower_ == "for" for c in children) and \
        any(c.dep_ == "aux" and c.lower_ == "to" for c in children)


def _right_after(clause, verb) -> bool:
    """The clause follows the verb with no phrase of the verb's in between ("said on CBS's …")."""
    return clause.i > verb.i and not any(c.dep_ in ("prep", "npadvmod") and verb.i < c.i < clause.left_edge.i
                                         for c in verb.children)


def _clause_before_semicolon(clause, verb, text: str) -> bool:
    """"Most voters say they are paying attention; 26 percent say they are not" and "The party has taken
    its own measures: its board passed a resolution …": the parse hangs the first clause on the second
    verb, but a semicolon or a colon ends what the second one reports."""
    between = text[subtree_span(clause)[1]:verb.idx]
    return clause.i < verb.i and (";" in between or ":" in between)


def object_content(verb, text: str, deps: tuple[str, ...] = ("dobj", "xcomp")) -> Pieces | None:
    """What a stance verb takes: "supported Charlie Crist", "pledged to oppose legal status"."""
    for child in verb.children:
        if child.dep_ in deps and child.i > verb.i and child.ent_type_ not in TIMES:  # not "promised Monday"
            return trimmed(text, subtree_span(child))
    return None


def _naming_content(verb, text: str) -> Pieces | None:
    """"called the show “the conservative news show of record”": from the object to the name given."""
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    name = next((c for c in verb.children if c.dep_ in ("oprd", "xcomp", "ccomp", "attr") and c.i > verb.i), None)
    if obj is None or name is None:
        return clause_content(verb, text)
    return trimmed(text, (subtree_span(obj)[0], subtree_span(name)[1]))


def _closing_mark_kept(text: str, pieces: Pieces) -> Pieces:
    """The parser hangs a closing quotation mark on the main verb: give it back to the content."""
    if not pieces:
        return pieces
    start, end = pieces[-1]
    opened = sum(text[start:end].count(mark) for mark in "“«„") - sum(text[start:end].count(m) for m in "”»")
    if opened > 0 and end < len(text) and text[end] in "”»\"":
        return (*pieces[:-1], (start, end + 1))
    return pieces


def _is_clause_like(token) -> bool:
    subtree = list(token.subtree)
    return len(subtree) >= 6 and any(t.pos_ in ("VERB", "AUX") for t in subtree)


def _tells_to(verb) -> bool:
    """"told Bush to quiet down", "urged voters to turn out": an infinitive that reports what was said."""
    return CUE_FORMS.get(verb.lower_) in ("tell", "ask", "urge", "warn", "advise") and \
        any(c.dep_ in ("dobj", "dative") for c in verb.children)


def _is_bare_infinitive(token) -> bool:
    """"wants to go" is an intention, not a report: an xcomp with "to" and no subject of its own."""
    return token.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
