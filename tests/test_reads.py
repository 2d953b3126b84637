"""The read side: each question answered from a store built by hand, in its one JSON shape."""

import json
from datetime import date

import pytest

from rashomon import reads
from rashomon.errors import NotFound
from rashomon.records import Rejection
from rashomon.store import writes
from tests.built import SPEAKER, build


@pytest.fixture
def built(store, settings, tmp_path):
    return build(store, settings, tmp_path)


def test_reads_articles_filter_and_their_json_shape(built):
    found = reads.articles(built.store)
    assert [a.id for a in found.articles] == [built.first.id, built.second.id]
    assert found.as_dict()[0] == {"id": built.first.id, "published": date(2021, 12, 23), "outlet": "Example Wire",
                                  "language": "en", "title": "NATO never promised", "url": None, "words": 15,
                                  "copy_of": None, "headline": "NATO never promised", "outlet_label": "Example Wire"}
    herald = reads.articles(built.store, reads.ArticleFilter(outlet="example herald"))
    assert [a.id for a in herald.articles] == [built.second.id]
    assert reads.articles(built.store, reads.ArticleFilter(since=date(2021, 12, 24))).articles == herald.articles
    assert len(reads.articles(built.store, limit=1).articles) == 1


def test_reads_article_by_prefix_with_its_annotations(built):
    detail = reads.article(built.store, built.first.id[:6])
    assert (detail.article, detail.revisions, detail.copies) == (built.first, 1, ())
    shape = detail.as_dict()
    assert shape["revisions"] == 1 and shape["copies"] == [] and shape["published"] == "2021-12-23"
    annotations = shape["annotations"]
    assert annotations["pipeline"] == "by hand" and annotations["sentences"] == [[0, 56]]
    assert [(m["text"], m["entity"], m["kind"]) for m in annotations["mentions"]] == [
        (SPEAKER, SPEAKER, "name"), ("NATO", "NATO", "name")]
    assert annotations["dates"] == [{"start": 77, "end": 88, "text": "December 23", "value": "2021-12-23",
                                     "kind": "DATE", "qualifier": None}]
    with pytest.raises(NotFound, match="no article with id or URL 'ffffffff'"):
        reads.article(built.store, "ffffffff")


def test_reads_entities_count_articles_and_mentions(built):
    counts = [count.as_dict() for count in reads.entities(built.store)]
    assert [(c["name"], c["label"], c["articles"], c["mentions"]) for c in counts] == [
        (SPEAKER, "PERSON", 2, 2), ("NATO", "ORG", 2, 2)]
    assert [c.entity.name for c in reads.entities(built.store, label="org")] == ["NATO"]


def test_reads_quotes_with_the_words_of_each_span(built):
    first, second = reads.quotes(built.store)
    assert first.as_dict() == {
        "article": built.first.id, "outlet": "Example Wire", "published": date(2021, 12, 23), "index": 0,
        "kind": "indirect", "speaker": SPEAKER, "speaker_entity_id": first.attribution.speaker_entity_id,
        "credited": SPEAKER, "spoken_on": None, "confidence": 0.9,
        "content": [{"span": [22, 55], "text": "NATO never promised not to expand"}],
        "cue": [{"span": [17, 21], "text": "said"}], "source": [{"span": [0, 16], "text": SPEAKER}]}
    assert second.words["cue"] == ("told reporters",)
    assert reads.quotes(built.store, reads.QuoteFilter(article=built.second.id[:5])) == [second]
    assert reads.quotes(built.store, reads.QuoteFilter(speaker="putin")) == []
    assert len(reads.quotes(built.store, reads.QuoteFilter(min_confidence=0.95))) == 0


def test_reads_quote_groups_diff_each_rendering_from_the_first(built):
    (group,) = reads.quote_groups(built.store)
    shape = group.as_dict()
    assert (shape["speaker"], shape["articles"], shape["flags"]) == (SPEAKER, 2, [])
    assert [r["text"] for r in shape["renderings"]] == ["NATO never promised not to expand",
                                                        "NATO has never promised not to expand"]
    assert shape["renderings"][1]["diff"] == [("equal", "NATO", "NATO"), ("insert", "", "has"),
                                              ("equal", "never promised not to expand", "never promised not to expand")]
    assert reads.quote_groups(built.store, speaker="nobody") == []


def test_reads_stories_story_coverage_and_why(built):
    (story,) = reads.stories(built.store)
    assert story.as_dict() == {"story": 1, "events": 1, "articles": 2, "outlets": 2, "first": date(2021, 12, 23),
                               "last": date(2021, 12, 25), "headline": "NATO never promised",
                               "entities": [SPEAKER, "NATO"]}
    detail = reads.story(built.store, 1).as_dict()
    assert [a["article"] for a in detail["events"][0]["articles"]] == [built.first.id, built.second.id]
    assert detail["coverage"] == {"2021-12-23": 1, "2021-12-24": 0, "2021-12-25": 1}
    why = reads.why(built.store, built.second.id).as_dict()
    assert (why["event"], why["story"], why["decision"]) == (1, 1, "joined")
    assert why["candidates"][0]["shared_entities"] == [SPEAKER] and why["moves"] == []
    with pytest.raises(NotFound, match="story 9: no such story"):
        reads.story(built.store, 9)


def test_reads_export_records_read_back_as_the_same_articles(built, store, settings, tmp_path):
    from rashomon.ingest.session import ingest

    records = list(reads.export_records(built.store))
    assert [r["id"] for r in records] == [built.first.id, built.second.id]
    path = tmp_path / "export.jsonl"
    path.write_text("".join(json.dumps(record) + "\n" for record in records))
    assert ingest(store, [str(path)], settings).counts["unchanged"] == 2


def test_reads_rejections_and_as_json_of_any_answer(built):
    with built.store.transaction() as connection:
        writes.save_rejection(connection, Rejection("bad.txt", "empty file"))
    (rejection,) = reads.rejections(built.store)
    assert {k: v for k, v in rejection.as_dict().items() if k != "last_seen"} == {
        "input": "bad.txt", "stage": "ingest", "reason": "empty file", "times": 1}
    assert reads.as_json(reads.stories(built.store)) == [reads.stories(built.store)[0].as_dict()]
    assert reads.as_json({"plain": 1}) == {"plain": 1}


def test_reads_placements_and_origins_say_where_each_input_went(built):
    assert reads.placements(built.store) == {built.first.id: (1, 1), built.second.id: (1, 1)}
    origins = dict(reads.revision_origins(built.store))
    assert [origins[key] for key in sorted(origins)] == [built.first.id, built.second.id]
    assert set(reads.article_vectors(built.store)) == {built.first.id, built.second.id}


def test_reads_compare_an_event_outlets_across_facts_down(built):
    found = reads.compare(built.store, event=1)
    assert found.columns == ("Example Wire", "Example Herald")
    shared, alone = found.facts
    assert (shared.status("Example Wire"), shared.status("Example Herald")) == ("reported differently",) * 2
    assert (alone.status("Example Wire"), alone.status("Example Herald")) == ("reported", "not reported")
    assert found.unique("Example Wire") == [2] and found.missing("Example Herald") == [2]
    assert found.shared("Example Herald") == [1]
    shape = found.as_dict()
    assert shape["scope"] == {"event": 1} and shape["outlets"]["Example Wire"]["unique"] == [2]
    assert shape["facts"][0]["reports"]["Example Herald"]["text"] == "NATO has never promised not to expand"
    assert reads.compare(built.store, story=1).as_dict()["facts"] == shape["facts"]


def test_reads_compare_names_an_article_without_an_outlet_by_title_and_id():
    from rashomon.reads.compare import column

    assert column(None, "A title", "0123456789abcdef") == "A title (0123456789)"
    assert column(None, None, "0123456789abcdef", "/in/002_b3a4.txt") == "unknown: 002_b3a4.txt (0123456789)"


def test_reads_divergences_with_both_reports(built):
    (divergence,) = reads.divergences(built.store)
    assert divergence.as_dict() == {
        "fact": 1, "event": 1, "kind": "verb", "reason": "said ≠ told reporters", "confidence": 1.0,
        "reports": [{"article": built.first.id, "span": [22, 55], "text": "NATO never promised not to expand"},
                    {"article": built.second.id, "span": [37, 74], "text": "NATO has never promised not to expand"}]}
    assert reads.divergences(built.store, story=1, kinds=("number",)) == []
    assert reads.matched_pairs(built.store) == 1
