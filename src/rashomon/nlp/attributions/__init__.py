"""Who said what: every attribution in an article, with content, cue and source spans and the speaker.

Read from the dependency parse, the quotations and the entity chains of the annotate stage:
- a cue verb ("said", "stressed", "told the German dpa news agency") with its subject as source and
  its clausal complement as content ("said that …": indirect), or a quotation right before or after
  it ("“…,” Stoltenberg said": direct); a content partly in quotation marks is mixed;
- "according to X, …": X is the source, the rest of the sentence the content;
- a quotation paragraph with no cue of its own that goes on from an attributed one keeps its speaker.
The speaker is the entity chain that the head word of the source names, so "he" and "the Secretary
General" resolve to the person, and a source that names no person or body ("a poll", "the West", an
unclear "he") has no speaker. Where the words were spoken is dated when a date modifies the cue.

One module per step, in the order ``find_attributions`` runs them (the rule tables they read are in
``nlp/cues.py``):
- ``reading``: one parse, read word by word by ``cue_verbs`` (verbs of saying and their content, with
  ``quotations`` beside a cue, ``coordinated`` reports and ``sources``: who speaks) and ``according_to``
  (and polls), then by ``headlines`` ("Name: …") and ``learned`` (the words the cue model scores on
  ``cue_features``); a line In Title Case is parsed again in lower case and read the same way;
- ``headlines``: a newsroom's label ("Editor's note:") is nobody's words;
- ``spans``: the ``FoundAttribution`` record and span helpers; of two cues claiming one content, the first;
- ``continued``: the speaker a parse ran into a quotation (before resolving), and quotations that go on
  from an attributed one (after);
- ``resolving``: kind, speaker chain (``speakers``: the person or body the source's head names), the date
  the words were spoken;
- ``nesting``: relative clauses that report on their own; nested attributions and the top level;
- ``confidence``: with the confidence model, how far to trust each source.
"""

from __future__ import annotations

from rashomon.nlp import text_of
from rashomon.nlp.attributions.confidence import judged
from rashomon.nlp.attributions.continued import speaker_after_quotation, with_continued_quotes
from rashomon.nlp.attributions.headlines import is_newsroom_label, title_case_lines
from rashomon.nlp.attributions.nesting import apart_from_relative_clauses, is_nested, top_level
from rashomon.nlp.attributions.reading import from_title_case_line, read_from_parse
from rashomon.nlp.attributions.resolving import resolved
from rashomon.nlp.attributions.spans import FoundAttribution, Pieces, merge_spans, without_overlaps
from rashomon.nlp.entities import ArticleEntities
from rashomon.nlp.logistic import LogisticModel

__all__ = ["FoundAttribution", "find_attributions", "is_nested", "merge_spans", "top_level"]


def find_attributions(doc, entities: ArticleEntities, quotations: Pieces, dates: tuple = (),
                      cue_model: LogisticModel | None = None,
                      confidence_model: LogisticModel | None = None) -> list[FoundAttribution]:
    """Every attribution the article makes, in text order.

    With a ``cue_model``, words it scores as cues that the rules missed add attributions of their own.
    With a ``confidence_model``, each attribution with a source is given the probability that its source
    is right, and those under the model's threshold are left out.
    """
    text = text_of(doc)
    used_quotes: set[tuple[int, int]] = set()
    title_lines = title_case_lines(text)
    found = [a for a in read_from_parse(doc, text, quotations, used_quotes, cue_model)
             if not any(start <= a.cue[0][0] < end for start, end in title_lines)]
    for start, end in title_lines:
        found += from_title_case_line(doc, text, (start, end), quotations, used_quotes, cue_model)
    found = [a for a in found if not is_newsroom_label(a.source, text)]
    found.sort(key=lambda a: a.content[0])
    found = [speaker_after_quotation(a, text) for a in without_overlaps(found)]
    found = [resolved(a, entities, quotations, dates, doc) for a in found]
    found = apart_from_relative_clauses(doc, text, with_continued_quotes(found, quotations, used_quotes, text))
    return found if confidence_model is None else judged(found, doc, quotations, cue_model, confidence_model)
