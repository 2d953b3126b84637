"""The split pass: an event whose reports share only topic words, not specific content, falls apart."""

import numpy as np

from rashomon.cluster.assign import Ids, assign
from rashomon.cluster.index import ClusterIndex
from rashomon.cluster.profiles import ArticleProfile
from rashomon.cluster.similarity import ClusterModel, CorpusStats
from rashomon.cluster.split import SplitRule, parts

FEW_WORDS = ClusterModel(event_threshold=0.1, story_threshold=0.05)
TOPIC = ("government senate vote bill law state house member committee report official week public "
         "president party office leader support plan campaign")


def _profile(article_id, entities, words=TOPIC):
    return ArticleProfile(article_id, None, np.asarray((1.0, 0.0), dtype=np.float32),
                          dict.fromkeys(words.split(), 1), frozenset(entities))


def _stats(profiles):
    stats = CorpusStats()
    for profile in profiles:
        stats.add(profile)
    return stats


# Two indictments told in the same topic words: each group names its own senator and its own state.
FIRST = [_profile(f"first-{i}", {"Q:Menendez", "Q:New Jersey", "Q:Senate"}) for i in range(3)]
SECOND = [_profile(f"second-{i}", {"Q:Hunter", "Q:California", "Q:Senate"}) for i in range(3)]


def test_split_an_event_of_two_groups_without_shared_specific_content_falls_in_two():
    members = FIRST + SECOND
    groups = parts(members, _stats(members), SplitRule())
    assert [{m.article_id for m in group} for group in groups] == [{m.article_id for m in FIRST},
                                                                  {m.article_id for m in SECOND}]


def test_split_an_event_whose_reports_share_their_specific_content_is_kept():
    members = FIRST + [_profile(f"more-{i}", {"Q:Menendez", "Q:New Jersey", "Q:Senate", f"Q:witness {i}"})
                       for i in range(3)]
    assert len(parts(members, _stats(members), SplitRule())) == 1


def test_split_one_report_alone_is_not_split_off():
    members = FIRST + SECOND[:1]
    assert len(parts(members, _stats(members), SplitRule())) == 1


def test_split_assign_parts_the_joined_event_and_records_every_move():
    profiles = FIRST + SECOND
    index, ids = ClusterIndex(FEW_WORDS), Ids(1, 1)
    index.know(profiles)
    placed = [assign(index, profile, FEW_WORDS, ids) for profile in profiles]
    events = {p.article_id: index.event_of(p.article_id) for p in profiles}
    assert len({events[p.article_id] for p in FIRST}) == 1 and len({events[p.article_id] for p in SECOND}) == 1
    assert events["first-0"] != events["second-0"]
    splits = [s for a in placed for s in a.split_events]
    assert splits and all(story == placed[0].story for _, _, story in splits)
    moved = {article for a in placed for article, _, _ in a.moved_articles}
    assert "second-0" in moved  # placed in the first event, then moved out
    assert placed[-1].event == events["second-2"]  # the last report's recorded event is the one it ends in


def test_split_without_a_rule_the_event_stays_whole():
    profiles = FIRST + SECOND
    index, ids = ClusterIndex(FEW_WORDS), Ids(1, 1)
    index.know(profiles)
    placed = [assign(index, profile, FEW_WORDS, ids, split=None) for profile in profiles]
    assert len({index.event_of(p.article_id) for p in profiles}) == 1 and not any(a.split_events for a in placed)


def test_split_never_cuts_an_event_by_language():
    """Two outlets in English and their two Spanish translations: the English pair shares English rare words
    and the Spanish pair Spanish ones, which says nothing about the happening; reports in different
    languages are not set against each other, and the event stays whole."""
    from dataclasses import replace

    english = [replace(_profile(f"en-{i}", set(), "senator indictment bribery charges jury"), language="en")
               for i in range(2)]
    spanish = [replace(_profile(f"es-{i}", set(), "senador acusación soborno cargos jurado"), language="es")
               for i in range(2)]
    members = english + spanish
    assert parts(members, _stats(members), SplitRule()) == [members]
    untagged = [replace(m, language=None) for m in members]  # the same words, languages unknown: cut in two
    assert len(parts(untagged, _stats(untagged), SplitRule())) == 2


def test_split_why_says_an_article_was_split_off_and_by_whose_arrival(store, settings, tmp_path, cli):
    import json
    from dataclasses import replace

    from rashomon import reads
    from rashomon.cluster.placing import as_placement
    from rashomon.ingest.session import ingest
    from rashomon.store.stage_io import clusters

    reports = FIRST + SECOND
    dump = tmp_path / "indictments.jsonl"
    dump.write_text("".join(json.dumps({"title": r.article_id, "text": f"{r.article_id} {TOPIC}"}) + "\n"
                            for r in reports))
    ingest(store, [str(dump)], settings)
    stored = {a.title: a.id for a in reads.articles(store).articles}
    profiles = [replace(r, article_id=stored[r.article_id]) for r in reports]
    index, ids = ClusterIndex(FEW_WORDS), Ids(1, 1)
    index.know(profiles)
    placements = [as_placement(assign(index, p, FEW_WORDS, ids), seq, p, FEW_WORDS)
                  for seq, p in enumerate(profiles, 1)]
    with store.transaction() as connection:
        clusters.save_placements(connection, placements)
    split_off = next(a for a, _, _ in (m for p in placements for m in p.moved_articles))
    current = reads.why(store, split_off).as_dict()["current"]
    assert current["how"] == "split off" and current["link"] is None
    assert reads.why(store, split_off).event == current["to_event"] != current["from_event"]
    assert "split off event" in cli("why", split_off).stdout
