"""Executors: a function over items, in input order, inline or in a pool of forked worker processes.

Workers set themselves up once (load their models) through ``setup``, ignore Ctrl-C (the parent
handles it), die with the parent if it is killed, and keep BLAS to one thread each so that two
workers on two cores do not fight over them.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, TypeVar

In = TypeVar("In")
Out = TypeVar("Out")

_IN_FLIGHT_PER_WORKER = 4
_PR_SET_PDEATHSIG = 1
_BLAS_THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS")


def ordered_map(function: Callable[[In], Out], items: Iterable[In], workers: int,
                setup: Callable[..., None] | None = None, setup_args: tuple = (),
                in_flight_per_worker: int = _IN_FLIGHT_PER_WORKER) -> Iterator[Out]:
    """``function`` over ``items`` in order; a bounded number of items are in flight at once."""
    if workers <= 1:
        if setup:
            setup(*setup_args)
        for item in items:
            yield function(item)
        return
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker,
                             initargs=(setup, setup_args)) as pool:
        in_flight: deque[Future] = deque()
        for item in items:
            in_flight.append(pool.submit(function, item))
            if len(in_flight) >= workers * in_flight_per_worker:
                yield in_flight.popleft().result()
        while in_flight:
            yield in_flight.popleft().result()


def _start_worker(setup: Callable[..., None] | None, setup_args: tuple[Any, ...]) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent()
    for variable in _BLAS_THREAD_VARIABLES:
        os.environ[variable] = "1"
    _limit_blas_threads()
    if setup:
        setup(*setup_args)


def _limit_blas_threads() -> None:
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:
        return
    threadpool_limits(1)


def _die_with_parent() -> None:
    """On Linux, a worker whose parent is killed (kill -9) is killed too instead of lingering."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass
