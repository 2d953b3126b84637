"""Ctrl-C that is never lost: long loops stop at their next check even if Python swallowed the signal.

Python raises ``KeyboardInterrupt`` wherever the main thread happens to be when SIGINT arrives. If
that is inside a finalizer (a garbage-collected future, cursor or file), the exception is printed as
"Exception ignored" and dropped, and the work would run on to the end as if nothing had happened.
``InterruptWatch`` keeps the usual behaviour (the exception still breaks out of a long wait) and also
remembers the signal, so ``check()`` between two units of work raises it again.
"""

from __future__ import annotations

import signal
import threading


class InterruptWatch:
    def __init__(self) -> None:
        self.requested = False
        self._previous = None

    def __enter__(self) -> InterruptWatch:
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGINT, self._on_interrupt)
        return self

    def __exit__(self, *exc_info) -> None:
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)

    def _on_interrupt(self, signum, frame) -> None:
        self.requested = True
        raise KeyboardInterrupt

    def check(self) -> None:
        """Raise ``KeyboardInterrupt`` if Ctrl-C came, even when its first raising was swallowed."""
        if self.requested:
            raise KeyboardInterrupt
