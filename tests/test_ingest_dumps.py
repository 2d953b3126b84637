import gzip
import json

from rashomon.extract import TITLE_ONLY_REASON
from rashomon.ingest.session import ingest
from rashomon import reads


def _line(**fields) -> str:
    return json.dumps(fields)


def test_ingest_dumps_jsonl_records_and_bad_lines(store, settings, tmp_path):
    dump = tmp_path / "dump.jsonl"
    dump.write_text("\n".join([
        _line(id="1", outlet="fox", url="https://fox.example/a", published="2019-01-02", title="A",
              text="First article text about the border wall and the shutdown.", story="s1"),
        '{"id": "2", "text": "unterminated',
        "[1, 2, 3]",
        "",
        _line(id="4", outlet=None, url=None, published=None, title="Headline only", text=""),
        _line(id="5", title="", text="   "),
    ]) + "\n")
    report = ingest(store, [str(dump)], settings)
    assert report.counts["added"] == 1
    assert [(r.origin.rsplit("/", 1)[-1], r.reason) for r in report.rejections] == [
        ("dump.jsonl:2", "not valid JSON: Unterminated string starting at (column 21)"),
        ("dump.jsonl:3", "expected a JSON object, found an array"),
        ("dump.jsonl:5", TITLE_ONLY_REASON),
        ("dump.jsonl:6", "record has no text and no title"),
    ]
    first = reads.article(store, "https://fox.example/a").article
    assert first.outlet == "Fox News"
    assert first.metadata == {"story": "s1", "source_id": "1", "outlet_as_given": "fox"}
    again = ingest(store, [str(dump)], settings)
    assert again.counts["added"] == 0 and again.counts["unchanged"] == 1


def test_ingest_dumps_gzipped(store, settings, tmp_path):
    dump = tmp_path / "dump.jsonl.gz"
    dump.write_bytes(gzip.compress((_line(id="1", title="T", text="Some text of an article.") + "\n").encode()))
    assert ingest(store, [str(dump)], settings).counts["added"] == 1


def test_ingest_dumps_same_text_from_two_outlets_is_a_linked_copy(store, settings, tmp_path):
    text = " ".join(f"word{i}" for i in range(80))
    dump = tmp_path / "d.jsonl"
    dump.write_text(_line(id="1", outlet="wire", published="2020-01-01", title="A", text=text) + "\n"
                    + _line(id="2", outlet="paper", published="2020-01-02", title="B", text=text) + "\n")
    report = ingest(store, [str(dump)], settings)
    assert report.counts["added"] == 2 and report.counts["copies"] == 1
    wire, paper = reads.articles(store).articles
    assert paper.copy_of == wire.id and paper.copy_similarity == 1.0
