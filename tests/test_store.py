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
