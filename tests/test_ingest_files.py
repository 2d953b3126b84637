import gzip
import shutil
from datetime import date

from rashomon import samples
from rashomon.ingest.session import ingest
from rashomon import reads
from tests.conftest import PAGES


def _all(store):
    return list(reads.articles(store).articles)


def test_ingest_files_seed_corpus_once(store, settings):
    paths = [str(path) for path in samples.seed_paths()]
    report = ingest(store, paths, settings)
    assert report.counts["added"] == 5 and not report.rejections
    stored = _all(store)
    # 000 and 004 open with a date line; 001 carries its stamp "23.12.2021" under the headline; 002 opens
    # with the dateline "December 24 –" (its year from the other seeds' dates); 003 says no date of its own
    assert sorted(str(a.published) for a in stored) == ["2021-12-01", "2021-12-23", "2021-12-23", "2021-12-24",
                                                        "None"]
    stamped = next(a for a in stored if a.text.startswith("- Sputnik"))
    start, end = stamped.metadata["published_from_text"]
    assert stamped.text[start:end] == "23.12.2021"
    again = ingest(store, paths, settings)
    assert again.counts["added"] == 0 and again.counts["unchanged"] == 5
    assert len(_all(store)) == 5


def test_ingest_files_folder_recursively_with_gzipped_html(store, settings, tmp_path):
    root = tmp_path / "in"
    (root / "a" / "b").mkdir(parents=True)
    shutil.copy(samples.seed_paths()[0], root / "seed.txt")
    (root / "a" / "putin.html.gz").write_bytes(gzip.compress((PAGES / "putin.html").read_bytes()))
    shutil.copy(PAGES / "stoltenberg.html", root / "a" / "b" / "stoltenberg.htm")
    (root / ".hidden.txt").write_text("not read")
    report = ingest(store, [str(root)], settings)
    assert report.counts["added"] == 3 and not report.rejections
    by_title = {a.title: a for a in _all(store)}
    putin = by_title["Putin demands legal guarantees that NATO will not expand"]
    assert putin.published == date(2021, 12, 1) and putin.outlet == "Example Daily"


def test_ingest_files_bad_inputs_become_rejections_and_the_rest_goes_on(store, settings, tmp_path):
    (tmp_path / "good.txt").write_text("A real article about NATO and Russia, long enough to keep.")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "empty.txt").write_text("   \n\n  ")
    (tmp_path / "broken.txt").write_bytes("Генсек ".encode() + b"\xff\xfe")
    (tmp_path / "nav.html").write_bytes((PAGES / "no-article.html").read_bytes())
    (tmp_path / "bad.html.gz").write_bytes(b"not gzip at all")
    report = ingest(store, [str(tmp_path), str(tmp_path / "missing.txt")], settings)
    assert report.counts["added"] == 1
    reasons = {r.origin.rsplit("/", 1)[-1]: r.reason for r in report.rejections}
    assert reasons == {
        "image.txt": "binary file (a PNG image), not text",
        "empty.txt": "empty: no text, only whitespace",
        "broken.txt": "broken text encoding: invalid UTF-8 byte 0xff at byte 13",
        "nav.html": "no article text found in the HTML (only 3 words of text outside the page's navigation)",
        "bad.html.gz": "the name ends in .gz but it is not valid gzip data",
        "missing.txt": "no such file or folder",
    }
    assert len(reads.rejections(store)) == 6
    ingest(store, [str(tmp_path)], settings)
    stored = reads.rejections(store)
    assert len(stored) == 6  # counted again, not stored twice
    assert {r.times for r in stored if r.rejection.origin.endswith("image.txt")} == {2}
