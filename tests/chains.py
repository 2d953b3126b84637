"""Name chains resolved against a real store as the runner resolves them: what the entity tests share."""

from __future__ import annotations

from rashomon.entities import EntityBook, resolve_chains
from rashomon.records import NameChain
from rashomon.store.stage_io.annotations import StoredEntities, save_entity_book


def resolve_article(store, *chains: NameChain) -> list[str]:
    """One article's chains resolved against the store, the book's additions written, as the runner does."""
    with store.transaction() as connection:
        book = EntityBook(StoredEntities(connection))
        resolved = resolve_chains(chains, book)
        save_entity_book(connection, book)
    return [resolved[chain.index] for chain in chains]


def person(index: int, name: str, *names: str) -> NameChain:
    return NameChain(index, "PERSON", name, names=(name, *names))
