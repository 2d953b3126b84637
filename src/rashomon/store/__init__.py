"""One store interface over SQLite (the default: one file, WAL) and, by URL, PostgreSQL.

    schema.py      the tables, as the code reads and writes them now
    migrations.py  how a store of any earlier version becomes one of this version (each with its own DDL)
    writes.py      idempotent upserts, inside the caller's transaction
    stage_io/      what the runners read for each stage and how they store what it produced
    reads.py       the queries of the read side (``rashomon.reads`` turns them into answers)
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa

from rashomon.errors import StoreError
from rashomon.store.migrations import migrate

Connection = sa.Connection  # what the runners pass to stage_io and writes


def _engine_url(target: str) -> str:
    if target.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + target.split("://", 1)[1]
    if "://" in target:
        return target
    path = Path(target).expanduser()
    if path.is_dir():
        raise StoreError(f"store {target}: is a folder, expected a database file")
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"


def _tune_sqlite(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


class Store:
    """A migrated database; ``read()`` and ``transaction()`` hand out connections."""

    def __init__(self, engine: sa.Engine, target: str):
        self.engine = engine
        self.target = target

    @classmethod
    def open(cls, target: str) -> "Store":
        url = _engine_url(target)
        try:
            engine = sa.create_engine(url)
        except (sa.exc.ArgumentError, sa.exc.NoSuchModuleError, ModuleNotFoundError) as error:
            raise StoreError(f"store {target}: cannot open ({error})") from None
        if engine.dialect.name == "sqlite":
            sa.event.listen(engine, "connect", _tune_sqlite)
        try:
            migrate(engine)
        except sa.exc.DatabaseError as error:
            raise StoreError(f"store {target}: not a usable database ({error.orig})") from None
        return cls(engine, target)

    @contextmanager
    def read(self) -> Iterator[sa.Connection]:
        with self.engine.connect() as connection:
            yield connection

    @contextmanager
    def transaction(self) -> Iterator[sa.Connection]:
        """Commit on success, roll back everything on any exception, KeyboardInterrupt included."""
        with self.engine.begin() as connection:
            yield connection

    @contextmanager
    def batches(self) -> Iterator[Batches]:
        """One connection for a long run that commits batch by batch (see ``Batches``)."""
        with self.engine.connect() as connection:
            yield Batches(connection)

    def files(self) -> frozenset[Path]:
        """The files that hold the store (a SQLite file and its WAL side files); none for a server."""
        if self.engine.dialect.name != "sqlite" or not self.engine.url.database:
            return frozenset()
        database = Path(self.engine.url.database).resolve()
        return frozenset({database, database.with_name(database.name + "-wal"),
                          database.with_name(database.name + "-shm")})

    def close(self) -> None:
        self.engine.dispose()


class Batches:
    """A long run's writes, committed a batch at a time: what a batch wrote is kept whole or not at all.

    Reads and writes between two commits go through ``connection`` and see each other; ``commit()``
    ends the batch, ``rollback()`` drops it (an interrupted run keeps every batch committed before).
    """

    def __init__(self, connection: sa.Connection):
        self.connection = connection

    def commit(self) -> None:
        self.connection.commit()

    def rollback(self) -> None:
        self.connection.rollback()


def open_store(target: str, create: bool = True) -> Store:
    """The store at ``target``; with ``create=False`` (every command that only reads) a SQLite file that
    does not exist is an error naming it, never a new empty store."""
    if not create and "://" not in target and not Path(target).expanduser().is_file():
        raise StoreError(f"no store at {target}: nothing has been ingested there (run `rashomon ingest … "
                         f"--db {target}` first; without --db the store is ./rashomon.db, or $RASHOMON_DB)")
    return Store.open(target)
