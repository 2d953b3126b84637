"""Each article's nearest reports by words, and how alike reports in its part of the corpus usually are.

Two reports of one event share words that other reports of the same topic do not. How much word overlap
that takes depends on the corpus: the short leads of one busy topic all look alike, long reports of
different happenings rarely do. So the similarity of two articles is read against their background, the
mean word cosine of each one's 30th to 60th nearest articles (the ranks are a model parameter); it counts only between
near neighbours, one among the other's ten nearest (a nearest-neighbour graph tames differences of
density that one cosine threshold cannot); and the excess over the background is scaled by the square
root of the shorter text's number of words, the unit in which chance overlap shrinks. The article vectors
(mean sentence embeddings) add their own excess, the pair's vector cosine less the mean vector cosine of
each one's background articles, weighed by the model's meaning weight: found through words, measured also
in meaning, so the cost stays that of the word index.

An inverted index of every known article's TF-IDF weights gives an article's cosines with all articles
sharing a word with it in one numpy accumulation; neighbourhoods are computed on demand and kept until an
article is added that would enter them (one closer than their last ranked article). A run of the clusterer adds all its new articles first, so each one's
neighbourhood already counts the reports of the same run published after it.
"""

from __future__ import annotations

import math
from array import array
from dataclasses import dataclass

import numpy as np

from rashomon.cluster.languages import MARGIN_ONE_EVENT, LanguageIndex
from rashomon.cluster.similarity import ClusterModel, word_cosine
from rashomon.errors import StoreError


REFERENCE_WORDS = 100
COMMON_WORD_POSTINGS = 5000  # a word in more articles than this says little about which: not searched


@dataclass(frozen=True)
class Neighbourhood:
    nearest: frozenset[str]  # the article's closest articles by word cosine
    kth: float  # the cosine of the last of them (an article closer than this is among them)
    background: float  # the mean cosine of the articles ranked within the model's background ranks
    meaning_background: float  # the mean cosine of the same articles' sentence-embedding vectors with its own
    floor: float  # the cosine of the last article ranked: a new article closer than this changes all of it


class NeighbourIndex:
    """Articles' TF-IDF weights, an inverted index over them, and each article's neighbourhood."""

    def __init__(self, model: ClusterModel):
        self.model = model
        self._ids: list[str] = []
        self._number: dict[str, int] = {}
        self._terms: list[dict[str, float]] = []
        self._vectors = np.zeros((1024, 0), np.float32)  # unit-length article vectors, one row an article
        self._postings: dict[str, tuple[array, array]] = {}
        self._neighbourhoods: dict[int, Neighbourhood] = {}
        self._floors = np.full(1024, np.inf)  # each cached neighbourhood's floor; inf where none is cached
        self.languages = LanguageIndex(lambda number: self._vectors[number])
        self._outlets: list[str | None] = []

    def __contains__(self, article_id: str) -> bool:
        return article_id in self._number

    def __len__(self) -> int:
        return len(self._ids)

    def add(self, article_id: str, terms: dict[str, float], vector: np.ndarray, language: str | None = None,
            outlet: str | None = None) -> None:
        if article_id in self._number:
            return
        number = len(self._ids)
        self._store_vector(article_id, number, vector)
        self._number[article_id] = number
        self._ids.append(article_id)
        self._terms.append(terms)
        self._outlets.append(outlet)
        self.languages.add(number, language)
        for word, weight in terms.items():
            numbers, weights = self._postings.setdefault(word, (array("i"), array("f")))
            numbers.append(number)
            weights.append(weight)
        if number == len(self._floors):
            self._floors = np.concatenate([self._floors, np.full(len(self._floors), np.inf)])
        if self._neighbourhoods:  # none is cached while a run adds its articles
            self._forget_changed(self._cosines(number)[:number])

    def _store_vector(self, article_id: str, number: int, vector: np.ndarray) -> None:
        if self._vectors.shape[1] != len(vector):
            if number:
                raise StoreError(f"article {article_id}: a vector of {len(vector)} dimensions where the "
                                 f"others have {self._vectors.shape[1]} (embedded by another encoder? "
                                 "re-run `rashomon analyze` on a fresh store)")
            self._vectors = np.zeros((1024, len(vector)), np.float32)
        if number == len(self._vectors):
            self._vectors = np.concatenate([self._vectors, np.zeros_like(self._vectors)])
        self._vectors[number] = vector

    def _forget_changed(self, cosines: np.ndarray) -> None:
        """Drop the cached neighbourhoods the new article enters."""
        for changed in np.flatnonzero(cosines > self._floors[:len(cosines)]):
            del self._neighbourhoods[int(changed)]
            self._floors[changed] = np.inf

    def terms(self, article_id: str) -> dict[str, float]:
        return self._terms[self._number[article_id]]

    def cosine(self, first: str, second: str) -> float:
        return word_cosine(self.terms(first), self.terms(second))

    def meaning(self, first: str, second: str) -> float:
        """The cosine of the two articles' vectors (mean sentence embeddings, unit length)."""
        return float(self._vectors[self._number[first]] @ self._vectors[self._number[second]])

    def neighbourhood(self, article_id: str) -> Neighbourhood:
        number = self._number[article_id]
        found = self._neighbourhoods.get(number)
        if found is None:
            found = self._neighbourhoods[number] = self._measure(number)
            self._floors[number] = found.floor
        return found

    def _measure(self, number: int) -> Neighbourhood:
        cosines = self._cosines(number)
        cosines[number] = -1.0  # not its own neighbour
        first, last = self.model.background_ranks
        depth = min(len(cosines) - 1, last)
        if depth <= 0:
            return Neighbourhood(frozenset(), -1.0, 0.0, 0.0, -1.0)
        top = np.argpartition(-cosines, depth - 1)[:depth]
        top = top[np.argsort(-cosines[top], kind="stable")]
        nearest = top[:self.model.neighbours]
        kth = float(cosines[nearest[-1]]) if len(nearest) == self.model.neighbours else -1.0
        background = top[first:last]
        meanings = self._vectors[background] @ self._vectors[number]
        floor = float(cosines[top[-1]]) if depth == last else -1.0  # not full yet: any article changes it
        return Neighbourhood(frozenset(self._ids[i] for i in nearest if cosines[i] > 0), kth,
                             float(cosines[background].mean()) if len(background) else 0.0,
                             float(meanings.mean()) if len(background) else 0.0, floor)

    def _cosines(self, number: int) -> np.ndarray:
        """The article's word cosine with every known article (zero where no word is shared)."""
        numbers, weights = [], []
        for word, weight in self._terms[number].items():
            posted, posted_weights = self._postings[word]
            if len(posted) > COMMON_WORD_POSTINGS:
                continue
            numbers.append(np.frombuffer(posted, dtype=np.int32))
            weights.append(np.frombuffer(posted_weights, dtype=np.float32) * weight)
        if not numbers:
            return np.zeros(len(self._ids))
        return np.bincount(np.concatenate(numbers), weights=np.concatenate(weights), minlength=len(self._ids))

    def near(self, first: str, second: str) -> bool:
        """One is among the other's nearest: the pair's similarity counts. Across languages: each is the
        other's closest article in its language (``cluster/languages.py``)."""
        if self.apart(first, second):
            return self.languages.margin(self._number[first], self._number[second]) is not None
        cosine = self.cosine(first, second)
        return cosine > 0 and (cosine >= self.neighbourhood(first).kth or cosine >= self.neighbourhood(second).kth)

    def similarity(self, first: str, second: str) -> float:
        """Between near neighbours (zero otherwise): the excess of their word cosine over the pair's mean
        background, scaled by the shorter one's length, plus, weighed by the model's meaning weight, the
        excess of their vectors' cosine over the same neighbours' mean vector cosine.

        Two short texts share a rare word by chance more often: the spread of chance cosines shrinks as
        the square root of the words compared, so the word excess is measured in that unit
        (REFERENCE_WORDS words count as one). Vectors see what words miss, one event told in other
        words ("castigates" for "slams"), but put every report of a topic close together; read against
        the vectors of the article's own background articles, what is left is what sets the pair apart
        from the rest of its topic."""
        if self.apart(first, second):
            return self.across(first, second)
        if not self.near(first, second):
            return 0.0
        one, other = self.neighbourhood(first), self.neighbourhood(second)
        words = min(len(self.terms(first)), len(self.terms(second)))
        excess = self.cosine(first, second) - self.model.background_weight * (one.background + other.background) / 2
        meaning = self.meaning(first, second) - (one.meaning_background + other.meaning_background) / 2
        return excess * math.sqrt(words / REFERENCE_WORDS) + self.model.meaning_weight * meaning

    def evidence(self, first: str, second: str) -> float:
        """What the pair says about one happening: their similarity, but zero between two reports of one
        outlet. An outlet tells a happening once, so its own earlier report is no evidence that a new one
        tells the same happening (it counts as zero, not as a match); it is still evidence of one story."""
        return 0.0 if self.one_outlet(first, second) else self.similarity(first, second)

    def one_outlet(self, first: str, second: str) -> bool:
        """Both from one outlet (known)."""
        one, other = self._outlets[self._number[first]], self._outlets[self._number[second]]
        return one is not None and one == other

    def apart(self, first: str, second: str) -> bool:
        """The two are written in different languages (both known)."""
        return self.languages.apart(self._number[first], self._number[second])

    def across(self, first: str, second: str) -> float:
        """Two articles in different languages: their margin's excess over one, in units of the margin that
        makes one event (so that it reads on the event threshold's scale); zero unless mutually closest."""
        margin = self.languages.margin(self._number[first], self._number[second])
        if margin is None:
            return 0.0
        return self.model.event_threshold * (margin - 1.0) / (MARGIN_ONE_EVENT - 1.0)

    def elsewhere(self, article_id: str) -> list[str]:
        """The articles of other languages that are this one's closest there, and it theirs."""
        return [self._ids[number] for number in self.languages.mutual(self._number[article_id])]

    def counterparts(self, article_id: str) -> list[dict]:
        """Its closest article in each other language that has it for closest too, with their margin: the
        link from a translation (or a report in another language) to what it is most like."""
        number = self._number[article_id]
        return [{"article": self._ids[other], "language": self.languages.language(other),
                 "margin": round(self.languages.margin(number, other), 4)}
                for other in self.languages.mutual(number)]

    def comparable(self, first: str, second: str) -> bool:
        """Whether the pair can be judged at all: in one language (or unknown), or mutually closest across."""
        return not self.apart(first, second) or self.near(first, second)

    def order(self, article_id: str) -> int:
        """When the article became known (0 for the first)."""
        return self._number[article_id]
