"""The attribution confidence model: its file, what it leaves out, how it is trained, and where it is kept."""

import json

import pytest
import sqlalchemy as sa

from rashomon.errors import ModelMissing
from rashomon.evaluate.attributions import sources_agreeing
from rashomon.nlp import models
from rashomon.nlp.attributions import FoundAttribution, find_attributions
from rashomon.nlp.attributions.confidence import confidence_features
from rashomon.nlp.attributions.cue_features import QuotationIndex
from rashomon.nlp.entities import find_entities
from rashomon.nlp.logistic import CONFIDENCE_MODEL, LogisticModel
from rashomon.nlp.models import spacy_pipeline
from rashomon.nlp.sentences import quotation_spans
from rashomon.train.confidence import cross_fitted_examples, fit_confidence_model, train_confidence_model
from tests.conftest import RecordedProgress


def _found(text, confidence_model):
    doc = spacy_pipeline("en")(text)
    return doc, find_attributions(doc, find_entities(doc), tuple(quotation_spans(text)), (), models.cue_model(),
                                  confidence_model)


def _words(text, found):
    return [(" ".join(text[s:e] for s, e in a.cue), " ".join(text[s:e] for s, e in a.source)) for a in found]


def test_attribution_confidence_bundled_model_is_read_from_the_package():
    model = models.confidence_model()
    assert model.trained_on.startswith("polnear-train.jsonl")
    assert 0 < model.threshold < 1 and len(model.weights) > 100


def test_attribution_confidence_model_round_trips_through_its_file(tmp_path):
    model = LogisticModel(CONFIDENCE_MODEL, {"origin=learned": -1.5, "cue_p": 2.0}, 0.25, 0.3, "tiny.jsonl")
    model.save(tmp_path / "model.json")
    again = LogisticModel.read(tmp_path / "model.json", CONFIDENCE_MODEL)
    assert again == model
    assert again.probability({"origin=learned": 1.0, "cue_p": 0.5}) == pytest.approx(1 / (1 + 2.718281828 ** 0.25))


def test_attribution_confidence_a_file_that_is_not_a_confidence_model_is_refused(tmp_path):
    path = tmp_path / "other.json"
    path.write_text(json.dumps({"format": "rashomon-cue-model/1"}))
    with pytest.raises(ModelMissing, match="not a rashomon attribution confidence model"):
        LogisticModel.read(path, CONFIDENCE_MODEL)


def test_attribution_confidence_every_attribution_with_a_source_gets_a_confidence():
    text = "“We cannot change this with a few quotes,” Stoltenberg said. Clinton defended her plan to raise the wage."
    _, found = _found(text, models.confidence_model())
    assert _words(text, found) == [("said", "Stoltenberg"), ("defended", "Clinton")]
    assert all(0.3 <= a.confidence <= 1 for a in found)
    assert found[0].confidence > found[1].confidence  # a verb of saying beside a quotation, against a learned cue


def test_attribution_confidence_attributions_under_the_threshold_are_left_out():
    text = "“We cannot change this with a few quotes,” Stoltenberg said. Clinton defended her plan to raise the wage."
    distrust_learned = LogisticModel(CONFIDENCE_MODEL, {"origin=learned": -10.0}, 2.0, 0.5)
    _, found = _found(text, distrust_learned)
    assert _words(text, found) == [("said", "Stoltenberg")]
    _, unjudged = _found(text, None)
    assert [a.confidence for a in unjudged] == [None, None]


def test_attribution_confidence_an_attribution_without_a_source_is_not_judged():
    text = "Most voters seemed unconvinced by the governor's plan to cut taxes."
    (found,) = _found(text, LogisticModel(CONFIDENCE_MODEL, {}, -10.0, 0.5))[1]
    assert found.source == () and found.confidence is None


def test_attribution_confidence_features_say_how_the_attribution_was_found():
    text = "Clinton defended her plan to raise the wage. The plan is popular, according to a new poll."
    doc, found = _found(text, None)
    index = QuotationIndex(tuple(quotation_spans(text)))
    features = [confidence_features(a, doc, index, models.cue_model(), found) for a in found]
    origins = sorted(name for f in features for name in f if name.startswith("origin="))
    assert origins == ["origin=according_to", "origin=learned"]
    learned = next(f for f in features if "origin=learned" in f)
    assert 0.5 <= learned["cue_p"] <= 1 and learned["source_entity=PERSON"] == 1.0


def test_attribution_confidence_sources_agree_when_aligned_and_sharing_a_word():
    text = "Smith said the plan works. Jones argued the plan fails."
    gold = [{"cue": [[6, 10]], "source": [[0, 5]], "content": [[11, 25]]},
            {"cue": [[33, 39]], "source": [[27, 32]], "content": [[40, 54]]}]
    right = FoundAttribution(((11, 25),), ((6, 10),), ((0, 5),), "indirect")
    wrong_source = FoundAttribution(((40, 54),), ((33, 39),), ((44, 48),), "indirect")
    unaligned = FoundAttribution(((0, 5),), ((6, 10),), ((27, 32),), "indirect")
    assert sources_agreeing(text, gold, [right, wrong_source, unaligned]) == [True, False, False]


def test_attribution_confidence_training_learns_which_proposals_are_right():
    # the gold credits the second sentence's words to Smith: the "argued" attributions found with Jones as
    # their source are labelled wrong, and the model learns to doubt them
    text = "Smith said the plan works. Jones argued the plan fails."
    gold = [{"cue": [[6, 10]], "source": [[0, 5]], "content": [[11, 25]]},
            {"cue": [[33, 39]], "source": [[0, 5]], "content": [[40, 54]]}]
    records = [{"id": str(i), "text": text, "attributions": gold} for i in range(6)]
    docs = list(spacy_pipeline("en").pipe(r["text"] for r in records))
    features, labels = cross_fitted_examples(records, docs, folds=2)
    assert len(labels) == 12 and sum(labels) == 6
    model = fit_confidence_model(features, labels, "tiny", regularisation=1.0, threshold=0.5)
    assert all((model.probability(f) > 0.5) == label for f, label in zip(features, labels))


def test_attribution_confidence_a_store_from_before_confidence_gets_the_column(tmp_path):
    from rashomon.store import Store

    target = str(tmp_path / "old.db")
    engine = Store.open(target).engine
    with engine.begin() as connection:  # as a store written before migration m0006 was
        connection.execute(sa.text("ALTER TABLE attributions DROP COLUMN confidence"))
        connection.execute(sa.text("DELETE FROM migrations WHERE name = 'm0006_attribution_confidence'"))
    engine.dispose()
    with Store.open(target).read() as connection:
        columns = {c["name"] for c in sa.inspect(connection).get_columns("attributions")}
        applied = set(connection.scalars(sa.text("SELECT name FROM migrations")))
    assert "confidence" in columns and "m0006_attribution_confidence" in applied


def test_attribution_confidence_training_from_a_gold_file_shows_the_parsing_then_the_cross_fitting(tmp_path):
    text = "Smith said the plan works. Jones argued the plan fails."
    gold = [{"cue": [[6, 10]], "source": [[0, 5]], "content": [[11, 25]]},
            {"cue": [[33, 39]], "source": [[0, 5]], "content": [[40, 54]]}]
    path = tmp_path / "tiny.jsonl"
    path.write_text("".join(json.dumps({"id": str(i), "text": text, "attributions": gold}) + "\n" for i in range(6)),
                    encoding="utf-8")
    progress = RecordedProgress()
    model, judged, right = train_confidence_model(path, 2, progress)
    assert (judged, right) == (12, 6)
    assert model.format == CONFIDENCE_MODEL and model.trained_on == "tiny.jsonl, 2 folds"
    assert progress.shown == [("enter",), ("task", "parsing", 6), *[("advance", "parsing")] * 6,
                              ("task", "cross-fitting", 12), *[("advance", "cross-fitting")] * 12, ("exit",)]
