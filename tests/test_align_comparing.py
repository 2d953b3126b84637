"""Comparing the accounts on the seeds: the facts of the 23 December event, their divergences, and
comparing again only what changed."""

import pytest

from rashomon import reads, samples
from rashomon.ingest.session import ingest
from rashomon.pipeline.runner import analyze


def _seed_of(store):
    return {a.id: a.origin.rsplit("/", 1)[-1][:3] for a in reads.articles(store).articles}


@pytest.fixture
def interview(seeded):
    """The event of the dpa interview (000, 001, 002): its facts, as seeds → words."""
    seeds = _seed_of(seeded)
    event = next(e for a, (e, _) in reads.placements(seeded).items() if seeds[a] == "000")
    found = reads.compare(seeded, event=event)
    column_seed = {column: seeds[articles[0]] for column, articles in found.articles.items()}
    facts = [{column_seed[c]: report.words for c, report in fact.reports.items()} for fact in found.facts]
    return seeded, event, facts


def _reported_by(facts, seed, words):
    """The seeds reporting the fact that ``seed`` words with ``words``."""
    (fact,) = [f for f in facts if words in f.get(seed, "")]
    return set(fact)


def test_align_comparing_seeds_shared_facts_of_the_interview(interview):
    _, _, facts = interview
    assert _reported_by(facts, "000", "founding agreement of NATO") == {"000", "001", "002"}
    assert _reported_by(facts, "001", "NATO never promised not to expand") == {"000", "001", "002"}
    assert _reported_by(facts, "000", "NATO has never denied the possibility of expansion") == {"000", "001", "002"}
    assert _reported_by(facts, "000", "fundamental principle of European security") == {"000", "001"}
    assert _reported_by(facts, "000", "the Allies deny that such promises were ever made") == {"000", "001"}
    assert _reported_by(facts, "000", "each state can freely determine its own destiny") == {"000", "002"}


def test_align_comparing_seeds_what_002_leaves_out(interview):
    _, _, facts = interview
    assert _reported_by(facts, "000", "Helsinki Final Act") == {"000", "001"}
    assert _reported_by(facts, "000", "We cannot change this with a few quotes") == {"000", "001"}
    assert _reported_by(facts, "000", "Mikhail Gorbachev himself said") == {"000", "001"}


def test_align_comparing_seeds_facts_only_one_outlet_reports(interview):
    _, _, facts = interview
    assert _reported_by(facts, "001", "five waves of NATO enlargement") == {"001"}
    assert _reported_by(facts, "001", "rolled out by the Russian Foreign Ministry on 17 December") == {"001"}
    assert _reported_by(facts, "001", "Not a single inch to the East") == {"001"}
    assert _reported_by(facts, "002", "The United States has stood on our doorstep with missiles") == {"002"}
    assert _reported_by(facts, "000", "the deployment of US missile defense (ABM) elements") == {"000"}
    assert _reported_by(facts, "000", "Moscow would respond in proportion") == {"000"}  # Grushko, 20 Dec
    assert _reported_by(facts, "000", "great danger that contacts along the military line") == {"000"}


def test_align_comparing_seeds_divergences_and_the_traps_that_are_none(interview):
    store, event, _ = interview
    seeds = _seed_of(store)
    found = {(d.kind, d.reason, seeds[d.spans[0].article_id], seeds[d.spans[1].article_id])
             for d in reads.divergences(store) if d.event_id == event}
    assert ("entity", "NATO ≠ EU", "000", "002") in found  # "the founding treaty of the EU"
    assert ("entity", "NATO ≠ EU", "001", "002") in found  # "NATO's memorandum … (the so-called Washington Treaty)"
    assert ("verb", "said ≠ Claims", "000", "001") in found  # "NATO has never denied … He said this"
    assert ("verb", "Claims ≠ told the German dpa news agency", "001", "002") in found  # the headline's verb
    assert not {kind for kind, *_ in found} & {"negation", "number", "date", "speaker"}


def test_align_comparing_again_compares_only_the_events_that_changed(store, settings):
    first, rest = samples.seed_paths()[:3], samples.seed_paths()[3:]
    ingest(store, [str(p) for p in first], settings)
    assert analyze(store, settings).compared["events"] == 1
    before = reads.compare(store, event=next(iter(reads.placements(store).values()))[0])
    assert analyze(store, settings).compared["events"] == 0
    ingest(store, [str(p) for p in rest], settings)
    assert analyze(store, settings).compared["events"] == 2  # 003 and 004: events of their own
    after = reads.compare(store, event=before.facts[0].event_id)
    assert [f.fact_id for f in after.facts] == [f.fact_id for f in before.facts]
