import gzip
import json

import pytest

from rashomon.evaluate.extraction import (
    evaluate_extraction,
    extraction_scores,
    shingle_match,
)
from tests.conftest import PAGES


def test_evaluate_extraction_evaluate_shingle_match_exact_and_partial():
    assert shingle_match("a b c d e", "a b c d e") == (1.0, 0.0, 0.0)
    # gold shingles: abcd, bcde; predicted: abcd, bcdx -> 1 shared, 1 extra, 1 missing
    tp, fp, fn = shingle_match("a b c d e", "a b c d x")
    assert (tp, fp, fn) == pytest.approx((1 / 3, 1 / 3, 1 / 3))


def test_evaluate_extraction_evaluate_scores_average_over_pages_and_skip_empty_predictions_in_precision():
    perfect = shingle_match("a b c d e", "a b c d e")
    empty = shingle_match("a b c d e", "")
    scores = extraction_scores([perfect, empty])
    assert scores["precision"] == 1.0
    assert scores["recall"] == 0.5
    assert scores["f1"] == pytest.approx(2 / 3)


def test_evaluate_extraction_on_a_folder(tmp_path):
    (tmp_path / "html").mkdir()
    html = (PAGES / "putin.html").read_bytes()
    (tmp_path / "html" / "p1.html.gz").write_bytes(gzip.compress(html))
    gold = ("Russian President Vladimir Putin said that Moscow, in a dialogue with the United States "
            "and its allies, will seek specific agreements excluding any further NATO moves to the east.")
    (tmp_path / "ground-truth.json").write_text(json.dumps({"p1": {"articleBody": gold, "url": None}}))
    scores = evaluate_extraction(tmp_path, __import__("rashomon").Settings.load(environ={}))
    assert scores["pages"] == 1 and scores["recall"] == 1.0
    assert 0.1 < scores["precision"] < 0.5  # the page has more paragraphs than this gold
