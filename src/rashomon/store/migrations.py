"""Schema migrations: named functions applied in order, each in its own transaction and recorded.

Each migration carries the DDL of its own version, written out as it was when the migration was added,
never built from the live schema in ``schema.py``: a store created by an older rashomon goes through
exactly the steps that a new store goes through, and a later change of ``schema.py`` cannot change what
an earlier migration did. A new table or column is a new migration at the end of ``MIGRATIONS``.

The DDL is written once for both backends: ``{BLOB}``, ``{DATETIME}`` and ``{SERIAL}`` (an integer key
the database numbers) become the type each dialect has for them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone

import sqlalchemy as sa

from rashomon.store import schema

Migration = Callable[[sa.Connection], None]

_TYPES = {
    "sqlite": {"BLOB": "BLOB", "DATETIME": "DATETIME", "SERIAL": "INTEGER"},
    "postgresql": {"BLOB": "BYTEA", "DATETIME": "TIMESTAMP WITH TIME ZONE", "SERIAL": "SERIAL"},
}


def _execute(connection: sa.Connection, script: str) -> None:
    """Run each statement of ``script`` with the dialect's names for the placeholder types."""
    types = _TYPES.get(connection.dialect.name, _TYPES["postgresql"])
    for statement in script.format(**types).split(";"):
        if statement.strip():
            connection.exec_driver_sql(statement)


def m0001_initial(connection: sa.Connection) -> None:
    """Articles, their revisions and fingerprints, rejections, feed entries seen."""
    _execute(connection, """
        CREATE TABLE articles (
            id VARCHAR(32) NOT NULL, identity TEXT NOT NULL, url TEXT, title TEXT, outlet TEXT, published DATE,
            authors JSON NOT NULL, language VARCHAR(16), text TEXT NOT NULL, content_hash VARCHAR(64) NOT NULL,
            origin TEXT NOT NULL, metadata JSON NOT NULL, copy_of VARCHAR(32), copy_similarity FLOAT,
            revision INTEGER NOT NULL, first_seen {DATETIME} NOT NULL, updated_at {DATETIME} NOT NULL,
            PRIMARY KEY (id), UNIQUE (identity), FOREIGN KEY(copy_of) REFERENCES articles (id));
        CREATE INDEX ix_articles_content_hash ON articles (content_hash);
        CREATE INDEX ix_articles_published ON articles (published);
        CREATE INDEX ix_articles_outlet ON articles (outlet);
        CREATE INDEX ix_articles_copy_of ON articles (copy_of);
        CREATE TABLE article_revisions (
            article_id VARCHAR(32) NOT NULL, revision INTEGER NOT NULL, title TEXT, text TEXT NOT NULL,
            content_hash VARCHAR(64) NOT NULL, origin TEXT NOT NULL, recorded_at {DATETIME} NOT NULL,
            PRIMARY KEY (article_id, revision), FOREIGN KEY(article_id) REFERENCES articles (id));
        CREATE TABLE fingerprints (
            article_id VARCHAR(32) NOT NULL, minhash {BLOB} NOT NULL,
            PRIMARY KEY (article_id), FOREIGN KEY(article_id) REFERENCES articles (id));
        CREATE TABLE rejections (
            id {SERIAL} NOT NULL, origin TEXT NOT NULL, stage VARCHAR(32) NOT NULL, reason TEXT NOT NULL,
            times INTEGER NOT NULL, first_seen {DATETIME} NOT NULL, last_seen {DATETIME} NOT NULL,
            PRIMARY KEY (id), CONSTRAINT uq_rejections_origin_reason UNIQUE (origin, stage, reason));
        CREATE TABLE feed_entries (
            feed TEXT NOT NULL, entry TEXT NOT NULL, link TEXT, article_id VARCHAR(32),
            seen_at {DATETIME} NOT NULL,
            PRIMARY KEY (feed, entry), FOREIGN KEY(article_id) REFERENCES articles (id))
    """)


def m0002_annotations(connection: sa.Connection) -> None:
    """Sentences and their vectors, quotations, entity mentions and canonical entities, dates."""
    _execute(connection, """
        CREATE TABLE annotations (
            article_id VARCHAR(32) NOT NULL, content_hash VARCHAR(64) NOT NULL, language VARCHAR(16),
            pipeline VARCHAR(100) NOT NULL, covered BOOLEAN NOT NULL, embedder VARCHAR(100) NOT NULL,
            article_vector {BLOB} NOT NULL, annotated_at {DATETIME} NOT NULL,
            PRIMARY KEY (article_id), FOREIGN KEY(article_id) REFERENCES articles (id));
        CREATE TABLE sentences (
            article_id VARCHAR(32) NOT NULL, idx INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            vector {BLOB} NOT NULL,
            PRIMARY KEY (article_id, idx), FOREIGN KEY(article_id) REFERENCES articles (id));
        CREATE TABLE quotations (
            article_id VARCHAR(32) NOT NULL, idx INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            PRIMARY KEY (article_id, idx), FOREIGN KEY(article_id) REFERENCES articles (id));
        CREATE TABLE entities (
            id VARCHAR(32) NOT NULL, label VARCHAR(16) NOT NULL, name TEXT NOT NULL, PRIMARY KEY (id));
        CREATE INDEX ix_entities_label ON entities (label);
        CREATE TABLE entity_names (
            "key" TEXT NOT NULL, entity_id VARCHAR(32) NOT NULL,
            PRIMARY KEY ("key"), FOREIGN KEY(entity_id) REFERENCES entities (id));
        CREATE INDEX ix_entity_names_entity ON entity_names (entity_id);
        CREATE TABLE mentions (
            article_id VARCHAR(32) NOT NULL, idx INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            text TEXT NOT NULL, label VARCHAR(16) NOT NULL, chain INTEGER NOT NULL, kind VARCHAR(16) NOT NULL,
            entity_id VARCHAR(32),
            PRIMARY KEY (article_id, idx), FOREIGN KEY(article_id) REFERENCES articles (id),
            FOREIGN KEY(entity_id) REFERENCES entities (id));
        CREATE INDEX ix_mentions_entity ON mentions (entity_id);
        CREATE TABLE date_mentions (
            article_id VARCHAR(32) NOT NULL, idx INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            text TEXT NOT NULL, value VARCHAR(64) NOT NULL, kind VARCHAR(16) NOT NULL, qualifier VARCHAR(32),
            PRIMARY KEY (article_id, idx), FOREIGN KEY(article_id) REFERENCES articles (id));
        CREATE INDEX ix_date_mentions_value ON date_mentions (value)
    """)


def m0003_attributions(connection: sa.Connection) -> None:
    """Who said what: content, cue and source spans, kind, speaker and when it was said."""
    _execute(connection, """
        CREATE TABLE attributions (
            article_id VARCHAR(32) NOT NULL, idx INTEGER NOT NULL, kind VARCHAR(16) NOT NULL,
            content JSON NOT NULL, cue JSON NOT NULL, source JSON NOT NULL, content_text TEXT NOT NULL,
            speaker_entity_id VARCHAR(32), spoken_on VARCHAR(64),
            PRIMARY KEY (article_id, idx), FOREIGN KEY(article_id) REFERENCES articles (id),
            FOREIGN KEY(speaker_entity_id) REFERENCES entities (id));
        CREATE INDEX ix_attributions_speaker ON attributions (speaker_entity_id)
    """)


def m0004_quote_groups(connection: sa.Connection) -> None:
    """One utterance across outlets: quote units (a sentence or clause of a content) and their groups."""
    _execute(connection, """
        CREATE TABLE quote_groups (
            id {SERIAL} NOT NULL, speaker_entity_id VARCHAR(32), representative {BLOB} NOT NULL,
            PRIMARY KEY (id), FOREIGN KEY(speaker_entity_id) REFERENCES entities (id));
        CREATE TABLE quote_units (
            article_id VARCHAR(32) NOT NULL, attribution_idx INTEGER NOT NULL, start INTEGER NOT NULL,
            "end" INTEGER NOT NULL, speaker_entity_id VARCHAR(32), group_id INTEGER, similarity FLOAT,
            PRIMARY KEY (article_id, attribution_idx, start), FOREIGN KEY(article_id) REFERENCES articles (id),
            FOREIGN KEY(speaker_entity_id) REFERENCES entities (id),
            FOREIGN KEY(group_id) REFERENCES quote_groups (id));
        CREATE INDEX ix_quote_units_group ON quote_units (group_id)
    """)


def m0005_clusters(connection: sa.Connection) -> None:
    """Stories and events: each article's event, why it went there, and the articles that moved on a merge."""
    _execute(connection, """
        CREATE TABLE stories (id INTEGER NOT NULL, PRIMARY KEY (id));
        CREATE TABLE events (
            id INTEGER NOT NULL, story_id INTEGER NOT NULL,
            PRIMARY KEY (id), FOREIGN KEY(story_id) REFERENCES stories (id));
        CREATE INDEX ix_events_story ON events (story_id);
        CREATE TABLE cluster_members (
            article_id VARCHAR(32) NOT NULL, seq INTEGER NOT NULL, event_id INTEGER NOT NULL,
            profile JSON NOT NULL, explanation JSON NOT NULL, clustered_at {DATETIME} NOT NULL,
            PRIMARY KEY (article_id), FOREIGN KEY(article_id) REFERENCES articles (id), UNIQUE (seq),
            FOREIGN KEY(event_id) REFERENCES events (id));
        CREATE INDEX ix_cluster_members_event ON cluster_members (event_id);
        CREATE TABLE cluster_moves (
            id {SERIAL} NOT NULL, article_id VARCHAR(32) NOT NULL, from_event INTEGER NOT NULL,
            to_event INTEGER NOT NULL, because VARCHAR(32) NOT NULL, moved_at {DATETIME} NOT NULL,
            PRIMARY KEY (id), FOREIGN KEY(article_id) REFERENCES articles (id),
            FOREIGN KEY(because) REFERENCES articles (id))
    """)


def m0006_attribution_confidence(connection: sa.Connection) -> None:
    """How far each attribution's source can be trusted: the confidence model's probability."""
    columns = {column["name"] for column in sa.inspect(connection).get_columns("attributions")}
    if "confidence" not in columns:  # stores created by rashomon 0.1 between m0003 and m0006 have it
        connection.exec_driver_sql("ALTER TABLE attributions ADD COLUMN confidence FLOAT")


def m0007_facts(connection: sa.Connection) -> None:
    """Facts (one claim within an event, each article's wording of it), their divergences, and the member
    signature each event was last compared at. Event ids are not foreign keys: a merge deletes the event,
    and the comparing stage then deletes its facts."""
    _execute(connection, """
        CREATE TABLE compared_events (
            event_id INTEGER NOT NULL, signature VARCHAR(64) NOT NULL, compared_at {DATETIME} NOT NULL,
            PRIMARY KEY (event_id));
        CREATE TABLE facts (
            id INTEGER NOT NULL, event_id INTEGER NOT NULL, kind VARCHAR(16) NOT NULL, PRIMARY KEY (id));
        CREATE INDEX ix_facts_event ON facts (event_id);
        CREATE TABLE fact_reports (
            fact_id INTEGER NOT NULL, article_id VARCHAR(32) NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            attribution_idx INTEGER, similarity FLOAT,
            PRIMARY KEY (fact_id, article_id), FOREIGN KEY(fact_id) REFERENCES facts (id),
            FOREIGN KEY(article_id) REFERENCES articles (id));
        CREATE INDEX ix_fact_reports_article ON fact_reports (article_id);
        CREATE TABLE divergences (
            id {SERIAL} NOT NULL, fact_id INTEGER NOT NULL, kind VARCHAR(16) NOT NULL,
            first_article VARCHAR(32) NOT NULL, first_start INTEGER NOT NULL, first_end INTEGER NOT NULL,
            second_article VARCHAR(32) NOT NULL, second_start INTEGER NOT NULL, second_end INTEGER NOT NULL,
            reason TEXT NOT NULL, confidence FLOAT NOT NULL,
            PRIMARY KEY (id), FOREIGN KEY(fact_id) REFERENCES facts (id),
            FOREIGN KEY(first_article) REFERENCES articles (id), FOREIGN KEY(second_article) REFERENCES articles (id));
        CREATE INDEX ix_divergences_fact ON divergences (fact_id)
    """)


def m0008_fact_gists(connection: sa.Connection) -> None:
    """Each fact's gist (its first report's vector and anchors), by which facts of different events of a story
    are known as one. Facts stored before have none: every event is compared again on the next run."""
    _execute(connection, """
        ALTER TABLE facts ADD COLUMN vector {BLOB};
        ALTER TABLE facts ADD COLUMN gist JSON;
        DELETE FROM compared_events
    """)


def m0009_outlet_names(connection: sa.Connection) -> None:
    """One name per outlet in stores made before ingest gave them ("NYT", "nyt" → The New York Times): each
    article's outlet as the bundled outlet table names it (an unknown one under its first stored spelling),
    the name it had kept in its metadata as ``outlet_as_given``, and the clusterer's record of it alike.
    Identities are untouched: they rest on the name as the input gave it."""
    from rashomon.extract.outlets import OutletNames

    rows = connection.execute(sa.text("SELECT id, outlet, metadata FROM articles WHERE outlet IS NOT NULL "
                                      "ORDER BY first_seen, id").columns(metadata=sa.JSON)).all()
    names = OutletNames.load("", seen=())
    update_article = sa.text("UPDATE articles SET outlet = :outlet, metadata = :metadata WHERE id = :id") \
        .bindparams(sa.bindparam("metadata", type_=sa.JSON))
    for row in rows:
        name = names.name(row.outlet)
        if name != row.outlet:
            metadata = {**(row.metadata or {}), "outlet_as_given": row.outlet}
            connection.execute(update_article, {"outlet": name, "metadata": metadata, "id": row.id})
            _rename_in_profile(connection, row.id, name)


def _rename_in_profile(connection: sa.Connection, article_id: str, outlet: str) -> None:
    found = connection.execute(sa.text("SELECT profile FROM cluster_members WHERE article_id = :id")
                               .columns(profile=sa.JSON), {"id": article_id}).first()
    if found is not None:
        profile = {**found.profile, "outlet": outlet.casefold()}
        connection.execute(sa.text("UPDATE cluster_members SET profile = :profile WHERE article_id = :id")
                           .bindparams(sa.bindparam("profile", type_=sa.JSON)), {"profile": profile, "id": article_id})
def m0010_search_index(connection: sa.Connection) -> None:
    """Full-text search over articles (title and text) and attributions (their words). SQLite: one FTS5
    index (contentless: the words stay in their tables) keyed by ``search_documents``, whose integer key a
    VACUUM cannot renumber, kept up to date by triggers on every insert, update and delete, and filled now
    from what the store holds. PostgreSQL: GIN indexes over the same words as ``to_tsvector('simple', …)``."""
    if connection.dialect.name == "sqlite":
        for statement in _SQLITE_SEARCH_INDEX:
            connection.exec_driver_sql(statement)
    else:
        _execute(connection, """
            CREATE INDEX IF NOT EXISTS ix_articles_search ON articles
                USING GIN (to_tsvector('simple', coalesce(title, '') || ' ' || text));
            CREATE INDEX IF NOT EXISTS ix_attributions_search ON attributions
                USING GIN (to_tsvector('simple', content_text))
        """)


# A document is an article (attribution_idx -1: its title and text) or an attribution (its words).
_SQLITE_SEARCH_INDEX = (
    """CREATE TABLE IF NOT EXISTS search_documents (
        id INTEGER NOT NULL, article_id VARCHAR(32) NOT NULL, attribution_idx INTEGER NOT NULL,
        PRIMARY KEY (id), UNIQUE (article_id, attribution_idx))""",
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_index USING fts5(title, body, content='', "
    "tokenize='porter unicode61 remove_diacritics 2')",
    """CREATE TRIGGER IF NOT EXISTS search_article_added AFTER INSERT ON articles BEGIN
        INSERT INTO search_documents (article_id, attribution_idx) VALUES (new.id, -1);
        INSERT INTO search_index (rowid, title, body) VALUES (last_insert_rowid(), coalesce(new.title, ''), new.text);
    END""",
    """CREATE TRIGGER IF NOT EXISTS search_article_revised AFTER UPDATE OF title, text ON articles BEGIN
        INSERT INTO search_index (search_index, rowid, title, body) SELECT 'delete', id, coalesce(old.title, ''),
            old.text FROM search_documents WHERE article_id = old.id AND attribution_idx = -1;
        INSERT INTO search_index (rowid, title, body) SELECT id, coalesce(new.title, ''), new.text
            FROM search_documents WHERE article_id = new.id AND attribution_idx = -1;
    END""",
    """CREATE TRIGGER IF NOT EXISTS search_article_removed AFTER DELETE ON articles BEGIN
        INSERT INTO search_index (search_index, rowid, title, body) SELECT 'delete', id, coalesce(old.title, ''),
            old.text FROM search_documents WHERE article_id = old.id AND attribution_idx = -1;
        DELETE FROM search_documents WHERE article_id = old.id AND attribution_idx = -1;
    END""",
    """CREATE TRIGGER IF NOT EXISTS search_attribution_added AFTER INSERT ON attributions BEGIN
        INSERT INTO search_documents (article_id, attribution_idx) VALUES (new.article_id, new.idx);
        INSERT INTO search_index (rowid, title, body) VALUES (last_insert_rowid(), '', new.content_text);
    END""",
    """CREATE TRIGGER IF NOT EXISTS search_attribution_revised AFTER UPDATE OF content_text ON attributions BEGIN
        INSERT INTO search_index (search_index, rowid, title, body) SELECT 'delete', id, '', old.content_text
            FROM search_documents WHERE article_id = old.article_id AND attribution_idx = old.idx;
        INSERT INTO search_index (rowid, title, body) SELECT id, '', new.content_text
            FROM search_documents WHERE article_id = new.article_id AND attribution_idx = new.idx;
    END""",
    """CREATE TRIGGER IF NOT EXISTS search_attribution_removed AFTER DELETE ON attributions BEGIN
        INSERT INTO search_index (search_index, rowid, title, body) SELECT 'delete', id, '', old.content_text
            FROM search_documents WHERE article_id = old.article_id AND attribution_idx = old.idx;
        DELETE FROM search_documents WHERE article_id = old.article_id AND attribution_idx = old.idx;
    END""",
    # filled afresh from what the store holds: run again on any state, it gives the same index
    "DELETE FROM search_documents",
    "INSERT INTO search_index (search_index) VALUES ('delete-all')",
    "INSERT INTO search_documents (article_id, attribution_idx) SELECT id, -1 FROM articles",
    "INSERT INTO search_documents (article_id, attribution_idx) SELECT article_id, idx FROM attributions",
    """INSERT INTO search_index (rowid, title, body) SELECT d.id, coalesce(a.title, ''), a.text
        FROM search_documents d JOIN articles a ON a.id = d.article_id WHERE d.attribution_idx = -1""",
    """INSERT INTO search_index (rowid, title, body) SELECT d.id, '', t.content_text
        FROM search_documents d JOIN attributions t ON t.article_id = d.article_id AND t.idx = d.attribution_idx""",
)


MIGRATIONS: tuple[Migration, ...] = (m0001_initial, m0002_annotations, m0003_attributions, m0004_quote_groups,
                                     m0005_clusters, m0006_attribution_confidence, m0007_facts, m0008_fact_gists,
                                     m0009_outlet_names, m0010_search_index)


def applied(connection: sa.Connection) -> set[str]:
    return set(connection.scalars(sa.select(schema.migrations.c.name)))


def migrate(engine: sa.Engine, upto: int | None = None) -> list[str]:
    """Apply every migration not yet recorded (or the first ``upto`` of them); return the names applied now."""
    with engine.begin() as connection:
        schema.migrations.create(connection, checkfirst=True)
    done: list[str] = []
    for migration in MIGRATIONS[:upto]:
        with engine.begin() as connection:
            if migration.__name__ in applied(connection):
                continue
            migration(connection)
            connection.execute(schema.migrations.insert().values(
                name=migration.__name__, applied_at=datetime.now(timezone.utc)))
            done.append(migration.__name__)
    return done
