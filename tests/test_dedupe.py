from rashomon.dedupe import NearCopyIndex, shingles, signature
from rashomon.store.stage_io.ingest import fingerprints
from rashomon.ingest.session import ingest
from rashomon import reads
from tests.conftest import PAGES


def test_dedupe_near_copy_under_another_headline_is_linked(store, settings, tmp_path):
    for name in ("stoltenberg.html", "stoltenberg-reprint.html", "putin.html"):
        (tmp_path / name).write_bytes((PAGES / name).read_bytes())
    report = ingest(store, [str(tmp_path)], settings)
    assert report.counts["added"] == 3 and report.counts["copies"] == 1
    by_outlet = {a.outlet: a for a in reads.articles(store).articles}
    wire, herald = by_outlet["Example Wire"], by_outlet["Example Herald"]
    assert herald.copy_of == wire.id and 0.8 <= herald.copy_similarity < 1.0
    assert by_outlet["Example Daily"].copy_of is None


def test_dedupe_the_earlier_article_is_the_original_whatever_the_ingest_order(store, settings, tmp_path):
    # the reprint (24 Dec) arrives first; the wire story (23 Dec) then becomes the original
    ingest(store, [str(PAGES / "stoltenberg-reprint.html")], settings)
    ingest(store, [str(PAGES / "stoltenberg.html")], settings)
    by_outlet = {a.outlet: a for a in reads.articles(store).articles}
    assert by_outlet["Example Herald"].copy_of == by_outlet["Example Wire"].id
    assert by_outlet["Example Wire"].copy_of is None


def test_dedupe_index_survives_a_new_session(store, settings):
    ingest(store, [str(PAGES / "stoltenberg.html")], settings)
    with store.read() as connection:
        index = NearCopyIndex.from_fingerprints(fingerprints(connection), settings.near_duplicate_threshold,
                                                settings.minhash_permutations)
    text = (PAGES / "stoltenberg.html").read_text()
    from rashomon.extract import extract
    from rashomon.records import Page

    article = extract(Page("x", "html", text.encode()), settings)
    match = index.most_similar("other", signature(article.text, settings.minhash_permutations))
    assert match is not None and match.similarity == 1.0


def test_dedupe_short_texts_are_not_compared():
    assert signature("Trump slams Kerry over Iran", 128) is None
    assert len(shingles("a b c d e f")) == 2


def test_dedupe_the_later_article_copies_the_earlier(settings):
    from dataclasses import replace
    from datetime import date

    from rashomon.dedupe import CopyMatch, copy_edge
    from rashomon.extract import extract
    from rashomon.records import CopyEdge, Page

    article = replace(extract(Page("a.txt", "text", b"A wire story about NATO."), settings), published=date(2021, 12, 22))
    match = CopyMatch("stored", 0.9)
    assert copy_edge(article, match, ("root", date(2021, 12, 23))) == CopyEdge(article.id, "root", 0.9)
    assert copy_edge(article, match, ("root", date(2021, 12, 21))) == CopyEdge("root", article.id, 0.9)
    assert copy_edge(replace(article, published=None), match, ("root", date(2021, 12, 23))) == CopyEdge(
        "root", article.id, 0.9)
