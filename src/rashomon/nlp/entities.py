"""Entities in one article, with alias chains.

"NATO Secretary General Jens Stoltenberg" = "Jens Stoltenberg" = "Stoltenberg" = "the Secretary General"
= "he": one chain. Names come from spaCy's NER, repaired where it is inconsistent (a surname tagged
ORG at the end of a sentence); titles are read from the words before a name or in apposition to it;
descriptions ("the diplomat") and pronouns join the chain they clearly refer to, and none otherwise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rashomon.nlp import text_of
from rashomon.nlp.aliases import (
    ENTITY_LABELS,
    KNOWN_ENTITIES,
    PERSON_PRONOUNS,
    TITLE_GROUPS,
    TITLES,
)
from rashomon.records import NameChain

_LEADING_ARTICLE = re.compile(r"^(the|The|THE)\s+")
_POSSESSIVE = re.compile(r"['’]s?$")
_JUNK = re.compile(r"[\[\]\n/|©]")
_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
_MAX_NAME_TOKENS = 8
_PRONOUN_LOOKBACK_SENTENCES = 3
_TITLE_WINDOW_TOKENS = 8

_KNOWN_BY_ALIAS = {alias.lower(): name for name, (_, aliases, _) in KNOWN_ENTITIES.items()
                   for alias in (name, *aliases)}
_TITLES_LONGEST_FIRST = sorted(TITLES, key=len, reverse=True)


@dataclass(frozen=True)
class FoundMention:
    start: int
    end: int
    text: str
    label: str
    chain: int
    kind: str  # "name", "description" or "pronoun"
    subject: bool = False


@dataclass(frozen=True)
class ArticleEntities:
    mentions: tuple[FoundMention, ...]
    chains: tuple[NameChain, ...]


@dataclass
class _Builder:
    label: str
    name: str
    titles: set[str] = field(default_factory=set)
    names: set[str] = field(default_factory=set)


def find_entities(doc) -> ArticleEntities:
    """Mentions of people, organisations, places, nationalities and events, grouped in chains."""
    names = _names(doc)
    chains, assigned = _chain_names(names)
    mentions = [_with_title(doc, mention, chains[chain], chain) for mention, chain in assigned]
    mentions += _names_missed_by_ner(doc, mentions, chains)
    mentions += _descriptions(doc, mentions, chains)
    mentions += _pronouns(doc, mentions)
    mentions.sort(key=lambda m: (m.start, m.end))
    return ArticleEntities(tuple(mentions), tuple(
        NameChain(index, b.label, b.name, tuple(sorted(b.titles)), tuple(sorted(b.names)))
        for index, b in enumerate(chains)))


# -- names --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Name:
    start: int
    end: int
    text: str
    label: str
    subject: bool
    sentence: int


def _names(doc) -> list[_Name]:
    sentence_of = _sentence_index(doc)
    found = []
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS or len(ent) > _MAX_NAME_TOKENS or _JUNK.search(ent.text):
            continue
        start, end, text = _clean_span(text_of(doc), ent.start_char, ent.end_char)
        if not text or not any(ch.isupper() for ch in text):
            continue
        subject = any(token.dep_ in _SUBJECT_DEPS for token in ent)
        found.append(_Name(start, end, text, _known_label(text) or ent.label_, subject,
                           sentence_of[ent.start]))
    found += _known_names_missed_by_ner(doc, found, sentence_of)
    return _repair_person_labels(sorted(found, key=lambda n: n.start))


_KNOWN_FORMS = re.compile(r"(?<![\w-])(" + "|".join(sorted(
    (re.escape(alias) for name, (_, aliases, _) in KNOWN_ENTITIES.items() for alias in (name, *aliases)),
    key=len, reverse=True)) + r")(?![\w-])")


def _known_names_missed_by_ner(doc, found: list[_Name], sentence_of: list[int]) -> list[_Name]:
    """Names from the table of known entities ("dpa", "NATO") where NER did not tag them."""
    taken = [(n.start, n.end) for n in found]
    missed = []
    for match in _KNOWN_FORMS.finditer(text_of(doc)):
        start, end = match.span()
        if any(s < end and start < e for s, e in taken):
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        subject = any(token.dep_ in _SUBJECT_DEPS for token in span)
        missed.append(_Name(start, end, match.group(1), _known_label(match.group(1)), subject,
                            sentence_of[span.start]))
    return missed


def _clean_span(text: str, start: int, end: int) -> tuple[int, int, str]:
    piece = text[start:end]
    lead = _LEADING_ARTICLE.match(piece)
    if lead:
        start += lead.end()
    piece = text[start:end]
    tail = _POSSESSIVE.search(piece)
    if tail and tail.start() > 0:
        end = start + tail.start()
    return start, end, text[start:end].strip()


def _known_label(text: str) -> str | None:
    name = _KNOWN_BY_ALIAS.get(text.lower())
    return KNOWN_ENTITIES[name][0] if name else None


def _repair_person_labels(names: list[_Name]) -> list[_Name]:
    """A surname or full name that the article elsewhere tags as a person is a person everywhere."""
    person_forms = set()
    for name in names:
        if name.label == "PERSON":
            person_forms.add(name.text)
            person_forms.add(name.text.split()[-1])
    return [_Name(n.start, n.end, n.text, "PERSON", n.subject, n.sentence)
            if n.text in person_forms and n.label != "PERSON" and not _known_label(n.text) else n
            for n in names]


def _sentence_index(doc) -> list[int]:
    index = [0] * len(doc)
    for number, sentence in enumerate(doc.sents):
        for token in sentence:
            index[token.i] = number
    return index


# -- chains -------------------------------------------------------------------------------------

def _chain_names(names: list[_Name]) -> tuple[list[_Builder], list[tuple[_Name, int]]]:
    chains: list[_Builder] = []
    by_key: dict[tuple[str, str], int] = {}
    assigned = []
    # Full person names first, so that a bare surname finds the person it belongs to.
    # Known entities before others, so that "the Alliance" finds NATO wherever it first appears.
    order = sorted(range(len(names)), key=lambda i: (names[i].label != "PERSON", _known_label(names[i].text) is None,
                                                     -len(names[i].text.split()), i))
    slots: dict[int, int] = {}
    for i in order:
        name = names[i]
        chain = _find_chain(name, chains, by_key)
        if chain is None:
            chain = len(chains)
            chains.append(_Builder(name.label, _canonical_name(name)))
            by_key[_key(name)] = chain
        chains[chain].names.add(name.text)
        slots[i] = chain
    for i, name in enumerate(names):
        assigned.append((name, slots[i]))
    return chains, assigned


def _key(name: _Name) -> tuple[str, str]:
    return (_family(name.label), _canonical_name(name).lower())


def _family(label: str) -> str:
    return "PLACE" if label in ("GPE", "LOC") else label


def _canonical_name(name: _Name) -> str:
    return _KNOWN_BY_ALIAS.get(name.text.lower(), name.text)


def _find_chain(name: _Name, chains: list[_Builder], by_key: dict) -> int | None:
    if _key(name) in by_key:
        return by_key[_key(name)]
    for index, chain in enumerate(chains):
        if name.text.lower() in _descriptors(chain.name):
            return index  # "the Alliance" in an article about NATO
    if name.label == "PERSON":
        tokens = name.text.split()
        for index in range(len(chains) - 1, -1, -1):
            chain = chains[index]
            if chain.label == "PERSON" and len(tokens) < len(chain.name.split()) \
                    and _is_part_of(tokens, chain.name.split()):
                return index
    if name.label == "ORG":
        for index, chain in enumerate(chains):
            if chain.label == "ORG" and (_acronym_of(name.text, chain.name) or _acronym_of(chain.name, name.text)):
                return index
    return None


def _is_part_of(short: list[str], full: list[str]) -> bool:
    """"Stoltenberg" and "Jens Stoltenberg" are part of "Jens Stoltenberg"; "Jens" alone is not."""
    return short == full[-len(short):]


def _acronym_of(acronym: str, name: str) -> bool:
    words = [w for w in re.split(r"[\s-]+", name) if w and w[0].isupper()]
    return len(words) >= 2 and acronym.isupper() and acronym == "".join(w[0] for w in words)


def _names_missed_by_ner(doc, mentions: list[FoundMention], chains: list[_Builder]) -> list[FoundMention]:
    """A person's name or surname where NER did not tag it ("Stoltenberg spoke…" at a sentence start)."""
    taken = [(m.start, m.end) for m in mentions]
    found = []
    for index, chain in enumerate(chains):
        if chain.label != "PERSON":
            continue
        forms = {chain.name, chain.name.split()[-1]}
        pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
                             + r")(?![\w-])")
        for match in pattern.finditer(text_of(doc)):
            start, end = match.span()
            if any(s < end and start < e for s, e in taken):
                continue
            span = doc.char_span(start, end, alignment_mode="expand")
            subject = span is not None and any(token.dep_ in _SUBJECT_DEPS for token in span)
            found.append(FoundMention(start, end, match.group(1), "PERSON", index, "name", subject))
            taken.append((start, end))
    return found


# -- titles -------------------------------------------------------------------------------------

def _with_title(doc, name: _Name, chain: _Builder, index: int) -> FoundMention:
    """The name mention, widened to the title before it ("NATO Secretary General Jens Stoltenberg")."""
    start = name.start
    if name.label == "PERSON":
        before, title_start = _title_before(doc, name.start)
        after = _title_in_apposition(doc, name.end)
        chain.titles.update(t for t in (before, after) if t)
        if before:
            start = title_start
    return FoundMention(start, name.end, text_of(doc)[start:name.end], name.label, index, "name", name.subject)


def _title_before(doc, char_start: int) -> tuple[str | None, int]:
    span = doc.char_span(char_start, char_start, alignment_mode="expand")
    first = span.start if span is not None else None
    if first is None:
        return None, char_start
    tokens = []
    i = first - 1
    while i >= 0 and len(tokens) < _TITLE_WINDOW_TOKENS:
        token = doc[i]
        joins_phrase = token.lower_ in ("of", "the") and i > 0  # "Deputy Foreign Minister of the Russian Federation"
        if token.is_sent_end or (token.pos_ not in ("PROPN", "NOUN", "ADJ", "PART", "PUNCT") and not joins_phrase) \
                or token.text in (",", ".", ";", ":", "(", ")", "“", "”", '"'):
            break
        tokens.insert(0, token)
        i -= 1
    while tokens and tokens[0].lower_ in ("of", "the", "'s", "’s", "-"):
        tokens.pop(0)
    window = " ".join(t.text.lower() for t in tokens).replace(" - ", "-")
    title = _title_in(window)
    if title is None:
        return None, char_start
    return title, tokens[0].idx


def _title_in_apposition(doc, char_end: int) -> str | None:
    rest = text_of(doc)[char_end:char_end + 120]
    match = re.match(r",\s+(?:the\s+)?([^,.;:\n]{2,80})", rest)
    return _title_in(match.group(1).lower()) if match else None


def _title_in(window: str) -> str | None:
    for title in _TITLES_LONGEST_FIRST:
        if re.search(rf"(?<![\w-]){re.escape(title)}(?![\w-])", window):
            return "secretary general" if title == "secretary-general" else title
    return None


# -- descriptions and pronouns ------------------------------------------------------------------

_DESCRIPTION = re.compile(
    r"\b[Tt]he\s+((?:[A-Za-z’'.-]+\s+){0,3}?)(" + "|".join(re.escape(t) for t in _TITLES_LONGEST_FIRST)
    + r"|alliance|bloc|agency)\b(?!(?-i:\s+[A-Z][a-z]))", re.IGNORECASE)


def _descriptions(doc, names: list[FoundMention], chains: list[_Builder]) -> list[FoundMention]:
    """ "the Secretary General", "the diplomat", "the alliance": the chain they clearly refer to."""
    found = []
    taken = [(m.start, m.end) for m in names]
    for match in _DESCRIPTION.finditer(text_of(doc)):
        start, end = match.start(), match.end()
        if any(s < end and start < e for s, e in taken):
            continue
        head = _office_described(match.group(2), text_of(doc)[end:end + 60])
        chain = _described_chain(head, start, names, chains) if head else None
        if chain is not None:
            label = chains[chain].label
            found.append(FoundMention(start, end, text_of(doc)[start:end], label, chain, "description"))
    return found


def _office_described(head: str, after: str) -> str | None:
    """The office a description names; "the head of the Foreign Ministry" is the foreign minister.

    A description followed by "of …" names an office of that body: resolved only for ministries,
    and left unresolved otherwise rather than guessed.
    """
    head = head.lower().replace("secretary-general", "secretary general")
    of_phrase = re.match(r"\s+of\s+(?:the\s+)?((?:[\w’'-]+\s+){0,4}?)Ministry", after)
    if of_phrase:
        portfolio = of_phrase.group(1).split()
        return f"{portfolio[-1].lower()} minister" if portfolio else "minister"
    if re.match(r"\s+of\b", after):
        return None
    return head


def _described_chain(head: str, position: int, names: list[FoundMention], chains: list[_Builder]) -> int | None:
    earlier = [m for m in names if m.end <= position and m.chain >= 0]
    for mention in reversed(earlier):
        chain = chains[mention.chain]
        if chain.label == "PERSON" and any(_same_office(head, title) for title in chain.titles):
            return mention.chain
        if chain.label == "ORG" and head in _descriptors(chain.name):
            return mention.chain
    return None


def _same_office(description: str, title: str) -> bool:
    if description == title:
        return True
    return any(description in group and title in group for group in TITLE_GROUPS)


def _descriptors(name: str) -> tuple[str, ...]:
    known = KNOWN_ENTITIES.get(name)
    return known[2] if known else ()


def _pronouns(doc, mentions: list[FoundMention]) -> list[FoundMention]:
    sentence_of = _sentence_index(doc)
    people = [m for m in mentions if m.label == "PERSON" and m.chain >= 0]
    found = []
    for token in doc:
        if token.lower_ not in PERSON_PRONOUNS:
            continue
        chain = _antecedent(token, people, doc, sentence_of)
        if chain is not None:
            found.append(FoundMention(token.idx, token.idx + len(token.text), token.text, "PERSON", chain,
                                      "pronoun", token.dep_ in _SUBJECT_DEPS))
    return found


def _antecedent(token, people: list[FoundMention], doc, sentence_of: list[int]) -> int | None:
    """The person a pronoun refers to, when one person stands out; None when it is unclear."""
    here = sentence_of[token.i]
    before = [m for m in people if m.end <= token.idx
              and here - _sentence_of_char(doc, m.start, sentence_of) <= _PRONOUN_LOOKBACK_SENTENCES]
    if not before:
        return None
    same_sentence = [m for m in before if _sentence_of_char(doc, m.start, sentence_of) == here]
    if same_sentence and token.dep_ not in _SUBJECT_DEPS:
        return same_sentence[-1].chain  # "Putin repeated his idea"
    for sentence in range(here, here - _PRONOUN_LOOKBACK_SENTENCES - 1, -1):
        people_there = {m.chain for m in before if _sentence_of_char(doc, m.start, sentence_of) == sentence}
        if len(people_there) == 1:
            return people_there.pop()
        if len(people_there) > 1:
            return None  # "Putin met Biden. He said…": not clear who
    return None


def _sentence_of_char(doc, char: int, sentence_of: list[int]) -> int:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return sentence_of[span.start] if span is not None and len(span) else 0
