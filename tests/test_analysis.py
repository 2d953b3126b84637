"""The annotate stage end to end on the seed corpus: stored annotations and canonical entities."""

import json

import numpy as np
import pytest
import sqlalchemy as sa

from rashomon import embed, samples
from rashomon.analysis import analyze
from rashomon.ingest.session import ingest
from rashomon.store import queries, schema


@pytest.fixture
def seeded(store, settings):
    ingest(store, [str(p) for p in samples.seed_paths()], settings)
    report = analyze(store, settings)
    assert report.annotated == 5 and report.not_covered == 0
    return store


def _entity_articles(store, name):
    with store.read() as connection:
        rows = {row.name: row for row in queries.entity_article_counts(connection)}
    return rows[name].articles


def _forms(store, entity_name):
    mentions, entities = schema.mentions, schema.entities
    with store.read() as connection:
        rows = connection.execute(sa.select(mentions.c.text).join(entities, entities.c.id == mentions.c.entity_id)
                                  .where(entities.c.name == entity_name)).scalars().all()
    return set(rows)


def test_analysis_canonical_entities_across_the_seeds(seeded):
    assert _entity_articles(seeded, "Jens Stoltenberg") == 5
    assert {"Stoltenberg", "Jens Stoltenberg", "NATO Secretary-General Stoltenberg",
            "NATO Secretary General Jens Stoltenberg"} <= _forms(seeded, "Jens Stoltenberg")
    assert {"Putin", "Russian President Vladimir Putin", "Russian President Putin"} <= _forms(seeded, "Vladimir Putin")
    assert {"NATO", "North Atlantic Alliance", "Alliance", "the alliance"} <= _forms(seeded, "NATO")
    assert _entity_articles(seeded, "NATO") == 5


def test_analysis_runs_once_and_again_after_a_revision(seeded, settings, tmp_path):
    assert analyze(seeded, settings).annotated == 0
    with seeded.read() as connection:
        counts = {t.name: connection.scalar(sa.select(sa.func.count()).select_from(t))
                  for t in (schema.sentences, schema.mentions, schema.date_mentions)}
    assert all(count > 0 for count in counts.values())


def test_analysis_sentence_and_article_vectors_are_stored(seeded):
    with seeded.read() as connection:
        (article,) = [a for a in queries.articles(connection) if a.text.startswith("- Sputnik")]
        stored = queries.article_annotations(connection, article.id)
        header = queries.annotation(connection, article.id)
        vectors = [embed.from_bytes(row.vector) for row in
                   queries.annotation_rows(connection, schema.sentences, article.id)]
    assert len(vectors) == len(stored["sentences"]) > 10
    assert all(v.shape == (512,) and abs(np.linalg.norm(v) - 1) < 1e-3 for v in vectors)
    assert embed.from_bytes(header.article_vector).shape == (512,)
    assert header.embedder == "use-multilingual-v3"


def test_analysis_language_without_pipeline_is_embedded_and_marked(store, settings, tmp_path):
    (tmp_path / "ru.txt").write_text(
        "Генеральный секретарь НАТО Йенс Столтенберг заявил 23 декабря, что альянс никогда не обещал "
        "не расширяться. Он сказал это в интервью агентству dpa.")
    ingest(store, [str(tmp_path / "ru.txt")], settings)
    report = analyze(store, settings)
    assert (report.annotated, report.not_covered, report.languages) == (1, 1, {"ru": 1})
    with store.read() as connection:
        (article,) = queries.articles(connection)
        stored = queries.article_annotations(connection, article.id)
    assert stored["covered"] is False and len(stored["sentences"]) == 2 and stored["mentions"] == []
