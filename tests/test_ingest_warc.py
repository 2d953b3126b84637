from io import BytesIO

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from rashomon.ingest.session import ingest
from rashomon import reads
from tests.conftest import PAGES


def _write_warc(path, records):
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=path.name.endswith(".gz"))
        for url, status, content_type, body in records:
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=BytesIO(body),
                                                          http_headers=headers))


def test_ingest_warc_html_responses(store, settings, tmp_path):
    warc = tmp_path / "crawl.warc.gz"
    _write_warc(warc, [
        ("https://news.example.com/s", "200 OK", "text/html; charset=utf-8", (PAGES / "stoltenberg.html").read_bytes()),
        ("https://daily.example.org/p", "200 OK", "text/html", (PAGES / "putin.html").read_bytes()),
        ("https://daily.example.org/logo.png", "200 OK", "image/png", b"\x89PNG\r\n"),
        ("https://daily.example.org/gone", "404 Not Found", "text/html", b"<html>gone</html>"),
        ("https://daily.example.org/nav", "200 OK", "text/html", (PAGES / "no-article.html").read_bytes()),
    ])
    report = ingest(store, [str(warc)], settings)
    assert report.counts["added"] == 2
    assert [r.reason for r in report.rejections] == [
        "no article text found in the HTML (only 3 words of text outside the page's navigation)"]
    urls = sorted(a.url for a in reads.articles(store).articles)
    assert urls == ["https://daily.example.org/p", "https://news.example.com/s"]
    assert ingest(store, [str(warc)], settings).counts["added"] == 0


def test_ingest_warc_not_a_warc(store, settings, tmp_path):
    bogus = tmp_path / "bogus.warc"
    bogus.write_text("this is not a web archive\n")
    report = ingest(store, [str(bogus)], settings)
    assert [r.reason for r in report.rejections] == [
        "not a WARC file (it does not begin with a WARC/1.x record)"]
