"""The bundled sample corpus: five real articles (Dec 2021 – Jan 2022) on NATO enlargement."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def seed_paths() -> list[Path]:
    folder = resources.files("rashomon.samples") / "seeds"
    return sorted(Path(str(item)) for item in folder.iterdir() if item.name.endswith(".txt"))


def remove_store_files(path: Path) -> None:
    """Delete a SQLite store and its WAL side files, for a fresh demo."""
    for candidate in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        candidate.unlink(missing_ok=True)
