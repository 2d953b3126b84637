import pytest

from rashomon.ingest.session import ingest
from rashomon import reads
from tests.conftest import FIXTURES, PAGES

FEEDS = FIXTURES / "feeds"


@pytest.fixture
def open_settings(settings):
    return settings.replace(allow_private=True)


def _serve_site(server):
    server.serve("/world/stoltenberg", (PAGES / "stoltenberg.html").read_bytes())
    server.serve("/world/putin", (PAGES / "putin.html").read_bytes())
    server.serve("/herald/nato-chief", (PAGES / "stoltenberg-reprint.html").read_bytes())
    rss = (FEEDS / "world.rss").read_text().replace("{base}", server.base)
    atom = (FEEDS / "world.atom").read_text().replace("{base}", server.base)
    return (server.serve("/world.rss", rss, content_type="application/rss+xml"),
            server.serve("/herald.atom", atom, content_type="text/html"), rss)


def test_ingest_feeds_follow_entries_and_poll_only_new_ones(store, open_settings, server):
    rss_url, _, rss = _serve_site(server)
    report = ingest(store, [rss_url], open_settings)
    assert report.counts["added"] == 2 and not report.rejections
    assert sorted(server.requests) == ["/world.rss", "/world/putin", "/world/stoltenberg"]

    server.requests.clear()
    again = ingest(store, [rss_url], open_settings)
    assert again.counts["added"] == 0 and again.counts["feed_entries_already_seen"] == 2
    assert server.requests == ["/world.rss"]

    new_item = (f"<item><title>Reprint</title><link>{server.base}/herald/nato-chief</link>"
                "<guid>wire-3</guid></item></channel>")
    server.serve("/world.rss", rss.replace("</channel>", new_item), content_type="application/rss+xml")
    server.requests.clear()
    third = ingest(store, [rss_url], open_settings)
    assert third.counts["added"] == 1 and server.requests == ["/world.rss", "/herald/nato-chief"]


def test_ingest_feeds_atom_detected_by_content_and_entry_fields_kept(store, open_settings, server):
    _, atom_url, _ = _serve_site(server)
    assert ingest(store, [atom_url], open_settings).counts["added"] == 1
    (article,) = reads.articles(store).articles
    assert article.title == "NATO chief: no promise was ever made to Russia"
    assert article.outlet == "Example Herald"


def test_ingest_feeds_local_feed_file(store, open_settings, server, tmp_path):
    _serve_site(server)
    path = tmp_path / "world.rss"
    path.write_text((FEEDS / "world.rss").read_text().replace("{base}", server.base))
    assert ingest(store, [str(path)], open_settings).counts["added"] == 2
    assert ingest(store, [str(path)], open_settings).counts["feed_entries_already_seen"] == 2


def test_ingest_feeds_broken_feed(store, open_settings, server, tmp_path):
    path = tmp_path / "broken.rss"
    path.write_text("<?xml version='1.0'?><rss><channel><title>Half a feed</ti")
    report = ingest(store, [str(path)], open_settings)
    assert [(r.origin, r.reason) for r in report.rejections] == [
        (str(path), "feed does not parse: unclosed token at line 1, column 70")]


def test_ingest_feeds_entry_that_fails_is_retried_next_poll(store, open_settings, server):
    rss_url, _, _ = _serve_site(server)
    del server.routes["/world/putin"]
    report = ingest(store, [rss_url], open_settings)
    assert report.counts["added"] == 1
    assert [r.reason for r in report.rejections] == ["HTTP error 404 Not Found"]
    server.serve("/world/putin", (PAGES / "putin.html").read_bytes())
    assert ingest(store, [rss_url], open_settings).counts["added"] == 1


def test_ingest_feeds_a_feed_cut_short_keeps_its_first_entries_and_says_so(store, open_settings, server, tmp_path):
    _serve_site(server)
    whole = (FEEDS / "world.rss").read_text().replace("{base}", server.base)
    path = tmp_path / "cut.rss"
    path.write_text(whole[:whole.index("</item>") + len("</item>") + 10])  # the first entry, then cut
    report = ingest(store, [str(path)], open_settings)
    assert report.counts["added"] == 1
    ((origin, reason),) = [(r.origin, r.reason) for r in report.rejections]
    assert origin == str(path) and reason.startswith("feed breaks off: unclosed token at line 13, column 4;")
    assert reason.endswith("; the 1 entry before the break were read, any after it are lost")
