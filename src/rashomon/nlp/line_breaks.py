"""A line break ends a sentence: headlines, datelines and timestamps are not parsed into the next line."""

from __future__ import annotations

from spacy.language import Language

COMPONENT = "line_breaks_end_sentences"


@Language.component(COMPONENT)
def line_breaks_end_sentences(doc):
    """Mark the word after every line break as a sentence start, before the parser runs."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc
