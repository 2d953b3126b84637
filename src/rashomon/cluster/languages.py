"""Across languages: each article's closest report in every other language, by meaning alone.

An article and its translation share almost no words, so the word index never finds one from the other,
while their multilingual vectors (mean sentence embeddings) are nearly the same. Between two articles in
different languages the words therefore do not testify at all, for or against. The two count as near when
each is the other's closest article in its language, and how alike they are is the ratio margin of bitext
mining (Artetxe & Schwenk, 2019): their vector cosine over the mean of each one's usual closeness to the
other's language, the mean cosine of its MARGIN_NEIGHBOURS closest articles there (a side whose other
language holds fewer articles than that cannot say what is usual, and only the other side counts; with
neither, the pair is not judged). A margin of MARGIN_ONE_EVENT scores as much as the event threshold.

MARGIN_ONE_EVENT was chosen where the answer can be checked without translations: on the mutually closest
pairs by vector of three English gold corpora (ECB+ dev, BASIL, AllSides triplets train), the margin whose
worst accuracy over the three (same event or not) is best: 1.02 (0.82, 0.95, 0.79). Translations were not
looked at to choose it.

Each language's vectors go into an approximate nearest-neighbour index (usearch HNSW, one thread, so the
same inputs give the same graph), built the first time an article of another language asks: a corpus in
one language pays nothing, and a query costs about log n, not a scan.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

MARGIN_NEIGHBOURS = 3
MARGIN_ONE_EVENT = 1.02


@dataclass(frozen=True)
class Closest:
    number: int  # the closest article in that language
    cosine: float
    usual: float  # the mean cosine of the MARGIN_NEIGHBOURS closest there
    neighbours: int  # how many there are (fewer when the language holds fewer articles)


class LanguageIndex:
    """Which language each known article is in, and each language's vectors indexed for nearest search."""

    def __init__(self, vector_of: Callable[[int], np.ndarray]):
        self._vector_of = vector_of
        self._language: list[str | None] = []
        self._numbers: dict[str, list[int]] = {}
        self._indexes: dict = {}  # language -> usearch Index, built on first use
        self._closest: dict[tuple[int, str], Closest | None] = {}

    def add(self, number: int, language: str | None) -> None:
        self._language.append(language)
        if language is None:
            return
        self._numbers.setdefault(language, []).append(number)
        if language in self._indexes:
            self._indexes[language].add(number, self._vector_of(number), threads=1)
        self._closest.clear()  # a new article may be anyone's closest

    def language(self, number: int) -> str | None:
        return self._language[number]

    def apart(self, first: int, second: int) -> bool:
        """Both languages known, and different."""
        one, other = self._language[first], self._language[second]
        return one is not None and other is not None and one != other

    def mutual(self, number: int) -> list[int]:
        """The articles of other languages that are this one's closest there, and it theirs."""
        found = []
        for language in sorted(self._numbers):
            if language == self._language[number] or self._language[number] is None:
                continue
            closest = self.closest(number, language)
            if closest is not None and self.margin(number, closest.number) is not None:
                found.append(closest.number)
        return found

    def margin(self, first: int, second: int) -> float | None:
        """The ratio margin of two articles in different languages, None unless each is the other's closest."""
        one = self.closest(first, self._language[second])
        other = self.closest(second, self._language[first])
        if one is None or other is None or one.number != second or other.number != first:
            return None
        usual = [side.usual for side in (one, other) if side.neighbours == MARGIN_NEIGHBOURS]
        return one.cosine / (sum(usual) / len(usual)) if usual else None

    def closest(self, number: int, language: str) -> Closest | None:
        key = (number, language)
        if key not in self._closest:
            self._closest[key] = self._search(number, language)
        return self._closest[key]

    def _search(self, number: int, language: str) -> Closest | None:
        if not self._numbers.get(language):
            return None
        vector = self._vector_of(number)
        found = self._index(language).search(vector, MARGIN_NEIGHBOURS, threads=1)
        numbers = [int(key) for key in np.atleast_1d(found.keys)]
        cosines = sorted(((float(self._vector_of(n) @ vector), n) for n in numbers), key=lambda c: (-c[0], c[1]))
        return Closest(cosines[0][1], cosines[0][0], sum(c for c, _ in cosines) / len(cosines), len(cosines))

    def _index(self, language: str):
        if language not in self._indexes:
            from usearch.index import Index

            numbers = self._numbers[language]
            vectors = np.stack([self._vector_of(n) for n in numbers])
            index = Index(ndim=vectors.shape[1], metric="cos", dtype="f32")
            index.add(np.array(numbers, dtype=np.uint64), vectors, threads=1)
            self._indexes[language] = index
        return self._indexes[language]
