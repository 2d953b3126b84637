"""Sentence and article vectors: the Embedder protocol and the bundled multilingual encoder."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np

VECTOR_DTYPE = np.float32


class Embedder(Protocol):
    name: str
    dimensions: int

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One unit-length row of float32 per text."""


class UniversalSentenceEncoder:
    """Google's multilingual USE v3 (16 languages), numpy only: translations land close together."""

    name = "use-multilingual-v3"
    dimensions = 512

    def __init__(self, model):
        self._model = model

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimensions), dtype=VECTOR_DTYPE)
        return normalize(np.asarray(self._model.encode(list(texts)), dtype=VECTOR_DTYPE))


def normalize(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=-1, keepdims=True)
    return (vectors / np.where(norms == 0, 1, norms)).astype(VECTOR_DTYPE)


def article_vector(sentence_vectors: np.ndarray) -> np.ndarray:
    """The normalised mean of an article's sentence vectors (zeros for an empty article)."""
    if len(sentence_vectors) == 0:
        return np.zeros(UniversalSentenceEncoder.dimensions, dtype=VECTOR_DTYPE)
    return normalize(sentence_vectors.mean(axis=0))


def to_bytes(vector: np.ndarray) -> bytes:
    return np.asarray(vector, dtype=VECTOR_DTYPE).tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype=VECTOR_DTYPE)
