"""Divergences measured without gold: changes rashomon itself makes, and how many of them it catches.

The stories file is ingested and analyzed in a temporary store. On that unperturbed corpus, every
divergence claimed between matched reports (the verb kind aside: a judging verb is a choice of framing,
not a contradiction) counts as false: ``false_divergences_per_100_pairs``. Then, for a seeded random
sample of events, one article of each is copied once for each kind of change (``perturb``), one sentence
changed in the copy; the copies are ingested and analyzed into the same store, and a change counts as
caught when a divergence of its kind is claimed between the article and its copy on the changed sentence:
``recall`` per kind and over all.
"""

from __future__ import annotations

import json
import random
import re
import tempfile
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from rashomon import reads
from rashomon.evaluate.perturb import KINDS, Perturbation, detected, perturb
from rashomon.evaluate.stories import Ticks, analyzed
from rashomon.ingest.session import ingest
from rashomon.pipeline.runner import analyze
from rashomon.settings import Settings
from rashomon.store import Store
from rashomon.store.stage_io.comparisons import annotated_article

SAMPLED_EVENTS = 40
COPIES = "perturbed.jsonl"


def evaluate_divergences(path: Path, events: int = SAMPLED_EVENTS, seed: int = 1,
                         on_article: Callable[[str], None] | None = None) -> dict:
    with analyzed(path, on_article) as store:
        pairs = reads.matched_pairs(store)
        claimed = [d for d in reads.divergences(store) if d.kind in KINDS]
        rng = random.Random(seed)
        perturbations = _perturbations(store, _sample(store, events, rng), rng)
        copies = _add_copies(store, perturbations, on_article)
        spans = [(d.kind, *d.spans) for d in reads.divergences(store)]
    caught: dict[str, list[bool]] = defaultdict(list)
    for perturbation, copy_id in zip(perturbations, copies, strict=True):
        caught[perturbation.kind].append(copy_id is not None and detected(perturbation, copy_id, spans))
    every = [hit for hits in caught.values() for hit in hits]
    return {"recall": {**{kind: _share(caught[kind]) for kind in KINDS}, "all": _share(every)},
            "false_divergences_per_100_pairs": round(100 * len(claimed) / pairs, 2) if pairs else 0.0,
            "pairs": pairs, "false_divergences": _kinds(claimed),
            "perturbations": {kind: len(caught[kind]) for kind in KINDS}, "events": events, "seed": seed}


def _share(hits: list[bool]) -> float | None:
    return round(sum(hits) / len(hits), 4) if hits else None


def _kinds(claimed: list) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for divergence in claimed:
        counts[divergence.kind] += 1
    return dict(sorted(counts.items()))


def _sample(store: Store, count: int, rng: random.Random) -> list[list[str]]:
    """The members of ``count`` events chosen at random (all of them when there are fewer)."""
    members: dict[int, list[str]] = defaultdict(list)
    for article_id, (event, _) in sorted(reads.placements(store).items()):
        members[event].append(article_id)
    chosen = sorted(members) if len(members) <= count else sorted(rng.sample(sorted(members), count))
    return [members[event] for event in chosen]


def _perturbations(store: Store, events: list[list[str]], rng: random.Random) -> list[Perturbation]:
    """For each event and kind, one article of the event changed in that way (where one offers a place)."""
    names = _names(store)
    found = []
    with store.read() as connection:
        for members in events:
            annotated = [annotated_article(connection, article_id) for article_id in members]
            for kind in KINDS:
                for article in rng.sample(annotated, len(annotated)):
                    perturbation = perturb(article, kind, names, rng)
                    if perturbation is not None:
                        found.append(perturbation)
                        break
    return found


_NAME = re.compile(r"[A-Z][\w.-]*(?: [A-Z][\w.-]*)*")


def _names(store: Store) -> dict[str, list[str]]:
    """The corpus's canonical names by kind, to swap a name for: names (capitalised words, no possessive)
    that two articles or more give, so that the swap puts in a real name and not a tagging slip."""
    found: dict[str, list[str]] = defaultdict(list)
    for count in reads.entities(store):
        if count.articles >= 2 and _NAME.fullmatch(count.entity.name):
            found[count.entity.label].append(count.entity.name)
    return found


def _add_copies(store: Store, perturbations: list[Perturbation], on_article) -> list[str | None]:
    """Every perturbed copy ingested and analyzed into the store; the id each one got."""
    originals = {a.id: a for a in reads.articles(store).articles}
    with tempfile.TemporaryDirectory(prefix="rashomon-perturbed-") as folder:
        path = Path(folder) / COPIES
        with path.open("w", encoding="utf-8") as stream:
            for p in perturbations:
                original = originals[p.article_id]
                stream.write(json.dumps({"outlet": f"perturbed copy ({p.kind})", "title": original.title,
                                         "published": original.published.isoformat() if original.published
                                         else None, "text": p.text}) + "\n")
        settings = Settings.load(db=store.target)
        ingest(store, [str(path)], settings)
        analyze(store, settings, Ticks(on_article) if on_article else None)
        copy_of_line = {int(origin.rpartition(":")[2]): article_id for origin, article_id in reads.revision_origins(store)
                        if origin.rpartition(":")[0].endswith(COPIES)}
    return [copy_of_line.get(line) for line in range(1, len(perturbations) + 1)]
