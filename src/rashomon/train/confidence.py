"""Fitting the attribution confidence model on attribution gold (PARC style, such as PolNeAR's training split).

``train_confidence_model`` does it all from a gold file (``rashomon train confidence``). The confidence
model must judge attributions as the cue model finds them in text it was not fitted on, so its examples
are cross-fitted: the articles are cut into folds, and each fold's attributions are found with a cue
model fitted on the other folds only. Every top-level attribution with a source is one example, labelled
by whether the scores would count its source right (aligned with a gold attribution and sharing a word
with its source). A logistic regression (scikit-learn, from the ``bench`` extra) is fitted on them; only
the weights are kept. Training reads the gold only, never an evaluation split.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from rashomon.errors import ModelMissing
from rashomon.evaluate.attributions import read_gold, sources_agreeing
from rashomon.nlp.attributions import find_attributions, top_level
from rashomon.nlp.attributions.confidence import confidence_features
from rashomon.nlp.attributions.cue_features import QuotationIndex
from rashomon.nlp.entities import find_entities
from rashomon.nlp.logistic import CONFIDENCE_MODEL, LogisticModel
from rashomon.nlp.models import spacy_pipeline
from rashomon.nlp.sentences import quotation_spans
from rashomon.train import ProgressDisplay, Silent
from rashomon.train.cues import article_examples, fit_cue_model

FOLDS = 5
REGULARISATION = 0.3  # inverse strength C; level with 0.1 and 1.0 when cross-fitted on the training split
THRESHOLD = 0.3  # cross-fitted on the two halves of the training split: 0.25–0.3 best on both


def train_confidence_model(path: Path, folds: int = FOLDS,
                           progress: ProgressDisplay | None = None) -> tuple[LogisticModel, int, int]:
    """The confidence model fitted on the gold file ``path`` with cue models cross-fitted on ``folds``
    folds, with how many attributions with a source it was fitted on and how many of those were right.
    ``progress`` shows the parsing (an article at a time), then the cross-fitting (two steps an article)."""
    records = read_gold(path)
    with progress or Silent() as shown:
        parsing = shown.add_task("parsing", total=len(records))
        docs = []
        for doc in spacy_pipeline("en").pipe((r["text"] for r in records), batch_size=8):
            docs.append(doc)
            shown.advance(parsing)
        fitting = shown.add_task("cross-fitting", total=2 * len(records))
        features, labels = cross_fitted_examples(records, docs, folds, lambda _: shown.advance(fitting))
    model = fit_confidence_model(features, labels, trained_on=f"{path.name}, {folds} folds")
    return model, len(labels), sum(labels)


def cross_fitted_examples(records: Sequence[dict], docs: Sequence, folds: int = FOLDS,
                          on_step: Callable[[str], None] | None = None,
                          ) -> tuple[list[dict[str, float]], list[bool]]:
    """Features and labels of every attribution with a source, each found with a cue model fitted
    without its article's fold."""
    cue_examples = []
    for record, doc in zip(records, docs, strict=True):
        cue_examples.append(article_examples(record, doc))
        _tell(on_step, "cue examples")
    features, labels = [], []
    for fold in range(folds):
        held = [i for i in range(len(records)) if i % folds == fold]
        model = _cue_model_without(cue_examples, set(held), f"fold {fold + 1} of {folds}")
        for i in held:
            article_features, article_labels = article_confidence_examples(records[i], docs[i], model)
            features += article_features
            labels += article_labels
            _tell(on_step, "attributions")
    return features, labels


def article_confidence_examples(record: dict, doc, cue_model: LogisticModel,
                                ) -> tuple[list[dict[str, float]], list[bool]]:
    """One article's top-level attributions with a source: their confidence features and labels."""
    quotations = tuple(quotation_spans(record["text"]))
    found = top_level(find_attributions(doc, find_entities(doc), quotations, (), cue_model))
    agreeing = sources_agreeing(record["text"], record.get("attributions", []), found)
    index = QuotationIndex(quotations)
    features, labels = [], []
    for attribution, right in zip(found, agreeing, strict=True):
        if attribution.source:
            features.append(confidence_features(attribution, doc, index, cue_model, found))
            labels.append(right)
    return features, labels


def _cue_model_without(cue_examples: list, held: set[int], name: str) -> LogisticModel:
    features = [f for i, (article, _) in enumerate(cue_examples) if i not in held for f in article]
    labels = [label for i, (_, article) in enumerate(cue_examples) if i not in held for label in article]
    return fit_cue_model(features, labels, trained_on=name)


def _tell(on_step: Callable[[str], None] | None, what: str) -> None:
    if on_step:
        on_step(what)


def fit_confidence_model(features: list[dict[str, float]], labels: list[bool], trained_on: str,
                         regularisation: float = REGULARISATION, threshold: float = THRESHOLD) -> LogisticModel:
    try:
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError as error:
        raise ModelMissing("training the confidence model needs scikit-learn: pip install 'rashomon[bench]'") from error
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform(features)
    model = LogisticRegression(C=regularisation, max_iter=3000).fit(matrix, labels)
    weights = {name: float(weight) for name, weight in zip(vectorizer.feature_names_, model.coef_[0], strict=True)
               if weight != 0.0}
    return LogisticModel(CONFIDENCE_MODEL, weights, float(model.intercept_[0]), threshold, trained_on)
