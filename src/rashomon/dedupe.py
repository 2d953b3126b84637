"""Exact copies (content hash) and near-copies (MinHash LSH over word shingles) → copy links.

Functions over records and an index: the ingest runner loads the index from the stored fingerprints,
looks up the stored articles with the same text, and stores the ``CopyEdge`` these functions decide.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
from datasketch import MinHash, MinHashLSH

from rashomon.records import Article, CopyEdge

SHINGLE_WORDS = 5
# Below this many words a text (a headline, a caption) shares too little to call it a copy.
MIN_WORDS_FOR_NEAR_COPY = 40
SCHEME = "affine32"  # datasketch's 32-bit permutations: signatures stored as uint32
_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    words = _WORD.findall(text.casefold())
    return {" ".join(words[i:i + size]).encode("utf-8") for i in range(max(len(words) - size + 1, 0))}


def signature(text: str, permutations: int) -> MinHash | None:
    """The MinHash of the text's word shingles, or None for texts too short to compare."""
    if len(_WORD.findall(text)) < MIN_WORDS_FOR_NEAR_COPY:
        return None
    minhash = MinHash(num_perm=permutations, scheme=SCHEME)
    minhash.update_batch(list(shingles(text)))
    return minhash


def to_bytes(minhash: MinHash) -> bytes:
    return minhash.hashvalues.astype(np.uint32).tobytes()


def from_bytes(data: bytes) -> MinHash:
    values = np.frombuffer(data, dtype=np.uint32)
    return MinHash(num_perm=len(values), hashvalues=values, scheme=SCHEME)


@dataclass(frozen=True)
class CopyMatch:
    original_id: str
    similarity: float  # 1.0 for an exact copy, else the estimated Jaccard similarity


class NearCopyIndex:
    """An LSH index over the signatures of stored articles, loaded once per ingest."""

    def __init__(self, threshold: float, permutations: int):
        self.threshold = threshold
        self.permutations = permutations
        self._lsh = MinHashLSH(threshold=threshold, num_perm=permutations)
        self._signatures: dict[str, MinHash] = {}

    @classmethod
    def from_fingerprints(cls, fingerprints: Iterable[tuple[str, bytes]], threshold: float,
                          permutations: int) -> NearCopyIndex:
        """The index over stored signatures (those made with another number of permutations left out)."""
        index = cls(threshold, permutations)
        for article_id, data in fingerprints:
            minhash = from_bytes(data)
            if len(minhash.hashvalues) == permutations:
                index.add(article_id, minhash)
        return index

    def add(self, article_id: str, minhash: MinHash) -> None:
        if article_id in self._signatures:
            self._lsh.remove(article_id)
        self._signatures[article_id] = minhash
        self._lsh.insert(article_id, minhash)

    def most_similar(self, article_id: str, minhash: MinHash) -> CopyMatch | None:
        best: CopyMatch | None = None
        for candidate in self._lsh.query(minhash):
            if candidate == article_id:
                continue
            similarity = minhash.jaccard(self._signatures[candidate])
            if similarity >= self.threshold and (best is None or similarity > best.similarity):
                best = CopyMatch(candidate, similarity)
        return best


def find_original(article: Article, exact: Sequence[Article], minhash: MinHash | None,
                  index: NearCopyIndex) -> CopyMatch | None:
    """The stored article that ``article`` copies: one with the same text (``exact``, first seen first),
    else the nearest near-copy in the index."""
    if exact:
        return CopyMatch(exact[0].copy_of or exact[0].id, 1.0)
    if minhash is None:
        return None
    return index.most_similar(article.id, minhash)


def copy_edge(article: Article, match: CopyMatch, root: tuple[str, date | None]) -> CopyEdge:
    """Which copies which: the later of the two copies the earlier, for a copy cannot predate what it
    copies. ``root`` is the article the match itself copies (or the match) and its publication date."""
    root_id, published = root
    if article.published and published and article.published < published:
        return CopyEdge(original_id=article.id, copy_id=root_id, similarity=match.similarity)
    return CopyEdge(original_id=root_id, copy_id=article.id, similarity=match.similarity)
