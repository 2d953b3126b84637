"""Which person a pronoun refers to: "he", "his", "she" join the chain of the one person they clearly
mean, and none otherwise ("Putin met Biden. He said …" is left alone)."""

from __future__ import annotations

from dataclasses import dataclass

from rashomon.nlp import text_of
from rashomon.nlp.aliases import PERSON_PRONOUNS
from rashomon.nlp.mentions import SUBJECT_DEPS, FoundMention, sentence_index, sentence_of_char
from rashomon.nlp.sentences import quotation_spans

_PRONOUN_LOOKBACK_SENTENCES = 3


def resolved_pronouns(doc, mentions: list[FoundMention]) -> list[FoundMention]:
    """Person pronouns that clearly refer to one person, in text order (an earlier pronoun, resolved or
    not, counts when a later one looks back)."""
    sentence_of = sentence_index(doc)
    quoted = quotation_spans(text_of(doc))
    people = [_Referent(m, sentence_of_char(doc, m.start, sentence_of), _inside(m.start, quoted), _clause_of(doc, m))
              for m in mentions if m.label == "PERSON" and m.chain >= 0 and not _modifies_a_noun(doc, m)]
    quoted_sentences = {number for number, sentence in enumerate(doc.sents)
                        if any(start <= sentence.start_char and sentence.end_char <= end + 1 for start, end in quoted)}
    found = []
    for token in doc:
        if token.lower_ not in PERSON_PRONOUNS:
            continue
        looked_at = _sentences_back(sentence_of[token.i], quoted_sentences)
        chain = _antecedent(token, people, looked_at, _inside(token.idx, quoted))
        mention = FoundMention(token.idx, token.idx + len(token.text), token.text, "PERSON",
                               -1 if chain is None else chain, "pronoun", token.dep_ in SUBJECT_DEPS)
        people.append(_Referent(mention, sentence_of[token.i], _inside(token.idx, quoted), _clause_of(doc, mention)))
        if chain is not None:
            found.append(mention)
    return found


@dataclass(frozen=True)
class _Referent:
    mention: FoundMention  # chain -1: a pronoun left unresolved
    sentence: int
    quoted: bool
    clause: int  # the verb whose clause it is in


def _sentences_back(here: int, quoted_sentences: set[int]) -> list[int]:
    """This sentence and the ones before it where an antecedent may be: a quotation's own sentences do
    not count towards how far a pronoun looks back ("“… . … . …,” he said")."""
    looked_at, counted, number = [], 0, here
    while number >= 0 and counted <= _PRONOUN_LOOKBACK_SENTENCES:
        looked_at.append(number)
        counted += number == here or number not in quoted_sentences
        number -= 1
    return looked_at


def _antecedent(token, people: list[_Referent], looked_at: list[int], quoted: bool) -> int | None:
    """The person a pronoun refers to, when one person stands out; None when it is unclear.

    Outside a quotation, people named inside one are not candidates (the speaker of "“…the president…,”
    he said" is not the president). A subject pronoun goes on from the last subject that is a person
    ("Rep. Peter King said Obama's words were softened. He said …": King) when no other person is in
    that subject's clause ("Putin met Biden. He said …": unclear); without one, from the one person named.
    People in the clause that a pronoun's speech tag is set into are what is said, not who says it:
    "Saying President Obama, he said, was too simple", "Obama will veto it, he said" (the tag is a
    parataxis of the reported clause's verb)."""
    before = [r for r in people if r.mention.end <= token.idx and r.sentence in looked_at
              and (quoted or not r.quoted)]
    named = [r for r in before if r.mention.kind != "pronoun"]
    same_sentence = [r for r in named if r.sentence == looked_at[0]]
    if same_sentence and token.dep_ not in SUBJECT_DEPS:
        return same_sentence[-1].mention.chain  # "Putin repeated his idea"
    for sentence in looked_at:
        there = [r for r in before if r.sentence == sentence]
        if sentence == looked_at[0]:
            reported = _reported_around(token)
            there = [r for r in there if r.mention.start not in reported]
        subjects = [r for r in there if r.mention.subject]
        if token.dep_ in SUBJECT_DEPS and subjects:
            subject = subjects[-1]
            rivals = [r for r in there if r.clause == subject.clause and r.mention.chain != subject.mention.chain]
            if subject.mention.chain < 0 or rivals:
                return None  # "He said …" after an unclear "he", or another person in the subject's clause
            return subject.mention.chain
        chains = {r.mention.chain for r in there if r.mention.chain >= 0}
        if len(chains) == 1:
            return chains.pop()
        if len(chains) > 1:
            return None  # "Putin met Biden. He said…": not clear who
    return None


def _modifies_a_noun(doc, mention: FoundMention) -> bool:
    """A name used to say which thing is meant ("the Romney campaign message") names no one who acts."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and len(span) > 0 and span.root.dep_ == "compound" and span.root.head.pos_ == "NOUN"


def _reported_around(token) -> set[int]:
    """Where the words a pronoun's speech tag interrupts or follows start (empty when its verb is no tag)."""
    verb = token.head
    if token.dep_ not in SUBJECT_DEPS or verb.dep_ != "parataxis":
        return set()
    tag = {t.i for t in verb.subtree}
    return {t.idx for t in verb.head.subtree if t.i not in tag}


def _clause_of(doc, mention: FoundMention) -> int:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or not len(span):
        return -1
    token = span.root
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token.i


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in spans)
