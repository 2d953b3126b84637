"""People kept apart and brought together as their names say, in one article and across articles (issue 25)."""

import pytest

from rashomon.nlp.entities import find_entities
from rashomon.nlp.models import spacy_pipeline
from rashomon.nlp.person_names import person_before_possessive, same_person_possible, without_titles
from rashomon.store.stage_io.annotations import StoredEntities
from tests.chains import person, resolve_article


def _chains(text):
    found = find_entities(spacy_pipeline("en")(text))
    return {chain.name: [m.text for m in found.mentions if m.chain == chain.index] for chain in found.chains}, \
        {chain.name: chain.label for chain in found.chains}


def test_entity_resolution_bill_and_hillary_clinton_stay_two_people(store):
    (bill,) = resolve_article(store, person(0, "Bill Clinton", "Clinton"))
    (hillary,) = resolve_article(store, person(0, "Hillary Clinton", "Clinton"))
    assert hillary != bill
    assert resolve_article(store, person(0, "Hillary Clinton")) == [hillary]
    assert resolve_article(store, person(0, "Former President Bill Clinton")) == [bill]


def test_entity_resolution_a_surname_alone_is_not_given_the_first_clinton_stored(store):
    resolve_article(store, person(0, "Bill Clinton", "Clinton"))
    resolve_article(store, person(0, "Hillary Clinton", "Clinton"))
    (clinton,) = resolve_article(store, person(0, "Clinton"))
    with store.read() as connection:
        assert StoredEntities(connection).entity(clinton).name == "Clinton"


def test_entity_resolution_a_middle_initial_left_out_is_the_same_person(store):
    (ryan,) = resolve_article(store, person(0, "Paul Ryan", "Ryan"))
    assert resolve_article(store, person(0, "Paul D. Ryan", "Ryan")) == [ryan]
    assert resolve_article(store, person(0, "Rep. Paul Ryan")) == [ryan]


def test_entity_resolution_different_middle_initials_are_different_people(store):
    (son,) = resolve_article(store, person(0, "George W. Bush"))
    (father,) = resolve_article(store, person(0, "George H.W. Bush"))
    assert son != father
    (either,) = resolve_article(store, person(0, "George Bush"))  # could be either: a name of its own
    assert either not in (son, father)


@pytest.mark.parametrize("one, other, same", [
    ("Paul D. Ryan", "Paul Ryan", True), ("Hillary Rodham Clinton", "Hillary Clinton", True),
    ("Joe Biden", "Joseph R. Biden", True), ("Bill Clinton", "Hillary Clinton", False),
    ("Rep. Peter King", "Peter T. King", True), ("Peter King", "Steve King", False),
    ("George W. Bush", "George H.W. Bush", False), ("Donald Trump", "Donald Trump Jr.", False),
    ("Clinton", "Bill Clinton", False),
])
def test_entity_resolution_which_full_names_can_be_one_person(one, other, same):
    assert same_person_possible(one, other) is same


def test_entity_resolution_a_title_is_not_part_of_the_name():
    assert without_titles("Rep. Peter King") == "Peter King"
    assert without_titles("President Obama") == "Obama"
    assert without_titles("Pres Obama") == "Obama"


def test_entity_resolution_a_possessive_names_a_thing_of_a_person():
    assert person_before_possessive("Trump’s Twitter") == "Trump"
    assert person_before_possessive("Obama's State") == "Obama"
    assert person_before_possessive("’s Asia") is None
    assert person_before_possessive("Jens Stoltenberg") == "Jens Stoltenberg"


def test_entity_resolution_trumps_twitter_is_trump_and_a_medium():
    chains, labels = _chains("In the days before the vote, Mr. Trump’s Twitter feed was filled with attacks "
                             "on the senator.")
    assert labels == {"Trump": "PERSON", "Twitter": "ORG"}


def test_entity_resolution_politico_is_an_organisation():
    chains, labels = _chains("The report was first published by Politico. Politico said the memo was real.")
    assert labels == {"Politico": "ORG"}
    assert chains["Politico"] == ["Politico", "Politico"]


def test_entity_resolution_a_surname_in_an_article_is_the_nearest_full_name_before_it():
    chains, _ = _chains("Former President Bill Clinton campaigned in Ohio on Tuesday. Hillary Clinton, the "
                        "Democratic nominee, spoke in Iowa. Clinton said the election would be close.")
    assert chains["Bill Clinton"] == ["Former President Bill Clinton"]
    assert chains["Hillary Clinton"] == ["Hillary Clinton", "the Democratic nominee", "Clinton"]


def test_entity_resolution_a_middle_initial_in_one_article_is_one_chain():
    chains, _ = _chains("Speaker Paul D. Ryan met reporters. Paul Ryan said the bill would pass. "
                        "Ryan added that he was confident.")
    assert list(chains) == ["Paul D. Ryan"]
    assert chains["Paul D. Ryan"] == ["Speaker Paul D. Ryan", "Paul Ryan", "Ryan", "he"]


def test_entity_resolution_a_headline_is_not_a_name():
    _, labels = _chains("Stoltenberg Claims NATO Never Promised Not to Expand\n\nNATO Secretary General Jens "
                        "Stoltenberg said the alliance never promised anything.")
    assert "Stoltenberg Claims NATO Never Promised Not to Expand" not in labels
    assert labels["Jens Stoltenberg"] == "PERSON"


def test_entity_resolution_a_title_with_a_surname_finds_who_held_it(store):
    (barack,) = resolve_article(store, person(0, "Barack Obama", "Obama", "president Obama"))
    resolve_article(store, person(0, "Michelle Obama", "Obama", "first lady Obama"))
    assert resolve_article(store, person(0, "Obama", "president Obama")) == [barack]
    (obama,) = resolve_article(store, person(0, "Obama"))  # two Obamas, no title: neither
    assert obama != barack


def test_entity_resolution_an_article_gives_the_title_before_a_name_as_a_form_of_it():
    found = find_entities(spacy_pipeline("en")("President Barack Obama spoke on Monday. Obama said the deal was good."))
    (chain,) = [c for c in found.chains if c.label == "PERSON"]
    assert chain.name == "Barack Obama" and "president Obama" in chain.names


def test_entity_resolution_mrs_clinton_alone_is_hillary_and_mr_clinton_bill(store):
    (bill,) = resolve_article(store, person(0, "Bill Clinton", "Clinton", "mr. Clinton", "president Clinton"))
    (hillary,) = resolve_article(store, person(0, "Hillary Rodham Clinton", "Clinton", "mrs. Clinton"))
    assert resolve_article(store, person(0, "Clinton", "mrs. Clinton")) == [hillary]
    assert resolve_article(store, person(0, "Clinton", "mr. Clinton")) == [bill]
