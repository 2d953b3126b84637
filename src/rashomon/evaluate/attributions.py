"""Attributions against PARC-style gold (PolNeAR): span P/R/F1 for content, source and cue.

Units are word tokens (``\\w+``), so spacing and punctuation at a span's edge do not decide a match.
Predicted and gold attributions are first aligned one-to-one by the number of content tokens they
share (largest first). Then, for each role (content, source, cue):

- exact: an aligned pair counts when the role covers the same tokens in both;
- overlap: an aligned pair counts when the role shares at least one token;
- precision = counted pairs / predicted attributions with that role, recall = counted / gold ones.

Nested attributions ("Sims said Haley said she backed Rubio": the inner cue inside the outer content)
are not scored, for either system: PolNeAR annotates one flat layer (in its training split 14 of 19,832
gold contents overlap another), so an inner attribution, right or not, could only count as wrong.

Speaker accuracy: among aligned pairs whose gold has a source, the share whose predicted source
shares a token with it (or, for a pronoun or description, whose resolved speaker is mentioned there).
Speaker accuracy over all sources: the same count of right sources over every gold attribution with a
source, found or not (one that rashomon missed counts as wrong). Named speaker precision: among aligned
pairs whose gold has a source and whose prediction credits a speaker, the share where a mention of that
speaker in the article is inside the gold source; a prediction left unattributed is not counted there.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rashomon.evaluate.metrics import prf
from rashomon.nlp.attributions import top_level

ROLES = ("content", "source", "cue")
_WORD = re.compile(r"\w+")

Spans = Sequence[Sequence[int]]


@dataclass(frozen=True)
class Predicted:
    content: Spans
    source: Spans
    cue: Spans
    speaker_spans: Spans = ()  # every mention of the resolved speaker in the article


@dataclass
class Tally:
    predicted: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ROLES, 0))
    gold: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ROLES, 0))
    exact: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ROLES, 0))
    overlap: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ROLES, 0))
    speaker_right: int = 0
    speaker_judged: int = 0
    gold_sources: int = 0  # gold attributions with a source, aligned or not
    speaker_named: int = 0  # aligned, gold with a source, and a speaker credited
    speaker_named_right: int = 0

    def scores(self) -> dict:
        result = {}
        for mode, counted in (("exact", self.exact), ("overlap", self.overlap)):
            result[mode] = {role: prf(counted[role], self.predicted[role], self.gold[role]) for role in ROLES}
        result["speaker_accuracy"] = self.speaker_right / self.speaker_judged if self.speaker_judged else 0.0
        result["speaker_accuracy_all_sources"] = self.speaker_right / self.gold_sources if self.gold_sources else 0.0
        result["named_speaker_precision"] = (self.speaker_named_right / self.speaker_named
                                             if self.speaker_named else 0.0)
        result["counts"] = {"predicted": dict(self.predicted), "gold": dict(self.gold),
                            "aligned_with_gold_source": self.speaker_judged, "gold_sources": self.gold_sources,
                            "aligned_with_a_speaker_credited": self.speaker_named}
        return result


class _Tokens:
    """Word-token positions of one text, to turn character spans into token sets."""

    def __init__(self, text: str):
        matches = list(_WORD.finditer(text))
        self.starts = [m.start() for m in matches]
        self.ends = [m.end() for m in matches]

    def of(self, spans: Spans) -> frozenset[int]:
        covered = set()
        for start, end in spans:
            first = bisect.bisect_right(self.ends, start)
            last = bisect.bisect_left(self.starts, end)
            covered.update(range(first, last))
        return frozenset(covered)


def score_article(tally: Tally, text: str, gold: Iterable[dict], predicted: list[Predicted]) -> None:
    predicted = top_level(predicted)
    tokens = _Tokens(text)
    gold_sets = [{role: tokens.of(g[role]) for role in ROLES} for g in gold]
    pred_sets = [{role: tokens.of(getattr(p, role)) for role in ROLES} | {"speaker": tokens.of(p.speaker_spans)}
                 for p in predicted]
    tally.gold_sources += sum(bool(g["source"]) for g in gold_sets)
    for role in ROLES:
        tally.gold[role] += sum(bool(g[role]) for g in gold_sets)
        tally.predicted[role] += sum(bool(p[role]) for p in pred_sets)
    for p, g in _align(pred_sets, gold_sets):
        for role in ROLES:
            if p[role] and g[role]:
                tally.exact[role] += p[role] == g[role]
                tally.overlap[role] += bool(p[role] & g[role])
        if g["source"]:
            tally.speaker_judged += 1
            tally.speaker_right += bool((p["source"] | p["speaker"]) & g["source"])
            if p["speaker"]:
                tally.speaker_named += 1
                tally.speaker_named_right += bool(p["speaker"] & g["source"])


def sources_agreeing(text: str, gold: Iterable[dict], predicted: Sequence) -> list[bool]:
    """For each predicted attribution (with ``content`` and ``source`` spans): whether it is aligned with a
    gold attribution, as the scores align them, and its source shares a word with that gold source."""
    tokens = _Tokens(text)
    gold_sets = [{role: tokens.of(g[role]) for role in ROLES} for g in gold]
    pred_sets = [{"content": tokens.of(p.content), "source": tokens.of(p.source), "index": i}
                 for i, p in enumerate(predicted)]
    agreeing = [False] * len(pred_sets)
    for p, g in _align(pred_sets, gold_sets):
        agreeing[p["index"]] = bool(p["source"] & g["source"])
    return agreeing


def _align(predicted: list[dict], gold: list[dict]) -> list[tuple[dict, dict]]:
    pairs = sorted(((len(p["content"] & g["content"]), i, j) for i, p in enumerate(predicted)
                    for j, g in enumerate(gold) if p["content"] & g["content"]), reverse=True)
    used_p, used_g, aligned = set(), set(), []
    for _, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            aligned.append((predicted[i], gold[j]))
    return aligned


def read_gold(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as stream:
        return [json.loads(line) for line in stream if line.strip()]


def evaluate_attribution_system(records: list[dict], system: Callable[[list[dict]], list[list[Predicted]]],
                                ) -> dict:
    """Score ``system`` (records → predicted attributions per record) on gold ``records``."""
    tally = Tally()
    for record, predicted in zip(records, system(records), strict=True):
        score_article(tally, record["text"], record.get("attributions", []), predicted)
    return {"articles": len(records), **tally.scores()}


def rashomon_system(records: list[dict], on_article: Callable[[str], None] | None = None) -> list[list[Predicted]]:
    """rashomon's own attributions for each gold record (the annotate stage's pieces, then attributions)."""
    from rashomon.nlp.attributions import find_attributions
    from rashomon.nlp.dates import find_temporal_expressions
    from rashomon.nlp.entities import find_entities
    from rashomon.nlp.models import confidence_model, cue_model, spacy_pipeline
    from rashomon.nlp.sentences import quotation_spans

    nlp = spacy_pipeline("en")
    results = []
    for record, doc in zip(records, nlp.pipe((r["text"] for r in records), batch_size=8), strict=True):
        entities = find_entities(doc)
        dates = tuple(find_temporal_expressions(doc, record.get("published")))
        found = find_attributions(doc, entities, tuple(quotation_spans(record["text"])), dates,
                                  cue_model(), confidence_model())
        results.append([Predicted(a.content, a.source, a.cue, _chain_spans(entities, a.speaker_chain))
                        for a in found])
        if on_article:
            on_article(record.get("id", ""))
    return results


def _chain_spans(entities, chain: int | None) -> tuple[tuple[int, int], ...]:
    if chain is None:
        return ()
    return tuple((m.start, m.end) for m in entities.mentions if m.chain == chain)


@dataclass
class BaselineFailures:
    raised: int = 0
    messages: list[str] = field(default_factory=list)


def textacy_system(records: list[dict], failures: BaselineFailures) -> list[list[Predicted]]:
    """The baseline: textacy's ``direct_quotations`` (direct quotes only) on the full spaCy pipeline.

    textacy raises on unbalanced quotation marks; such an article counts as having no attributions,
    and ``failures`` counts how often that happened.
    """
    import spacy
    from textacy.extract.triples import direct_quotations

    from rashomon.nlp.models import SPACY_PIPELINES

    nlp = spacy.load(SPACY_PIPELINES["en"][0])  # with the lemmatizer: textacy matches cue lemmas
    results = []
    for doc in nlp.pipe((r["text"] for r in records), batch_size=8):
        try:
            triples = list(direct_quotations(doc))
        except Exception as error:  # noqa: BLE001 - the baseline's own failures are counted, not fatal
            failures.raised += 1
            failures.messages.append(f"{type(error).__name__}: {error}"[:120])
            triples = []
        results.append([Predicted(((t.content.start_char, t.content.end_char),), _token_spans(t.speaker),
                                  _token_spans(t.cue)) for t in triples])
    return results


def _token_spans(tokens) -> tuple[tuple[int, int], ...]:
    from rashomon.nlp.attributions import merge_spans

    return tuple(merge_spans([(t.idx, t.idx + len(t.text)) for t in tokens]))


def evaluate_attributions(path: Path, baseline: bool = True,
                          on_article: Callable[[str], None] | None = None) -> dict:
    """rashomon on the gold file, and in the same run the textacy baseline when it is installed."""
    records = read_gold(path)
    result = {"rashomon": evaluate_attribution_system(records, lambda r: rashomon_system(r, on_article))}
    if baseline:
        try:
            import textacy  # noqa: F401
        except ImportError:
            result["textacy"] = {"skipped": "textacy is not installed: pip install 'rashomon[bench]'"}
            return result
        failures = BaselineFailures()
        scores = evaluate_attribution_system(records, lambda r: textacy_system(r, failures))
        result["textacy"] = {**scores, "articles_where_textacy_raised": failures.raised,
                             "errors": sorted(set(failures.messages))[:5]}
    return result
