"""Reading one parse: the steps that propose attributions, word by word (a verb of saying, "according to",
a poll), then the "Name: words" headlines, then the cue model's words; and a line In Title Case parsed
again in lower case and read the same way.
"""

from __future__ import annotations

from dataclasses import replace

from rashomon.nlp.attributions.according_to import from_according_to, from_in_a_poll, from_poll_phrase
from rashomon.nlp.attributions.cue_verbs import from_cue_verb
from rashomon.nlp.attributions.headlines import headline_attributions
from rashomon.nlp.attributions.learned import from_learned_cues, not_restating
from rashomon.nlp.attributions.spans import FoundAttribution, Pieces
from rashomon.nlp.logistic import LogisticModel


def read_from_parse(doc, text: str, quotations: Pieces, used_quotes: set,
                    cue_model: LogisticModel | None) -> list[FoundAttribution]:
    found: list[FoundAttribution] = []
    for token in doc:
        attribution = (from_cue_verb(token, text, quotations, used_quotes)
                       or from_according_to(token, text, quotations) or from_in_a_poll(token, text, quotations)
                       or from_poll_phrase(token, text, quotations))
        if attribution is not None:
            found.append(attribution)
    found += headline_attributions(doc, text)
    if cue_model is not None:
        found += not_restating(from_learned_cues(doc, text, cue_model, quotations, used_quotes, found), found)
    return found


def from_title_case_line(doc, text: str, line: tuple[int, int], quotations: Pieces, used_quotes: set,
                         cue_model: LogisticModel | None) -> list[FoundAttribution]:
    from rashomon.nlp.models import has_pipeline, spacy_pipeline

    if not has_pipeline(doc.lang_):
        return []
    start, end = line
    lowered = text[start] + text[start + 1:end].lower()  # same length: offsets carry over
    local_quotes = tuple((a - start, b - start) for a, b in quotations if start <= a and b <= end)
    used: set[tuple[int, int]] = set()
    found = read_from_parse(spacy_pipeline(doc.lang_)(lowered), lowered, local_quotes, used, cue_model)
    used_quotes.update((a + start, b + start) for a, b in used)
    return [_shifted(attribution, start) for attribution in found]


def _shifted(attribution: FoundAttribution, offset: int) -> FoundAttribution:
    def move(pieces: Pieces) -> Pieces:
        return tuple((a + offset, b + offset) for a, b in pieces)
    return replace(attribution, content=move(attribution.content), cue=move(attribution.cue),
                   source=move(attribution.source))
