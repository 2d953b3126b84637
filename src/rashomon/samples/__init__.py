"""The bundled sample corpus: five real articles (Dec 2021 – Jan 2022) on NATO enlargement, and the demo."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rashomon.ingest.session import IngestReport
    from rashomon.pipeline.runner import AnalyzeReport
    from rashomon.reads import Overview


def seed_paths() -> list[Path]:
    folder = resources.files("rashomon.samples") / "seeds"
    return sorted(Path(str(item)) for item in folder.iterdir() if item.name.endswith(".txt"))


def remove_store_files(path: Path) -> None:
    """Delete a SQLite store and its WAL side files, for a fresh demo."""
    for candidate in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        candidate.unlink(missing_ok=True)


@dataclass(frozen=True)
class DemoRun:
    ingested: IngestReport
    analyzed: AnalyzeReport
    overview: Overview


def demo(target: str, progress=None) -> DemoRun:
    """The sample corpus ingested and analyzed into a fresh SQLite store at ``target``, and its overview."""
    from rashomon.ingest.session import ingest
    from rashomon.pipeline.runner import analyze
    from rashomon.reads import overview
    from rashomon.settings import Settings
    from rashomon.store import Store

    remove_store_files(Path(target))
    settings = Settings.load(db=target)
    store = Store.open(settings.db)
    try:
        ingested = ingest(store, [str(path) for path in seed_paths()], settings, progress)
        analyzed = analyze(store, settings, progress)
        return DemoRun(ingested, analyzed, overview(store))
    finally:
        store.close()
