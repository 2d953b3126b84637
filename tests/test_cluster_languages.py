"""Across languages: a translation joins the event of its original, by meaning, whatever its words."""

import numpy as np

from rashomon import reads, samples
from rashomon.cluster.assign import Ids, assign
from rashomon.cluster.index import ClusterIndex
from rashomon.cluster.languages import LanguageIndex
from rashomon.cluster.profiles import ArticleProfile
from rashomon.cluster.similarity import ClusterModel
from rashomon.ingest.session import ingest
from rashomon.pipeline.runner import analyze
from tests.conftest import FIXTURES

MODEL = ClusterModel(event_threshold=0.1, story_threshold=0.05)


def _unit(*values):
    vector = np.asarray(values, dtype=np.float32)
    return vector / np.linalg.norm(vector)


def _profile(article_id, words, vector, language):
    return ArticleProfile(article_id, None, vector, dict.fromkeys(words.split(), 1), frozenset(), language=language)


def _corpus():
    """Three English reports of different happenings (enough to say how close Spanish usually comes to
    English), and a Spanish translation of the first: no word in common with it, nearly all of its meaning."""
    return [_profile("en-vote", "election vote count fraud", _unit(1, 0.1, 0, 0), "en"),
            _profile("en-rally", "election rally crowd speech", _unit(0.2, 1, 0, 0), "en"),
            _profile("en-budget", "budget tax deficit plan", _unit(0.3, 0.3, 0, 1), "en"),
            _profile("es-vote", "elección voto recuento fraude", _unit(1, 0.12, 0.05, 0), "es")]


def test_cluster_languages_a_translation_joins_the_event_of_its_original():
    index, ids = ClusterIndex(MODEL), Ids(1, 1)
    index.know(_corpus())
    placed = [assign(index, profile, MODEL, ids) for profile in _corpus()]
    assert placed[3].decision == "joined" and placed[3].event == placed[0].event != placed[1].event
    best = placed[3].candidates[0]
    assert best.closest == "en-vote" and best.score >= MODEL.event_threshold
    assert index.articles.cosine("es-vote", "en-vote") == 0.0  # no word in common: the words did not veto


def test_cluster_languages_only_the_mutually_closest_pair_is_judged():
    vectors = [_unit(1, 0, 0), _unit(0.9, 0.4, 0), _unit(0, 0.2, 1), _unit(0.95, 0.1, 0.1)]
    languages = LanguageIndex(lambda number: vectors[number])
    for number, language in enumerate(("en", "en", "en", "es")):
        languages.add(number, language)
    assert languages.margin(3, 0) > 1.0 and languages.margin(3, 1) is None
    assert languages.mutual(3) == [0] and languages.mutual(1) == []
    assert not languages.apart(0, 1) and languages.apart(0, 3)


def test_cluster_languages_a_german_dpa_text_joins_the_interview_and_nothing_moves(store, settings):
    """The seeds and a short German report of the dpa interview (its "23. Dezember 2021" is not read: the
    German text is undated): it joins 000/001/002, and the January briefing (003), whose text names only
    15 December, stays its own event."""
    ingest(store, [str(p) for p in samples.seed_paths()] + [str(FIXTURES / "seeds-de" / "dpa_de.txt")], settings)
    analyze(store, settings)
    origins = {a.id: a.origin.rsplit("/", 1)[-1][:3] for a in reads.articles(store).articles}
    placed = {origins[article]: event for article, (event, _) in reads.placements(store).items()}
    assert placed["dpa"] == placed["000"] == placed["001"] == placed["002"]
    assert len({placed["000"], placed["003"], placed["004"]}) == 3
    german = next(article for article, seed in origins.items() if seed == "dpa")
    explained = reads.why(store, german).as_dict()
    assert explained["decision"] == "joined" and explained["merged_events"] == [] and explained["current"] is None
    (counterpart,) = explained["counterparts"]  # linked to the English report it is most like, and it to it
    assert origins[counterpart["article"]] in ("000", "001", "002") and counterpart["language"] == "en"
    assert counterpart["margin"] >= 1.02
    assert all(not reads.why(store, article).moves for article in origins)
    briefing = next(article for article, seed in origins.items() if seed == "003")
    weighed = reads.why(store, briefing).as_dict()["candidates"]
    interview = next(c for c in weighed if c["event"] == placed["000"])
    assert interview["features"]["named_day"] == 1 and not interview["in_event_window"]  # 15 Dec: named, not its date
    assert next(a for a in reads.articles(store).articles if a.id == briefing).published is None
