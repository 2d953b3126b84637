"""Facts across the events of a story: one thing stated again when the story moved on ("the West should give
Russia security guarantees", said by Putin on 1 December and again on 23 December).

Each fact is known by its gist (``FactGist``): its first report's vector and anchors. Two facts of different
events of one story are one when their gists are alike by meaning and words (the score ``facts`` uses)
at ``ACROSS_EVENTS`` or above, each is the other's closest fact in the other event, and they agree on what
makes a fact that fact: both someone's reported words or both the outlet's own telling, the same speaker
where both name one, the same figures, dates that can be one date, and a named entity in common where both
name any. The bar is higher than within an event (``facts.SAME_FACT``): without the order of one source to
go by, two events of one story say many things alike (a second earthquake's toll in the words of the first).

Linking is done when a story is read, from the gists its events' facts were stored with: an event compared
again, or moved to another story, links afresh without anything else being recomputed.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

import numpy as np

from rashomon.align.anchors import overlap
from rashomon.align.divergence import same_time
from rashomon.align.facts import LEXICAL_WEIGHT
from rashomon.records import FactGist

ACROSS_EVENTS = 1.2  # cosine + LEXICAL_WEIGHT × stem overlap, chosen on ECB+ dev and the seeds


def linked(facts: Sequence[tuple[int, int, FactGist]]) -> dict[int, int]:
    """For facts (id, event, gist) of one story, the fact each joins in an earlier-numbered one of another
    event (fact id → the lowest fact id of its group); facts stated in one event only are left out."""
    if len(facts) < 2:
        return {}
    vectors = np.stack([np.frombuffer(g.vector, dtype=np.float32) for _, _, g in facts])
    score = vectors @ vectors.T
    events = np.array([event for _, event, _ in facts])
    for i, j in combinations(range(len(facts)), 2):
        alike = score[i, j] + LEXICAL_WEIGHT * overlap(facts[i][2].stems, facts[j][2].stems) \
            if events[i] != events[j] else -np.inf
        score[i, j] = score[j, i] = alike
    np.fill_diagonal(score, -np.inf)
    pairs = sorted(((-float(score[i, j]), int(i), int(j)) for i, j in zip(*np.nonzero(score >= ACROSS_EVENTS))
                    if i < j and _closest(score, events, i, j) and agree(facts[i][2], facts[j][2])))
    return _grouped(facts, pairs)


def _closest(score: np.ndarray, events: np.ndarray, i: int, j: int) -> bool:
    """Each is the other's closest fact in the other's event."""
    return score[i, j] >= score[i][events == events[j]].max() and score[i, j] >= score[j][events == events[i]].max()


def agree(first: FactGist, second: FactGist) -> bool:
    """The two agree on what makes a fact that fact."""
    return (first.attributed == second.attributed
            and not (first.speaker and second.speaker and first.speaker != second.speaker)
            and first.numbers == second.numbers
            and not (first.dates and second.dates
                     and not all(any(same_time(a, b) for b in second.dates) for a in first.dates))
            and not (first.entities and second.entities and not first.entities & second.entities))


def _grouped(facts: Sequence[tuple[int, int, FactGist]], pairs: list[tuple[float, int, int]]) -> dict[int, int]:
    """Best pair first; two groups join when they hold no fact of the same event and every fact of one agrees
    with every fact of the other (a fact with no date joins one of 1 December or one of 23 December, not
    both)."""
    group = {i: {i} for i in range(len(facts))}
    for _, i, j in pairs:
        if group[i] is group[j] or {facts[k][1] for k in group[i]} & {facts[k][1] for k in group[j]} or \
                not all(agree(facts[a][2], facts[b][2]) for a in group[i] for b in group[j]):
            continue
        joined = group[i] | group[j]
        for k in joined:
            group[k] = joined
    found = {}
    for members in {id(g): g for g in group.values()}.values():
        if len(members) > 1:
            first = min(facts[k][0] for k in members)
            found.update({facts[k][0]: first for k in members})
    return found
