"""The comparing stage: each event whose members changed, its facts and their divergences, from scratch.

An event is compared alone: its articles' statements (``statements``), matched into facts (``facts``),
each pair of reports of a fact read for what it changes (``divergence``), the earlier published first.
An event merged away since it was last compared leaves no facts behind.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from itertools import combinations
from typing import TYPE_CHECKING

import numpy as np

from rashomon.align.divergence import carried, divergences, framing
from rashomon.align.facts import facts
from rashomon.align.statements import statements
from rashomon.records import AnnotatedArticle, EventComparison, EventsToCompare

if TYPE_CHECKING:
    from rashomon.embed import Embedder
    from rashomon.pipeline.stages import RunContext


def compare_events(pending: EventsToCompare, context: RunContext) -> Iterator[EventComparison]:
    for event_id in pending.gone:
        yield EventComparison(event_id, "", (), ())
    next_fact = pending.next_fact
    for event_id, members in pending.events.items():
        comparison = compare_event(event_id, [pending.articles[a] for a in members], context.encoder, next_fact)
        next_fact += len(comparison.facts)
        yield replace(comparison, signature=pending.signatures[event_id])


def compare_event(event_id: int, articles: Sequence[AnnotatedArticle], encoder: Embedder,
                  first_fact: int = 1) -> EventComparison:
    """One event's facts and divergences; ``articles`` oldest first."""
    found = [statement for article in articles for statement in statements(article)]
    vectors = encoder.encode([statement.text for statement in found]) if found else np.zeros((0, 0))
    event_facts, disagreements = [], []
    for fact, members, everyone in facts(event_id, found, vectors, first_fact):
        event_facts.append(fact)
        pairwise = []
        for i, j in combinations(members, 2):  # in the event's order: the earlier article first
            pairwise += divergences(fact.id, found[i], found[j], float(vectors[i] @ vectors[j]))
            pairwise += framing(fact.id, _same_article(found, everyone, i), _same_article(found, everyone, j))
        disagreements += pairwise
        disagreements += carried(fact.id, [found[i] for i in members], vectors[members], pairwise)
    return EventComparison(event_id, "", tuple(event_facts), tuple(disagreements))


def _same_article(found: Sequence, members: list[int], report: int) -> list:
    """The statements of a fact in the report's article: the report and its restatements."""
    return [found[i] for i in members if found[i].span.article_id == found[report].span.article_id]
