"""Outlets (issue 25): one name per outlet, the masthead read from the text, ingest options and sidecars,
and an article without an outlet shown as "unknown" with its file name, never blank."""

import json
from datetime import date

import pytest
import sqlalchemy as sa

from rashomon import reads, samples
from rashomon.errors import SettingError
from rashomon.extract import extract
from rashomon.extract.outlets import OutletNames
from rashomon.ingest.session import ingest
from rashomon.records import Page
from rashomon.store import Store, writes
from rashomon.store.migrations import migrate


def _dump(path, *records) -> str:
    path.write_text("".join(json.dumps(record) + "\n" for record in records))
    return str(path)


def _outlets(store) -> list[str | None]:
    return [article.outlet for article in reads.articles(store).articles]


def test_outlets_basil_spellings_are_three_outlets(store, settings, tmp_path):
    spellings = ["HPO", "hpo", "FOX", "fox", "NYT", "nyt"]
    dump = _dump(tmp_path / "basil.jsonl", *({"id": str(i), "outlet": outlet, "title": f"T{i}",
                                               "text": f"Article number {i} about the shutdown."}
                                              for i, outlet in enumerate(spellings)))
    report = ingest(store, [dump], settings)
    assert report.counts["added"] == 6
    assert sorted(set(_outlets(store))) == ["Fox News", "HuffPost", "The New York Times"]
    given = sorted(a.metadata["outlet_as_given"] for a in reads.articles(store).articles)
    assert given == sorted(spellings)
    again = ingest(store, [dump], settings)  # identities rest on the name as given: nothing added twice
    assert (again.counts["added"], again.counts["unchanged"]) == (0, 6)
    assert len(_outlets(store)) == 6


def test_outlets_names_domains_case_and_the():
    names = OutletNames.load()
    assert names.name("https://www.nytimes.com/2019/01/02/us/politics/wall.html") == "The New York Times"
    assert names.name("foxnews.com") == "Fox News"
    assert names.name("huffpost.com") == "HuffPost"
    assert names.name("edition.cnn.com") == "CNN"
    assert names.name("guardian") == names.name("THE GUARDIAN") == "The Guardian"
    assert names.name("Example Wire") == "Example Wire"
    assert names.name("the example   WIRE") == "Example Wire"  # an unknown outlet keeps its first spelling
    assert names.name("news.example.org") == "news.example.org"
    assert names.name("  ") is None


def test_outlets_a_users_table_extends_the_bundled_one(store, settings, tmp_path):
    table = tmp_path / "outlets.json"
    table.write_text(json.dumps({"Novaya Gazeta Europe": ["novayagazeta.eu", "NGE"]}))
    dump = _dump(tmp_path / "d.jsonl", {"id": "1", "outlet": "nge", "text": "A report on the talks in Geneva."},
                 {"id": "2", "outlet": "nyt", "text": "Another report on the talks in Geneva."})
    ingest(store, [dump], settings.replace(outlets=str(table)))
    assert _outlets(store) == ["Novaya Gazeta Europe", "The New York Times"]


def test_outlets_a_users_table_that_cannot_be_read_is_an_error_naming_it(tmp_path):
    missing = tmp_path / "none.json"
    with pytest.raises(SettingError) as caught:
        OutletNames.load(str(missing))
    assert str(caught.value) == f"outlet table {missing} (setting outlets, $RASHOMON_OUTLETS): no such file"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"Some Outlet": "not a list"}))
    with pytest.raises(SettingError) as caught:
        OutletNames.load(str(bad))
    assert str(caught.value) == f"outlet table {bad}: the aliases of 'Some Outlet' must be a list of strings"


def test_outlets_a_store_made_before_gets_one_name_per_outlet(tmp_path, settings):
    old = sa.create_engine(f"sqlite:///{tmp_path / 'old.db'}")
    migrate(old, upto=8)
    articles = [extract(Page(f"d.jsonl:{i}", "record", b"", fields={"outlet": outlet, "text": f"Text {i} here."}),
                        settings) for i, outlet in enumerate(["nyt", "NYT", "Example Wire"])]
    with old.begin() as connection:
        for article in articles:
            writes.save_article(connection, article)
    old.dispose()
    store = Store.open(str(tmp_path / "old.db"))
    try:
        stored = {a.id: a for a in reads.articles(store).articles}
        assert [stored[a.id].outlet for a in articles] == ["The New York Times", "The New York Times",
                                                            "Example Wire"]
        assert stored[articles[1].id].metadata == {"outlet_as_given": "NYT"}
        assert [stored[a.id].identity for a in articles] == [a.identity for a in articles]
    finally:
        store.close()


def test_outlets_read_from_the_masthead_of_seed_001(settings):
    path = next(p for p in samples.seed_paths() if p.name.startswith("001_"))
    article = extract(Page(str(path), "text", path.read_bytes()), settings)
    assert article.outlet == "Sputnik International"
    assert article.metadata["outlet_from"] == "the masthead in the text"


@pytest.mark.parametrize("page, outlet", [
    ("Putin meets Xi | Example Gazette\n\nThe two leaders met.\nA photo - Example Gazette, 1280\nMore text.",
     "Example Gazette"),  # an unknown name, twice in the opening lines
    ("Biden signs the bill - Reuters\n\nThe president signed it on Friday.", "Reuters"),  # known, once
    ("NATO expansion - Explained\n\nWhat the alliance promised.", None),  # unknown, once: a headline's end
    ("Stoltenberg said NATO never promised not to expand.\n\nHe said so on Thursday.", None),
])
def test_outlets_masthead_rule(settings, page, outlet):
    assert extract(Page("p.txt", "text", page.encode()), settings).outlet == outlet


def test_outlets_ingest_options_and_sidecars(store, settings, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "plain.txt").write_text("NATO said it never promised not to expand, the alliance's chief said.")
    (folder / "dated.txt").write_text(" date 2021-12-20 Russia asked for guarantees that NATO not expand.")
    (folder / "side.txt").write_text("Stoltenberg spoke to dpa about the founding act and Russia.")
    (folder / "side.txt.json").write_text(json.dumps({"outlet": "nytimes.com", "published": "2021-12-24",
                                                      "title": "Stoltenberg to dpa", "authors": ["A. Writer"]}))
    report = ingest(store, [str(folder)], settings, outlet="Example Wire", published=date(2021, 12, 23))
    assert report.counts["added"] == 3 and not report.rejections  # the sidecar is not an article
    found = {a.origin.rsplit("/", 1)[-1]: a for a in reads.articles(store).articles}
    assert (found["plain.txt"].outlet, found["plain.txt"].published) == ("Example Wire", date(2021, 12, 23))
    assert found["plain.txt"].metadata == {"outlet_from": "ingest --outlet", "published_from": "ingest --published",
                                           "read_from_text": []}
    assert found["dated.txt"].published == date(2021, 12, 20)  # the file's own date line wins over the option
    side = found["side.txt"]
    assert (side.outlet, side.published, side.title, side.authors) == (
        "The New York Times", date(2021, 12, 24), "Stoltenberg to dpa", ("A. Writer",))
    assert side.metadata["outlet_from"] == f"sidecar {folder / 'side.txt.json'}"
    again = ingest(store, [str(folder)], settings, outlet="Example Wire", published=date(2021, 12, 23))
    assert (again.counts["added"], again.counts["unchanged"]) == (0, 3)


def test_outlets_a_bad_sidecar_is_a_rejection_naming_it(store, settings, tmp_path):
    (tmp_path / "a.txt").write_text("Some article text about NATO and Russia.")
    (tmp_path / "a.txt.json").write_text(json.dumps({"published": "23/12/2021"}))
    (tmp_path / "b.txt").write_text("Other article text about NATO and Russia.")
    (tmp_path / "b.txt.json").write_text(json.dumps({"publisher": "X"}))
    report = ingest(store, [str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), str(tmp_path / "b.txt.json")],
                    settings)
    assert [(r.origin, r.reason) for r in report.rejections] == [
        (f"{tmp_path / 'a.txt.json'} (sidecar of a.txt)",
         "field 'published' is not a date: '23/12/2021' (write it YYYY-MM-DD)"),
        (f"{tmp_path / 'b.txt.json'} (sidecar of b.txt)",
         "unknown field 'publisher' (a sidecar gives outlet, published, title, url, authors)"),
        (str(tmp_path / "b.txt.json"), "a sidecar: it is read with b.txt (ingest that file)"),
    ]


def test_outlets_cli_ingest_outlet_and_published(cli, tmp_path):
    (tmp_path / "a.txt").write_text("Stoltenberg said NATO never promised not to expand.")
    result = cli("ingest", str(tmp_path / "a.txt"), "--outlet", "FOX", "--published", "2021-12-23", "--json")
    assert result.exit_code == 0
    listed = json.loads(cli("articles", "--json").stdout)
    assert [(a["outlet"], a["published"]) for a in listed] == [("Fox News", "2021-12-23")]


def test_outlets_cli_bad_published_date_is_an_error_naming_it(cli, tmp_path):
    (tmp_path / "a.txt").write_text("Stoltenberg said NATO never promised not to expand.")
    result = cli("ingest", str(tmp_path / "a.txt"), "--published", "2021-13-45")
    assert result.exit_code == 2
    assert "Invalid value for --published: '2021-13-45' is not a date: write it YYYY-MM-DD" in \
           " ".join(result.stderr.replace("│", " ").split())


def test_outlets_unknown_is_shown_with_the_file_name(cli, tmp_path):
    (tmp_path / "report-17.txt").write_text("Stoltenberg said NATO never promised not to expand.")
    cli("ingest", str(tmp_path / "report-17.txt"))
    listed = json.loads(cli("articles", "--json").stdout)
    assert (listed[0]["outlet"], listed[0]["outlet_label"]) == (None, "unknown (report-17.txt)")
    assert "unknown (report-17.txt)" in cli("articles").stdout


def test_outlets_articles_filter_takes_any_spelling(store, settings, tmp_path):
    dump = _dump(tmp_path / "d.jsonl", {"id": "1", "outlet": "NYT", "text": "A report on the talks in Geneva."},
                 {"id": "2", "outlet": "Example Wire", "text": "Another report on the talks in Geneva."})
    ingest(store, [dump], settings)
    for spelling in ("nyt", "nytimes.com", "the new york times"):
        assert [a.outlet for a in reads.articles(store, reads.ArticleFilter(outlet=spelling)).articles] == [
            "The New York Times"]
    assert len(reads.articles(store, reads.ArticleFilter(outlet="the example wire")).articles) == 1
