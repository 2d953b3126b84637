"""A Ctrl-C that Python swallowed (raised inside a finalizer) still stops the work at the next check."""

import gc
import os
import signal

import pytest

from rashomon.pipeline.interrupts import InterruptWatch


class _InterruptsWhenCollected:
    def __del__(self):
        os.kill(os.getpid(), signal.SIGINT)  # the KeyboardInterrupt raised here is printed and dropped


def _work(interrupts, steps):
    done = 0
    for _ in range(steps):
        interrupts.check()
        _InterruptsWhenCollected()
        gc.collect()
        done += 1
    return done


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_interrupt_watch_an_interrupt_swallowed_by_a_finalizer_stops_at_the_next_check():
    with pytest.raises(KeyboardInterrupt), InterruptWatch() as interrupts:
        _work(interrupts, 5)
    assert interrupts.requested


def test_interrupt_watch_the_previous_handler_is_back_afterwards():
    before = signal.getsignal(signal.SIGINT)
    with InterruptWatch():
        assert signal.getsignal(signal.SIGINT) is not before
    assert signal.getsignal(signal.SIGINT) is before


def test_interrupt_watch_no_interrupt_no_stop():
    with InterruptWatch() as interrupts:
        interrupts.check()
    assert not interrupts.requested
