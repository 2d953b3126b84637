"""How far to trust an attribution's source: a logistic model over what the attribution looks like.

The rules and the cue model propose attributions, and some proposals are wrong: a word that reports
nothing here ("he knelt on the carpet"), a source the parse misplaced, a clause that only describes who
speaks ("Erickson, who has been critical of Trump, wrote …"). This model gives each proposal with a
source the probability that its source is right, from how it was found (a verb of saying, the cue
model and the probability it gave, "according to", a poll, a headline), its cue, its source (length,
part of speech, entity type, pronoun, resolved to a speaker or not) and its content (length, kind,
clause or not, before or after the cue). A proposal under the threshold is not reported.

The model is a ``LogisticModel`` (``nlp/logistic.py``; the bundled one from ``models.confidence_model()``).
Its weights are fitted by ``rashomon train confidence`` (see ``rashomon/train/confidence.py``) on
attributions found in articles the cue model was not fitted on, labelled against gold, so that they judge
the cue model as it does on new text. Inference is a sum of weights and a logistic function.
"""

from __future__ import annotations

import math
from dataclasses import replace

from rashomon.nlp.attributions.cue_features import QuotationIndex, cue_features, is_candidate
from rashomon.nlp.logistic import LogisticModel

_MAX_SOURCE_TOKENS = 6
_MAX_CONTENT_BUCKET = 7  # log2 of the content's length in words, capped


def judged(found: list, doc, quotations, cue_model: LogisticModel | None, model: LogisticModel) -> list:
    """``found`` with a confidence on every attribution that has a source; those under the threshold left out."""
    index = QuotationIndex(quotations)
    kept = []
    for attribution in found:
        if not attribution.source:
            kept.append(attribution)
            continue
        confidence = model.probability(confidence_features(attribution, doc, index, cue_model, found))
        if confidence >= model.threshold:
            kept.append(replace(attribution, confidence=round(confidence, 4)))
    return kept


def confidence_features(attribution, doc, quotations: QuotationIndex, cue_model: LogisticModel | None,
                        found: list) -> dict[str, float]:
    """What the attribution looks like: how it was found, its cue, its source and its content."""
    features = {f"origin={attribution.origin}": 1.0, f"kind={attribution.kind}": 1.0,
                "chain": float(attribution.named_chain is not None)}
    cue = _tokens(doc, attribution.cue)
    if cue:
        features.update(_cue_features(attribution, cue, quotations, cue_model, found))
    features.update(_source_features(_tokens(doc, attribution.source), attribution))
    features.update(_content_features(_tokens(doc, attribution.content), attribution))
    features.update(_neighbour_features(attribution, found))
    return features


def _neighbour_features(attribution, found: list) -> dict[str, float]:
    """One report read twice ("declined to weigh in, only saying that …"), or a description of who
    speaks read as a report ("Erickson, who has been critical of Trump, wrote …")."""
    others = [other for other in found if other is not attribution]
    start = attribution.cue[0][0] if attribution.cue else attribution.content[0][0]
    features = {}
    if any(a <= start < b for other in others for a, b in other.source):
        features["cue_in_other_source"] = 1.0
    if attribution.named_chain is not None and any(
            other.named_chain == attribution.named_chain and _near(other, attribution) for other in others):
        features["same_speaker_nearby"] = 1.0
    return features


def _near(first, second, reach: int = 3) -> bool:
    return any(abs(a - d) <= reach or abs(c - b) <= reach for a, b in first.content for c, d in second.content)


def _cue_features(attribution, cue: list, quotations: QuotationIndex, cue_model: LogisticModel | None,
                  found: list) -> dict[str, float]:
    head = max(cue, key=lambda t: (t.pos_ in ("VERB", "NOUN"), -abs(t.i - t.head.i)))
    probability = max((cue_model.probability(cue_features(t, quotations, False)) for t in cue if is_candidate(t)),
                      default=0.0) if cue_model is not None else 0.0
    sentence = cue[0].sent
    in_sentence = sum(1 for other in found if other.cue
                      and sentence.start_char <= other.cue[0][0] < sentence.end_char)
    return {
        f"cue={' '.join(t.lower_ for t in cue)}": 1.0, f"cue_head={head.lower_}": 1.0,
        f"cue_pos={head.pos_}": 1.0, f"cue_dep={head.dep_}": 1.0, f"cue_tag={head.tag_}": 1.0,
        "cue_p": probability, f"cue_p_bin={int(probability * 10)}": 1.0,
        f"origin|cue_p_bin={attribution.origin}|{int(probability * 10)}": 1.0,
        f"sentence_attributions={min(3, in_sentence)}": 1.0,
        "cue_in_quotation": float(quotations.inside(cue[0].idx)),
    }


def _source_features(source: list, attribution) -> dict[str, float]:
    features = {f"source_tokens={min(len(source), _MAX_SOURCE_TOKENS)}": 1.0}
    if not source:
        return features
    head = source[-1] if len(source) < 3 else max(source, key=lambda t: t.dep_ in ("nsubj", "nsubjpass", "pobj",
                                                                                     "ROOT"))
    features |= {f"source_pos={head.pos_}": 1.0, f"source_entity={head.ent_type_ or '-'}": 1.0,
                 f"source_dep={head.dep_}": 1.0}
    if head.pos_ == "PRON":
        features[f"source_pronoun={head.lower_}"] = 1.0
    if attribution.cue:
        features["source_after_cue"] = float(attribution.source[0][0] > attribution.cue[0][0])
    return features


def _content_features(content: list, attribution) -> dict[str, float]:
    features = {f"content_words_log2={min(int(math.log2(1 + len(content))), _MAX_CONTENT_BUCKET)}": 1.0,
                f"content_pieces={min(len(attribution.content), 3)}": 1.0}
    if content:
        features["content_has_verb"] = float(any(t.pos_ in ("VERB", "AUX") for t in content))
        features["content_before_cue"] = float(bool(attribution.cue) and attribution.content[0][0] < attribution.cue[0][0])
        features[f"content_first_pos={content[0].pos_}"] = 1.0
    return features


def _tokens(doc, pieces) -> list:
    tokens = []
    for start, end in pieces:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            tokens.extend(span)
    return tokens
