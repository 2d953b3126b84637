"""Canonical entities across articles: "Stoltenberg" in every article is one Entity.

An in-article chain brings every form of its name; any form already known maps the chain to that
entity. A person known only by a surname and a full name with that surname are one entity when
exactly one candidate fits, in whichever order the articles arrive.
"""

from __future__ import annotations

import hashlib

import sqlalchemy as sa

from rashomon.nlp.entities import Chain
from rashomon.store import queries, writes

CANONICAL_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "FAC"})


def label_family(label: str) -> str:
    """spaCy tags a country GPE or LOC by context; both are places."""
    return "PLACE" if label in ("GPE", "LOC") else label


def name_key(label: str, name: str) -> str:
    return f"{label_family(label)}:{' '.join(name.lower().split())}"


def entity_id(label: str, name: str) -> str:
    return hashlib.sha256(name_key(label, name).encode("utf-8")).hexdigest()[:16]


def resolve_chains(connection: sa.Connection, chains: tuple[Chain, ...]) -> dict[int, str]:
    """chain index → canonical entity id, creating entities and recording names as needed."""
    resolved = {}
    for chain in chains:
        if chain.label in CANONICAL_LABELS:
            resolved[chain.index] = _resolve(connection, chain)
    return resolved


def _resolve(connection: sa.Connection, chain: Chain) -> str:
    forms = [chain.name, *chain.names]
    keys = [name_key(chain.label, form) for form in forms]
    found = queries.entity_for_keys(connection, keys)
    if found is None and chain.label == "PERSON":
        found = _same_person(connection, chain)
    if found is None:
        found = entity_id(chain.label, chain.name)
        writes.save_entity(connection, found, label_family(chain.label), chain.name)
    elif chain.label == "PERSON":
        _prefer_fuller_name(connection, found, chain.name)
    for key in keys:
        writes.save_entity_name(connection, key, found)
    return found


def _same_person(connection: sa.Connection, chain: Chain) -> str | None:
    tokens = chain.name.split()
    if len(tokens) == 1:
        candidates = queries.people_with_surname(connection, tokens[0])
    else:
        candidates = queries.people_named(connection, tokens[-1])
    return candidates[0] if len(candidates) == 1 else None


def _prefer_fuller_name(connection: sa.Connection, entity: str, name: str) -> None:
    current = queries.entity_name(connection, entity)
    if current is not None and len(name.split()) > len(current.split()) and name.split()[-1] == current.split()[-1]:
        writes.rename_entity(connection, entity, name)
