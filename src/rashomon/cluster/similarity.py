"""How alike two articles are, feature by feature, and the probability that they report the same event.

Features of a pair: TF-IDF cosine of their words, cosine of their multilingual article vectors, the
weighted overlap of their canonical entities (rare entities weigh more), and the days between their
publication dates. An article is weighed against an event through the pairs with its most recent members
(means, and the best word cosine) and through the event's word centroid. A logistic model turns them into
the probability that the article belongs to the event; the event threshold is 0.5 (more likely than not),
the story threshold is lower, for events of one developing topic.
The weights are fitted by ``rashomon train clusters`` and shipped in ``cluster/data/cluster_model.json``.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from rashomon.cluster.profiles import ArticleProfile, day_of
from rashomon.errors import ModelMissing

# what the model weighs; the mean word cosine and the vector cosine are shown in explanations but not
# weighed: fitted on two gold corpora and scored on the third, their weights flip sign and lower F1
FEATURES = ("words_max", "words_centroid", "entities", "dated", "log_days", "words_by_length")
PAIR_FEATURES = ("words", "vector", "entities", "dated", "log_days", "words_by_length")
_FORMAT = "rashomon-cluster-model/1"
_MODEL_FILE = "cluster_model.json"


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


def pair_features(first: ArticleProfile, second: ArticleProfile, stats: CorpusStats,
                  first_terms: dict[str, float] | None = None,
                  second_terms: dict[str, float] | None = None) -> dict[str, float]:
    first_terms = first_terms if first_terms is not None else weighted_terms(first, stats)
    second_terms = second_terms if second_terms is not None else weighted_terms(second, stats)
    days = days_between(first, second)
    dated = days is not None
    words = word_cosine(first_terms, second_terms)
    # short texts share fewer words for the same story: the weight of word overlap depends on length
    length = math.log(1 + min(len(first.terms), len(second.terms)))
    return {"words": words, "words_by_length": words * length,
            "vector": float(np.dot(first.vector, second.vector)),
            "entities": entity_overlap(first.entities, second.entities, stats),
            "dated": float(dated), "log_days": math.log1p(days or 0)}


def event_features(pairs: list[dict[str, float]], words_centroid: float, vector_centroid: float) -> dict[str, float]:
    """An article against an event: the pair features averaged over the members compared, the best word
    overlap with any one of them, and the cosines with the event's word and vector centroids."""
    means = {name: sum(pair[name] for pair in pairs) / len(pairs) for name in PAIR_FEATURES}
    return means | {"words_max": max(pair["words"] for pair in pairs), "words_centroid": words_centroid,
                    "vector": vector_centroid}


def days_between(first: ArticleProfile, second: ArticleProfile) -> int | None:
    """Days between the two articles' dates (publication, else the latest day the text names)."""
    known = day_of(first) or day_of(second)
    if known is None:
        return None
    one, other = day_of(first, known.year), day_of(second, known.year)
    if one is None or other is None:
        return None
    return abs((one - other).days)


@dataclass(frozen=True)
class ClusterModel:
    weights: dict[str, float]
    bias: float
    event_threshold: float = 0.5
    story_threshold: float = 0.2
    trained_on: str = ""

    def probability(self, features: dict[str, float]) -> float:
        score = self.bias + sum(self.weights.get(name, 0.0) * value for name, value in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))

    def topic_probability(self, features: dict[str, float]) -> float:
        """The same words and actors whenever it happened: a story spans weeks, so time is left out."""
        return self.probability(features | {"dated": 0.0, "log_days": 0.0})

    def save(self, path: Path) -> None:
        payload = {"format": _FORMAT, "trained_on": self.trained_on, "features": list(FEATURES),
                   "weights": {k: round(v, 4) for k, v in self.weights.items()}, "bias": round(self.bias, 4),
                   "event_threshold": self.event_threshold, "story_threshold": self.story_threshold}
        path.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")

    @classmethod
    def read(cls, path) -> ClusterModel:
        payload = json.loads(Path(path).read_text(encoding="utf-8"))
        if payload.get("format") != _FORMAT:
            raise ModelMissing(f"{path}: not a rashomon cluster model (format {payload.get('format')!r})")
        return cls(payload["weights"], payload["bias"], payload["event_threshold"], payload["story_threshold"],
                   payload.get("trained_on", ""))


@lru_cache(maxsize=1)
def bundled_cluster_model() -> ClusterModel:
    path = resources.files("rashomon.cluster") / "data" / _MODEL_FILE
    if not path.is_file():
        raise ModelMissing(f"the cluster model {_MODEL_FILE} is missing from the rashomon package; "
                           "reinstall rashomon or run `rashomon train clusters`")
    return ClusterModel.read(path)
