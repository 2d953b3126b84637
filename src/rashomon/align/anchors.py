"""What a stretch of text commits to, beyond its meaning: its words (as stems), numbers and negations.

Two reports of one fact share these; a report that changes one of them (a number, a "not") says something
else. Stems come from the Snowball stemmer of the article's language and leave out that language's
stop words (spaCy's lists), so that "promised" meets "promises" and "the" meets nothing.
"""

from __future__ import annotations

import importlib
import re
from functools import lru_cache

import snowballstemmer

NEGATORS = frozenset({"not", "never", "no", "n't", "nobody", "none", "nothing", "neither", "nor", "without",
                      "cannot", "deny", "denies", "denied"})
# Words that stand for someone without naming them: no speaker, entity or name to compare.
PRONOUNS = frozenset({"he", "she", "it", "they", "his", "her", "its", "their", "him", "them", "we", "i", "you"})
_SNOWBALL = {"en": "english", "ru": "russian", "de": "german", "fr": "french", "es": "spanish", "it": "italian",
             "pt": "portuguese", "nl": "dutch", "sv": "swedish", "pl": "polish", "tr": "turkish", "ar": "arabic",
             "fa": "persian", "cs": "czech", "ro": "romanian", "hu": "hungarian", "el": "greek", "hi": "hindi"}
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_NEGATION_WORD = re.compile(r"\w+(?:'t|’t)?")
_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?![\d])|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|"
                     r"eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen)\b",
                     re.IGNORECASE)
_NUMBER_WORDS = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
                 "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "twenty": "20",
                 "thirty": "30", "forty": "40", "fifty": "50", "dozen": "12"}


@lru_cache(maxsize=32)
def _stemmer(language: str | None):
    return snowballstemmer.stemmer(_SNOWBALL.get(language or "en", "english"))


@lru_cache(maxsize=32)
def _stop_words(language: str | None) -> frozenset[str]:
    try:
        return frozenset(importlib.import_module(f"spacy.lang.{language or 'en'}.stop_words").STOP_WORDS)
    except ImportError:
        return frozenset()


def stems(text: str, language: str | None = "en") -> frozenset[str]:
    """The stems of the text's content words (stop words and one-letter words left out)."""
    stop = _stop_words(language)
    words = (word.lower().replace("’", "'") for word in _WORD.findall(text))
    return frozenset(_stem(word, language) for word in words if len(word) > 1 and word not in stop)


@lru_cache(maxsize=200_000)
def _stem(word: str, language: str | None) -> str:
    return _stemmer(language).stemWord(word)


def negations(text: str) -> int:
    """How many words of negation the text has ("never promised not to" has two)."""
    words = _NEGATION_WORD.findall(text.lower().replace("’", "'"))
    return sum(word in NEGATORS or word.endswith("n't") for word in words)


def numbers(text: str, outside: list[tuple[int, int]] = ()) -> frozenset[str]:
    """The numbers the text names, as digits ("122,000" and "122000" alike, "two" as 2), leaving out those
    inside the given stretches (dates, whose figures are the date's)."""
    found = set()
    for match in _NUMBER.finditer(text):
        if any(start <= match.start() < end for start, end in outside):
            continue
        value = match.group().lower()
        found.add(_NUMBER_WORDS.get(value, value.replace(",", "") if re.fullmatch(r"\d{1,3}(,\d{3})+", value)
                                    else value))
    return frozenset(found)


def overlap(first: frozenset[str], second: frozenset[str]) -> float:
    """Shared stems over the smaller side's: 1.0 when one's words are all in the other."""
    if not first or not second:
        return 0.0
    return len(first & second) / min(len(first), len(second))


def jaccard(first: frozenset[str], second: frozenset[str]) -> float:
    """Shared stems over all the stems of the two: 1.0 only for the same words."""
    union = first | second
    return len(first & second) / len(union) if union else 0.0
