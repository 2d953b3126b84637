import pytest

from rashomon.errors import BlockedAddress, FetchError, ResponseTooLarge
from rashomon.ingest.session import ingest
from rashomon.ingest.web import Fetcher, check_address
from rashomon import reads
from tests.conftest import PAGES


@pytest.fixture
def open_settings(settings):
    return settings.replace(allow_private=True)


def test_ingest_web_url_is_fetched_and_stored_once(store, open_settings, server):
    url = server.serve("/world/stoltenberg", (PAGES / "stoltenberg.html").read_bytes())
    assert ingest(store, [url], open_settings).counts["added"] == 1
    assert ingest(store, [url], open_settings).counts["unchanged"] == 1
    article = reads.article(store, url).article
    assert article.outlet == "Example Wire" and article.origin == url


def test_ingest_web_changed_page_becomes_a_revision(store, open_settings, server):
    html = (PAGES / "putin.html").read_text()
    url = server.serve("/live", html)
    ingest(store, [url], open_settings)
    server.serve("/live", html.replace("20 countries", "21 countries"))
    report = ingest(store, [url], open_settings)
    assert report.counts["revised"] == 1 and report.counts["added"] == 0
    (article,) = reads.articles(store).articles
    assert article.revision == 2 and "21 countries" in article.text
    assert reads.article(store, article.id).revisions == 2


def test_ingest_web_loopback_refused_without_allow_private(settings, server):
    url = server.serve("/a", "hello")
    with pytest.raises(BlockedAddress) as caught:
        check_address(url, allow_private=False)
    assert caught.value.reason == ("refused: 127.0.0.1 is a loopback address (127.0.0.1); "
                                   "use --allow-private to fetch it")
    for address, kind in [("http://10.1.2.3/", "a private address"),
                          ("http://169.254.169.254/latest", "a link-local address"),
                          ("http://[::1]:8080/", "a loopback address")]:
        with pytest.raises(BlockedAddress, match=kind):
            check_address(address, allow_private=False)
    assert server.requests == []


def test_ingest_web_redirect_to_loopback_is_checked_at_every_hop(settings, server):
    target = server.serve("/target", "x")
    fetcher = Fetcher(settings.replace(allow_private=True, fetch_max_redirects=2))
    server.serve("/r1", "", status=302, headers={"Location": "/r2"})
    server.serve("/r2", "", status=302, headers={"Location": "/r3"})
    server.serve("/r3", "", status=302, headers={"Location": target})
    with pytest.raises(FetchError) as caught:
        fetcher.fetch(server.url("/r1"))
    assert caught.value.reason == "more than 2 redirects"
    assert fetcher.fetch(server.url("/r2")).url == target


def test_ingest_web_http_error(store, open_settings, server):
    report = ingest(store, [server.url("/missing")], open_settings)
    assert [(r.origin, r.reason) for r in report.rejections] == [
        (server.url("/missing"), "HTTP error 404 Not Found")]


def test_ingest_web_oversize_response_declared_and_streamed(open_settings, server):
    fetcher = Fetcher(open_settings.replace(fetch_max_bytes=1000))
    big = server.serve("/big", b"x" * 5000)
    with pytest.raises(ResponseTooLarge) as caught:
        fetcher.fetch(big)
    assert caught.value.reason == "response larger than the 1,000-byte limit (5,000 bytes)"
    undeclared = server.serve("/undeclared", b"y" * 5000, declare_length=False)
    with pytest.raises(ResponseTooLarge) as caught:
        fetcher.fetch(undeclared)
    assert caught.value.reason == "response larger than the 1,000-byte limit"


def test_ingest_web_timeout(open_settings):
    import socket

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)  # accepts the connection, never answers
    port = listener.getsockname()[1]
    fetcher = Fetcher(open_settings.replace(fetch_timeout=0.5))
    try:
        with pytest.raises(FetchError) as caught:
            fetcher.fetch(f"http://127.0.0.1:{port}/slow")
        assert caught.value.reason == "no answer within 0.5 seconds"
    finally:
        listener.close()
