"""The TempEval-3 style metric for temporal expressions, on hand-made documents with known counts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rashomon.errors import RashomonError
from rashomon.evaluate.dates import (
    Timex,
    evaluate_dates,
    normalise_value,
    read_gold,
    relaxed_pairs,
    score_documents,
)

# Document A: an exact match, an overlap only, an exact match whose week is spelled two ways,
# and a prediction with no gold. Document B: a decade spelled two ways, and a right span with the
# wrong value and type. Document C: a gold expression nobody found.
DOCUMENTS = [
    (
        [Timex(0, 6, "DATE", "1998-08-07"), Timex(10, 19, "DURATION", "P2W"), Timex(30, 40, "DATE", "2000-W7")],
        [Timex(0, 6, "DATE", "1998-08-07"), Timex(12, 19, "DURATION", "P2W"), Timex(30, 40, "DATE", "2000-W07"),
         Timex(50, 55, "DATE", "1999")],
    ),
    (
        [Timex(5, 15, "DATE", "199"), Timex(20, 25, "TIME", "1998-08-07TMO")],
        [Timex(5, 15, "DATE", "199X"), Timex(20, 25, "DATE", "1998-08-07")],
    ),
    ([Timex(0, 4, "DATE", "1998")], []),
]


def test_evaluate_dates_counts_and_figures_over_three_documents():
    scores = score_documents(DOCUMENTS)
    assert (scores["documents"], scores["gold"], scores["predicted"]) == (3, 6, 6)
    assert scores["counts"] == {"strict": 4, "relaxed": 5, "value": 4, "type": 4}
    assert scores["strict"] == pytest.approx({"precision": 4 / 6, "recall": 4 / 6, "f1": 4 / 6})
    assert scores["relaxed"] == pytest.approx({"precision": 5 / 6, "recall": 5 / 6, "f1": 5 / 6})
    assert scores["value"] == pytest.approx({"precision": 4 / 6, "recall": 4 / 6, "f1": 4 / 6})
    assert scores["type_accuracy"] == pytest.approx(4 / 5)
    assert scores["value_accuracy"] == pytest.approx(4 / 5)


def test_evaluate_dates_value_f1_is_the_te3_attribute_f1_accuracy_times_relaxed_f1():
    scores = score_documents(DOCUMENTS)
    assert scores["value"]["f1"] == pytest.approx(scores["value_accuracy"] * scores["relaxed"]["f1"])


def test_evaluate_dates_precision_and_recall_differ_when_counts_do():
    gold = [Timex(0, 5, "DATE", "1998"), Timex(10, 15, "DATE", "1999"), Timex(20, 25, "DATE", "2000")]
    predicted = [Timex(0, 5, "DATE", "1998"), Timex(10, 15, "DATE", "1990")]
    scores = score_documents([(gold, predicted)])
    assert scores["strict"] == pytest.approx({"precision": 1.0, "recall": 2 / 3, "f1": 0.8})
    assert scores["value"] == pytest.approx({"precision": 0.5, "recall": 1 / 3, "f1": 0.4})


def test_evaluate_dates_each_gold_is_matched_at_most_once():
    gold = [Timex(0, 5, "DATE", "1998"), Timex(6, 10, "DATE", "1999")]
    predicted = [Timex(0, 10, "DATE", "1998")]
    scores = score_documents([(gold, predicted)])
    assert scores["counts"]["relaxed"] == 1
    assert scores["relaxed"] == pytest.approx({"precision": 1.0, "recall": 0.5, "f1": 2 / 3})


def test_evaluate_dates_an_exact_match_wins_over_a_larger_overlap():
    gold = [Timex(0, 10, "DATE", "1998")]
    predicted = [Timex(2, 12, "DATE", "1997"), Timex(0, 10, "DATE", "1998")]
    assert relaxed_pairs(gold, predicted) == [(gold[0], predicted[1])]


def test_evaluate_dates_no_documents_score_zero():
    scores = score_documents([])
    assert (scores["documents"], scores["gold"], scores["predicted"]) == (0, 0, 0)
    assert scores["value"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0}


@pytest.mark.parametrize(("gold", "ours"), [
    ("2000-W7", "2000-W07"), ("199", "199X"), ("19", "19XX"), ("p2w", "P2W"), ("1998-W32-WE", "1998-W32-WE"),
])
def test_evaluate_dates_spellings_of_one_value_are_equal(gold, ours):
    assert normalise_value(gold) == normalise_value(ours)


@pytest.mark.parametrize(("gold", "ours"), [("1998", "199X"), ("2000-W17", "2000-W07"), ("P1W", "P7D")])
def test_evaluate_dates_different_values_stay_different(gold, ours):
    assert normalise_value(gold) != normalise_value(ours)


# ------------------------------------------------------------------ the whole evaluation on a small file

ARTICLES = [
    ("Bombs exploded in Nairobi on Friday, witnesses said.", "1998-08-07", "Friday", "DATE", "1998-08-07"),
    ("The questioning lasted two weeks.", "1998-08-07", "two weeks", "DURATION", "P2W"),
    ("He will come back to Havana next week.", "2000-02-16", "next week", "DATE", "2000-W8"),
    ("Prices fell in the 1990s.", "1998-08-07", "1990s", "DATE", "199"),
]


@pytest.fixture
def gold_file(tmp_path: Path) -> Path:
    path = tmp_path / "gold.jsonl"
    lines = []
    for number, (text, published, words, kind, value) in enumerate(ARTICLES):
        start = text.index(words)
        timex = {"start": start, "end": start + len(words), "type": kind, "value": value}
        lines.append(json.dumps({"id": f"doc{number}", "published": published, "text": text, "timexes": [timex]}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_evaluate_dates_on_every_document(gold_file: Path):
    seen: list[str] = []
    scores = evaluate_dates(gold_file, on_document=seen.append)
    assert seen == ["doc0", "doc1", "doc2", "doc3"]
    assert (scores["documents"], scores["gold"], scores["predicted"]) == (4, 4, 4)
    # "the 1990s" is found with its article, so it overlaps the gold "1990s" without matching it exactly
    assert scores["counts"] == {"strict": 3, "relaxed": 4, "value": 4, "type": 4}
    assert scores["value"]["f1"] == pytest.approx(1.0)
    assert scores["strict"]["f1"] == pytest.approx(0.75)


def test_evaluate_dates_dev_and_heldout_halves_alternate_by_position(gold_file: Path):
    assert [r["id"] for r in read_gold(gold_file, "dev")] == ["doc0", "doc2"]
    assert [r["id"] for r in read_gold(gold_file, "heldout")] == ["doc1", "doc3"]
    dev = evaluate_dates(gold_file, "dev")
    heldout = evaluate_dates(gold_file, "heldout")
    assert (dev["split"], dev["documents"], dev["counts"]["strict"]) == ("dev", 2, 2)
    assert (heldout["split"], heldout["documents"], heldout["counts"]["strict"], heldout["counts"]["relaxed"]) == (
        "heldout", 2, 1, 2)


def test_evaluate_dates_unknown_split_and_missing_file_are_errors(gold_file: Path, tmp_path: Path):
    with pytest.raises(RashomonError, match="documents must be one of"):
        read_gold(gold_file, "test")
    with pytest.raises(RashomonError, match="cannot be read"):
        read_gold(tmp_path / "missing.jsonl")
