"""Stories and events: the seed corpus, merges, time windows, explanations, metrics and the CLI."""

import json

import numpy as np
import pytest

from rashomon import samples
from rashomon.analysis import analyze
from rashomon.cluster.assign import Ids, assign
from rashomon.cluster.index import ClusterIndex
from rashomon.cluster.profiles import ArticleProfile, latest_mentioned_day
from rashomon.cluster.similarity import FEATURES, ClusterModel, bundled_cluster_model
from rashomon.errors import ModelMissing
from rashomon.evaluate.stories import adjusted_rand_index, bcubed
from rashomon.store import queries
from tests.conftest import FIXTURES

# Words decide alone in these hand-made cases: same words, same event.
WORDS_ONLY = ClusterModel({"words": 20.0, "vector": 0.0, "entities": 0.0, "dated": 0.0, "log_days": -2.0},
                          bias=-10.0)


def _profile(article_id, words, published=None, vector=(1.0, 0.0)):
    return ArticleProfile(article_id, published, np.asarray(vector, dtype=np.float32),
                          dict.fromkeys(words.split(), 1), frozenset())


def _place(profiles, model=WORDS_ONLY):
    index, ids = ClusterIndex(dimensions=2), Ids(1, 1)
    return index, [assign(index, profile, model, ids) for profile in profiles]



def _placement_by_seed(store):
    with store.read() as connection:
        articles = {a.id: a.origin.rsplit("/", 1)[-1][:3] for a in queries.articles(connection)}
        return {articles[a]: (p.event_id, p.story_id) for a in articles
                for p in [queries.cluster_placement(connection, a)]}


def test_cluster_seeds_one_interview_two_other_events_one_story(seeded):
    placed = _placement_by_seed(seeded)
    events = {seed: event for seed, (event, _) in placed.items()}
    assert events["000"] == events["001"] == events["002"]  # the dpa interview of 23 December
    assert len({events["000"], events["003"], events["004"]}) == 3  # the January briefing, 1 December
    assert len({story for _, story in placed.values()}) == 1


def test_cluster_seeds_why_names_shared_entities_and_thresholds(seeded):
    from rashomon.cluster.explain import explain

    with seeded.read() as connection:
        seed_001 = next(a.id for a in queries.articles(connection) if "/001_" in a.origin)
        explained = explain(connection, seed_001)
    assert explained["decision"] == "joined" and explained["event_threshold"] == 0.5
    best = explained["candidates"][0]
    assert best["event"] == explained["event"] and best["probability"] >= 0.5
    assert {"NATO", "Jens Stoltenberg"} & set(best["shared_entities"]) and "nato" in best["shared_words"]


def test_cluster_rerunning_adds_nothing(seeded, settings):
    assert analyze(seeded, settings).clusters.clustered == 0
    with seeded.read() as connection:
        assert len(queries.stories_overview(connection)) == 1


def test_cluster_same_words_join_other_words_open_a_new_story():
    _, placed = _place([_profile("a", "missile launch korea"), _profile("b", "missile launch korea"),
                        _profile("c", "football cup final")])
    assert placed[1].decision == "joined" and placed[1].event == placed[0].event
    assert placed[2].decision == "new story" and placed[2].story != placed[0].story


def test_cluster_a_month_apart_is_another_event_of_the_same_story():
    from datetime import date

    _, placed = _place([_profile("a", "missile launch korea", date(2022, 1, 1)),
                        _profile("b", "missile launch korea", date(2022, 2, 1))])
    assert placed[1].event != placed[0].event and placed[1].story == placed[0].story
    assert not placed[1].candidates[0].in_event_window


def test_cluster_an_article_that_bridges_two_events_merges_them_and_records_the_moves():
    index, placed = _place([_profile("a", "quake city rescue", vector=(1, 0)),
                            _profile("b", "quake city damage", vector=(0, 1)),
                            _profile("c", "quake city rescue damage", vector=(0.7, 0.7))],
                           ClusterModel({"words": 20.0}, bias=-14.5))
    assert placed[0].event != placed[1].event
    assert placed[2].decision == "bridged"
    (moved, gone, kept), = placed[2].moved_articles
    assert {(moved, gone, kept)} <= {("a", placed[0].event, placed[1].event), ("b", placed[1].event, placed[0].event)}
    assert list(index.events) == [kept] == [placed[2].event]


def test_cluster_rare_words_find_an_event_the_vectors_miss():
    index = ClusterIndex(dimensions=2)
    others = [_profile(f"o{i}", f"filler{i} topic{i}", vector=(1.0, 0.0)) for i in range(30)]
    target = _profile("t", "zelenskyy hostomel airfield", vector=(0.0, 1.0))
    for number, profile in enumerate([target, *others]):
        index.add(index.new_event(number, number), profile)
    article = _profile("a", "hostomel airfield battle", vector=(0.6, -0.8))  # the target is the farthest vector
    assert 0 in index._sharing_terms(article)
    assert 0 in [event.id for event in index.candidates(article)]
    assert 0 not in index._nearest(article.vector, None, 0)[:12]


def test_cluster_an_event_the_article_came_close_to_merges_once_its_members_belong():
    model = ClusterModel({"words_centroid": 20.0}, bias=-16.0)  # joins at a centroid cosine of 0.8
    index, placed = _place([_profile("a", "city damage crew quake toll"), _profile("b", "team quake rescue"),
                            _profile("c", "toll crew rescue quake"), _profile("d", "rescue toll damage quake")], model)
    assert placed[2].decision == "new event" and placed[2].story == placed[0].story
    came_close = {c.event: c.probability for c in placed[3].candidates}[placed[0].event]
    assert model.story_threshold <= came_close < model.event_threshold
    assert placed[3].decision == "bridged" and placed[3].merged_events == [(placed[0].event, placed[2].event)]
    assert sorted(m.article_id for m in index.events[placed[2].event].members) == ["a", "c", "d"]


def test_cluster_training_examples_weigh_each_article_against_its_gold_event():
    from rashomon.cluster.training import training_examples

    profiles = [_profile("a", "quake city rescue"), _profile("b", "quake city rescue"), _profile("c", "cup final")]
    rows, targets = training_examples(profiles, ["q", "q", "f"])
    assert targets == [True, False]  # b against q (its own); c against q (f does not exist yet)
    assert len(rows) == 2 and all(len(row) == len(FEATURES) for row in rows)


def test_cluster_latest_mentioned_day_prefers_full_dates():
    assert latest_mentioned_day(["2021-12-15", "XXXX-WXX-3", "XXXX-12-24", "2022"]) == "2021-12-15"
    assert latest_mentioned_day(["XXXX-12-24", "XXXX-12"]) == "XXXX-12-24"
    assert latest_mentioned_day(["PRESENT_REF"]) is None


def test_cluster_model_round_trips_and_a_wrong_file_is_refused(tmp_path):
    model = bundled_cluster_model()
    model.save(tmp_path / "model.json")
    assert ClusterModel.read(tmp_path / "model.json") == ClusterModel(
        {k: round(v, 4) for k, v in model.weights.items()}, round(model.bias, 4), model.event_threshold,
        model.story_threshold, model.trained_on)
    (tmp_path / "bad.json").write_text(json.dumps({"format": "other"}))
    with pytest.raises(ModelMissing, match="not a rashomon cluster model"):
        ClusterModel.read(tmp_path / "bad.json")


def test_cluster_metrics_on_a_hand_counted_partition():
    gold = ["x", "x", "y", "y"]
    assert bcubed([1, 1, 2, 2], gold) == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    merged = bcubed([1, 1, 1, 1], gold)
    assert merged["precision"] == 0.5 and merged["recall"] == 1.0
    assert adjusted_rand_index([1, 1, 2, 2], gold) == 1.0
    assert adjusted_rand_index([1, 2, 1, 2], gold) == pytest.approx(-0.5)


def test_cluster_cli_stories_story_and_why(cli):
    assert cli("ingest", *[str(p) for p in samples.seed_paths()]).exit_code == 0
    assert cli("analyze", "--json").exit_code == 0
    (story,) = json.loads(cli("stories", "--json").stdout)
    assert (story["events"], story["articles"], story["first"], story["last"]) == (3, 5, "2021-12-01", "2021-12-23")
    detail = json.loads(cli("story", str(story["story"]), "--json").stdout)
    assert sorted(len(event["articles"]) for event in detail["events"]) == [1, 1, 3]
    assert detail["coverage"]["2021-12-23"] == 2 and detail["coverage"]["undated"] == 2
    article = detail["events"][0]["articles"][0]["article"]
    shown = cli("why", article[:8])
    assert shown.exit_code == 0 and f"{article}: event" in shown.stdout
    missing = cli("story", "999")
    assert missing.exit_code == 1
    assert missing.stderr.strip() == "Error: story 999: no such story (`rashomon stories` lists them)"


STORIES = FIXTURES / "stories.jsonl"


def test_cluster_eval_and_train_on_a_small_gold_file(cli, tmp_path):
    scores = json.loads(cli("eval", "stories", str(STORIES), "--json").stdout)
    assert scores["articles"] == 8 and scores["rashomon"]["gold_clusters"] == 3
    assert scores["rashomon"]["bcubed"]["f1"] == 1.0  # three stories months apart, each in its own words
    assert "threshold" in scores["tfidf_agglomerative"] and "bcubed" in scores["embeddings_hdbscan"]
    trained = cli("train", "clusters", str(STORIES), "-o", str(tmp_path / "model.json"))
    assert trained.exit_code == 0
    model = ClusterModel.read(tmp_path / "model.json")
    assert model.weights["words_centroid"] > 0 and model.trained_on == "stories.jsonl"


def test_cluster_eval_refuses_an_unknown_level(cli):
    result = cli("eval", "stories", str(STORIES), "--level", "topic")
    assert result.exit_code == 1
    assert result.stderr.strip() == "Error: --level 'topic': expected event or story"
