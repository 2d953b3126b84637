"""How alike two articles are, and the model that turns it into events and stories.

Words decide, meaning helps: the TF-IDF cosine of two articles, read against the background of each
one's part of the corpus, plus a share of their vectors' cosine read against the same background
(``cluster/neighbours.py``). An article joins the event whose most recent members it is most like
on average (the mean background-corrected cosine), if that mean reaches the event threshold and the event
lies within the event window; a lower mean is enough to place a new event in a story. Entities, the
event's word centroid and the days between are shown in explanations. The parameters (how many
neighbours, which background ranks, how much background, how much meaning, the two thresholds) are chosen on gold files by
``rashomon train clusters`` and shipped in ``cluster/data/cluster_model.json``.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rashomon.cluster.profiles import ArticleProfile
from rashomon.errors import ModelMissing

_FORMAT = "rashomon-cluster-model/3"


@dataclass
class CorpusStats:
    """Document frequencies of words and entities over the articles clustered so far."""

    articles: int = 0
    word_df: Counter = field(default_factory=Counter)
    entity_df: Counter = field(default_factory=Counter)

    def add(self, profile: ArticleProfile) -> None:
        self.articles += 1
        self.word_df.update(profile.terms.keys())
        self.entity_df.update(profile.entities)

    def word_idf(self, word: str) -> float:
        """IDF over the corpus so far plus PRIOR_ARTICLES imagined articles of general English news, so that
        the first articles of a corpus already weigh "said" below "Stoltenberg"."""
        prior = PRIOR_ARTICLES * general_document_frequency(word)
        return math.log((self.articles + PRIOR_ARTICLES + 1) / (self.word_df.get(word, 0) + prior + 1)) + 1.0

    def entity_idf(self, entity: str) -> float:
        return math.log((self.articles + 1) / (self.entity_df.get(entity, 0) + 1)) + 1.0


PRIOR_ARTICLES = 1000
_WORDS_PER_ARTICLE = 400


@lru_cache(maxsize=200_000)
def general_document_frequency(word: str) -> float:
    """The share of articles of ~400 words that would contain ``word``, from its frequency in general
    English (wordfreq: Wikipedia, news, books, web, subtitles)."""
    from wordfreq import word_frequency

    return 1.0 - (1.0 - word_frequency(word, "en")) ** _WORDS_PER_ARTICLE


def weighted_terms(profile: ArticleProfile, stats: CorpusStats) -> dict[str, float]:
    weights = {word: (1.0 + math.log(count)) * stats.word_idf(word) for word, count in profile.terms.items()}
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    return {word: w / norm for word, w in weights.items()}


def word_cosine(first: dict[str, float], second: dict[str, float]) -> float:
    if len(first) > len(second):
        first, second = second, first
    return sum(weight * second.get(word, 0.0) for word, weight in first.items())


def entity_overlap(first: frozenset[str], second: frozenset[str], stats: CorpusStats) -> float:
    """Shared entities' weight over the smaller side's weight: 1.0 when one's entities are all in the other."""
    if not first or not second:
        return 0.0
    shared = sum(stats.entity_idf(e) for e in sorted(first & second))  # sorted: the same sum in every process
    return shared / min(sum(stats.entity_idf(e) for e in sorted(first)), sum(stats.entity_idf(e) for e in sorted(second)))


@dataclass(frozen=True)
class ClusterModel:
    event_threshold: float
    story_threshold: float
    neighbours: int = 10  # a pair counts when one is among the other's ten nearest articles
    background_ranks: tuple[int, int] = (30, 60)  # the articles whose mean cosine is the background
    background_weight: float = 1.0
    meaning_weight: float = 0.0  # how much the article vectors' excess over their background adds
    trained_on: str = ""

    def save(self, path: Path) -> None:
        payload = {"format": _FORMAT, "trained_on": self.trained_on, "neighbours": self.neighbours,
                   "background_ranks": list(self.background_ranks), "background_weight": self.background_weight,
                   "meaning_weight": self.meaning_weight,
                   "event_threshold": self.event_threshold, "story_threshold": self.story_threshold}
        path.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")

    @classmethod
    def read(cls, path) -> ClusterModel:
        try:
            payload = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise ModelMissing(f"{path}: cannot read a cluster model ({error})") from error
        if not isinstance(payload, dict) or payload.get("format") != _FORMAT:
            found = payload.get("format") if isinstance(payload, dict) else None
            raise ModelMissing(f"{path}: not a rashomon cluster model (format {found!r}, expected {_FORMAT})")
        try:
            return cls(float(payload["event_threshold"]), float(payload["story_threshold"]), int(payload["neighbours"]),
                       tuple(payload["background_ranks"]), float(payload["background_weight"]),
                       float(payload["meaning_weight"]), payload.get("trained_on", ""))
        except (KeyError, TypeError, ValueError) as error:
            raise ModelMissing(f"{path}: a cluster model without a valid {error}") from error
