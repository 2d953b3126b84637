"""The filter and the page that `articles`, `quotes`, `stories` and `search` share: one Filter record, one
Page (--limit, --offset, --sort, --all), a screenful by default in a terminal, and the line that says which
rows of how many are shown."""

import json
from datetime import date

import pytest

from rashomon import reads
from rashomon.errors import BadQuery
from tests.built import build


@pytest.fixture
def built(store, settings, tmp_path):
    return build(store, settings, tmp_path)


def _ids(listing: reads.Listing) -> list[str]:
    answer = listing.answer
    rows = answer.articles if isinstance(answer, reads.ArticleList) else answer
    return [getattr(row, "id", None) or row.attribution.article_id for row in rows]


def test_filters_one_filter_narrows_articles_quotes_and_stories_alike(built):
    first, second = built.first.id, built.second.id
    cases = [
        (reads.Filter(), [first, second], [first, second], [1]),
        (reads.Filter(outlet="example herald"), [second], [second], [1]),
        (reads.Filter(since=date(2021, 12, 24)), [second], [second], [1]),
        (reads.Filter(until=date(2021, 12, 23)), [first], [first], [1]),
        (reads.Filter(language="EN"), [first, second], [first, second], [1]),
        (reads.Filter(story=1), [first, second], [first, second], [1]),
        (reads.Filter(story=2), [], [], []),
        (reads.Filter(entity="nato"), [first, second], [first, second], [1]),
        (reads.Filter(entity="kremlin"), [], [], []),
        (reads.Filter(speaker="stoltenberg"), [first, second], [first, second], [1]),
        (reads.Filter(speaker="putin"), [], [], []),
        (reads.Filter(outlet="nobody"), [], [], []),
    ]
    for where, articles, quotes, stories in cases:
        assert _ids(reads.articles_page(built.store, where)) == articles, where
        quote_filter = reads.QuoteFilter(**vars(where))
        assert _ids(reads.quotes_page(built.store, quote_filter)) == quotes, where
        assert [s.story for s in reads.stories_page(built.store, where).answer] == stories, where
    assert reads.articles(built.store, reads.ArticleFilter(outlet="example wire")).articles == (built.first,)


def test_filters_pages_sort_cut_and_count(built):
    first, second = built.first.id, built.second.id
    page = reads.articles_page(built.store, page=reads.Page(limit=1, offset=1))
    assert (_ids(page), page.shown, page.total, page.offset, page.is_whole()) == ([second], 1, 2, 1, False)
    assert _ids(reads.articles_page(built.store, page=reads.Page(sort="-date"))) == [second, first]
    assert _ids(reads.articles_page(built.store, page=reads.Page(sort="outlet"))) == [second, first]  # Herald, Wire
    assert _ids(reads.quotes_page(built.store, page=reads.Page(sort="-outlet"))) == [first, second]
    confident = reads.quotes_page(built.store, page=reads.Page(limit=1, sort="confidence"))
    assert (confident.shown, confident.total) == (1, 2)
    assert reads.stories_page(built.store, page=reads.Page(sort="-size")).is_whole()
    with pytest.raises(BadQuery) as error:
        reads.quotes_page(built.store, page=reads.Page(sort="size"))
    assert str(error.value) == ("--sort 'size': quotes cannot be sorted by that; sort them by one of date, outlet, "
                                "speaker, confidence, kind (a leading - reverses the order)")


def test_filters_cli_lists_take_the_shared_options_and_say_what_part_they_show(cli, built):
    first, second = built.first.id, built.second.id
    assert [a["id"] for a in json.loads(cli("articles", "--story", "1", "--entity", "NATO", "--json").stdout)] == [
        first, second]
    assert [q["article"] for q in json.loads(cli("quotes", "--outlet", "example wire", "--json").stdout)] == [first]
    assert [q["article"] for q in json.loads(cli("quotes", "--since", "2021-12-24", "--json").stdout)] == [second]
    assert [s["story"] for s in json.loads(cli("stories", "--speaker", "stoltenberg", "--json").stdout)] == [1]
    assert json.loads(cli("stories", "--outlet", "nobody", "--json").stdout) == []

    limited = cli("articles", "--limit", "1")
    assert "showing 1–1 of 2 articles" in limited.stdout and second[:10] not in limited.stdout
    assert "showing 2–2 of 2 attributions" in cli("quotes", "--limit", "1", "--offset", "1").stdout
    assert "showing" not in cli("articles").stdout  # the whole list: no count line
    assert "showing none of 2 articles (--offset 5 is past the end)" in cli("articles", "--offset", "5").stdout
    assert [a["id"] for a in json.loads(cli("articles", "--sort=-date", "--limit", "1", "--json").stdout)] == [second]
    assert len(json.loads(cli("articles", "--limit", "1", "--all", "--json").stdout)) == 2
    assert len(json.loads(cli("articles", "--limit", "0", "--json").stdout)) == 2

    wrong = cli("stories", "--sort", "bogus")
    assert wrong.exit_code == 1
    assert wrong.stderr.strip() == ("Error: --sort 'bogus': stories cannot be sorted by that; sort them by one of "
                                    "size, events, outlets, date, last, story (a leading - reverses the order)")


def test_filters_a_terminal_shows_a_screenful_and_json_everything(cli, store, settings, tmp_path):
    """Sixty stored articles: the table stops at fifty and says so; --json and --all give all sixty."""
    dump = tmp_path / "many.jsonl"
    dump.write_text("".join(json.dumps({"outlet": "Wire", "published": f"2021-12-{1 + n % 28:02d}",
                                        "title": f"Report {n}", "text": f"Report number {n} on the talks."}) + "\n"
                            for n in range(60)))
    assert cli("ingest", str(dump)).exit_code == 0
    assert "showing 1–50 of 60 articles" in cli("articles").stdout
    assert len(json.loads(cli("articles", "--json").stdout)) == 60
    assert "showing" not in cli("articles", "--all").stdout
