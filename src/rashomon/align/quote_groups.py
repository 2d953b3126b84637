"""The quote-groups stage: one utterance across articles, its renderings grouped.

Each attribution's content is cut into units, a sentence or a clause each (``units``). A unit joins the
group whose first member it is closest to in the multilingual sentence space, if close enough:
translations of the same words land near each other (cosine ~0.8–0.9) where other remarks of the same
speaker on the same topic stay lower. Joining is judged against the group's first member only, so
groups do not drift by chaining. Grouping is incremental: a new unit is compared with the groups'
first members, never re-clustered.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

import numpy as np

from rashomon import embed
from rashomon.align.units import content_units
from rashomon.records import QuoteGroup, QuotesToGroup, QuoteUnit, Span

if TYPE_CHECKING:
    from rashomon.pipeline.stages import RunContext

# The same speaker's renderings of one utterance: translations measured 0.81–0.91 on the seed corpus,
# while a different remark of the same speaker on the same topic measured up to 0.76.
SAME_SPEAKER_SIMILARITY = 0.80
# Credited to someone else, the words must be nearly the same to be called the same utterance.
ANY_SPEAKER_SIMILARITY = 0.90
UNITS_PER_ENCODING = 64


class GroupIndex:
    """The groups' first members as one growing matrix, so a new unit costs one matrix-vector product."""

    def __init__(self, groups: Sequence[QuoteGroup], articles: Mapping[int, set[str]]):
        self.ids = [group.id for group in groups]
        self.speakers = [group.speaker_entity_id for group in groups]
        self.articles = {group: set(members) for group, members in articles.items()}
        self._matrix = np.zeros((max(1024, 2 * len(groups)), embed.UniversalSentenceEncoder.dimensions), np.float32)
        for index, group in enumerate(groups):
            self._matrix[index] = group.representative

    def add(self, group: int, speaker: str | None, vector: np.ndarray) -> None:
        if len(self.ids) == len(self._matrix):
            self._matrix = np.vstack([self._matrix, np.zeros_like(self._matrix)])
        self._matrix[len(self.ids)] = vector
        self.ids.append(group)
        self.speakers.append(speaker)

    def best(self, vector: np.ndarray, speaker: str | None, article_id: str) -> tuple[int | None, float]:
        """The closest group above its threshold that has no unit of this article yet."""
        if not self.ids:
            return None, 0.0
        similarities = self._matrix[:len(self.ids)] @ vector
        best, best_similarity = None, 0.0
        for index in np.flatnonzero(similarities >= SAME_SPEAKER_SIMILARITY):
            similarity = float(similarities[index])
            threshold = SAME_SPEAKER_SIMILARITY if speaker and self.speakers[index] == speaker \
                else ANY_SPEAKER_SIMILARITY
            if similarity < threshold or similarity <= best_similarity:
                continue
            if article_id in self.articles.get(self.ids[index], ()):
                continue
            best, best_similarity = self.ids[index], similarity
        return best, best_similarity


def group_quotes(pending: QuotesToGroup, context: RunContext) -> Iterator[QuoteGroup | QuoteUnit]:
    """Every attribution not yet grouped, cut into units and each unit placed in a group (a new group
    comes before its first unit). An attribution that gives no unit is recorded by a unit without a
    span, so that it is not cut up again. Units are encoded a chunk at a time, so that what is done
    can be shown as it is done."""
    units, empty = _units(pending)
    for attribution in empty:
        yield QuoteUnit(attribution.article_id, attribution.index, None, attribution.speaker_entity_id)
    index, next_group = GroupIndex(pending.groups, pending.group_articles), pending.next_group
    for start in range(0, len(units), UNITS_PER_ENCODING):
        chunk = units[start:start + UNITS_PER_ENCODING]
        vectors = context.encoder.encode([pending.texts[span.article_id][span.start:span.end] for _, span in chunk])
        for (attribution, span), vector in zip(chunk, vectors, strict=True):
            speaker = attribution.speaker_entity_id
            group, similarity = index.best(vector, speaker, span.article_id)
            if group is None:
                group, next_group, similarity = next_group, next_group + 1, 1.0
                yield QuoteGroup(group, speaker, vector)
                index.add(group, speaker, vector)
            index.articles.setdefault(group, set()).add(span.article_id)
            yield QuoteUnit(span.article_id, attribution.index, span, speaker, group, similarity)


def _units(pending: QuotesToGroup) -> tuple[list[tuple], list]:
    """(attribution, unit span) of every unit, in the order given; and the attributions that give none."""
    units, empty = [], []
    for attribution in pending.attributions:
        text = pending.texts[attribution.article_id]
        sentences = [(s.start, s.end) for s in pending.sentences[attribution.article_id]]
        content = [(s.start, s.end) for s in attribution.content]
        found = content_units(text, content, sentences)
        units += [(attribution, Span(attribution.article_id, start, end)) for start, end in found]
        if not found:
            empty.append(attribution)
    return units, empty
