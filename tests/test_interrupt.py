"""Stopping an ingest midway (kill -9, Ctrl-C) keeps what was committed; a re-run completes the rest."""

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

ARTICLES = 3000


def _dump(path):
    words = [f"w{i}" for i in range(5000)]
    rng = random.Random(7)
    with path.open("w") as stream:
        for number in range(ARTICLES):
            text = " ".join(rng.choice(words) for _ in range(120))
            stream.write(json.dumps({"id": str(number), "title": f"Article {number}", "text": text}) + "\n")


def _count(db):
    try:
        with sqlite3.connect(db) as connection:
            return connection.execute("select count(*), count(distinct identity) from articles").fetchone()
    except sqlite3.OperationalError:
        return (0, 0)


def _start(dump, db):
    env = {**os.environ, "RASHOMON_BATCH_SIZE": "25"}
    return subprocess.Popen([sys.executable, "-m", "rashomon", "ingest", str(dump), "--db", str(db), "--json"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)


def _wait_for_some_commits(process, db):
    deadline = time.monotonic() + 120
    while _count(db)[0] < 100:
        assert process.poll() is None, "ingest finished before it could be interrupted"
        assert time.monotonic() < deadline
        time.sleep(0.05)


@pytest.mark.parametrize("stop, exit_code", [(signal.SIGKILL, -9), (signal.SIGINT, 130)])
def test_interrupt_keeps_committed_batches_and_rerun_completes(tmp_path, stop, exit_code):
    dump, db = tmp_path / "big.jsonl", tmp_path / "store.db"
    _dump(dump)
    process = _start(dump, db)
    _wait_for_some_commits(process, db)
    process.send_signal(stop)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == exit_code
    if stop == signal.SIGINT:
        assert b"Interrupted: every committed batch is kept" in stderr
    kept, distinct = _count(db)
    assert 0 < kept < ARTICLES and kept == distinct and kept % 25 == 0

    rerun = _start(dump, db)
    stdout, _ = rerun.communicate(timeout=300)
    report = json.loads(stdout)
    assert rerun.returncode == 0
    assert (report["added"], report["unchanged"]) == (ARTICLES - kept, kept)
    assert _count(db) == (ARTICLES, ARTICLES)
