"""Cues the cue model finds where the rules found none ("seemed", "is expected to", "called for",
"criticism of", "in a statement"): the words it scores as cues, and the content and source read around each.
"""

from __future__ import annotations

from rashomon.nlp.attributions.cue_features import QuotationIndex, cue_features, is_candidate
from rashomon.nlp.attributions.cue_verbs import clause_content, object_content, that_said
from rashomon.nlp.attributions.nesting import is_nested
from rashomon.nlp.attributions.quotations import (
    adjacent_quotation, inside_quotation, quotation_after_colon, widen_to_quotations,
)
from rashomon.nlp.attributions.sources import source_pieces, source_span, subject_of
from rashomon.nlp.attributions.spans import (
    FoundAttribution, Pieces, cue_pieces, merge_spans, subtree_span, trimmed, without,
)
from rashomon.nlp.cues import (
    ADDRESSED_PRONOUNS, COMPLEMENTS, CONTENT_PREPOSITIONS, DESCRIBED, EXPERIENCER_FORMS, LEANING_ON_HEAD,
    LIGHT_OBJECT_TOKENS, NOT_SPEAKERS, OBJECT_DEPS, OWN_REPORT_DEPS, RAISING, REFLEXIVES, RELATIVE_PRONOUNS,
    SENTENCE_WITHOUT_CUE_MARGIN, SOURCE_PREPOSITIONS, TIMES, VENUES,
)
from rashomon.nlp.logistic import LogisticModel


def from_learned_cues(doc, text: str, model: LogisticModel, quotations: Pieces, used: set,
                      found: list[FoundAttribution]) -> list[FoundAttribution]:
    """Attributions around the words the cue model scores as cues, where the rules found none."""
    claimed = [piece for attribution in found for piece in attribution.cue]
    index = QuotationIndex(quotations)
    cues = set()
    for sentence in doc.sents:
        scored = []
        for token in sentence:
            if not is_candidate(token):
                continue
            start, end = token.idx, token.idx + len(token.text)
            if any(a < end and start < b for a, b in claimed):
                scored = None  # the rules found a cue in this sentence
                break
            scored.append((model.probability(cue_features(token, index, False)), token.i))
        if scored is None:
            for token in sentence:
                start, end = token.idx, token.idx + len(token.text)
                if is_candidate(token) and not any(a < end and start < b for a, b in claimed) and \
                        model.probability(cue_features(token, index, False)) >= model.threshold:
                    cues.add(token.i)
            continue
        cues.update(i for p, i in scored if p >= model.threshold)
        best = max(scored, default=None)
        if best is not None and best[0] >= model.threshold - SENTENCE_WITHOUT_CUE_MARGIN:
            cues.add(best[1])  # a sentence with no cue yet: its likeliest word, if nearly likely enough
    learned = []
    for i in sorted(cues):
        token = doc[i]
        if token.head.i in cues and token.head.i != i and token.dep_ not in OWN_REPORT_DEPS:
            continue  # part of its head's cue: "called for", "criticism of"
        if any(_touches_pieces(doc[j], claimed) for j in (i - 1, i + 1) if 0 <= j < len(doc)):
            continue  # the rest of a cue the rules found: the colon of "said:"
        if that_said(token):
            continue
        if token.pos_ == "ADP" and token.head.i not in cues:
            continue  # "second-guessing about his schedule": a preposition alone cues nothing
        attribution = _around_learned_cue(token, text, quotations, used, cues)
        if attribution is not None:
            learned.append(attribution)
    return learned


def _touches_pieces(token, pieces) -> bool:
    start, end = token.idx, token.idx + len(token.text)
    return any(a < end and start < b for a, b in pieces)


def _around_learned_cue(word, text: str, quotations: Pieces, used: set, cues: set) -> FoundAttribution | None:
    # "is expected", "did not", "repeated accusations": the word leans on its head, which takes the
    # content and the source
    cue = word.head if word.dep_ in LEANING_ON_HEAD and word.head.pos_ in ("VERB", "AUX", "NOUN") else word
    felt = _felt(cue, text)
    if felt is not None:
        content, source = felt
        pieces = tuple(merge_spans([*cue_pieces(cue, text), (word.idx, word.idx + len(word.text))]))
        return FoundAttribution(content, pieces, source, kind="indirect", origin="learned")
    governor = _governing_verb(cue)
    content = (quotation_after_colon(cue, text, quotations, used)
               or clause_content(cue, text) or _through_light_object(cue, text) or _past_addressee(cue, text)
               or object_content(cue, text, OBJECT_DEPS)
               or _prepositional_content(cue, text) or adjacent_quotation(cue, text, quotations, used))
    if not content and governor is not cue:
        content = clause_content(governor, text) or adjacent_quotation(governor, text, quotations, used)
    parts = [t for t in cue.children if t.i in cues and t.dep_ not in OWN_REPORT_DEPS]
    for part in parts:  # "voiced criticism of the deal": what the noun takes
        content = _prepositional_content(part, text) or content
    if not content:
        if not _learned_source(cue, governor, text):
            return None
        sentence = (cue.sent.start_char, cue.sent.end_char)
        content = without(text, sentence, subtree_span(cue))
    if not content:
        return None
    if not inside_quotation(cue.idx, quotations):
        content = widen_to_quotations(content, quotations, used)
    words = [word, cue, *parts]
    pieces = tuple(merge_spans([*(cue_pieces(cue, text)), *((t.idx, t.idx + len(t.text)) for t in words)]))
    return FoundAttribution(content, pieces, _learned_source(cue, governor, text), kind="indirect",
                            origin="learned")


def _felt(verb, text: str) -> tuple[Pieces, Pieces] | None:
    """"The move has angered some Democrats", "Neither man was impressed by Mrs. Clinton": with a verb of
    feeling, who feels is the source and what they feel it about the content (content, source)."""
    if verb.lower_ not in EXPERIENCER_FORMS or verb.pos_ not in ("VERB", "ADJ"):
        return None
    felt_by = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    cause = next((g for c in verb.children if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")
                  for g in c.children if g.dep_ == "pobj"), None)
    if cause is not None and felt_by is None:  # "was impressed by Mrs. Clinton", "Schlafly, angered by …"
        feeler = next((c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj")), None)
        if feeler is None and verb.dep_ == "acl":
            feeler = verb.head
        source = source_span(feeler, verb, text) if feeler is not None else ()
        return trimmed(text, subtree_span(cause)), source
    if felt_by is None or passive:
        return None
    cause = next((c for c in verb.children if c.dep_ in ("nsubj", "csubj")), None)
    if verb.dep_ in ("relcl", "acl") and (cause is None or cause.lower_ in RELATIVE_PRONOUNS):
        cause = verb.head  # "her position, which has angered conservative Jews"
    if cause is None:
        return None
    return source_span(cause, verb, text), trimmed(text, subtree_span(felt_by))


def _through_light_object(cue, text: str) -> Pieces | None:
    """"took a shot at Clinton", "offered his condolences for the attack", "negotiated a deal to buy the
    site": a short common-noun object is part of the cue; what its preposition (or the infinitive after
    it) takes is the content."""
    obj = next((c for c in cue.children if c.dep_ == "dobj" and c.i > cue.i), None)
    if obj is None or obj.pos_ != "NOUN" or obj.ent_type_ or _words_but_times(obj) > LIGHT_OBJECT_TOKENS:
        return None
    return _prepositional_content(obj, text) or \
        _prepositional_content(cue, text, after=obj.i, deps=("prep", "dative")) or _infinitive_after(cue, obj, text)


def _words_but_times(phrase) -> int:
    """"a halting response on Tuesday": the phrase's words, not counting when."""
    return sum(1 for t in phrase.subtree if t.ent_type_ not in TIMES and not (
        t.dep_ == "prep" and any(c.ent_type_ in TIMES for c in t.children)))


def _infinitive_after(cue, obj, text: str) -> Pieces | None:
    for clause in (*obj.children, *cue.children):
        if clause.dep_ in ("advcl", "acl", "xcomp") and clause.i > obj.i and \
                any(c.dep_ == "aux" and c.lower_ == "to" and c.i < clause.i for c in clause.children):
            return trimmed(text, subtree_span(clause, with_mark=True))
    return None


def _past_addressee(cue, text: str) -> Pieces | None:
    """"asked Trump about his statements", "pressed her on the emails", "called Braynard “a smart guy”",
    "framed herself as the Plan B": the person is who was addressed or described; what follows is what
    was said."""
    obj = next((c for c in cue.children if c.dep_ == "dobj" and c.i > cue.i), None)
    if obj is None or not (obj.ent_type_ == "PERSON" or obj.lower_ in ADDRESSED_PRONOUNS + DESCRIBED):
        return None
    complement = next((c for c in cue.children if c.dep_ in COMPLEMENTS and c.i > obj.i), None)
    if complement is not None:
        return trimmed(text, subtree_span(complement))
    reflexive = obj.lower_ in REFLEXIVES  # "distanced himself from Bush": not who said it
    return _prepositional_content(cue, text, after=obj.i, also=("from",) if reflexive else ())


def _prepositional_content(cue, text: str, after: int | None = None, also: tuple = (),
                           deps: tuple = ("prep",)) -> Pieces | None:
    """"worried about the economy", "called for a ban", "criticism of the deal": what the preposition takes
    (not a time: "bragging for a year about …")."""
    for child in cue.children:
        if child.dep_ in deps and child.lower_ in (*CONTENT_PREPOSITIONS, *also) and child.i > (after or cue.i):
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objects and child.lower_ in ("at", "on") and _venue(objects[0]):
                continue  # "posted on Facebook", "spoke at the Democratic National Convention": where, not what
            if objects and objects[0].ent_type_ not in TIMES:
                return trimmed(text, subtree_span(objects[0]))
    return None


def _venue(phrase) -> bool:
    return phrase.ent_type_ in VENUES or phrase.lower_ == "media"


def _governing_verb(token):
    """The verb a noun or preposition cue belongs to: "voiced *criticism*", "*in* a statement, she wrote"."""
    current = token
    for _ in range(3):
        if current.pos_ in ("VERB", "AUX") or current.head.i == current.i:
            return current
        current = current.head
    return current


def _learned_source(cue, governor, text: str) -> Pieces:
    for child in cue.children:
        if child.dep_ == "poss":  # "Trump's criticism"
            return trimmed(text, subtree_span(child))
        if child.dep_ == "prep" and child.lower_ in SOURCE_PREPOSITIONS and not _reflexive_object(cue) \
                and not _active_subject(cue):  # "He raised money from small donors": he raised it
            objects = [c for c in child.children if c.dep_ == "pobj" and not _measure_or_place(c)]
            if objects:
                return trimmed(text, subtree_span(objects[0]))
    verb = cue if cue.pos_ in ("VERB", "AUX", "ADJ") else governor
    if verb.lower_ in RAISING or _impersonal_it(verb):
        return ()  # "Trump seemed to …": the subject is part of what is reported, nobody reports it
    return source_pieces(verb, text)


def _active_subject(verb) -> bool:
    return verb.pos_ in ("VERB", "AUX") and any(c.dep_ == "nsubj" for c in verb.children)


def _impersonal_it(verb) -> bool:
    """"It is far from certain that …", "it's impossible to talk about …": nobody holds the view."""
    subject = subject_of(verb)
    return subject is not None and subject.lower_ == "it" and \
        any(c.dep_ == "acomp" for c in subject.head.children)


def _measure_or_place(phrase) -> bool:
    """"back him by almost 20 points", "shouted from Pennsylvania Avenue": no one who says anything."""
    return any(t.like_num or t.ent_type_ in NOT_SPEAKERS for t in phrase.subtree)


def _reflexive_object(verb) -> bool:
    return any(c.dep_ == "dobj" and c.lower_ in REFLEXIVES for c in verb.children)


def not_restating(learned: list[FoundAttribution], found: list[FoundAttribution]) -> list[FoundAttribution]:
    """A learned cue whose content overlaps what the rules already attributed reads the same words a
    second time, and is dropped: when neither is nested in the other, and when each is nested in the
    other ("The Times said Cook provided a written statement": "statement" would take the whole
    sentence, "said" with it)."""
    kept = []
    for attribution in learned:
        clash = any(_overlap(attribution.content, other.content)
                    and is_nested(attribution, [other]) == is_nested(other, [attribution]) for other in found)
        if not clash:
            kept.append(attribution)
    return kept


def _overlap(first: Pieces, second: Pieces) -> bool:
    return any(a < d and c < b for a, b in first for c, d in second)
