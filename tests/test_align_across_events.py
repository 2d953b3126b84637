"""Facts across the events of a story: gists built by hand, and the seeds' story read whole."""

import numpy as np

from rashomon import reads
from rashomon.align.across_events import linked
from rashomon.records import FactGist


def _gist(direction, words, numbers=(), dates=(), entities=("putin",), speaker="putin", attributed=True):
    vector = np.zeros(4, np.float32)
    vector[direction] = 1.0
    return FactGist(vector.tobytes(), frozenset(words.split()), frozenset(numbers), frozenset(dates),
                    frozenset(entities), speaker, attributed)


def test_align_across_events_the_same_claim_in_two_events_is_one_fact():
    claim = "west give russia secur guarante"
    facts = [(1, 10, _gist(0, claim)), (2, 10, _gist(1, "missil defens ukrain")),
             (3, 11, _gist(0, claim)), (4, 11, _gist(0, claim, speaker="lavrov")),  # said by someone else
             (5, 12, _gist(0, claim, numbers=("2",))), (6, 12, _gist(0, claim, attributed=False)),
             (7, 13, _gist(0, "nato expand east")), (8, 14, _gist(0, claim, dates=("2021-12-01",))),
             (9, 15, _gist(0, claim, dates=("2021-12-23",))), (11, 16, _gist(0, claim, entities=("nato",)))]
    assert linked(facts) == {1: 1, 3: 1, 8: 1}  # 9's date is not 8's; 11 names none of what the others do
    assert linked(facts[:1]) == {} and linked([(1, 10, _gist(0, claim)), (2, 10, _gist(0, claim))]) == {}


def test_align_across_events_each_event_gives_a_fact_once_and_only_its_closest():
    claim = "west give russia secur guarante"
    near = np.array([0.9, 0.436, 0, 0], np.float32)  # cosine 0.9 with direction 0
    facts = [(1, 10, _gist(0, claim)), (2, 11, _gist(0, claim)),
             (3, 11, FactGist(near.tobytes(), frozenset(claim.split()), frozenset(), frozenset(),
                              frozenset({"putin"}), "putin", True))]
    assert linked(facts) == {1: 1, 2: 1}


def test_align_across_events_seeds_putin_asks_for_guarantees_on_1_and_23_december(seeded):
    seeds = {a.id: a.origin.rsplit("/", 1)[-1][:3] for a in reads.articles(seeded).articles}
    (story,) = {story for article, (_, story) in reads.placements(seeded).items() if seeds[article] == "004"}
    found = reads.compare(seeded, story=story)
    rows = {frozenset((seeds[r.article_id], r.words) for r in f.reports.values()): f for f in found.facts if f.also}
    guarantees = [f for words, f in rows.items() if any("the West should give Russia some" in w for _, w in words)]
    assert len(guarantees) == 1
    assert {seeds[r.article_id] for r in guarantees[0].reports.values()} == {"004", "002"}
    assert all(len({seeds[r.article_id] for r in f.reports.values()}) >= 2 for f in found.facts if f.also)
    assert found.as_dict()["facts"][found.facts.index(guarantees[0])]["also"] == list(guarantees[0].also)
