"""Canonical entities across articles: "Stoltenberg" in every article is one Entity.

An in-article chain brings every form of its name; any form already known maps the chain to that
entity. A person known only by a surname and a full name with that surname are one entity when
exactly one candidate fits, in whichever order the articles arrive.

The entities stage resolves one article's chains against an ``EntityBook``: the registry as stored
(read through a ``KnownEntities``, which the runner provides) with what this article adds on top. The
runner stores the book's additions, then the annotation with its entity ids.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from typing import Protocol

from rashomon.records import ArticleAnnotation, Entity, NameChain

CANONICAL_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "FAC"})
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


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
    def people_named(self, name: str) -> list[str]: ...
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
        self.renamed: dict[str, str] = {}  # stored entity id → fuller name
        self.names: dict[str, str] = {}  # name key → entity id

    def entity_for_keys(self, keys: list[str]) -> str | None:
        """The entity that the first known of these name keys belongs to."""
        stored = self.known.entities_for_keys(keys)
        return next((self.names.get(key) or stored[key] for key in keys if key in self.names or key in stored), None)

    def people_with_surname(self, surname: str) -> list[str]:
        pattern = _like("% " + surname)
        return self._people(self.known.people_with_surname(surname), lambda name: bool(
            pattern.fullmatch(name)) and name.split()[-1].lower() == surname.lower())

    def people_named(self, name: str) -> list[str]:
        return self._people(self.known.people_named(name), lambda other: other.translate(_ASCII_LOWER) == name.lower())

    def _people(self, stored: list[str], fits) -> list[str]:
        kept = [entity for entity in stored if entity not in self.renamed]
        changed = [(entity, name) for entity, name in self.renamed.items()]
        changed += [(entity.id, entity.name) for entity in self.new.values() if entity.label == "PERSON"]
        return kept + [entity for entity, name in changed if fits(name)]

    def name(self, entity: str) -> str | None:
        if entity in self.new:
            return self.new[entity].name
        if entity in self.renamed:
            return self.renamed[entity]
        stored = self.known.entity(entity)
        return stored.name if stored is not None else None

    def add(self, entity: Entity) -> None:
        if entity.id not in self.new and self.known.entity(entity.id) is None:
            self.new[entity.id] = entity

    def rename(self, entity: str, name: str) -> None:
        if entity in self.new:
            self.new[entity] = dataclasses.replace(self.new[entity], name=name)
        else:
            self.renamed[entity] = name

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
    forms = [chain.name, *chain.names]
    keys = [name_key(chain.label, form) for form in forms]
    found = book.entity_for_keys(keys)
    if found is None and chain.label == "PERSON":
        found = _same_person(chain, book)
    if found is None:
        found = entity_id(chain.label, chain.name)
        book.add(Entity(found, chain.name, label_family(chain.label)))
    elif chain.label == "PERSON":
        _prefer_fuller_name(book, found, chain.name)
    for key in keys:
        book.learn(key, found)
    return found


def _same_person(chain: NameChain, book: EntityBook) -> str | None:
    tokens = chain.name.split()
    if len(tokens) == 1:
        candidates = book.people_with_surname(tokens[0])
    else:
        candidates = book.people_named(tokens[-1])
    return candidates[0] if len(candidates) == 1 else None


def _prefer_fuller_name(book: EntityBook, entity: str, name: str) -> None:
    current = book.name(entity)
    if current is not None and len(name.split()) > len(current.split()) and name.split()[-1] == current.split()[-1]:
        book.rename(entity, name)
