"""Article extraction against gold text: token 4-gram shingles, as Zyte's benchmark measures it."""

from __future__ import annotations

import gzip
import json
import re
import statistics
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from rashomon.errors import InputError, RashomonError
from rashomon.evaluate.metrics import f1
from rashomon.extract import extract
from rashomon.records import Page
from rashomon.settings import Settings

# The shingle metric follows evaluate.py of scrapinghub/article-extraction-benchmark (MIT):
# per page, counts of shared 4-token shingles normalised so long pages weigh no more than short
# ones; precision and recall averaged over pages; F1 from the two means.
_TOKEN = re.compile(r"\w+", re.UNICODE)


def _shingles(text: str, size: int = 4) -> Counter:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i:i + size]) for i in range(max(1, len(tokens) - size + 1))
                   if tokens[i:i + size])


def shingle_match(true: str, predicted: str) -> tuple[float, float, float]:
    """Normalised (true positive, false positive, false negative) shingle mass of one page."""
    gold, pred = _shingles(true), _shingles(predicted)
    tp = sum(min(gold[k], pred[k]) for k in gold.keys() | pred.keys())
    fp = sum(max(0, pred[k] - gold[k]) for k in pred)
    fn = sum(max(0, gold[k] - pred[k]) for k in gold)
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _ratio(hit: float, miss: float, other_miss: float) -> float:
    if miss == other_miss == 0:
        return 1.0
    return 0.0 if hit == miss == 0 else hit / (hit + miss)


def extraction_scores(matches: list[tuple[float, float, float]]) -> dict[str, float]:
    precision = statistics.mean(_ratio(tp, fp, fn) for tp, fp, fn in matches if tp + fp > 0)
    recall = statistics.mean(_ratio(tp, fn, fp) for tp, fp, fn in matches if tp + fn > 0)
    return {"precision": precision, "recall": recall, "f1": f1(precision, recall)}


def evaluate_extraction(folder: Path, settings: Settings,
                        on_page: Callable[[str], None] | None = None) -> dict:
    """Extract every page of an AEB-style folder and score it against ``ground-truth.json``."""
    truth_path = folder / "ground-truth.json"
    if not truth_path.is_file():
        raise RashomonError(f"{folder}: no ground-truth.json in this folder")
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    matches, empty = [], 0
    for key, gold in truth.items():
        predicted = _extracted_text(folder / "html" / f"{key}.html.gz", gold.get("url"), settings)
        empty += not predicted
        matches.append(shingle_match(gold.get("articleBody", ""), predicted))
        if on_page:
            on_page(key)
    return {**extraction_scores(matches), "pages": len(truth), "pages_without_text": empty}


def _extracted_text(path: Path, url: str | None, settings: Settings) -> str:
    try:
        body = gzip.decompress(path.read_bytes())
    except OSError as error:
        raise RashomonError(f"{path}: cannot be read ({error})") from None
    try:
        return extract(Page(origin=str(path), kind="html", body=body, url=url), settings).text
    except InputError:
        return ""
