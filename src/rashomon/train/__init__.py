"""Fitting rashomon's models on gold files: the cue model (``cues``) and the attribution confidence model
(``confidence``), both ``LogisticModel`` weights (``nlp/logistic.py``). Fitting needs scikit-learn (the
``bench`` extra).

Not part of the library: training may read ``rashomon.evaluate`` (the gold files, how answers are scored),
and nothing in the library imports it.
"""

from __future__ import annotations

from typing import Any, Protocol


class ProgressDisplay(Protocol):
    """How far training is, shown while the examples are gathered (rich's ``Progress`` is one): entered
    once the gold is read, a task per stage advanced a step at a time, left before the fitting."""

    def __enter__(self) -> ProgressDisplay: ...

    def __exit__(self, *exception) -> Any: ...

    def add_task(self, description: str, total: float | None = ...) -> Any: ...

    def advance(self, task_id: Any, advance: float = ...) -> None: ...


class Silent:
    """A progress display that shows nothing."""

    def __enter__(self) -> Silent:
        return self

    def __exit__(self, *exception) -> None:
        return None

    def add_task(self, description: str, total: float | None = None) -> int:
        return 0

    def advance(self, task_id: Any, advance: float = 1) -> None:
        return None
