import sqlalchemy as sa

from rashomon.records import Rejection
from rashomon.store import Store, schema, writes
from rashomon.store.migrations import MIGRATIONS


def test_store_migrations_are_recorded_and_applied_once(settings):
    first = Store.open(settings.db)
    second = Store.open(settings.db)
    with second.read() as connection:
        names = connection.scalars(sa.select(schema.migrations.c.name)).all()
        mode = connection.exec_driver_sql("PRAGMA journal_mode").scalar()
    assert names == [migration.__name__ for migration in MIGRATIONS]
    assert mode == "wal"
    first.close()
    second.close()


def test_store_failed_transaction_leaves_nothing(store):
    try:
        with store.transaction() as connection:
            writes.save_rejection(connection, Rejection("x.txt", "empty file"))
            raise KeyboardInterrupt
    except KeyboardInterrupt:
        pass
    with store.read() as connection:
        assert connection.scalar(sa.select(sa.func.count()).select_from(schema.rejections)) == 0


def test_store_schema_is_dialect_neutral():
    from sqlalchemy.dialects import postgresql
    from sqlalchemy.schema import CreateTable

    for table in schema.metadata.sorted_tables:
        assert "CREATE TABLE" in str(CreateTable(table).compile(dialect=postgresql.dialect()))


def _tables(inspector) -> list[str]:
    """The tables SQLAlchemy can declare (the full-text index of m0010 is SQLite's own)."""
    return [table for table in inspector.get_table_names() if table not in schema.FULL_TEXT_TABLES]


def _columns(engine) -> dict:
    inspector = sa.inspect(engine)
    return {table: [(c["name"], type(c["type"]).__name__, c["nullable"]) for c in inspector.get_columns(table)]
            for table in _tables(inspector)}


def _keys(engine) -> dict:
    inspector = sa.inspect(engine)
    return {table: (inspector.get_pk_constraint(table)["constrained_columns"],
                    sorted((fk["constrained_columns"], fk["referred_table"]) for fk in inspector.get_foreign_keys(table)),
                    sorted((ix["name"], ix["column_names"]) for ix in inspector.get_indexes(table)),
                    sorted(tuple(u["column_names"]) for u in inspector.get_unique_constraints(table)))
            for table in _tables(inspector)}


def test_store_migrations_build_the_schema_the_code_reads(settings, tmp_path):
    """The DDL of the migrations, applied to an empty store, gives every table, column, type, key and index
    of schema.py, as SQLAlchemy would create them from it."""
    store = Store.open(settings.db)
    live = sa.create_engine(f"sqlite:///{tmp_path / 'live.db'}")
    schema.metadata.create_all(live)
    assert _columns(store.engine) == _columns(live)
    assert _keys(store.engine) == _keys(live)
    store.close()
    live.dispose()


def test_store_an_older_store_is_migrated_and_keeps_its_articles(tmp_path, settings):
    """A store made by a rashomon that knew only the first two migrations, with an article in it, opens as a
    store of today with the article as it was and every table there."""
    from rashomon.extract import extract
    from rashomon.records import Page
    from rashomon.store.migrations import migrate

    old = sa.create_engine(f"sqlite:///{tmp_path / 'old.db'}")
    assert migrate(old, upto=2) == ["m0001_initial", "m0002_annotations"]
    article = extract(Page("a.txt", "text", b"Stoltenberg said NATO never promised not to expand."), settings)
    with old.begin() as connection:
        writes.save_article(connection, article)
        writes.save_rejection(connection, Rejection("x.txt", "empty file"))
    old.dispose()
    assert "attributions" not in _columns(sa.create_engine(f"sqlite:///{tmp_path / 'old.db'}"))

    store = Store.open(str(tmp_path / "old.db"))
    fresh = Store.open(str(tmp_path / "fresh.db"))
    assert _columns(store.engine) == _columns(fresh.engine)
    with store.read() as connection:
        names = connection.scalars(sa.select(schema.migrations.c.name)).all()
        text = connection.scalar(sa.select(schema.articles.c.text))
    assert names == [migration.__name__ for migration in MIGRATIONS]
    assert text == article.text
    store.close()
    fresh.close()


def test_store_a_store_created_from_the_schema_of_an_earlier_release_opens_unchanged(tmp_path):
    """Stores of rashomon 0.1 were created from the live schema with every migration recorded: opening one
    applies nothing and loses nothing."""
    from datetime import datetime, timezone

    engine = sa.create_engine(f"sqlite:///{tmp_path / 'early.db'}")
    with engine.begin() as connection:
        schema.metadata.create_all(connection)
        connection.execute(schema.migrations.insert(), [
            {"name": migration.__name__, "applied_at": datetime.now(timezone.utc)} for migration in MIGRATIONS])
    engine.dispose()
    store = Store.open(str(tmp_path / "early.db"))
    assert _columns(store.engine)["attributions"][-1][0] == "confidence"
    store.close()


def test_store_writes_are_idempotent_and_revise(store, settings):
    from rashomon.extract import extract
    from rashomon.records import Page

    first = extract(Page("a.txt", "text", b"NATO never promised not to expand, Stoltenberg said."), settings)
    with store.transaction() as connection:
        assert writes.save_article(connection, first)[0] == "added"
        assert writes.save_article(connection, first)[0] == "unchanged"
        writes.save_rejection(connection, Rejection("x.txt", "empty file"))
        writes.save_rejection(connection, Rejection("x.txt", "empty file"))
    with store.read() as connection:
        assert connection.scalar(sa.select(schema.rejections.c.times)) == 2
        assert connection.scalar(sa.select(sa.func.count()).select_from(schema.articles)) == 1


def test_store_a_copy_edge_repoints_the_copies_of_the_copy(store, settings):
    from rashomon.extract import extract
    from rashomon.records import CopyEdge, Page

    texts = [b"A wire story about NATO and what was promised in 1990.", b"A reprint.", b"A later reprint."]
    wire, reprint, later = (extract(Page(f"{i}.txt", "text", text), settings) for i, text in enumerate(texts))
    with store.transaction() as connection:
        for article in (wire, reprint, later):
            writes.save_article(connection, article)
        writes.save_copy_edge(connection, CopyEdge(original_id=reprint.id, copy_id=later.id, similarity=0.9))
        writes.save_copy_edge(connection, CopyEdge(original_id=wire.id, copy_id=reprint.id, similarity=0.95))
    with store.read() as connection:
        copies = dict(connection.execute(sa.select(schema.articles.c.id, schema.articles.c.copy_of)).all())
    assert copies == {wire.id: None, reprint.id: wire.id, later.id: wire.id}


def test_store_files_name_the_sqlite_file_and_its_side_files(store, settings):
    from pathlib import Path

    database = Path(settings.db).resolve()
    assert store.files() == {database, database.with_name("store.db-wal"), database.with_name("store.db-shm")}
