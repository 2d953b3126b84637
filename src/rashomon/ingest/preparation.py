"""The CPU-heavy half of ingest, run over the cores: extraction, language id and fingerprints.

Writes stay in the parent process (one writer, batched transactions); the workers only turn
Pages into Articles. Results come back in input order, with a bounded number in flight.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from rashomon.dedupe import signature, to_bytes
from rashomon.errors import InputError
from rashomon.extract import extract
from rashomon.language import detect_language
from rashomon.records import Article, Page, Rejection
from rashomon.settings import Settings

# Below this much work, starting worker processes costs more than it saves.
MIN_PARALLEL_WORK = 100
_IN_FLIGHT_PER_WORKER = 16
_PR_SET_PDEATHSIG = 1


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
    if workers <= 1:
        for item in items:
            yield prepare(item, settings)
        return
    # Forked workers share what the parent has loaded, such as the language models.
    detect_language("Warm up the language detector before forking.", settings.language_codes)
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker,
                             initargs=(settings,)) as pool:
        in_flight: deque[Future] = deque()
        for item in items:
            in_flight.append(pool.submit(_prepare_in_worker, item))
            if len(in_flight) >= workers * _IN_FLIGHT_PER_WORKER:
                yield in_flight.popleft().result()
        while in_flight:
            yield in_flight.popleft().result()


_worker_settings: Settings | None = None


def _start_worker(settings: Settings) -> None:
    global _worker_settings
    _worker_settings = settings
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _die_with_parent()


def _die_with_parent() -> None:
    """On Linux, a worker whose parent is killed (kill -9) is killed too instead of lingering."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass


def _prepare_in_worker(item: Page | Rejection) -> Prepared:
    return prepare(item, _worker_settings)
