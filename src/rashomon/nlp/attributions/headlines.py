"""Headlines: lines written In Title Case (parsed again in lower case, see ``reading``), the "Name: words"
headline convention ("Trump: I'm the worst thing that ever happened to the establishment"), and the labels
a newsroom puts before a line ("Editor's note:", "UPDATE:"), which nobody says.
"""

from __future__ import annotations

from rashomon.nlp.attributions.spans import FoundAttribution, Pieces, trimmed
from rashomon.nlp.cues import (
    HEADLINE, HEADLINE_SOURCE_WORDS, LINE, MAX_TITLE_CHARS, MINOR_WORD_LETTERS, MIN_TITLE_WORDS, NEWSROOM_LABEL,
    SENTENCE_BREAK, WORD_IN_LINE,
)


def title_case_lines(text: str) -> list[tuple[int, int]]:
    """Lines written In Title Case ("Another GOP Figure Endorses Hillary Clinton"): the parser reads
    their verbs as names, so they are parsed again in lower case."""
    lines = []
    for match in LINE.finditer(text):
        line = match.group()
        words = WORD_IN_LINE.findall(line)
        if len(words) >= MIN_TITLE_WORDS and len(line) <= MAX_TITLE_CHARS and len(line.lower()) == len(line) \
                and all(w[0].isupper() for w in words if len(w) > MINOR_WORD_LETTERS) \
                and sum(w[0].isupper() for w in words) > len(words) / 2:
            lines.append(match.span())
    return lines


def headline_attributions(doc, text: str) -> list[FoundAttribution]:
    """A line that opens with a name and a colon gives that name's words (the headline convention)."""
    found = []
    for match in HEADLINE.finditer(text):
        source = match.span("source")
        span = doc.char_span(*source, alignment_mode="expand")
        if span is None or len(span) > HEADLINE_SOURCE_WORDS or any(t.pos_ in ("VERB", "AUX") for t in span):
            continue
        content = trimmed(text, match.span("content"))
        if content and (any(t.pos_ == "PROPN" for t in span) or not SENTENCE_BREAK.search(text, *content[0])):
            colon = match.end("source")
            found.append(FoundAttribution(content, ((colon, colon + 1),), (source,), kind="indirect",
                                          origin="headline"))
    return found


def is_newsroom_label(source: Pieces, text: str) -> bool:
    return len(source) == 1 and NEWSROOM_LABEL.fullmatch(text[source[0][0]:source[0][1]].strip()) is not None
