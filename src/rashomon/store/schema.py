"""The tables of the store, in SQLAlchemy Core so that SQLite and PostgreSQL read the same schema.

Types stay dialect-neutral: text ids, ISO dates as Date, JSON documents as JSON, vectors and
signatures as LargeBinary.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()


def _spans_in_articles(name: str, *columns: sa.Column | sa.Index) -> sa.Table:
    """A table of annotation rows, each keyed by its article and number, with the characters it covers."""
    return sa.Table(name, metadata,
                    sa.Column("article_id", sa.String(32), sa.ForeignKey("articles.id"), primary_key=True),
                    sa.Column("idx", sa.Integer, primary_key=True),
                    sa.Column("start", sa.Integer, nullable=False),
                    sa.Column("end", sa.Integer, nullable=False), *columns)


migrations = sa.Table(
    "migrations",
    metadata,
    sa.Column("name", sa.String(200), primary_key=True),
    sa.Column("applied_at", sa.DateTime(timezone=True), nullable=False),
)

articles = sa.Table(
    "articles",
    metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column("identity", sa.Text, nullable=False, unique=True),
    sa.Column("url", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("outlet", sa.Text),
    sa.Column("published", sa.Date),
    sa.Column("authors", sa.JSON, nullable=False),
    sa.Column("language", sa.String(16)),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("content_hash", sa.String(64), nullable=False),
    sa.Column("origin", sa.Text, nullable=False),
    sa.Column("metadata", sa.JSON, nullable=False),
    sa.Column("copy_of", sa.String(32), sa.ForeignKey("articles.id")),
    sa.Column("copy_similarity", sa.Float),
    sa.Column("revision", sa.Integer, nullable=False),
    sa.Column("first_seen", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    sa.Index("ix_articles_content_hash", "content_hash"),
    sa.Index("ix_articles_published", "published"),
    sa.Index("ix_articles_outlet", "outlet"),
    sa.Index("ix_articles_copy_of", "copy_of"),
)

article_revisions = sa.Table(
    "article_revisions",
    metadata,
    sa.Column("article_id", sa.String(32), sa.ForeignKey("articles.id"), primary_key=True),
    sa.Column("revision", sa.Integer, primary_key=True),
    sa.Column("title", sa.Text),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("content_hash", sa.String(64), nullable=False),
    sa.Column("origin", sa.Text, nullable=False),
    sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
)

fingerprints = sa.Table(
    "fingerprints",
    metadata,
    sa.Column("article_id", sa.String(32), sa.ForeignKey("articles.id"), primary_key=True),
    sa.Column("minhash", sa.LargeBinary, nullable=False),
)

rejections = sa.Table(
    "rejections",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("origin", sa.Text, nullable=False),
    sa.Column("stage", sa.String(32), nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("times", sa.Integer, nullable=False),
    sa.Column("first_seen", sa.DateTime(timezone=True), nullable=False),
    sa.Column("last_seen", sa.DateTime(timezone=True), nullable=False),
    sa.UniqueConstraint("origin", "stage", "reason", name="uq_rejections_origin_reason"),
)

feed_entries = sa.Table(
    "feed_entries",
    metadata,
    sa.Column("feed", sa.Text, primary_key=True),
    sa.Column("entry", sa.Text, primary_key=True),
    sa.Column("link", sa.Text),
    sa.Column("article_id", sa.String(32), sa.ForeignKey("articles.id")),
    sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
)

# -- annotations (migration m0002) -------------------------------------------------------------

annotations = sa.Table(
    "annotations",
    metadata,
    sa.Column("article_id", sa.String(32), sa.ForeignKey("articles.id"), primary_key=True),
    sa.Column("content_hash", sa.String(64), nullable=False),  # the text revision annotated
    sa.Column("language", sa.String(16)),
    sa.Column("pipeline", sa.String(100), nullable=False),
    sa.Column("covered", sa.Boolean, nullable=False),  # False: the language has no full pipeline
    sa.Column("embedder", sa.String(100), nullable=False),
    sa.Column("article_vector", sa.LargeBinary, nullable=False),
    sa.Column("annotated_at", sa.DateTime(timezone=True), nullable=False),
)

sentences = _spans_in_articles("sentences", sa.Column("vector", sa.LargeBinary, nullable=False))

quotations = _spans_in_articles("quotations")

entities = sa.Table(
    "entities",
    metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column("label", sa.String(16), nullable=False),
    sa.Column("name", sa.Text, nullable=False),
    sa.Index("ix_entities_label", "label"),
)

entity_names = sa.Table(
    "entity_names",
    metadata,
    sa.Column("key", sa.Text, primary_key=True),  # "<label family>:<lower-cased name>"
    sa.Column("entity_id", sa.String(32), sa.ForeignKey("entities.id"), nullable=False),
    sa.Index("ix_entity_names_entity", "entity_id"),
)

mentions = _spans_in_articles(
    "mentions",
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("label", sa.String(16), nullable=False),
    sa.Column("chain", sa.Integer, nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),  # name, description, pronoun
    sa.Column("entity_id", sa.String(32), sa.ForeignKey("entities.id")),
    sa.Index("ix_mentions_entity", "entity_id"),
)

date_mentions = _spans_in_articles(
    "date_mentions",
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("value", sa.String(64), nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("qualifier", sa.String(32)),
    sa.Index("ix_date_mentions_value", "value"),
)

ANNOTATION_TABLES = (sentences, quotations, mentions, date_mentions)

# -- attributions (migration m0003) ------------------------------------------------------------

attributions = sa.Table(
    "attributions",
    metadata,
    sa.Column("article_id", sa.String(32), sa.ForeignKey("articles.id"), primary_key=True),
    sa.Column("idx", sa.Integer, primary_key=True),
    sa.Column("kind", sa.String(16), nullable=False),  # direct, indirect, mixed
    sa.Column("content", sa.JSON, nullable=False),  # [[start, end], …]: may be discontinuous
    sa.Column("cue", sa.JSON, nullable=False),
    sa.Column("source", sa.JSON, nullable=False),
    sa.Column("content_text", sa.Text, nullable=False),
    sa.Column("speaker_entity_id", sa.String(32), sa.ForeignKey("entities.id")),
    sa.Column("spoken_on", sa.String(64)),
    sa.Column("confidence", sa.Float),  # that the source is right (migration m0006); null: not judged
    sa.Index("ix_attributions_speaker", "speaker_entity_id"),
)

ANNOTATION_TABLES = (*ANNOTATION_TABLES, attributions)

# -- quote groups (migration m0004) -------------------------------------------------------------

quote_groups = sa.Table(
    "quote_groups",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("speaker_entity_id", sa.String(32), sa.ForeignKey("entities.id")),
    sa.Column("representative", sa.LargeBinary, nullable=False),  # the first member's vector
)

quote_units = sa.Table(
    "quote_units",
    metadata,
    sa.Column("article_id", sa.String(32), sa.ForeignKey("articles.id"), primary_key=True),
    sa.Column("attribution_idx", sa.Integer, primary_key=True),
    sa.Column("start", sa.Integer, primary_key=True),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("speaker_entity_id", sa.String(32), sa.ForeignKey("entities.id")),
    sa.Column("group_id", sa.Integer, sa.ForeignKey("quote_groups.id")),
    sa.Column("similarity", sa.Float),  # to the group's representative
    sa.Index("ix_quote_units_group", "group_id"),
)

# -- stories and events (migration m0005) ------------------------------------------------------

stories = sa.Table(
    "stories",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
)

events = sa.Table(
    "events",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("story_id", sa.Integer, sa.ForeignKey("stories.id"), nullable=False),
    sa.Index("ix_events_story", "story_id"),
)

cluster_members = sa.Table(
    "cluster_members",
    metadata,
    sa.Column("article_id", sa.String(32), sa.ForeignKey("articles.id"), primary_key=True),
    sa.Column("seq", sa.Integer, nullable=False, unique=True),  # the order articles were clustered in
    sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id"), nullable=False),
    sa.Column("profile", sa.JSON, nullable=False),  # words and entities the clusterer compared
    sa.Column("explanation", sa.JSON, nullable=False),  # candidates, features, thresholds, decision
    sa.Column("clustered_at", sa.DateTime(timezone=True), nullable=False),
    sa.Index("ix_cluster_members_event", "event_id"),
)

cluster_moves = sa.Table(
    "cluster_moves",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("article_id", sa.String(32), sa.ForeignKey("articles.id"), nullable=False),
    sa.Column("from_event", sa.Integer, nullable=False),
    sa.Column("to_event", sa.Integer, nullable=False),
    sa.Column("because", sa.String(32), sa.ForeignKey("articles.id"), nullable=False),  # the bridging article
    sa.Column("moved_at", sa.DateTime(timezone=True), nullable=False),
)

# -- facts and divergences (migration m0007) -----------------------------------------------------

compared_events = sa.Table(
    "compared_events",
    metadata,
    sa.Column("event_id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("signature", sa.String(64), nullable=False),  # of the members it was compared with
    sa.Column("compared_at", sa.DateTime(timezone=True), nullable=False),
)

facts = sa.Table(
    "facts",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("event_id", sa.Integer, nullable=False),  # not a foreign key: a merge deletes events first
    sa.Column("kind", sa.String(16), nullable=False),  # statement, quote
    sa.Column("vector", sa.LargeBinary),  # its gist (migration m0008): its first report's vector
    sa.Column("gist", sa.JSON),  # and anchors: {"stems", "numbers", "dates", "entities", "speaker", "attributed"}
    sa.Index("ix_facts_event", "event_id"),
)

fact_reports = sa.Table(
    "fact_reports",
    metadata,
    sa.Column("fact_id", sa.Integer, sa.ForeignKey("facts.id"), primary_key=True),
    sa.Column("article_id", sa.String(32), sa.ForeignKey("articles.id"), primary_key=True),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("attribution_idx", sa.Integer),
    sa.Column("similarity", sa.Float),
    sa.Index("ix_fact_reports_article", "article_id"),
)

divergences = sa.Table(
    "divergences",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("fact_id", sa.Integer, sa.ForeignKey("facts.id"), nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("first_article", sa.String(32), sa.ForeignKey("articles.id"), nullable=False),
    sa.Column("first_start", sa.Integer, nullable=False),
    sa.Column("first_end", sa.Integer, nullable=False),
    sa.Column("second_article", sa.String(32), sa.ForeignKey("articles.id"), nullable=False),
    sa.Column("second_start", sa.Integer, nullable=False),
    sa.Column("second_end", sa.Integer, nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("confidence", sa.Float, nullable=False),
    sa.Index("ix_divergences_fact", "fact_id"),
)

# -- full-text search (migration m0010) -----------------------------------------------------------
# On SQLite the migration makes an FTS5 index, its shadow tables and the table of documents it indexes,
# none of which SQLAlchemy Core can declare; ``store/search.py`` reads them. PostgreSQL needs none of them.
FULL_TEXT_TABLES = ("search_documents", "search_index", "search_index_data", "search_index_idx",
                    "search_index_docsize", "search_index_config")
