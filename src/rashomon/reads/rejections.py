"""Every input that could not be used, and why."""

from __future__ import annotations

from rashomon.store import Store, reads
from rashomon.store.reads import StoredRejection

__all__ = ["StoredRejection", "rejections"]


def rejections(store: Store) -> list[StoredRejection]:
    """Rejected inputs, the last seen last; each ``as_dict()``: ``{"input", "stage", "reason", "times",
    "last_seen"}``."""
    with store.read() as connection:
        return reads.rejections(connection)
