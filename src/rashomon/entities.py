"""Canonical entities across articles: "Stoltenberg" in every article is one Entity.

An in-article chain brings every form of its name; any form already known maps the chain to that
entity. A person's full names are evidence and their surname is not: "Hillary Clinton" never becomes
Bill Clinton because both are "Clinton"; "Paul D. Ryan" is Paul Ryan when he is the one stored person
that name can be (``nlp/person_names``). An article that names a person by surname only ("Clinton",
"President Obama") finds the person given that title with that surname in another article, else the one
stored person of that surname, or else keeps the surname as a name of its own: it is never given the most
frequent Clinton.

The entities stage resolves one article's chains against an ``EntityBook``: the registry as stored
(read through a ``KnownEntities``, which the runner provides) with what this article adds on top. The
runner stores the book's additions, then the annotation with its entity ids.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from typing import Protocol

from rashomon.nlp.person_names import (
    has_surname,
    is_titled_surname,
    read_name,
    same_person_possible,
    surname_of,
    without_titles,
)
from rashomon.records import ArticleAnnotation, Entity, NameChain

CANONICAL_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "FAC"})


def label_family(label: str) -> str:
    """spaCy tags a country GPE or LOC by context; both are places."""
    return "PLACE" if label in ("GPE", "LOC") else label


STORED_LABELS = tuple(sorted({label_family(label) for label in CANONICAL_LABELS}))  # as entities are stored


def name_key(label: str, name: str) -> str:
    return f"{label_family(label)}:{' '.join(name.lower().split())}"


def entity_id(label: str, name: str) -> str:
    return hashlib.sha256(name_key(label, name).encode("utf-8")).hexdigest()[:16]


class KnownEntities(Protocol):
    """The stored registry, as the entities stage asks it."""

    def entities_for_keys(self, keys: list[str]) -> dict[str, str]: ...
    def people_with_surname(self, surname: str) -> list[str]: ...
    def entity(self, entity_id: str) -> Entity | None: ...


class EntityBook:
    """The stored registry and what one run of the stage adds to it: new entities, fuller names, new keys.

    Questions are answered as the store would answer them once the additions are written, so that an
    article resolved against the book gets the entities it would get one write at a time. Names are
    matched as SQLite compares them (``LIKE`` and ``lower()`` fold ASCII letters only).
    """

    def __init__(self, known: KnownEntities):
        self.known = known
        self.new: dict[str, Entity] = {}
        self.names: dict[str, str] = {}  # name key → entity id

    def entity_for_keys(self, keys: list[str]) -> str | None:
        """The entity that the first known of these name keys belongs to."""
        stored = self.known.entities_for_keys(keys)
        return next((self.names.get(key) or stored[key] for key in keys if key in self.names or key in stored), None)

    def people_with_surname(self, surname: str) -> list[str]:
        """People whose name (titles and "Jr." aside) ends with this surname, stored or new."""
        pattern = _like(f"% {surname}%")
        return self.known.people_with_surname(surname) + [
            entity.id for entity in self.new.values() if entity.label == "PERSON"
            and pattern.fullmatch(entity.name) and has_surname(entity.name, surname)]

    def name(self, entity: str) -> str | None:
        if entity in self.new:
            return self.new[entity].name
        stored = self.known.entity(entity)
        return stored.name if stored is not None else None

    def add(self, entity: Entity) -> None:
        if entity.id not in self.new and self.known.entity(entity.id) is None:
            self.new[entity.id] = entity

    def learn(self, key: str, entity: str) -> None:
        if key not in self.names and not self.known.entities_for_keys([key]):
            self.names[key] = entity


def _like(pattern: str) -> re.Pattern:
    """A SQL LIKE pattern as SQLite reads it: % any run, _ any one character, ASCII letters in any case."""
    parts = (".*" if char == "%" else "." if char == "_" else re.escape(char) for char in pattern)
    return re.compile("".join(parts), re.IGNORECASE | re.ASCII | re.DOTALL)


def resolve_entities(annotation: ArticleAnnotation, book: EntityBook) -> ArticleAnnotation:
    """The entities stage: the article's chains resolved to canonical entities (created where new)."""
    entity_of_chain = resolve_chains(annotation.chains, book)
    mentions = tuple(dataclasses.replace(m, entity_id=entity_of_chain.get(m.chain)) for m in annotation.mentions)
    attributions = tuple(dataclasses.replace(a, speaker_entity_id=entity_of_chain.get(a.speaker_chain)
                                             if a.speaker_chain is not None else None)
                         for a in annotation.attributions)
    return dataclasses.replace(annotation, mentions=mentions, attributions=attributions)


def resolve_chains(chains: tuple[NameChain, ...], book: EntityBook) -> dict[int, str]:
    """chain index → canonical entity id, creating entities and recording names as needed."""
    resolved = {}
    for chain in chains:
        if chain.label in CANONICAL_LABELS:
            resolved[chain.index] = _resolve(chain, book)
    return resolved


def _resolve(chain: NameChain, book: EntityBook) -> str:
    if chain.label == "PERSON":
        return _resolve_person(chain, book)
    keys = [name_key(chain.label, form) for form in (chain.name, *chain.names)]
    found = book.entity_for_keys(keys)
    if found is None:
        found = _new_entity(chain.label, chain.name, book)
    for key in keys:
        book.learn(key, found)
    return found


def _resolve_person(chain: NameChain, book: EntityBook) -> str:
    """A full name finds the person of that name, or the one stored person it can be ("Paul D. Ryan" →
    Paul Ryan). A surname alone finds the person who was given that title with that surname elsewhere
    ("President Obama" → Barack Obama), else the one stored person of that surname, else stays a name of
    its own. Only full names and titled surnames are learned as a person's names: a bare surname is
    evidence of nobody in particular."""
    name = without_titles(chain.name)
    titled = [name_key("PERSON", form) for form in chain.names if is_titled_surname(form)]
    if read_name(name) is None or read_name(name).first is None:
        return book.entity_for_keys(titled) or _resolve_surname(name, book)
    forms = [without_titles(form) for form in (chain.name, *chain.names) if not is_titled_surname(form)]
    keys = [name_key("PERSON", form) for form in forms if same_person_possible(form, name)]
    found = book.entity_for_keys(keys) or _the_one_possible(name, book)
    if found is None:
        found = _new_entity("PERSON", name, book)
    for key in keys + titled:
        book.learn(key, found)
    return found


def _resolve_surname(surname: str, book: EntityBook) -> str:
    candidates = book.people_with_surname(surname)  # full names only
    if len(candidates) == 1:
        return candidates[0]
    key = name_key("PERSON", surname)
    found = book.entity_for_keys([key]) or _new_entity("PERSON", surname, book)
    book.learn(key, found)
    return found


def _the_one_possible(name: str, book: EntityBook) -> str | None:
    candidates = [entity for entity in book.people_with_surname(surname_of(name))
                  if same_person_possible(name, book.name(entity) or "")]
    return candidates[0] if len(candidates) == 1 else None


def _new_entity(label: str, name: str, book: EntityBook) -> str:
    found = entity_id(label, name)
    book.add(Entity(found, name, label_family(label)))
    return found
