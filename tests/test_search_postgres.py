"""Search and the shared filters on a real PostgreSQL store: a server of its own, started for these tests from
the PostgreSQL binaries on the machine (skipped, saying why, where there are none or no psycopg)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from rashomon import reads
from rashomon.settings import Settings
from rashomon.store import Store
from tests.built import build

BINARIES = sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _as_server_user(command: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: as root, run it as nobody."""
    return ["runuser", "-u", "nobody", "--", *command] if os.geteuid() == 0 else command


@pytest.fixture(scope="module")
def postgres_url() -> Iterator[str]:
    pytest.importorskip("psycopg", reason="the postgres extra (psycopg) is not installed")
    if not BINARIES:
        pytest.skip("no PostgreSQL server binaries under /usr/lib/postgresql")
    bin_dir, folder = BINARIES[0], Path(tempfile.mkdtemp(prefix="rashomon-pg-"))
    if os.geteuid() == 0:
        shutil.chown(folder, "nobody")
    data, port = folder / "data", _free_port()
    subprocess.run(_as_server_user([str(bin_dir / "initdb"), "-D", str(data), "-A", "trust", "-U", "rashomon"]),
                   check=True, capture_output=True)
    subprocess.run(_as_server_user([str(bin_dir / "pg_ctl"), "-D", str(data), "-w", "-l", str(folder / "log"),
                                    "-o", f"-k {folder} -p {port} -h 127.0.0.1", "start"]),
                   check=True, capture_output=True)
    try:
        yield f"postgresql://rashomon@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(_as_server_user([str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
                       capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def pg_store(postgres_url: str, tmp_path: Path) -> Iterator[tuple[Store, Settings]]:
    store = Store.open(postgres_url)
    yield store, Settings.load(environ={}, db=postgres_url)
    with store.transaction() as connection:  # the next test starts from an empty database
        connection.exec_driver_sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    store.close()


def test_search_postgres_answers_search_by_its_own_full_text_with_the_same_filters(pg_store, tmp_path):
    store, settings = pg_store
    built = build(store, settings, tmp_path)
    first, second = built.first.id, built.second.id

    def found(query: str, **options) -> list[tuple[str, str, str]]:
        listing = reads.search(store, query, reads.Filter(**options), meaning=False)
        return sorted((hit.kind, hit.article_id, hit.text) for hit in listing.answer.hits)

    assert found("never promised") == [("quote", first, "never promised"), ("quote", second, "never promised")]
    assert found("resume") == [("article", first, "resume")]
    assert found("never promised", outlet="example herald") == [("quote", second, "never promised")]
    assert found("never promised", since=date(2021, 12, 24), speaker="stoltenberg") == [
        ("quote", second, "never promised")]
    assert found("never promised", speaker="putin") == []
    assert [a.id for a in reads.articles_page(store, reads.Filter(entity="nato"), reads.Page(sort="-date"))
            .answer.articles] == [second, first]
    quotes = reads.quotes_page(store, reads.QuoteFilter(story=1), reads.Page(limit=1, sort="outlet"))
    assert ([q.attribution.article_id for q in quotes.answer], quotes.total) == ([second], 2)
