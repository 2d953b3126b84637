"""What the clusterer knows of one article: its words, its canonical entities, its vector, its date (or the
latest day its text names), its language and its outlet."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

import numpy as np
from spacy.lang.en.stop_words import STOP_WORDS

_WORD = re.compile(r"[^\W\d_]{3,}|\d+(?:[.,]\d+)?")
TITLE_WEIGHT = 2  # a headline names the event more surely than any one sentence of the body
MAX_TERMS = 150  # the article's most frequent words are enough to compare it; the rest cost time


@dataclass(frozen=True)
class ArticleProfile:
    article_id: str
    published: date | None
    vector: np.ndarray  # unit length
    terms: dict[str, int]  # word -> count (headline words count double)
    entities: frozenset[str]  # canonical entity ids named in the article
    mentioned: str | None = None  # undated articles: the latest day the text names (2021-12-15, XXXX-12-24),
    # evidence for the date of the event it reports, never taken for its publication date
    language: str | None = None  # ISO 639-1, as detected at ingest
    outlet: str | None = None  # case-folded: "NYT" and "nyt" are one outlet

    def as_dict(self) -> dict:
        return {"terms": self.terms, "entities": sorted(self.entities), "mentioned": self.mentioned,
                "language": self.language, "outlet": self.outlet}


def words(text: str) -> list[str]:
    """Lower-cased content words, a crude plural stripped so that "missiles" meets "missile"."""
    found = []
    for word in _WORD.findall(text.lower()):
        if word in STOP_WORDS:
            continue
        if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        found.append(word)
    return found


def term_counts(title: str | None, text: str) -> dict[str, int]:
    counts = Counter(words(text))
    for word in words(title or ""):
        counts[word] += TITLE_WEIGHT
    return dict(counts.most_common(MAX_TERMS))


_DAY = re.compile(r"^(\d{4}|XXXX)-(\d{2})-(\d{2})$")


def latest_mentioned_day(values: list[str]) -> str | None:
    """The latest day among the text's date values: an undated report is usually written just after it."""
    days = [value for value in values if _DAY.match(value)]
    return max(days, key=lambda value: (value[:4] != "XXXX", value[:4], value[5:])) if days else None


def profile(article_id: str, published: date | None, vector: np.ndarray, title: str | None, text: str,
            entities: frozenset[str], date_values: list[str] = (), language: str | None = None,
            outlet: str | None = None) -> ArticleProfile:
    body = text
    if title and text.startswith(title.strip()):
        body = text[len(title.strip()):]  # a headline repeated as the first line is counted once
    mentioned = None if published else latest_mentioned_day(list(date_values))
    return ArticleProfile(article_id, published, vector, term_counts(title, body), entities, mentioned, language,
                          (outlet.strip().casefold() or None) if outlet else None)


def from_stored(article_id: str, published: date | None, vector: np.ndarray, stored: dict) -> ArticleProfile:
    return ArticleProfile(article_id, published, vector, dict(stored["terms"]), frozenset(stored["entities"]),
                          stored.get("mentioned"), stored.get("language"), stored.get("outlet"))


def day_of(profile: ArticleProfile, year_hint: int | None = None) -> date | None:
    """Its publication date, else the latest day it names (a missing year taken from ``year_hint``): the day
    against which its event's time is checked, not a date it is shown with."""
    if profile.published is not None:
        return profile.published
    match = _DAY.match(profile.mentioned or "")
    if match is None:
        return None
    year = int(match.group(1)) if match.group(1) != "XXXX" else year_hint
    try:
        return date(year, int(match.group(2)), int(match.group(3))) if year else None
    except ValueError:
        return None
