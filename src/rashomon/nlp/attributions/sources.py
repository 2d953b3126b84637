"""Who speaks: the source of a cue. Its subject, the agent of a passive, the subject of the verb it hangs
from, the sender of the message it carries, or the name the parse misplaced ("“…,” asked the boy",
"said Robert Reich, who …", "Trump predicts …", "Col. Steven Warren, a spokesman, said").
"""

from __future__ import annotations

from rashomon.nlp.attributions.coordinated import is_coordinated_cue
from rashomon.nlp.attributions.spans import Pieces, merge_spans, opens_sentence, subtree_span, trimmed
from rashomon.nlp.cues import (
    CLITIC_IS_OR_HAS, CLOSING_QUOTES, CONVINCED, CUE_FORMS, EXPERIENCER_FORMS, IMPERSONAL, INHERITS_SUBJECT, MESSAGES,
    NAME_AFTER_CUE_DEPS, NO_SOURCE, RUN_DEPS, TIMES,
)


def source_pieces(verb, text: str) -> Pieces:
    subject = subject_of(verb) or _inverted_subject(verb)
    if subject is not None:
        return source_span(subject, verb, text)
    run = _subject_run_into_cue(verb)
    if not run:
        return ()
    start = max(run[0].left_edge.idx, text.rfind("\n", 0, verb.idx) + 1)
    return trimmed(text, (start, run[-1].right_edge.idx + len(run[-1].right_edge.text)))


def _issuer(message):
    """"Black Lives Matter issued a statement saying …", "Forbes shot back in an article stating …": who
    sent the message it carries."""
    if message.lower_ not in MESSAGES:
        return None
    sender = message.head
    if message.dep_ == "pobj" and sender.lower_ == "in":
        sender = sender.head
    elif message.dep_ != "dobj":
        return None
    return next((c for c in sender.children if c.dep_ == "nsubj"), None)


def _inverted_subject(verb):
    """"“How big is that wall?” asked the boy": right after what is reported, the parser took the
    speaker after the cue for its object (or, "said Robert Reich, who … endorsed Sanders", for the
    subject of a clause of its own)."""
    if verb.i == 0 or verb.doc[verb.i - 1].pos_ != "PUNCT":
        return None
    if not any(c.dep_ in ("ccomp", "parataxis") and c.i < verb.i for c in verb.children):
        return _named_after_opening_cue(verb)
    clause = speaker_clause(verb)
    if clause is not None:
        return next(c for c in clause.children if c.dep_ == "nsubj")
    return next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i and c.pos_ in ("NOUN", "PROPN")), None)


def index(token) -> int | None:
    return None if token is None else token.i


def _named_after_opening_cue(verb):
    """"“Is Trump running against the party?” asked Mr. Manafort, referring to …": the quotation is a
    sentence of its own and the next opens with the cue; the name right after the cue (parsed as its
    object, or as an adverb: "said Skelly, explaining …") is the speaker."""
    if verb.i + 1 >= len(verb.doc) or not (opens_sentence(verb) or _right_after_quotation(verb)):
        return None
    name = verb.doc[verb.i + 1]
    while name.dep_ == "compound" and name.head.i > name.i:
        name = name.head
    if name.head.i != verb.i or name.dep_ not in NAME_AFTER_CUE_DEPS or not name.text[:1].isupper() \
            or name.pos_ == "PRON":
        return None
    return name


def _right_after_quotation(token) -> bool:
    """A closing quotation mark right before the word, or before the comma before it."""
    previous = token.i - 1
    if previous >= 1 and token.doc[previous].text == ",":
        previous -= 1
    return previous >= 0 and token.doc[previous].text in CLOSING_QUOTES


def speaker_clause(verb):
    """"“…,” said Robert Reich, who served as labor secretary yet endorsed Sanders": the parser made the
    speaker after the cue the subject of a clause of its own; that clause is who speaks, not what is said."""
    if verb.i == 0 or verb.doc[verb.i - 1].pos_ != "PUNCT" or \
            not any(c.dep_ in ("ccomp", "parataxis") and c.i < verb.i for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i and any(
        s.dep_ == "nsubj" and s.left_edge.i == verb.i + 1 and s.pos_ in ("NOUN", "PROPN") for s in c.children)), None)


def _subject_run_into_cue(cue) -> list:
    """"Trump predicts …", "About 4 in 10 say …", "Federal Election Commission records show": a parse
    that made the speaker a modifier of the cue word. The modifiers right before the cue are its subject."""
    if any(c.dep_ in ("nsubjpass", "auxpass") or (c.dep_ == "aux" and c.lower_ == "to") for c in cue.children):
        return []
    run, position = [], cue.i - 1
    for child in reversed([c for c in cue.children if c.i < cue.i]):
        nominal = child.pos_ in ("PROPN", "NOUN", "NUM") or child.dep_ == "compound"  # "records" tagged a verb
        if child.right_edge.i != position or child.dep_ not in RUN_DEPS or not nominal:
            break
        run.insert(0, child)
        position = child.left_edge.i - 1
    return run


def source_span(subject, cue, text: str) -> Pieces:
    """The subject's words; when the cue hangs inside the subject's phrase ("Trump, who said …",
    "results showing …"), the phrase without that clause."""
    if subject is None or subject.lower_ in NO_SOURCE:
        return ()
    inside = any(t.i == cue.i for t in subject.subtree)
    start, end = subtree_span(subject, exclude_deps=("relcl", "acl") if inside else ())
    if subject.idx < cue.idx:  # a parse run on from a headline or a timestamp line: the last line only
        start = max(start, text.rfind("\n", start, subject.idx) + 1)
    antecedent = _antecedent(subject)
    if antecedent is not None:  # "the F.B.I. report that suggested …": the report, and the word naming it
        return tuple(merge_spans([*source_span(antecedent, cue, text), *trimmed(text, (start, end))[:1]]))
    return trimmed(text, (start, end))[:1]


def _antecedent(pronoun):
    """What a relative pronoun subject stands for: "the report" in "the report that suggested …"."""
    clause = pronoun.head
    if pronoun.lower_ not in ("that", "which") or pronoun.dep_ not in ("nsubj", "nsubjpass") or \
            clause.dep_ != "relcl" or clause.head.pos_ not in ("NOUN", "PROPN"):
        return None
    return clause.head


def subject_of(verb):
    """Who does the saying: the active subject, the agent of a passive, else the subject of the verb
    a participle or infinitive hangs from ("…, adding that", "began by saying")."""
    if is_coordinated_cue(verb):
        reporter = next((a for a in verb.ancestors if CUE_FORMS.get(a.lower_) and a.pos_ == "VERB"), None)
        if reporter is not None and reporter.i < verb.i:  # "he says X and says Y": the first "says" speaks
            verb = reporter
    token = verb
    for _ in range(4):  # "…, adding that": advcl; "by talking about": pcomp, then its preposition
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "csubj")] or [
            c for aux in token.children if aux.dep_ in ("aux", "auxpass") and aux.i < token.i
            for c in aux.children if c.dep_ == "nsubj"]  # "Not everyone is convinced": on the auxiliary
        if subjects:  # two: "“Safety for all,” said Grimm", the quotation parsed as one; the speaker is last
            return subjects[-1]
        agent = next((c for c in token.children if c.dep_ == "agent"), None)
        if agent is not None:
            return next(iter(agent.children), None)
        passive_subject = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
        if passive_subject is not None:  # "we are being told": the subject heard it, it did not say it
            felt = token.lower_ in EXPERIENCER_FORMS or token.lower_ in CONVINCED  # "Not everyone is convinced"
            return passive_subject if felt or _has_not_is(token, passive_subject) else None
        if _infinitive_of_object(token):  # "taking pains to emphasize": who takes the pains
            token = token.head.head
            continue
        if token.dep_ == "acl" and _point_in_time(token.head):  # "at one point calling the mayor a liar"
            token = token.head.head
            continue
        if token.dep_ in ("relcl", "acl") and token.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return _issuer(token.head) or token.head  # "Trump, who said …", "polls showing …"
        if token.dep_ == "xcomp" and token.head.dep_ == "acomp":  # "voters are more likely to say"
            token = token.head
        if token.head.i == token.i:
            return _stranded_subject(token)
        if token is verb and _passive_participle(token):  # "offered a 'yes' when asked whether …": he was asked
            return None
        if token.dep_ not in INHERITS_SUBJECT:
            return None
        token = token.head
    return None


def _passive_participle(verb) -> bool:
    """A past participle of its own, without an auxiliary ("when asked whether", "Asked point-blank",
    "Pressed on the deal"): the subject of the clause it hangs from is who was asked, not who asked."""
    return verb.tag_ == "VBN" and verb.dep_ == "advcl" and not any(
        c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children)


def _point_in_time(noun) -> bool:
    return noun.dep_ == "pobj" and (noun.ent_type_ in TIMES or noun.lower_ in ("point", "time", "moment"))


def _infinitive_of_object(verb) -> bool:
    """"took pains to emphasize", "was the first Democrat to endorse Sanders": who takes, who is."""
    return verb.dep_ in ("acl", "relcl") and verb.head.dep_ in ("dobj", "attr") and \
        any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _has_not_is(verb, subject) -> bool:
    """"he's said the same thing", "he's said he'll fight": the parser read the "'s" as "is" (a passive);
    with a cue verb that goes on to say something, it is "has"."""
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return bool(auxiliaries) and all(a.lower_ in CLITIC_IS_OR_HAS for a in auxiliaries) \
        and subject.lower_ not in IMPERSONAL and CUE_FORMS.get(verb.lower_) is not None \
        and any(c.dep_ in ("dobj", "ccomp") for c in verb.children)


def _stranded_subject(verb):
    """"In a call on Dec. 2, Col. Steven Warren, a spokesman, said": the parser hung the speaker on the
    phrase before it as an apposition; the name right before the verb is its subject after all."""
    before = verb.i - 1
    while before >= verb.sent.start and verb.doc[before].pos_ in ("PUNCT", "ADV"):
        before -= 1
    if before < verb.sent.start:
        return None
    token = verb.doc[before]
    for ancestor in (token, *token.ancestors):
        if ancestor.i == verb.i:
            return None
        if ancestor.dep_ == "appos" and ancestor.pos_ == "PROPN":
            return ancestor
        if ancestor.dep_ == "appos" and ancestor.head.pos_ == "PROPN" and ancestor.head.i < ancestor.i:
            return ancestor.head  # "…, Senator Harry Reid, the minority leader, said": the name the title is of
    return None
