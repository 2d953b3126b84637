"""Where a search's words stand in a text: the exact span they match, and a snippet around it."""

from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer

WORD = re.compile(r"\w+")
WINDOW = 120  # the query's words found within this many characters are taken as one passage
CONTEXT = 70  # characters of context on each side of a match in a snippet


# Words at least this frequent in English (Zipf scale, wordfreq: "the" 7.7, "for" 7.0, "not" 6.7, "said" 6.0)
# are left out of a query that has other words: nearly every document holds them, so they rank nothing and
# only make the index score every document (a query with "for the" took four times as long on 1,000 articles).
COMMON_ZIPF = 6.5


def query_terms(query: str) -> list[str]:
    """The words of a query, lower-cased, each once, in order, the most common English words left out unless
    the query has no other."""
    from wordfreq import zipf_frequency

    words = list(dict.fromkeys(WORD.findall(query.casefold())))
    return [word for word in words if zipf_frequency(word, "en") < COMMON_ZIPF] or words


@lru_cache(maxsize=1)
def _stemmer():
    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return _stemmer().stemWord(word.casefold())


PREFIX = 4  # a word is stemmed only when it begins as a wanted stem does (stemming every word is slow)


@lru_cache(maxsize=256)
def _candidates(stems: tuple[str, ...]) -> re.Pattern:
    """The words that begin as one of the stems does: the only ones worth stemming."""
    return re.compile(r"\b(?:" + "|".join(re.escape(stem[:PREFIX]) for stem in stems) + r")\w*", re.IGNORECASE)


def matched_span(text: str, terms: list[str], start: int = 0, end: int | None = None) -> tuple[int, int] | None:
    """The shortest stretch of ``text[start:end]`` holding the most distinct query words (compared by their
    English stems, as the index compares them); None when none of them is there."""
    wanted = {_stem(term) for term in terms}
    found = [(m.start() + start, m.end() + start, stem) for m in _candidates(tuple(sorted(wanted))).finditer(
        text[start:end]) if (stem := _stem(m.group())) in wanted]
    best: tuple[int, int, int, int] | None = None  # distinct words, -length, start, end
    for i, (first, _, _) in enumerate(found):
        seen: set[str] = set()
        for _, last, stem in found[i:]:
            if last - first > WINDOW:
                break
            seen.add(stem)
            candidate = (len(seen), first - last, first, last)
            if best is None or candidate[:2] > best[:2]:
                best = candidate
    return None if best is None else (best[2], best[3])


def snippet(text: str, start: int, end: int) -> tuple[str, int, int]:
    """The match with up to CONTEXT characters each side, cut at words and marked "…" where cut, on one line:
    the snippet and where the match stands in it."""
    left = max(0, start - CONTEXT)
    right = min(len(text), end + CONTEXT)
    if left > 0 and (cut := text.find(" ", left, start)) != -1:
        left = cut + 1
    if right < len(text) and (cut := text.rfind(" ", end, right)) != -1:
        right = cut
    before, match, after = (_one_line(part) for part in (text[left:start], text[start:end], text[end:right]))
    before = ("…" if left > 0 else "") + before
    after = after + ("…" if right < len(text) else "")
    return before + match + after, len(before), len(before) + len(match)


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text)
