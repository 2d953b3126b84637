"""Schema migrations: named functions applied in order, each in its own transaction and recorded."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone

import sqlalchemy as sa

from rashomon.store import schema

Migration = Callable[[sa.Connection], None]


def m0001_initial(connection: sa.Connection) -> None:
    """Articles, their revisions and fingerprints, rejections, feed entries seen."""
    tables = [schema.articles, schema.article_revisions, schema.fingerprints,
              schema.rejections, schema.feed_entries]
    schema.metadata.create_all(connection, tables=tables)


def m0002_annotations(connection: sa.Connection) -> None:
    """Sentences and their vectors, quotations, entity mentions and canonical entities, dates."""
    tables = [schema.annotations, schema.sentences, schema.quotations, schema.entities,
              schema.entity_names, schema.mentions, schema.date_mentions]
    schema.metadata.create_all(connection, tables=tables)


def m0003_attributions(connection: sa.Connection) -> None:
    """Who said what: content, cue and source spans, kind, speaker and when it was said."""
    schema.metadata.create_all(connection, tables=[schema.attributions])


def m0004_quote_groups(connection: sa.Connection) -> None:
    """One utterance across outlets: quote units (a sentence or clause of a content) and their groups."""
    schema.metadata.create_all(connection, tables=[schema.quote_groups, schema.quote_units])


def m0005_clusters(connection: sa.Connection) -> None:
    """Stories and events: each article's event, why it went there, and the articles that moved on a merge."""
    schema.metadata.create_all(connection, tables=[schema.stories, schema.events, schema.cluster_members,
                                                   schema.cluster_moves])


def m0006_attribution_confidence(connection: sa.Connection) -> None:
    """How far each attribution's source can be trusted: the confidence model's probability."""
    columns = {column["name"] for column in sa.inspect(connection).get_columns("attributions")}
    if "confidence" not in columns:  # a store created at this version already has it
        connection.execute(sa.text("ALTER TABLE attributions ADD COLUMN confidence FLOAT"))


MIGRATIONS: tuple[Migration, ...] = (m0001_initial, m0002_annotations, m0003_attributions, m0004_quote_groups,
                                     m0005_clusters, m0006_attribution_confidence)


def applied(connection: sa.Connection) -> set[str]:
    return set(connection.scalars(sa.select(schema.migrations.c.name)))


def migrate(engine: sa.Engine) -> list[str]:
    """Apply every migration not yet recorded; return the names applied now."""
    with engine.begin() as connection:
        schema.migrations.create(connection, checkfirst=True)
    done: list[str] = []
    for migration in MIGRATIONS:
        with engine.begin() as connection:
            if migration.__name__ in applied(connection):
                continue
            migration(connection)
            connection.execute(schema.migrations.insert().values(
                name=migration.__name__, applied_at=datetime.now(timezone.utc)))
            done.append(migration.__name__)
    return done
