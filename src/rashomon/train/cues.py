"""Fitting the cue model on attribution gold (PARC style, such as PolNeAR's training split).

``train_cue_model`` does it all from a gold file (``rashomon train cues``). Every candidate word of every
article is one example: its ``cue_features`` (with whether the rules already read it as a cue), labelled
by whether it lies inside a gold cue span. A logistic regression (scikit-learn, from the ``bench`` extra)
is fitted on them; only the weights are kept, so the model runs without scikit-learn. Training reads the
gold's cue spans only, never an evaluation split.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

from rashomon.errors import ModelMissing
from rashomon.evaluate.attributions import read_gold
from rashomon.nlp.attributions import find_attributions
from rashomon.nlp.attributions.cue_features import QuotationIndex, cue_features, is_candidate
from rashomon.nlp.entities import find_entities
from rashomon.nlp.logistic import CUE_MODEL, LogisticModel
from rashomon.nlp.models import spacy_pipeline
from rashomon.nlp.sentences import quotation_spans
from rashomon.train import ProgressDisplay, Silent

REGULARISATION = 0.3  # inverse strength C; chosen by 5-fold cross-validation on the training split
THRESHOLD = 0.5  # likewise: 0.4 and 0.5 were level on content F1, 0.5 kept precision higher
MIN_FEATURE_COUNT = 2  # a feature seen once cannot be weighed
MIN_WEIGHT = 0.05  # smaller weights dropped: 81k of 237k kept, cross-validated F1 unchanged


def train_cue_model(path: Path, progress: ProgressDisplay | None = None) -> tuple[LogisticModel, int, int]:
    """The cue model fitted on the gold file ``path``, with how many candidate words it was fitted on and
    how many of them lie in gold cues. ``progress`` shows the parsing, an article at a time."""
    records = read_gold(path)
    with progress or Silent() as shown:
        parsing = shown.add_task("parsing", total=len(records))
        features, labels = training_examples(records, spacy_pipeline("en"), lambda _: shown.advance(parsing))
    model = fit_cue_model(features, labels, trained_on=path.name)
    return model, len(labels), sum(labels)


def training_examples(records: Iterable[dict], nlp, on_article: Callable[[str], None] | None = None,
                      ) -> tuple[list[list[str]], list[bool]]:
    features, labels = [], []
    records = list(records)
    texts = (record["text"] for record in records)
    for record, doc in zip(records, nlp.pipe(texts, batch_size=8), strict=True):
        article_features, article_labels = article_examples(record, doc)
        features += article_features
        labels += article_labels
        if on_article:
            on_article(record.get("id", ""))
    return features, labels


def article_examples(record: dict, doc) -> tuple[list[list[str]], list[bool]]:
    """One article's candidate words: their features, and whether each lies inside a gold cue."""
    quotations = tuple(quotation_spans(record["text"]))
    rule_cues = [piece for found in find_attributions(doc, find_entities(doc), quotations) for piece in found.cue]
    gold_cues = [piece for gold in record.get("attributions", []) for piece in gold["cue"]]
    index = QuotationIndex(quotations)
    features, labels = [], []
    for token in doc:
        if is_candidate(token):
            start, end = token.idx, token.idx + len(token.text)
            features.append(cue_features(token, index, _touches(rule_cues, start, end)))
            labels.append(_touches(gold_cues, start, end))
    return features, labels


def _touches(pieces, start: int, end: int) -> bool:
    return any(a < end and start < b for a, b in pieces)


def fit_cue_model(features: list[list[str]], labels: list[bool], trained_on: str,
                  regularisation: float = REGULARISATION, threshold: float = THRESHOLD) -> LogisticModel:
    try:
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError as error:
        raise ModelMissing("training the cue model needs scikit-learn: pip install 'rashomon[bench]'") from error
    counts = Counter(feature for example in features for feature in set(example))
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform([{f: 1 for f in example if counts[f] >= MIN_FEATURE_COUNT}
                                       for example in features])
    matrix.indices = matrix.indices.astype("int32")  # liblinear takes 32-bit indices only
    matrix.indptr = matrix.indptr.astype("int32")
    model = LogisticRegression(C=regularisation, max_iter=2000, solver="liblinear").fit(matrix, labels)
    weights = {name: float(weight) for name, weight in zip(vectorizer.feature_names_, model.coef_[0], strict=True)
               if abs(weight) >= MIN_WEIGHT}
    return LogisticModel(CUE_MODEL, weights, float(model.intercept_[0]), threshold, trained_on)
