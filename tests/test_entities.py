"""Canonical entities across articles: chains resolved against the stored registry and what an article adds."""

import pytest

from rashomon.entities import EntityBook, entity_id
from rashomon.records import Entity, NameChain
from rashomon.store.stage_io.annotations import StoredEntities
from tests.chains import person, resolve_article


def _name(store, entity):
    with store.read() as connection:
        return StoredEntities(connection).entity(entity).name


def test_entities_a_surname_alone_finds_the_one_person_it_can_be(store):
    (jens,) = resolve_article(store, person(0, "Jens Stoltenberg"))
    assert jens == entity_id("PERSON", "Jens Stoltenberg")
    assert resolve_article(store, person(0, "Stoltenberg")) == [jens]
    assert resolve_article(store, NameChain(0, "ORG", "NATO"), NameChain(1, "GPE", "Russia")) != [jens, jens]


def test_entities_a_surname_stored_alone_never_absorbs_a_full_name(store):
    (stoltenberg,) = resolve_article(store, person(0, "Stoltenberg"))
    jens, anna = resolve_article(store, person(0, "Jens Stoltenberg"), person(1, "Anna Stoltenberg"))
    assert stoltenberg not in (jens, anna) and jens != anna
    assert _name(store, stoltenberg) == "Stoltenberg"
    assert resolve_article(store, person(0, "Stoltenberg")) == [stoltenberg]  # two people it can be: it stays itself


def test_entities_a_chain_sees_the_entities_an_earlier_chain_of_its_article_created(store):
    bill, clinton = resolve_article(store, person(0, "Bill Clinton"), person(1, "Bill Clinton"))
    assert clinton == bill


@pytest.mark.parametrize("names, surname", [
    (["Hans Müller"], "müller"), (["Hans Müller"], "MÜLLER"), (["HANS MULLER"], "muller"),
    (["Anne O_Brien", "Anne OxBrien"], "O_Brien"), (["A 50%"], "50%"), (["Ólafur Ragnar"], "ragnar"),
    (["MÜLLER", "Müller", "MULLER"], "müller"), (["Joseph R. Biden Jr.", "Hunter Biden"], "Biden"),
])
def test_entities_the_book_matches_names_as_the_store_does(store, names, surname):
    """Entities added in this article are found exactly as the store would find them once written."""
    with store.transaction() as connection:
        book = EntityBook(StoredEntities(connection))
        for name in names:
            book.add(Entity(entity_id("PERSON", name), name, "PERSON"))
        in_book = sorted(book.people_with_surname(surname))
        from rashomon.store import writes

        for entity in book.new.values():
            writes.save_entity(connection, entity.id, entity.label, entity.name)
        stored = StoredEntities(connection)
        assert in_book == sorted(stored.people_with_surname(surname))
