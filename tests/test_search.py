"""Search: the full-text index the store keeps, the semantic side over the stored vectors, their fusion, the
filters and pages it shares with the lists, and the `rashomon search` view (article text printed literally)."""

import json
from dataclasses import replace
from datetime import date

import pytest
import sqlalchemy as sa

from rashomon import reads
from rashomon.errors import BadQuery
from rashomon.reads.passages import matched_span, snippet
from rashomon.store import Store, writes
from rashomon.store.migrations import m0010_search_index, migrate
from tests.built import build

# The three renderings of Stoltenberg's words to dpa about the founding treaty, one per seed article: only
# 002 says "founding treaty" (of the EU, where the others say NATO's); 000 and 001 say it in other words.
RENDERINGS = {
    "000": "He stressed that even the founding agreement of NATO says that every European state can become a "
           "member of the alliance.",
    "001": "Stoltenberg referred to NATO's memorandum of association (the so-called Washington Treaty) that says "
           "any country can seek membership in the alliance.",
    "002": "He added that the founding treaty of the EU stipulates that any European country can accede to it.",
}


@pytest.fixture
def built(store, settings, tmp_path):
    return build(store, settings, tmp_path)


def test_search_founding_treaty_finds_the_three_renderings_of_the_dpa_quote(seeded, cli):
    articles = {a.id: a for a in reads.articles(seeded).articles}
    seed_of = {a.id: a.origin.rsplit("/", 1)[-1][:3] for a in articles.values()}
    found = reads.search(seeded, "founding treaty", page=reads.Page(limit=3))
    top = found.answer.hits
    assert sorted(seed_of[hit.article_id] for hit in top) == ["000", "001", "002"]
    for hit in top:
        text = articles[hit.article_id].text
        rendering = text.index(RENDERINGS[seed_of[hit.article_id]])
        assert rendering <= hit.span[0] < hit.span[1] <= rendering + len(RENDERINGS[seed_of[hit.article_id]])
        assert text[hit.span[0]:hit.span[1]] == hit.text
        assert hit.matched_by == ("words", "meaning")  # the vectors find each sentence, whatever its words
    assert [(seed_of[h.article_id], h.text) for h in top if seed_of[h.article_id] == "002"] == [
        ("002", "founding treaty")]
    words_only = reads.search(seeded, "founding treaty", meaning=False, page=reads.Page(limit=3)).answer.hits
    assert all(hit.matched_by == ("words",) for hit in words_only)

    quoting_putin = {q.attribution.article_id for q in reads.quotes(seeded, reads.QuoteFilter(speaker="putin"))}
    putin = reads.search(seeded, "founding treaty", reads.Filter(speaker="putin")).answer.hits
    assert putin and all("Putin" in (hit.speaker or "") if hit.kind == "quote" else hit.article_id in quoting_putin
                         for hit in putin)

    shown = cli("search", "founding treaty", "--limit", "3")
    assert shown.exit_code == 0, shown.stderr
    assert all(hit.article_id[:10] in shown.stdout for hit in top)
    assert f"showing 1–3 of {found.total} hits" in shown.stdout


def test_search_the_index_follows_every_write_of_articles_and_attributions(built):
    def words(query: str) -> list[tuple[str, str, int | None]]:
        hits = reads.search(built.store, query, meaning=False).answer.hits
        return sorted((hit.kind, hit.article_id, hit.attribution) for hit in hits)

    first, second = built.first.id, built.second.id
    assert words("promised") == [("quote", first, 0), ("quote", second, 0)]
    assert words("resume") == [("article", first, None)]
    revised = replace(built.first, text="Jens Stoltenberg said the alliance keeps its doors open.",
                      content_hash="revised")
    with built.store.transaction() as connection:
        assert writes.save_article(connection, revised)[0] == "revised"
        writes.clear_annotations(connection, first)  # as the annotate stage does before annotating it again
    assert words("resume") == []
    assert words("doors") == [("article", first, None)]
    assert words("promised") == [("article", first, None), ("quote", second, 0)]  # the first: in its title
    (in_title,) = [h for h in reads.search(built.store, "promised", meaning=False).answer.hits if h.kind == "article"]
    assert (in_title.span, in_title.text) == (None, "promised")


def test_search_an_existing_store_is_indexed_when_migrated_and_again_the_same(tmp_path, settings):
    from rashomon.extract import extract
    from rashomon.records import Page as RawPage

    old = sa.create_engine(f"sqlite:///{tmp_path / 'old.db'}")
    migrate(old, upto=8)
    article = extract(RawPage("a.txt", "text", b"Stoltenberg said NATO never promised not to expand."), settings)
    with old.begin() as connection:
        writes.save_article(connection, article)
    old.dispose()
    store = Store.open(str(tmp_path / "old.db"))
    hits = reads.search(store, "expand", meaning=False).answer.hits
    start = article.text.index("expand")
    assert [(hit.article_id, hit.span, hit.text) for hit in hits] == [(article.id, (start, start + 6), "expand")]
    with store.transaction() as connection:
        m0010_search_index(connection)  # run again on an indexed store: the same index, nothing doubled
        assert connection.exec_driver_sql("SELECT count(*) FROM search_documents").scalar() == 1
    assert reads.search(store, "expand", meaning=False).answer.hits == hits
    store.close()


def test_search_filters_sorts_and_pages_like_the_lists(built):
    def found(query: str = "never", **options) -> list[str]:
        page = options.pop("page", reads.Page())
        listing = reads.search(built.store, query, reads.Filter(**options), page, meaning=False)
        return [hit.article_id for hit in listing.answer.hits]

    first, second = built.first.id, built.second.id
    assert found(outlet="EXAMPLE HERALD") == [second]
    assert found(since=date(2021, 12, 24)) == [second]
    assert found(speaker="putin") == []
    assert sorted(found(speaker="stoltenberg")) == sorted([first, second])
    assert found(story=1, page=reads.Page(sort="date")) == [first, second]
    assert found(page=reads.Page(sort="-date")) == [second, first]
    listing = reads.search(built.store, "never", page=reads.Page(limit=1, offset=1, sort="date"), meaning=False)
    assert (listing.shown, listing.total, [h.article_id for h in listing.answer.hits]) == (1, 2, [second])
    with pytest.raises(BadQuery, match="sort them by one of rank, date, outlet"):
        reads.search(built.store, "never", page=reads.Page(sort="size"), meaning=False)


def test_search_answers_in_one_json_shape(built, cli):
    listing = reads.search(built.store, "resume", meaning=False)
    first = built.first
    start = first.text.index("resume")
    assert reads.as_json(listing) == {"query": "resume", "hits": [{
        "kind": "article", "article": first.id, "attribution": None, "outlet": "Example Wire",
        "published": first.published, "title": "NATO never promised", "story": 1, "speaker": None,
        "span": [start, start + 6], "text": "resume", "snippet": first.text, "snippet_match": [start, start + 6],
        "matched_by": ["words"], "score": round(1 / 61, 6)}], "stories": [{"story": 1, "hits": 1, "articles": 1}]}
    shown = json.loads(cli("search", "resume", "--no-meaning", "--json").stdout)
    assert shown["hits"][0]["span"] == [start, start + 6]


def test_search_view_prints_article_text_literally(cli, store, settings, tmp_path):
    outlet, speaker = "bad [/x] outlet", "Jens [/] Stoltenberg"
    build(store, settings, tmp_path, outlet=outlet, title="[bold]Shouted[/bold]", speaker=speaker)
    shown = cli("search", "never promised", "--no-meaning")
    assert shown.exit_code == 0, shown.stderr
    assert outlet in shown.stdout and speaker in shown.stdout
    assert "NATO never promised not to expand" in shown.stdout


def test_search_a_query_without_words_is_an_error_naming_it(cli, built):
    result = cli("search", "?!", "--no-meaning")
    assert result.exit_code == 1
    assert result.stderr.strip() == "Error: search '?!': the query has no words to look for"


def test_search_passages_find_the_closest_run_of_the_query_words_and_cut_a_snippet_at_words():
    text = "Treaties were signed. Much later, the founding treaty of the EU was read aloud to the assembly."
    assert matched_span(text, ["founding", "treaty"]) == (38, 53)
    assert matched_span(text, ["founding", "treaty"], 0, 20) == (0, 8)  # "Treaties": the same stem
    assert matched_span(text, ["banana"]) is None
    shown, start, end = snippet("word " * 30 + "MATCH" + " tail" * 30, 150, 155)
    assert shown[start:end] == "MATCH"
    assert shown.startswith("…word") and shown.endswith("tail…") and "  " not in shown
