"""Titles and dates read from a page's words (issue 25): the headline past a masthead, the page's furniture
kept out of its dates and statements, a dateline as the publication date (with a year from a principled
source, said where it came from), the same titles in `story` as in `articles`, and title-only records."""

import json
from datetime import date

import pytest

from rashomon import reads, samples
from rashomon.extract import TITLE_ONLY_REASON, extract
from rashomon.ingest.session import ingest
from rashomon.records import Page


def _seed(number: str):
    return next(path for path in samples.seed_paths() if path.name.startswith(number + "_"))


def _extract_seed(number: str, settings):
    path = _seed(number)
    return extract(Page(str(path), "text", path.read_bytes()), settings)


def test_titles_seed_001_headline_past_the_masthead(settings):
    article = _extract_seed("001", settings)
    assert article.title == "Stoltenberg Claims NATO Never Promised Not to Expand"
    assert article.metadata["title_from"] == "the headline in the text"
    furniture = [article.text[start:end] for start, end in article.metadata["furniture"]]
    assert furniture == ["- Sputnik International, 1920",
                         "Get the latest news from around the world, live coverage, off-beat stories, features "
                         "and analysis.",
                         "© Sputnik / Vladimir TrefilovRussian and NATO flags",
                         "Russian and NATO flags - Sputnik International, 1920, 23.12.2021"]


def test_titles_identity_of_a_text_page_is_unchanged(settings):
    """Stores made before keep their articles: seed ids as rashomon gave them before titles were read anew."""
    ids = [_extract_seed(number, settings).id for number in ("000", "001", "002", "003", "004")]
    assert ids == ["c74040fec8274120", "144b04d39f7ab95b", "6d41d7f11f61b324", "5b58fdbb7f4eaa35",
                   "e528aba4c23bd455"]


def test_dates_seed_002_dateline_year_from_the_other_articles_of_the_run(store, settings):
    ingest(store, [str(path) for path in samples.seed_paths()], settings)
    article = reads.article(store, "6d41d7f11f61b324").article
    assert article.published == date(2021, 12, 24)
    assert article.metadata["published_from"] == ("the dateline 'December 24', in the year nearest the 3 other "
                                                  "dated articles of this ingest")


def test_dates_seed_002_alone_keeps_its_dateline_undated(store, settings):
    report = ingest(store, [str(_seed("002"))], settings)
    article = reads.article(store, "6d41d7f11f61b324").article
    assert report.counts["added"] == 1
    assert article.published is None and article.metadata["dateline"] == [12, 24]


@pytest.mark.parametrize("text, published, source", [
    ("December 24 – NATO said so. Talks were held on December 15, 2021 in Brussels.", date(2021, 12, 24),
     "the dateline 'December 24', the year of 'December 15, 2021' in the text"),
    ("January 3 – NATO said so. The proposals of December 17, 2021 were answered.", date(2022, 1, 3),
     "the dateline 'January 3', the year of 'December 17, 2021' in the text"),
    ("Talks in Geneva\n\nGENEVA, Jan. 10 (Reuters) - Talks began. They were set on 30 December 2021.",
     date(2022, 1, 10), "the dateline 'Jan. 10', the year of '30 December 2021' in the text"),
    ("24 December 2021 — NATO said so.", date(2021, 12, 24), "the dateline '24 December 2021'"),
])
def test_dates_dateline_year_from_the_text(settings, text, published, source):
    article = extract(Page("p.txt", "text", text.encode()), settings)
    assert (article.published, article.metadata["published_from"]) == (published, source)


def test_dates_seeds_furniture_is_not_dated_and_story_titles_match_articles(seeded):
    sputnik = reads.article(seeded, "144b04d39f7ab95b")
    named = [found["text"] for found in sputnik.annotations["dates"]]
    assert "1920" not in named and "23.12.2021" not in named
    sentences = [sputnik.article.text[start:end] for start, end in sputnik.annotations["sentences"]]
    assert not any("Sputnik International, 1920" in sentence for sentence in sentences)
    listed = {row["id"]: row for row in reads.articles(seeded).as_dict()}
    story = reads.story(seeded, 1).as_dict()
    shown = {a["article"]: (a["headline"], a["outlet_label"]) for event in story["events"] for a in event["articles"]}
    assert shown == {key: (row["headline"], row["outlet_label"]) for key, row in listed.items()}
    assert shown["144b04d39f7ab95b"] == ("Stoltenberg Claims NATO Never Promised Not to Expand", "Sputnik International")
    assert shown["6d41d7f11f61b324"][1] == "unknown (002_b3a491e3e8b689d9.txt)"
    assert all(headline for headline, _ in shown.values())
    assert [story.outlets for story in reads.stories(seeded)] == [1]


def _title_only_dump(tmp_path) -> str:
    path = tmp_path / "allsides.jsonl"
    path.write_text(json.dumps({"id": "1", "title": "Trump slams Kerry", "text": "President Trump on Monday "
                                "slammed John Kerry for working to save the Iran deal."}) + "\n"
                    + json.dumps({"id": "2", "title": "Kerry answers Trump", "text": ""}) + "\n")
    return str(path)


def test_title_only_records_are_rejected_by_default_with_a_reason(store, settings, tmp_path):
    dump = _title_only_dump(tmp_path)
    report = ingest(store, [dump], settings)
    assert (report.counts["added"], report.counts["rejected"], report.counts["title_only"]) == (1, 1, 0)
    assert [(r.rejection.origin, r.rejection.reason) for r in reads.rejections(store)] == [
        (f"{dump}:2", TITLE_ONLY_REASON)]


def test_title_only_records_kept_on_request_are_counted(store, settings, tmp_path):
    report = ingest(store, [_title_only_dump(tmp_path)], settings.replace(title_only="keep"))
    assert (report.counts["added"], report.counts["rejected"], report.counts["title_only"]) == (2, 0, 1)
    assert report.as_dict()["title_only"] == 1
    kept = next(a for a in reads.articles(store).articles if a.metadata.get("text_is_title"))
    assert (kept.title, kept.text) == ("Kerry answers Trump", "Kerry answers Trump")


def test_title_only_cli_option_and_summary(cli, tmp_path):
    dump = _title_only_dump(tmp_path)
    result = cli("ingest", dump, "--title-only", "keep")
    assert result.exit_code == 0
    assert "2 added, 0 revised, 0 already stored, 0 linked as copies, 0 rejected, 1 title-only (a headline and " \
           "no text)" in " ".join(result.stdout.split())
    rejected = cli("ingest", dump, "--title-only", "drop")
    assert rejected.exit_code == 2 and "'drop': choose reject or keep" in rejected.stderr
