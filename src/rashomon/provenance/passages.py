"""Passages two articles share word for word, and which article copies which.

Every run of at least ``MIN_WORDS`` words that two articles' texts have in common (case and punctuation
aside) is a shared passage, with its span in each. Words inside a direct quote do not count towards it:
two outlets quoting the same speech share the speaker's words, not each other's. The copy is the later
published article; when the dates are the same or unknown the direction is left open.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from itertools import combinations

from rashomon.records import Span

SHINGLE = 8  # words a match starts from
MIN_WORDS = 20  # words outside direct quotes a passage must hold
_WORD = re.compile(r"\w+", re.UNICODE)
_QUOTED = re.compile(r"“[^“”]{1,3000}”|\"[^\"]{1,3000}\"|«[^«»]{1,3000}»|„[^„“”]{1,3000}[“”]|``.{1,3000}?''", re.DOTALL)


def quoted_ranges(text: str) -> tuple[tuple[int, int], ...]:
    """The character ranges between quotation marks."""
    return tuple((m.start(), m.end()) for m in _QUOTED.finditer(text))


@dataclass(frozen=True)
class SharedPassage:
    """A run of words two articles have in common: its span in each; ``words``: those outside direct quotes."""

    first: Span
    second: Span
    words: int


@dataclass(frozen=True)
class PassageCopy:
    """``copy`` shares passages with ``original``, published before it (``directed``); when the two dates are
    the same or unknown, which copies which is left open and ``directed`` is false."""

    original_id: str
    copy_id: str
    directed: bool
    passages: tuple[SharedPassage, ...]  # spans in the original first
    words: int  # shared words outside direct quotes


@dataclass(frozen=True)
class PassageSource:
    article_id: str
    text: str
    published: date | None
    quoted: tuple[tuple[int, int], ...] = ()  # character ranges of direct quotes


def copies(sources: Sequence[PassageSource], min_words: int = MIN_WORDS) -> list[PassageCopy]:
    """Each pair of articles that share a passage of ``min_words`` words or more, with the passages."""
    words = {s.article_id: [(m.start(), m.end(), m.group(0).casefold()) for m in _WORD.finditer(s.text)]
             for s in sources}
    starts: dict[tuple[str, ...], list[tuple[str, int]]] = defaultdict(list)
    for source in sources:
        found = words[source.article_id]
        for i in range(len(found) - SHINGLE + 1):
            starts[tuple(w for _, _, w in found[i:i + SHINGLE])].append((source.article_id, i))
    pairs: dict[tuple[str, str], set[tuple[int, int]]] = defaultdict(set)
    for places in starts.values():
        if 1 < len(places) <= 50:  # a phrase in fifty articles is boilerplate, not a copy
            for (a, i), (b, j) in combinations(places, 2):
                if a != b:
                    pairs[(a, b)].add((i, j))
    by_id = {s.article_id: s for s in sources}
    found_copies = []
    for (a, b), matches in pairs.items():
        passages = [p for p in _runs(by_id[a], by_id[b], words[a], words[b], matches) if p.words >= min_words]
        if passages:
            found_copies.append(_directed(by_id[a], by_id[b], passages))
    return sorted(found_copies, key=lambda c: (-c.words, c.original_id, c.copy_id))


def _runs(a: PassageSource, b: PassageSource, words_a, words_b, matches: set[tuple[int, int]]):
    for i, j in sorted(matches):
        if (i - 1, j - 1) in matches:
            continue  # not the start of a run
        length = 0
        while (i + length, j + length) in matches:
            length += 1
        last = length + SHINGLE - 1
        first_span = Span(a.article_id, words_a[i][0], words_a[i + last - 1][1])
        second_span = Span(b.article_id, words_b[j][0], words_b[j + last - 1][1])
        unquoted = sum(1 for start, _, _ in words_a[i:i + last] if not _inside(start, a.quoted))
        yield SharedPassage(first_span, second_span, unquoted)


def _inside(position: int, ranges: tuple[tuple[int, int], ...]) -> bool:
    return any(start <= position < end for start, end in ranges)


def _directed(a: PassageSource, b: PassageSource, passages: list[SharedPassage]) -> PassageCopy:
    total = sum(p.words for p in passages)
    if b.published and (a.published is None or b.published < a.published):
        a, b = b, a
        passages = [SharedPassage(p.second, p.first, p.words) for p in passages]
    directed = a.published is not None and b.published is not None and a.published < b.published
    return PassageCopy(a.article_id, b.article_id, directed, tuple(passages), total)
