"""Across articles: one utterance and its renderings (quote groups), and how the renderings differ.

Each attribution's content is cut into units, a sentence or a clause each, so that a quotation of two
sentences can meet two shorter ones elsewhere. A unit joins the group whose first member it is
closest to in the multilingual sentence space, if close enough: translations of the same words land
near each other (cosine ~0.8–0.9) where other remarks of the same speaker on the same topic stay
lower. Joining is judged against the group's first member only, so groups do not drift by chaining.
Grouping is incremental: a new unit is compared with the groups' first members, never re-clustered.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import sqlalchemy as sa

from rashomon import embed
from rashomon.store import Store, queries, schema, writes

# The same speaker's renderings of one utterance: translations measured 0.81–0.91 on the seed corpus,
# while a different remark of the same speaker on the same topic measured up to 0.76.
SAME_SPEAKER_SIMILARITY = 0.80
# Credited to someone else, the words must be nearly the same to be called the same utterance.
ANY_SPEAKER_SIMILARITY = 0.90
MIN_UNIT_WORDS = 4
_CLAUSE_BREAK = re.compile(r";\s+|,?\s+and\s+(?=(?:this|that|it|he|she|they|we|there)\b)")
_EDGE = " \t\n,.;:“”\"«»„‘’'—–-…"
_WORD = re.compile(r"\w+")
NEGATORS = frozenset({"not", "never", "no", "n't", "nobody", "none", "nothing", "neither", "nor", "without",
                      "cannot", "deny", "denies", "denied"})
# A name changed means a different person or organisation; places and nationalities are left out,
# because one outlet's "Soviet" is another's "USSR" and the tagger does not always see them alike.
NAME_FAMILIES = ("PERSON", "ORG")
_NUMBER = re.compile(r"\d[\d,.]*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|hundred|thousand|"
                     r"million|billion|dozen)\b", re.IGNORECASE)


# -- units --------------------------------------------------------------------------------------

def content_units(text: str, content: Sequence[Sequence[int]], sentences: Sequence[Sequence[int]]
                  ) -> list[tuple[int, int]]:
    """The sentences and clauses of an attribution's content, as spans, each of some length."""
    units = []
    for start, end in content:
        for s_start, s_end in sentences:
            piece = (max(start, s_start), min(end, s_end))
            if piece[1] > piece[0]:
                units.extend(_clauses(text, *piece))
    return [u for u in units if len(_WORD.findall(text[u[0]:u[1]])) >= MIN_UNIT_WORDS]


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces, cursor = [], start
    for match in _CLAUSE_BREAK.finditer(text, start, end):
        pieces.append((cursor, match.start()))
        cursor = match.end()
    pieces.append((cursor, end))
    return [trimmed for piece in pieces if (trimmed := _trim(text, *piece))]


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    if text[start:start + 5].lower() == "that ":
        start += 5  # "said that NATO …": the complementiser is the reporter's, not the speaker's
    return (start, end) if end > start else None


# -- grouping -----------------------------------------------------------------------------------

class _Groups:
    """The groups' first members as one growing matrix, so a new unit costs one matrix-vector product."""

    def __init__(self, ids: list[int], speakers: list[str | None], vectors: list[np.ndarray],
                 articles: dict[int, set[str]]):
        self.ids, self.speakers, self.articles = list(ids), list(speakers), articles
        self._matrix = np.zeros((max(1024, 2 * len(ids)), embed.UniversalSentenceEncoder.dimensions), np.float32)
        for index, vector in enumerate(vectors):
            self._matrix[index] = vector

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


def update_quote_groups(store: Store, encoder) -> int:
    """Put every attribution not yet grouped into quote groups; returns the number of new units."""
    with store.transaction() as connection:
        pending, looked_at = _pending_units(connection)
        rows = [_unit_row(*unit[:5], None, None) for unit in looked_at]
        if pending:
            vectors = encoder.encode([text for *_, text in pending])
            groups = _Groups(*queries.quote_group_representatives(connection),
                             queries.quote_group_articles(connection))
            for (article_id, index, start, end, speaker, _), vector in zip(pending, vectors, strict=True):
                group, similarity = groups.best(vector, speaker, article_id)
                if group is None:
                    group = writes.new_quote_group(connection, speaker, embed.to_bytes(vector))
                    groups.add(group, speaker, vector)
                    similarity = 1.0
                groups.articles.setdefault(group, set()).add(article_id)
                rows.append(_unit_row(article_id, index, start, end, speaker, group, similarity))
        writes.save_rows(connection, schema.quote_units, rows)
    return len(pending)


def _unit_row(article_id, attribution_idx, start, end, speaker, group, similarity) -> dict:
    return {"article_id": article_id, "attribution_idx": attribution_idx, "start": start, "end": end,
            "speaker_entity_id": speaker, "group_id": group, "similarity": similarity}


def _pending_units(connection: sa.Connection) -> tuple[list[tuple], list[tuple]]:
    """Units of the attributions not yet looked at, and those attributions that give none.

    An attribution without units is remembered by a row with start -1, so it is not cut up again.
    """
    units, empty = [], []
    article_id, text, sentences = None, "", []
    for row in queries.attributions_without_units(connection):
        if row.article_id != article_id:  # rows come article by article: read each article once
            article_id = row.article_id
            text = queries.article_text(connection, article_id)
            sentences = [(s.start, s.end) for s in queries.annotation_rows(connection, schema.sentences, article_id)]
        found = content_units(text, row.content, sentences)
        units += [(row.article_id, row.idx, start, end, row.speaker_entity_id, text[start:end]) for start, end in found]
        if not found:
            empty.append((row.article_id, row.idx, -1, -1, row.speaker_entity_id))
    return units, empty


# -- how renderings differ ------------------------------------------------------------------------

@dataclass(frozen=True)
class Rendering:
    article_id: str
    outlet: str | None
    published: object
    speaker: str | None
    text: str
    start: int
    end: int
    entities: frozenset[tuple[str, str]]  # (label, entity id) of the names in it


def differences(first: Rendering, other: Rendering, group_speaker: str | None) -> list[str]:
    """What ``other`` changes from ``first``: a negation, a number, a name, the speaker."""
    flags = []
    if _negations(first.text) != _negations(other.text):
        flags.append("negation")
    if _numbers(first.text) and _numbers(other.text) and _numbers(first.text) != _numbers(other.text):
        flags.append("number")
    if any(_names(first, family) - _names(other, family) and _names(other, family) - _names(first, family)
           for family in NAME_FAMILIES):
        flags.append("name")
    if other.speaker != group_speaker:
        flags.append("speaker")
    return flags


def _names(rendering: Rendering, family: str) -> frozenset[str]:
    return frozenset(entity for label, entity in rendering.entities if label == family)


def _negations(text: str) -> int:
    words = re.findall(r"\w+(?:'t|’t)?", text.lower())
    return sum(w in NEGATORS or w.endswith(("n't", "n’t")) for w in words) % 2


def _numbers(text: str) -> frozenset[str]:
    return frozenset(m.group().lower().rstrip(".,") for m in _NUMBER.finditer(text))


def word_diff(first: str, other: str) -> list[tuple[str, str, str]]:
    """(operation, words in first, words in other) for equal, delete, insert and replace runs."""
    a, b = re.findall(r"\S+", first), re.findall(r"\S+", other)
    matcher = difflib.SequenceMatcher(a=[w.lower().strip(_EDGE) for w in a], b=[w.lower().strip(_EDGE) for w in b],
                                      autojunk=False)
    return [(op, " ".join(a[i1:i2]), " ".join(b[j1:j2])) for op, i1, i2, j1, j2 in matcher.get_opcodes()]


@dataclass(frozen=True)
class QuoteGroup:
    id: int
    speaker: str | None
    renderings: tuple[Rendering, ...]
    flags: tuple[tuple[str, ...], ...]  # per rendering, what it changes from the first
    diffs: tuple[list[tuple[str, str, str]], ...]  # per rendering, word diff from the first

    def as_dict(self) -> dict:
        return {"id": self.id, "speaker": self.speaker, "articles": len({r.article_id for r in self.renderings}),
                "flags": sorted({flag for flags in self.flags for flag in flags}),
                "renderings": [{"article": r.article_id, "outlet": r.outlet, "published": r.published,
                                "speaker": r.speaker, "text": r.text, "span": [r.start, r.end],
                                "changes": list(flags), "diff": diff}
                               for r, flags, diff in zip(self.renderings, self.flags, self.diffs, strict=True)]}


def quote_groups(connection: sa.Connection, speaker: str | None = None) -> list[QuoteGroup]:
    """Utterances rendered in two or more articles, each rendering with its diff from the first."""
    rows = queries.quote_group_members(connection, speaker)
    groups: dict[int, list] = {}
    for row in rows:
        groups.setdefault(row.group_id, []).append(row)
    return [_group(connection, group_id, members) for group_id, members in groups.items()]


def _group(connection: sa.Connection, group_id: int, members: list) -> QuoteGroup:
    renderings = tuple(Rendering(m.article_id, m.outlet, m.published, m.speaker, m.text[m.start:m.end], m.start,
                                 m.end, queries.entities_between(connection, m.article_id, m.start, m.end))
                       for m in members)
    first = renderings[0]
    speaker = members[0].group_speaker
    flags = tuple(tuple(differences(first, r, speaker)) if i else () for i, r in enumerate(renderings))
    diffs = tuple(word_diff(first.text, r.text) for r in renderings)
    return QuoteGroup(group_id, speaker, renderings, flags, diffs)
