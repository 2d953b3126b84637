"""Temporal expressions against TempEval-3 gold: TempEval-3 task A (TIMEX3 extents, type and value).

The definitions are those of the TempEval-3 scorer (``evaluation-entities/evaluate_entities.py``
of the TE3 toolkit, UzZaman et al. 2013), checked against its code:

- strict span: a predicted expression with exactly the gold start and end; precision = strict
  matches / predicted, recall = strict matches / gold.
- relaxed span: any character overlap; each gold expression and each prediction is matched at
  most once (overlapping pairs are paired greedily, exact matches and larger overlaps first).
- value and type: the scorer counts, over relaxed matches, those whose attribute equals the gold
  one; it reports attribute accuracy = correct / relaxed matches and attribute F1 = accuracy x
  relaxed F1 (likewise P = accuracy x relaxed P, R = accuracy x relaxed R). With one-to-one
  matching that is value precision = correct / predicted and value recall = correct / gold,
  which is how it is computed here.

One departure, on purpose: values are compared after a light normalisation that maps spellings
TimeML allows for the same value onto one form, both on the gold side and on ours: ISO weeks with
or without the zero (``2000-W7`` = ``2000-W07``) and truncated years written with or without X
(``199`` = ``199X`` for the 1990s, ``19`` = ``19XX`` for the 20th century). The TE3 scorer
compares raw strings; nothing else is forgiven.

Documents are split by their position in the file: even positions (0, 2, 4, ...) are the
development half, odd positions the held-out half.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from rashomon.errors import RashomonError
from rashomon.evaluate.metrics import prf

SPLITS = ("all", "dev", "heldout")


@dataclass(frozen=True)
class Timex:
    """One expression, gold or predicted: offsets into the document text, TIMEX3 type and value."""

    start: int
    end: int
    kind: str
    value: str


def normalise_value(value: str) -> str:
    """One spelling per TimeML value: zero-padded ISO weeks, truncated years padded with X."""
    value = value.strip().upper()
    value = re.sub(r"-W(\d)(?!\d)", r"-W0\1", value)
    if re.fullmatch(r"\d{2,3}", value):
        value = value.ljust(4, "X")
    return value


def relaxed_pairs(gold: Sequence[Timex], predicted: Sequence[Timex]) -> list[tuple[Timex, Timex]]:
    """Overlapping gold/predicted pairs, each expression used once: exact and larger overlaps first."""
    options = []
    for g_index, g in enumerate(gold):
        for p_index, p in enumerate(predicted):
            overlap = min(g.end, p.end) - max(g.start, p.start)
            if overlap > 0:
                exact = (g.start, g.end) == (p.start, p.end)
                options.append((not exact, -overlap, g_index, p_index))
    used_gold, used_predicted, pairs = set(), set(), []
    for _, _, g_index, p_index in sorted(options):
        if g_index not in used_gold and p_index not in used_predicted:
            used_gold.add(g_index)
            used_predicted.add(p_index)
            pairs.append((gold[g_index], predicted[p_index]))
    return pairs


@dataclass
class Counts:
    """Tallies over a set of documents, from which every figure is computed."""

    gold: int = 0
    predicted: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    kind: int = 0

    def add(self, gold: Sequence[Timex], predicted: Sequence[Timex]) -> None:
        pairs = relaxed_pairs(gold, predicted)
        self.gold += len(gold)
        self.predicted += len(predicted)
        self.relaxed += len(pairs)
        self.strict += sum((g.start, g.end) == (p.start, p.end) for g, p in pairs)
        self.value += sum(normalise_value(g.value) == normalise_value(p.value) for g, p in pairs)
        self.kind += sum(g.kind == p.kind for g, p in pairs)


def scores(counts: Counts) -> dict:
    """The TempEval-3 figures of a tally."""
    return {
        "gold": counts.gold,
        "predicted": counts.predicted,
        "strict": prf(counts.strict, counts.predicted, counts.gold),
        "relaxed": prf(counts.relaxed, counts.predicted, counts.gold),
        "value": prf(counts.value, counts.predicted, counts.gold),
        "type_accuracy": counts.kind / counts.relaxed if counts.relaxed else 0.0,
        "value_accuracy": counts.value / counts.relaxed if counts.relaxed else 0.0,
        "counts": {"strict": counts.strict, "relaxed": counts.relaxed, "value": counts.value, "type": counts.kind},
    }


def score_documents(documents: Iterable[tuple[Sequence[Timex], Sequence[Timex]]]) -> dict:
    """Score (gold, predicted) pairs of documents, pooled over all expressions as TE3 does."""
    counts, total = Counts(), 0
    for gold, predicted in documents:
        counts.add(gold, predicted)
        total += 1
    return {"documents": total, **scores(counts)}


def read_gold(path: Path, documents: str = "all") -> list[dict]:
    """The documents of one split of a TempEval-3 style JSONL file."""
    if documents not in SPLITS:
        raise RashomonError(f"documents must be one of {', '.join(SPLITS)}, not {documents!r}")
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise RashomonError(f"{path}: cannot be read ({error})") from None
    records = [json.loads(line) for line in lines if line.strip()]
    if documents == "dev":
        return records[0::2]
    return records[1::2] if documents == "heldout" else records


def gold_timexes(record: dict) -> list[Timex]:
    return [Timex(t["start"], t["end"], t["type"], t["value"]) for t in record.get("timexes", [])]


def evaluate_dates(path: Path, documents: str = "all",
                   on_document: Callable[[str], None] | None = None) -> dict:
    """Tag every document of the split with rashomon's temporal tagger and score it against the gold."""
    from rashomon.nlp.dates import find_temporal_expressions
    from rashomon.nlp.models import spacy_pipeline

    records = read_gold(path, documents)
    nlp = spacy_pipeline("en")

    def tagged():
        for record, doc in zip(records, nlp.pipe(r["text"] for r in records)):
            found = find_temporal_expressions(doc, record.get("published"))
            if on_document:
                on_document(record.get("id", ""))
            yield gold_timexes(record), [Timex(e.start, e.end, e.kind, e.value) for e in found]

    return {"split": documents, **score_documents(tagged())}
