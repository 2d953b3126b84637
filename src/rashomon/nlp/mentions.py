"""A mention found in one article's text, and the sentence each word of the text is in."""

from __future__ import annotations

from dataclasses import dataclass

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


@dataclass(frozen=True)
class FoundMention:
    start: int
    end: int
    text: str
    label: str
    chain: int
    kind: str  # "name", "description" or "pronoun"
    subject: bool = False



def sentence_index(doc) -> list[int]:
    """token index → the number of its sentence."""
    index = [0] * len(doc)
    for number, sentence in enumerate(doc.sents):
        for token in sentence:
            index[token.i] = number
    return index


def sentence_of_char(doc, char: int, sentence_of: list[int]) -> int:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return sentence_of[span.start] if span is not None and len(span) else 0
