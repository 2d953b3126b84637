"""Entities in one article, with alias chains.

"NATO Secretary General Jens Stoltenberg" = "Jens Stoltenberg" = "Stoltenberg" = "the Secretary General"
= "he": one chain. Names come from spaCy's NER, repaired where it is inconsistent (a surname tagged
ORG at the end of a sentence); titles are read from the words before a name or in apposition to it;
descriptions ("the diplomat", "the NATO Secretary General"; ``descriptions``) and pronouns (``pronouns``) join the chain
they clearly refer to, and none otherwise. A person's names are read with ``person_names``: "Clinton"
joins the Clinton named last before it, "Paul Ryan" joins "Paul D. Ryan", and "Trump's Twitter" is Trump.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rashomon.nlp import text_of
from rashomon.nlp.aliases import ENTITY_LABELS, KNOWN_ENTITIES, TITLES
from rashomon.nlp.cues import CUE_FORMS
from rashomon.nlp.descriptions import descriptions, descriptors
from rashomon.nlp.honorifics import honorific_before, may_be_called
from rashomon.nlp.mentions import SUBJECT_DEPS, FoundMention, sentence_index
from rashomon.nlp.person_names import (
    person_before_possessive,
    read_name,
    same_person_possible,
    surname_of,
    titled_surname,
    without_titles,
)
from rashomon.nlp.pronouns import resolved_pronouns
from rashomon.records import NameChain

_LEADING_ARTICLE = re.compile(r"^(the|The|THE)\s+")
_POSSESSIVE = re.compile(r"['’]s?$")
_JUNK = re.compile(r"[\[\]\n/|©]")
_MAX_NAME_TOKENS = 8
_NOUNS_LIKE_CUES = frozenset({"states", "reports", "records", "notes", "calls", "words", "remarks", "comments",
                              "statements", "affairs", "relations", "warnings"})  # "United States"
_MAX_PERSON_NAME_WORDS = 4  # "George Herbert Walker Bush", "Martin Luther King Jr."
_TITLE_WINDOW_TOKENS = 8

_KNOWN_BY_ALIAS = {alias.lower(): name for name, (_, aliases, _) in KNOWN_ENTITIES.items()
                   for alias in (name, *aliases)}
_TITLES_LONGEST_FIRST = sorted(TITLES, key=len, reverse=True)


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
    starts: list[int] = field(default_factory=list)  # where its names are in the text


def find_entities(doc) -> ArticleEntities:
    """Mentions of people, organisations, places, nationalities and events, grouped in chains."""
    names = _names(doc)
    chains, assigned = _chain_names(names)
    mentions = [_with_title(doc, mention, chains[chain], chain) for mention, chain in assigned]
    mentions += _names_missed_by_ner(doc, mentions, chains)
    mentions += descriptions(doc, mentions, chains)
    mentions += resolved_pronouns(doc, mentions)
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
    honorific: str | None = None  # "mr", "mrs", "ms", "miss" before it


def _names(doc) -> list[_Name]:
    sentence_of = sentence_index(doc)
    found = []
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS or len(ent) > _MAX_NAME_TOKENS or _JUNK.search(ent.text):
            continue
        start, end, text = _clean_span(text_of(doc), ent.start_char, ent.end_char)
        label = _known_label(text) or ent.label_
        if label == "PERSON":  # "Trump's Twitter": Trump, and a thing of his
            text = person_before_possessive(text) or ""
            end = start + len(text)
            if len(without_titles(text).split()) > _MAX_PERSON_NAME_WORDS:
                continue  # a headline read as a name: "Stoltenberg Claims NATO Never Promised …"
        if not text or not any(ch.isupper() for ch in text) or _headline_read_as_name(text):
            continue
        subject = any(token.dep_ in SUBJECT_DEPS for token in ent)
        found.append(_Name(start, end, text, label, subject, sentence_of[ent.start],
                           honorific_before(text_of(doc), start)))
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
        subject = any(token.dep_ in SUBJECT_DEPS for token in span)
        missed.append(_Name(start, end, match.group(1), _known_label(match.group(1)), subject,
                            sentence_of[span.start]))
    return missed


def _headline_read_as_name(text: str) -> bool:
    """"Stoltenberg Claims NATO Never Promised Not to Expand": a verb of saying inside a long name."""
    words = text.split()
    return len(words) >= 3 and any(word.endswith("s") and word.lower() not in _NOUNS_LIKE_CUES
                                   and CUE_FORMS.get(word.lower()) for word in words[1:])


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
    return [_Name(n.start, n.end, n.text, "PERSON", n.subject, n.sentence, n.honorific)
            if n.text in person_forms and n.label != "PERSON" and not _known_label(n.text) else n
            for n in names]


# -- chains -------------------------------------------------------------------------------------

def _chain_names(names: list[_Name]) -> tuple[list[_Builder], list[tuple[_Name, int]]]:
    chains: list[_Builder] = []
    by_key: dict[tuple[str, str], int] = {}
    assigned = []
    # Full person names first, so that a bare surname finds the person it belongs to.
    # Known entities before others, so that "the Alliance" finds NATO wherever it first appears.
    order = sorted(range(len(names)), key=lambda i: (names[i].label != "PERSON", _known_label(names[i].text) is None,
                                                     -len(_canonical_name(names[i]).split()), i))
    slots: dict[int, int] = {}
    for i in order:
        name = names[i]
        chain = _find_chain(name, chains, by_key)
        if chain is None:
            chain = len(chains)
            chains.append(_Builder(name.label, _canonical_name(name)))
            by_key[_key(name)] = chain
        chains[chain].names.add(name.text)
        chains[chain].starts.append(name.start)
        slots[i] = chain
    for i, name in enumerate(names):
        assigned.append((name, slots[i]))
    return chains, assigned


def _key(name: _Name) -> tuple[str, str]:
    return (_family(name.label), _canonical_name(name).lower())


def _family(label: str) -> str:
    return "PLACE" if label in ("GPE", "LOC") else label


def _canonical_name(name: _Name) -> str:
    if name.label == "PERSON":
        return without_titles(name.text)  # "Pres Obama" is Obama
    return _KNOWN_BY_ALIAS.get(name.text.lower(), name.text)


def _find_chain(name: _Name, chains: list[_Builder], by_key: dict) -> int | None:
    if _key(name) in by_key:
        return by_key[_key(name)]
    for index, chain in enumerate(chains):
        if name.text.lower() in descriptors(chain.name):
            return index  # "the Alliance" in an article about NATO
    if name.label == "PERSON":
        candidates = [index for index, chain in enumerate(chains)
                      if chain.label == "PERSON" and _may_name(_canonical_name(name), chain.name)
                      and may_be_called(name.honorific, chain.name)]
        return nearest_chain(candidates, name.start, [chains[index].starts for index in candidates])
    if name.label == "ORG":
        for index, chain in enumerate(chains):
            if chain.label == "ORG" and (_acronym_of(name.text, chain.name) or _acronym_of(chain.name, name.text)):
                return index
    return None


def _may_name(name: str, person: str) -> bool:
    """"Stoltenberg" and "Jens Stoltenberg" may name Jens Stoltenberg, "Paul Ryan" Paul D. Ryan; "Jens"
    alone, or "Hillary Clinton" for Bill Clinton, may not."""
    parts, full = read_name(name), read_name(person)
    if parts is None or full is None or full.first is None:
        return False
    if parts.first is None:
        return parts.surname == full.surname
    return same_person_possible(name, person)


def nearest_chain(candidates: list[int], position: int, starts: list[list[int]]) -> int | None:
    """Of chains that a name or a role may refer to, the one named last before ``position`` (else the
    one named first after it): "Clinton" after "Hillary Clinton" is Hillary, though Bill was named too."""
    if not candidates:
        return None
    before = [(max(s for s in spots if s < position), chain) for chain, spots in zip(candidates, starts)
              if any(s < position for s in spots)]
    if before:
        return max(before)[1]
    return min((min(spots, default=position), chain) for chain, spots in zip(candidates, starts))[1]


def _acronym_of(acronym: str, name: str) -> bool:
    words = [w for w in re.split(r"[\s-]+", name) if w and w[0].isupper()]
    return len(words) >= 2 and acronym.isupper() and acronym == "".join(w[0] for w in words)


def _names_missed_by_ner(doc, mentions: list[FoundMention], chains: list[_Builder]) -> list[FoundMention]:
    """A person's name or surname where NER did not tag it ("Stoltenberg spoke…" at a sentence start)."""
    taken = [(m.start, m.end) for m in mentions]
    chains_of_form: dict[str, list[int]] = {}
    for index, chain in enumerate(chains):
        if chain.label == "PERSON" and read_name(chain.name) is not None:
            for form in {chain.name, surname_of(chain.name)}:
                chains_of_form.setdefault(form, []).append(index)
    if not chains_of_form:
        return []
    starts = {index: [m.start for m in mentions if m.chain == index] for index in range(len(chains))}
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(f) for f in sorted(chains_of_form, key=len, reverse=True))
                         + r")(?![\w-])")
    found = []
    for match in pattern.finditer(text_of(doc)):
        start, end = match.span()
        if any(s < end and start < e for s, e in taken):
            continue
        candidates = chains_of_form[match.group(1)]
        index = nearest_chain(candidates, start, [starts[c] for c in candidates])
        span = doc.char_span(start, end, alignment_mode="expand")
        subject = span is not None and any(token.dep_ in SUBJECT_DEPS for token in span)
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
            chain.names.add(titled_surname(before, name.text))  # "President Obama": evidence across articles
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
