"""The CPU-heavy half of ingest, run over the cores: extraction, language id and fingerprints.

Writes stay in the parent process (one writer, batched transactions); the workers only turn
Pages into Articles. Results come back in input order, with a bounded number in flight.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from rashomon.dedupe import signature, to_bytes
from rashomon.errors import InputError
from rashomon.extract import extract
from rashomon.extract.language import detect_language
from rashomon.pipeline.executors import ordered_map
from rashomon.records import Article, Page, Rejection
from rashomon.settings import Settings

# Below this much work, starting worker processes costs more than it saves.
MIN_PARALLEL_WORK = 100


@dataclass(frozen=True)
class Prepared:
    origin: str
    fields: Mapping[str, Any] = field(default_factory=dict)
    article: Article | None = None
    rejection: Rejection | None = None
    minhash: bytes | None = None


def prepare(item: Page | Rejection, settings: Settings) -> Prepared:
    """Extract the article in a Page and fingerprint it; a Rejection passes through."""
    if isinstance(item, Rejection):
        return Prepared(item.origin, rejection=item)
    try:
        article = extract(item, settings)
    except InputError as error:
        return Prepared(item.origin, item.fields, rejection=Rejection(error.origin, error.reason, error.stage))
    minhash = signature(article.text, settings.minhash_permutations)
    return Prepared(item.origin, item.fields, article=article,
                    minhash=to_bytes(minhash) if minhash is not None else None)


def worker_count(settings: Settings, work: int) -> int:
    if work < MIN_PARALLEL_WORK:
        return 1
    return settings.workers or os.cpu_count() or 1


def prepared(items: Iterable[Page | Rejection], settings: Settings, workers: int) -> Iterator[Prepared]:
    """``prepare`` over ``items``, in order: inline for one worker, else in a process pool."""
    if workers > 1:
        # Forked workers share what the parent has loaded, such as the language models.
        detect_language("Warm up the language detector before forking.", settings.language_codes)
    yield from ordered_map(_prepare_in_worker, items, workers, setup=_remember_settings,
                           setup_args=(settings,), in_flight_per_worker=16)


_worker_settings: Settings | None = None


def _remember_settings(settings: Settings) -> None:
    global _worker_settings
    _worker_settings = settings


def _prepare_in_worker(item: Page | Rejection) -> Prepared:
    return prepare(item, _worker_settings)
