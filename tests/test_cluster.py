"""Stories and events: the seed corpus, merges, time windows, explanations, metrics and the CLI."""

import json
from dataclasses import replace

import numpy as np
import pytest

from rashomon import samples
from rashomon import reads
from rashomon.cluster.assign import Ids, assign
from rashomon.cluster.index import ClusterIndex
from rashomon.cluster.profiles import ArticleProfile, latest_mentioned_day
from rashomon.cluster.similarity import ClusterModel
from rashomon.errors import ModelMissing
from rashomon.evaluate.metrics import adjusted_rand_index, bcubed
from rashomon.nlp import models
from rashomon.pipeline.runner import analyze
from tests.conftest import FIXTURES

# Hand-made articles of a few words: too few for a background, so a score is the word cosine scaled by
# the square root of the shorter one's words over 100 (three words: 0.17 at most).
FEW_WORDS = ClusterModel(event_threshold=0.1, story_threshold=0.05)


def _profile(article_id, words, published=None, vector=(1.0, 0.0)):
    return ArticleProfile(article_id, published, np.asarray(vector, dtype=np.float32),
                          dict.fromkeys(words.split(), 1), frozenset())


def _place(profiles, model=FEW_WORDS):
    index, ids = ClusterIndex(model), Ids(1, 1)
    return index, [assign(index, profile, model, ids) for profile in profiles]



def _placement_by_seed(store):
    seeds = {a.id: a.origin.rsplit("/", 1)[-1][:3] for a in reads.articles(store).articles}
    return {seeds[article]: placed for article, placed in reads.placements(store).items()}


def test_cluster_seeds_one_interview_two_other_events_one_story(seeded):
    placed = _placement_by_seed(seeded)
    events = {seed: event for seed, (event, _) in placed.items()}
    assert events["000"] == events["001"] == events["002"]  # the dpa interview of 23 December
    assert len({events["000"], events["003"], events["004"]}) == 3  # the January briefing, 1 December
    assert len({story for _, story in placed.values()}) == 1


def test_cluster_seeds_why_names_shared_entities_and_thresholds(seeded):
    seed_001 = next(a.id for a in reads.articles(seeded).articles if "/001_" in a.origin)
    explained = reads.why(seeded, seed_001).as_dict()
    assert explained["decision"] == "joined"
    assert explained["event_threshold"] == models.cluster_model().event_threshold
    best = explained["candidates"][0]
    assert best["event"] == explained["event"] and best["score"] >= explained["event_threshold"]
    assert {"NATO", "Jens Stoltenberg"} & set(best["shared_entities"]) and "nato" in best["shared_words"]
    assert -1.0 <= best["features"]["meaning_background"] < best["features"]["meaning_mean"] <= 1.0


def test_cluster_rerunning_adds_nothing(seeded, settings):
    assert analyze(seeded, settings).clusters["clustered"] == 0
    assert len(reads.stories(seeded)) == 1


def test_cluster_seeds_in_two_runs_keep_their_events(store, settings):
    from rashomon.ingest.session import ingest

    paths = sorted(samples.seed_paths())
    ingest(store, [str(p) for p in paths[:3]], settings)
    analyze(store, settings)
    ingest(store, [str(p) for p in paths[3:]], settings)
    assert analyze(store, settings).clusters["clustered"] == 2  # the second run places only the new two
    placed = _placement_by_seed(store)
    assert placed["000"][0] == placed["001"][0] == placed["002"][0]
    assert len({placed[seed][0] for seed in ("000", "003", "004")}) == 3
    assert len({story for _, story in placed.values()}) == 1


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
    index, placed = _place([_profile("a", "quake city rescue"), _profile("b", "quake city damage"),
                            _profile("c", "quake city rescue damage")], ClusterModel(0.125, 0.05))
    assert placed[0].event != placed[1].event and placed[1].candidates[0].score < 0.125  # two words of three
    assert placed[2].decision == "bridged"
    (moved, gone, kept), = placed[2].moved_articles
    assert (moved, gone, kept) == ("b", placed[1].event, placed[0].event)
    assert list(index.events) == [kept] == [placed[2].event]
    assert [m.article_id for m in index.events[kept].members] == ["a", "b", "c"]
    (merge,) = placed[2].explanation(ClusterModel(0.125, 0.05))["merges"]
    assert (merge["gone"], merge["kept"]) == (gone, kept) and merge["link"] >= 0.125


def test_cluster_an_undated_article_never_bridges_events_its_neighbours_dates_keep_apart():
    """b is undated but names 20 January: 19 days from a's publication, so b opened its own event. c names
    no day at all; it may join either, but cannot make them one on a date it does not have."""
    from datetime import date

    model = ClusterModel(0.125, 0.05)
    dated = _profile("a", "quake city rescue", date(2022, 1, 1))
    named = replace(_profile("b", "quake city damage"), mentioned="2022-01-20")
    index, placed = _place([dated, named, _profile("c", "quake city rescue damage")], model)
    assert placed[1].event != placed[0].event
    assert placed[2].decision == "joined" and not placed[2].merged_events and len(index.events) == 2


def _topic_corpus():
    """Forty articles of one topic, each with a word of its own (the first five also of the recount), and
    two that share a rarer pair."""
    return ([_profile(f"o{i}", f"election vote poll own{i}" + (" recount" if i < 5 else "")) for i in range(40)]
            + [_profile("x", "election vote recount fraud"), _profile("y", "election vote recount fraud")])


def test_cluster_similarity_is_read_against_the_background_of_the_topic():
    from rashomon.cluster.neighbours import NeighbourIndex

    model = ClusterModel(0.1, 0.05, neighbours=5, background_ranks=(10, 20))
    index = ClusterIndex(model)
    index.know(_topic_corpus())
    articles = index.articles
    around = articles.neighbourhood("x")
    assert "y" in around.nearest and len(around.nearest) == 5
    assert 0 < around.background < articles.cosine("x", "o1") < articles.cosine("x", "y")
    expected = (articles.cosine("x", "y") - around.background) * (4 / 100) ** 0.5
    assert articles.similarity("x", "y") == pytest.approx(expected)
    assert isinstance(articles, NeighbourIndex)


def test_cluster_vectors_add_their_excess_over_the_background_by_the_meaning_weight():
    """x and y share the rare pair in words and point the same way in meaning; the background articles
    (ranks 10-20 of x's neighbours) point elsewhere."""
    corpus = [replace(p, vector=np.asarray((0.0, 1.0), dtype=np.float32)) for p in _topic_corpus()[:40]]
    corpus += [replace(p, vector=np.asarray((0.6, 0.8), dtype=np.float32)) for p in _topic_corpus()[40:]]
    words_only = ClusterIndex(ClusterModel(0.1, 0.05, neighbours=5, background_ranks=(10, 20)))
    with_meaning = ClusterIndex(ClusterModel(0.1, 0.05, neighbours=5, background_ranks=(10, 20), meaning_weight=0.5))
    for index in (words_only, with_meaning):
        index.know(corpus)
    around = with_meaning.articles.neighbourhood("x")
    assert with_meaning.articles.meaning("x", "y") == pytest.approx(1.0)
    assert around.meaning_background == pytest.approx(0.8)  # its background articles' vectors: (0, 1)
    expected = words_only.articles.similarity("x", "y") + 0.5 * (1.0 - 0.8)
    assert with_meaning.articles.similarity("x", "y") == pytest.approx(expected)
    assert with_meaning.articles.similarity("x", "o10") == 0.0  # not near: meaning alone does not count


def test_cluster_a_vector_of_other_dimensions_is_refused_naming_the_article():
    from rashomon.errors import StoreError

    index = ClusterIndex(FEW_WORDS)
    index.know([_profile("a", "quake city rescue")])
    with pytest.raises(StoreError, match="article b: a vector of 3 dimensions where the others have 2"):
        index.know([_profile("b", "quake city damage", vector=(1.0, 0.0, 0.0))])
    assert "b" not in index.articles and len(index.articles) == 1


def test_cluster_only_near_neighbours_count():
    index = ClusterIndex(ClusterModel(0.1, 0.05, neighbours=5, background_ranks=(10, 20)))
    index.know(_topic_corpus())
    articles = index.articles
    far = "o10"
    assert far not in articles.neighbourhood("x").nearest
    assert "x" not in articles.neighbourhood(far).nearest  # its own nearest are the other polls
    assert articles.cosine("x", far) > 0 and not articles.near("x", far) and articles.similarity("x", far) == 0.0


def test_cluster_a_new_article_refreshes_the_neighbourhoods_it_enters():
    index = ClusterIndex(ClusterModel(0.1, 0.05, neighbours=2, background_ranks=(2, 4)))
    index.know(_topic_corpus()[:10])
    before = index.articles.neighbourhood("o1")
    index.know([_profile("z", "election vote poll own1")])
    assert "z" not in before.nearest and "z" in index.articles.neighbourhood("o1").nearest


def test_cluster_training_chooses_the_grid_point_good_on_every_file():
    from rashomon.train.clusters import best_point, cluster_in_order, grid_scores

    profiles = [_profile("a", "quake city rescue"), _profile("b", "quake city rescue"), _profile("c", "cup final"),
                _profile("d", "cup final match")]
    labels = ["q", "q", "f", "f"]
    assert cluster_in_order(profiles, FEW_WORDS) == [1, 1, 2, 2]
    points = grid_scores([(profiles, labels)])
    best = best_point(points)
    assert best.f1 == (1.0,) and best.mean_f1 == max(point.mean_f1 for point in points)
    assert min(point.mean_f1 for point in points) < 1.0  # the grid does not all agree: it chooses


def test_cluster_training_prefers_good_everywhere_to_best_on_average():
    from rashomon.train.clusters import GridPoint, best_point

    uneven = GridPoint(ClusterModel(0.1, 0.05), (1.0, 0.62))  # the best mean, 0.81; 0.13 below the best 0.75
    even = GridPoint(ClusterModel(0.2, 0.1), (0.90, 0.70))  # mean 0.80; at most 0.10 below a file's best
    lopsided = GridPoint(ClusterModel(0.3, 0.15), (0.80, 0.75))  # 0.20 below the best 1.0
    points = [uneven, even, lopsided]
    assert max(points, key=lambda point: point.mean_f1) is uneven
    assert best_point(points) is even


def test_cluster_latest_mentioned_day_prefers_full_dates():
    assert latest_mentioned_day(["2021-12-15", "XXXX-WXX-3", "XXXX-12-24", "2022"]) == "2021-12-15"
    assert latest_mentioned_day(["XXXX-12-24", "XXXX-12"]) == "XXXX-12-24"
    assert latest_mentioned_day(["PRESENT_REF"]) is None


def test_cluster_model_round_trips_and_a_wrong_file_is_refused(tmp_path):
    model = models.cluster_model()
    model.save(tmp_path / "model.json")
    assert ClusterModel.read(tmp_path / "model.json") == model
    (tmp_path / "bad.json").write_text(json.dumps({"format": "other"}))
    with pytest.raises(ModelMissing, match="not a rashomon cluster model"):
        ClusterModel.read(tmp_path / "bad.json")
    (tmp_path / "partial.json").write_text(json.dumps({"format": json.loads(
        (tmp_path / "model.json").read_text())["format"], "event_threshold": 0.1}))
    with pytest.raises(ModelMissing, match="partial.json: a cluster model without a valid 'story_threshold'"):
        ClusterModel.read(tmp_path / "partial.json")
    (tmp_path / "broken.json").write_text("{")
    with pytest.raises(ModelMissing, match="broken.json: cannot read a cluster model"):
        ClusterModel.read(tmp_path / "broken.json")


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
    # the last day is 002's dateline "December 24 –" (issue 25: read as its date, before it had none)
    assert (story["events"], story["articles"], story["first"], story["last"]) == (3, 5, "2021-12-01", "2021-12-24")
    detail = json.loads(cli("story", str(story["story"]), "--json").stdout)
    assert sorted(len(event["articles"]) for event in detail["events"]) == [1, 1, 3]
    assert detail["coverage"]["2021-12-23"] == 2 and detail["coverage"]["2021-12-24"] == 1
    assert detail["coverage"]["undated"] == 1
    article = detail["events"][0]["articles"][0]["article"]
    shown = cli("why", article[:8])
    assert shown.exit_code == 0 and f"{article}: event" in shown.stdout
    missing = cli("story", "999")
    assert missing.exit_code == 1
    assert missing.stderr.strip() == "Error: story 999: no such story (`rashomon stories` lists them)"


STORIES = FIXTURES / "stories.jsonl"
EVENT_THRESHOLDS = (0.25, 0.2, 0.175, 0.15, 0.125, 0.1, 0.075, 0.05)


def test_cluster_eval_and_train_on_a_small_gold_file(cli, tmp_path):
    scores = json.loads(cli("eval", "stories", str(STORIES), "--json").stdout)
    assert scores["articles"] == 8 and scores["rashomon"]["gold_clusters"] == 3
    assert scores["rashomon"]["bcubed"]["f1"] == 1.0  # three stories months apart, each in its own words
    assert "threshold" in scores["tfidf_agglomerative"] and "bcubed" in scores["embeddings_hdbscan"]
    trained = cli("train", "clusters", str(STORIES), "-o", str(tmp_path / "model.json"))
    assert trained.exit_code == 0
    model = ClusterModel.read(tmp_path / "model.json")
    assert model.trained_on == "stories.jsonl" and model.event_threshold in EVENT_THRESHOLDS
    assert "mean B-cubed F1 1.000" in trained.stderr


def test_cluster_eval_refuses_an_unknown_level(cli):
    result = cli("eval", "stories", str(STORIES), "--level", "topic")
    assert result.exit_code == 1
    assert result.stderr.strip() == "Error: --level 'topic': expected event or story"


def test_cluster_why_gives_a_moved_article_the_reasons_of_its_current_event(store, settings, tmp_path, cli):
    """b opened its own event; c then bridged a's and b's. `why b` leads with the move that put b where it is
    (the bridging article and how alike the two events were), and keeps b's first reasons after it."""
    from rashomon.cluster.placing import as_placement
    from rashomon.ingest.session import ingest
    from rashomon.store.stage_io import clusters

    words = ("quake city rescue", "quake city damage", "quake city rescue damage")
    dump = tmp_path / "quake.jsonl"
    dump.write_text("".join(json.dumps({"title": w, "text": f"{w} reported"}) + "\n" for w in words))
    ingest(store, [str(dump)], settings)
    ids = [a.id for a in sorted(reads.articles(store).articles, key=lambda a: a.origin)]
    model, index, numbers = ClusterModel(0.125, 0.05), ClusterIndex(ClusterModel(0.125, 0.05)), Ids(1, 1)
    profiles = [_profile(article_id, w) for article_id, w in zip(ids, words)]
    placements = [as_placement(assign(index, p, model, numbers), seq, p, model) for seq, p in enumerate(profiles, 1)]
    with store.transaction() as connection:
        clusters.save_placements(connection, placements)
    explained = reads.why(store, ids[1]).as_dict()
    assert explained["event"] == placements[0].event_id and explained["decision"] == "new event"
    current = explained["current"]
    assert (current["how"], current["because"], current["from_event"], current["to_event"]) == (
        "bridged", ids[2], placements[1].event_id, placements[0].event_id)
    assert current["link"] >= current["event_threshold"] == 0.125
    assert reads.why(store, ids[0]).as_dict()["current"] is None
    shown = cli("why", ids[1]).stdout
    moved = f"moved from event {placements[1].event_id} to {placements[0].event_id} when article {ids[2]} bridged"
    assert shown.index(moved) < shown.index("when it was first placed") < shown.index("candidates weighed")


def test_cluster_an_outlets_earlier_report_is_no_evidence_of_the_same_happening():
    """Two reports of one outlet in the same words are two of its stories (an outlet tells a happening once);
    a third outlet's report in those words joins the first (its own outlet's second report counts zero)."""
    reports = [replace(_profile("a", "missile launch korea"), outlet="wire"),
               replace(_profile("b", "missile launch korea"), outlet="wire"),
               replace(_profile("c", "missile launch korea"), outlet="herald")]
    _, placed = _place(reports)
    assert placed[1].decision == "new event" and placed[1].story == placed[0].story
    assert placed[2].decision == "joined" and placed[2].event in (placed[0].event, placed[1].event)
