"""Facts: the statements of different articles in one event that say the same thing.

Two statements are alike by meaning and by words: the cosine of their multilingual vectors, plus half the
share of content stems they have in common (words count where two outlets write in one language; across
languages the vectors carry it alone). Renderings of one utterance that the quote groups already joined
score as alike as can be.

- A pair at or above ``SAME_FACT`` is a match on its own. A pair at or above ``ALONG_THE_WAY`` is one when
  each is the other's closest statement in the other article and the pair lies between two such matches
  of the same two articles in both (the articles' beginnings and ends count as matches): reports that
  follow one source (a wire story, an interview) tell its facts in its order, and a statement placed where
  the order expects it needs less to be recognised (mutual nearest neighbours between anchors, as in
  sentence alignment of bitexts). Both must be someone's reported words, or both the outlet's own telling.
- Statements of fewer than ``MIN_WORDS`` words ("not to move eastward") match only their near-identical
  wording elsewhere (``NEAR_IDENTICAL``): too little is said to know otherwise that it is the same. A
  dateline or timestamp ("55 P.M. FEB. 2, 2009", "1 de marzo de 2008"), a statement of fewer than
  ``MIN_WORDS_BESIDE_DATES`` words outside its date expressions or content words beside its figures,
  matches nothing: when a page was stamped is not a fact of the event.
- An article that says one thing twice (a headline and its first sentence) says it once: two of its
  statements with nearly the same words (``RESTATEMENT_…``) are one.
- Matches are taken best first into facts, one article a report at most: a fact takes a statement only if
  its article has no report there yet. A statement no match reaches is a fact reported by its article alone.

What makes a fact that fact (its entities, numbers and dates) is read afterwards (``divergence``): two
matched reports that disagree on one of them are one fact told two ways, which is what a divergence is.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

import numpy as np

from rashomon.align.anchors import jaccard, overlap
from rashomon.align.statements import Statement
from rashomon.records import Fact, FactGist, FactReport

LEXICAL_WEIGHT = 0.5
SAME_FACT = 0.85  # cosine + LEXICAL_WEIGHT × stem overlap
ALONG_THE_WAY = 0.75  # enough between two matches of the same two articles, in the order of both
MIN_WORDS = 5
MIN_WORDS_BESIDE_DATES = 3
NEAR_IDENTICAL = 1.4  # cosine + LEXICAL_WEIGHT × stem overlap of one wording reprinted
RESTATEMENT_STEMS = 0.8  # within one article: stem Jaccard, and the cosine or the same words in order
RESTATEMENT_COSINE = 0.9
RESTATEMENT_ORDER = 0.8
QUOTE_GROUP_SCORE = 2.0  # renderings of one utterance, already grouped across articles
_WORD = re.compile(r"\w+")
_LETTERS = re.compile(r"[^\W\d_]{2,}")


@dataclass(frozen=True)
class Match:
    first: int  # statement numbers, the first the lower
    second: int
    score: float


def scores(statements: Sequence[Statement], vectors: np.ndarray) -> np.ndarray:
    """How alike each two statements are (cosine + LEXICAL_WEIGHT × stem overlap; quote groups at the top)."""
    found = vectors @ vectors.T
    for i, j in combinations(range(len(statements)), 2):
        first, second = statements[i], statements[j]
        score = found[i, j] + LEXICAL_WEIGHT * overlap(first.stems, second.stems)
        if first.quote_group is not None and first.quote_group == second.quote_group:
            score = max(score, QUOTE_GROUP_SCORE)
        found[i, j] = found[j, i] = score
    return found


def matches(statements: Sequence[Statement], score: np.ndarray) -> list[Match]:
    """Pairs of statements of different articles that are one fact, best first."""
    articles = sorted({s.span.article_id for s in statements})
    numbers = {article: [i for i, s in enumerate(statements) if s.span.article_id == article and not is_stamp(s)]
               for article in articles}
    short = {i for i, s in enumerate(statements) if len(_WORD.findall(s.text)) < MIN_WORDS}
    found = []
    for one, other in combinations(articles, 2):
        pairs = [(i, j) for i in numbers[one] for j in numbers[other] if score[i, j] >= ALONG_THE_WAY
                 and (score[i, j] >= NEAR_IDENTICAL or not {i, j} & short)]
        anchors = [(-1, -1), (len(statements), len(statements))]
        anchors += [(i, j) for i, j in pairs if score[i, j] >= SAME_FACT]
        found += [Match(min(i, j), max(i, j), float(score[i, j])) for i, j in pairs
                  if score[i, j] >= SAME_FACT or (_mutual(score, i, j, numbers[one], numbers[other])
                                                  and _between(i, j, anchors)
                                                  and _same_framing(statements[i], statements[j]))]
    return sorted(found, key=lambda m: (-m.score, m.first, m.second))


def _same_framing(first: Statement, second: Statement) -> bool:
    """Both someone's reported words, or both the outlet's own telling: a pair that is alike only enough
    for its place in the order is not taken across that line (one outlet's narration against a
    minister's words)."""
    return (first.attribution is None) == (second.attribution is None)


def _mutual(score: np.ndarray, i: int, j: int, ours: list[int], theirs: list[int]) -> bool:
    """Each is the other's closest statement in the other article."""
    return max(theirs, key=lambda k: score[i, k]) == j and max(ours, key=lambda k: score[k, j]) == i


def is_stamp(statement: Statement) -> bool:
    """A stamp, not a statement: few words beside its date expressions, or figures and few content words
    ("1 de marzo de 2008", where no date was tagged)."""
    text = statement.text
    for start, end, what, _ in reversed(statement.unit.marked):
        if what == "date":
            text = text[:start] + " " + text[end:]
    few_words = len(_LETTERS.findall(text)) < MIN_WORDS_BESIDE_DATES
    figures = any(ch.isdigit() for ch in statement.text)
    return few_words or (figures and len(statement.stems) < MIN_WORDS_BESIDE_DATES)


def _between(i: int, j: int, anchors: list[tuple[int, int]]) -> bool:
    """Some match (or the beginning) comes before the pair in both articles, and some (or the end) after it."""
    return any(a < i and b < j for a, b in anchors) and any(a > i and b > j for a, b in anchors)


def group(statements: Sequence[Statement], score: np.ndarray, found: list[Match]) -> list[list[int]]:
    """Statements joined best match first, an article's restatements together, never two reports of one
    article otherwise; each group in text order, the groups in order of their first statement."""
    group_of = list(range(len(statements)))
    members = {i: [i] for i in range(len(statements))}

    def join(a: int, b: int) -> None:
        for i in members[b]:
            group_of[i] = a
        members[a] += members.pop(b)

    for i, j in combinations(range(len(statements)), 2):  # restatements within one article
        if statements[i].span.article_id == statements[j].span.article_id and group_of[i] != group_of[j] \
                and _restated(statements[i], statements[j], score[i, j]):
            join(group_of[i], group_of[j])
    for match in found:
        a, b = group_of[match.first], group_of[match.second]
        if a != b and not _articles(statements, members[a]) & _articles(statements, members[b]):
            join(a, b)
    return sorted((sorted(found) for found in members.values()), key=lambda found: found[0])


def _restated(first: Statement, second: Statement, score: float) -> bool:
    """Nearly the same words, in the same order whatever their case (a headline In Title Case and its lead)."""
    if jaccard(first.stems, second.stems) < RESTATEMENT_STEMS:
        return False
    cosine = score - LEXICAL_WEIGHT * overlap(first.stems, second.stems)
    same_order = difflib.SequenceMatcher(a=_WORD.findall(first.text.lower()), b=_WORD.findall(second.text.lower()),
                                         autojunk=False).ratio() >= RESTATEMENT_ORDER
    return cosine >= RESTATEMENT_COSINE or same_order


def _articles(statements: Sequence[Statement], members: list[int]) -> set[str]:
    return {statements[i].span.article_id for i in members}


def facts(event_id: int, statements: Sequence[Statement], vectors: np.ndarray, first_id: int
          ) -> list[tuple[Fact, list[int], list[int]]]:
    """The event's facts, numbered from ``first_id``, each with the numbers of the statements reporting it
    (an article's best when it restates it) and of all its statements, restatements included."""
    score = scores(statements, vectors)
    cosines = vectors @ vectors.T
    found = []
    for number, everyone in enumerate(group(statements, score, matches(statements, score))):
        members = _one_an_article(statements, everyone, score)
        reports = tuple(FactReport(statements[i].span, _attribution_index(statements[i]),
                                   round(max(float(cosines[i, j]) for j in members if j != i), 4)
                                   if len(members) > 1 else None) for i in members)
        found.append((Fact(first_id + number, event_id, _kind([statements[i] for i in members]), reports,
                           gist(statements[members[0]], vectors[members[0]])), members, everyone))
    return found


def gist(statement: Statement, vector: np.ndarray) -> FactGist:
    """What a fact says, as this report of it words it: by this, a fact of another event of the story is
    known as the same one (``across_events``)."""
    unit, attribution = statement.unit, statement.attribution
    return FactGist(vector=np.asarray(vector, dtype=np.float32).tobytes(), stems=unit.stems, numbers=unit.numbers,
                    dates=unit.dates, entities=frozenset(entity for _, entity in unit.entities),
                    speaker=attribution.speaker_entity_id if attribution is not None else None,
                    attributed=attribution is not None)


def _one_an_article(statements: Sequence[Statement], members: list[int], score: np.ndarray) -> list[int]:
    """Of an article's restatements in a group, the one most like the other articles' reports."""
    best: dict[str, tuple[int, float]] = {}
    for i in members:
        article = statements[i].span.article_id
        others = [j for j in members if statements[j].span.article_id != article]
        value = max((score[i, j] for j in others), default=0.0)
        if article not in best or value > best[article][1]:
            best[article] = (i, value)
    return sorted(i for i, _ in best.values())


def _attribution_index(statement: Statement) -> int | None:
    return statement.attribution.index if statement.attribution is not None else None


def _kind(members: list[Statement]) -> str:
    """A quote: every report is of what someone said, and it is the same someone in all of them."""
    speakers = {m.attribution.speaker_entity_id if m.attribution else None for m in members}
    return "quote" if len(speakers) == 1 and None not in speakers else "statement"
