"""The measures every evaluation shares: precision, recall and F1; B-cubed and the adjusted Rand index."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def prf(hit: int, predicted: int, gold: int) -> dict[str, float]:
    """Precision = hits / predicted, recall = hits / gold, and their F1 (0.0 where undefined)."""
    precision = hit / predicted if predicted else 0.0
    recall = hit / gold if gold else 0.0
    return {"precision": precision, "recall": recall, "f1": f1(precision, recall)}


def bcubed(predicted: Sequence, gold: Sequence) -> dict[str, float]:
    """B-cubed (Bagga & Baldwin 1998): per item, precision = share of its predicted cluster with its gold
    label, recall = share of its gold cluster in its predicted cluster; both averaged over items."""
    predicted_members, gold_members = defaultdict(set), defaultdict(set)
    for i, (p, g) in enumerate(zip(predicted, gold, strict=True)):
        predicted_members[p].add(i)
        gold_members[g].add(i)
    precision = recall = 0.0
    for p, g in zip(predicted, gold, strict=True):
        shared = len(predicted_members[p] & gold_members[g])
        precision += shared / len(predicted_members[p])
        recall += shared / len(gold_members[g])
    precision, recall = precision / len(gold), recall / len(gold)
    return {"precision": precision, "recall": recall, "f1": f1(precision, recall)}


def adjusted_rand_index(predicted: Sequence, gold: Sequence) -> float:
    def pairs(count: int) -> float:
        return count * (count - 1) / 2

    both = sum(pairs(n) for n in Counter(zip(predicted, gold)).values())
    left = sum(pairs(n) for n in Counter(predicted).values())
    right = sum(pairs(n) for n in Counter(gold).values())
    expected = left * right / pairs(len(gold)) if len(gold) > 1 else 0.0
    maximum = (left + right) / 2
    return (both - expected) / (maximum - expected) if maximum != expected else 1.0
