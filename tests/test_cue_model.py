"""The learned cue model: its file format, what it adds to the rules, and training it."""

import json

import pytest

from rashomon.errors import ModelMissing
from rashomon.nlp import models
from rashomon.nlp.attributions import FoundAttribution, find_attributions, is_nested, top_level
from rashomon.nlp.entities import find_entities
from rashomon.nlp.logistic import CUE_MODEL, LogisticModel
from rashomon.nlp.models import spacy_pipeline
from rashomon.nlp.sentences import quotation_spans
from rashomon.train.cues import fit_cue_model, train_cue_model, training_examples
from tests.conftest import RecordedProgress


def _found(text, model):
    doc = spacy_pipeline("en")(text)
    found = find_attributions(doc, find_entities(doc), tuple(quotation_spans(text)), (), model)
    return [(" ".join(text[s:e] for s, e in a.cue), " ".join(text[s:e] for s, e in a.source),
             " ".join(text[s:e] for s, e in a.content)) for a in found]


def test_cue_model_bundled_model_is_read_from_the_package():
    model = models.cue_model()
    assert model.trained_on == "polnear-train.jsonl"
    assert 0 < model.threshold < 1 and len(model.weights) > 1000


def test_cue_model_model_round_trips_through_its_file(tmp_path):
    model = LogisticModel(CUE_MODEL, {"w=said": 2.5, "pos=VERB": -0.25}, -1.0, 0.5, "tiny.jsonl")
    model.save(tmp_path / "model.json")
    again = LogisticModel.read(tmp_path / "model.json", CUE_MODEL)
    assert again == model
    assert again.probability(["w=said", "pos=VERB"]) == pytest.approx(1 / (1 + 2.718281828 ** -1.25))


def test_cue_model_a_file_that_is_not_a_cue_model_is_refused(tmp_path):
    path = tmp_path / "other.json"
    path.write_text(json.dumps({"format": "something-else"}))
    with pytest.raises(ModelMissing, match="not a rashomon cue model"):
        LogisticModel.read(path, CUE_MODEL)


@pytest.mark.parametrize(("text", "expected"), [
    ("Clinton defended her plan to raise the minimum wage.",
     ("defended", "Clinton", "her plan to raise the minimum wage")),
    ("Sanders called for a ban on fracking.", ("called for", "Sanders", "a ban on fracking")),
    ("Republicans voiced sharp criticism of the nuclear deal.",
     ("voiced criticism", "Republicans", "the nuclear deal")),
])
def test_cue_model_model_finds_cues_the_rules_do_not_know(text, expected):
    assert _found(text, None) == []
    assert _found(text, models.cue_model()) == [expected]


def test_cue_model_a_raising_verb_reports_its_subject_rather_than_crediting_it():
    (found,) = _found("Most voters seemed unconvinced by the governor's plan to cut taxes.", models.cue_model())
    assert found[:2] == ("seemed", "")


def test_cue_model_model_adds_nothing_where_there_is_no_attribution():
    text = "The bridge over the river was closed for repairs on Tuesday. Traffic moved slowly all day."
    assert _found(text, models.cue_model()) == []


def test_cue_model_model_keeps_what_the_rules_found():
    text = "“We cannot change this with a few quotes,” Stoltenberg said."
    assert _found(text, models.cue_model()) == _found(text, None)


def test_cue_model_an_attribution_inside_another_ones_content_is_nested():
    outer = FoundAttribution(((10, 60),), ((0, 9),), (), "indirect")
    inner = FoundAttribution(((30, 60),), ((20, 24),), (), "indirect")
    after = FoundAttribution(((80, 90),), ((70, 74),), (), "indirect")
    assert is_nested(inner, [outer, inner, after]) and not is_nested(outer, [outer, inner, after])
    assert top_level([outer, inner, after]) == [outer, after]


def test_cue_model_training_fits_a_model_that_finds_the_gold_cues():
    text = "Smith said the plan works. Jones argued the plan fails. The plan costs money."
    gold = [{"cue": [[6, 10]], "source": [[0, 5]], "content": [[11, 26]]},
            {"cue": [[33, 39]], "source": [[27, 32]], "content": [[40, 55]]}]
    records = [{"id": str(i), "text": text, "attributions": gold} for i in range(5)]
    features, labels = training_examples(records, spacy_pipeline("en"))
    assert sum(labels) == 10  # "said" and "argued", in each of five copies
    model = fit_cue_model(features, labels, "tiny", threshold=0.5)
    scores = {feature[0]: model.probability(feature) for feature in features[:len(features) // 5]}
    assert scores["w=said"] > 0.5 and scores["w=argued"] > 0.5 and scores["w=costs"] < 0.5


def test_cue_model_training_from_a_gold_file_shows_the_parsing_and_counts_the_words(tmp_path):
    text = "Smith said the plan works. Jones argued the plan fails. The plan costs money."
    gold = [{"cue": [[6, 10]], "source": [[0, 5]], "content": [[11, 26]]},
            {"cue": [[33, 39]], "source": [[27, 32]], "content": [[40, 55]]}]
    records = [{"id": str(i), "text": text, "attributions": gold} for i in range(5)]
    path = tmp_path / "tiny.jsonl"
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    progress = RecordedProgress()
    model, candidates, in_gold = train_cue_model(path, progress)
    features, labels = training_examples(records, spacy_pipeline("en"))
    assert (candidates, in_gold) == (len(labels), 10)
    assert model == fit_cue_model(features, labels, "tiny.jsonl")
    assert progress.shown == [("enter",), ("task", "parsing", 5), *[("advance", "parsing")] * 5, ("exit",)]
