"""The comparing stage's store side: events whose members changed, their annotated articles, and the facts
and divergences found in them.

An event's signature is a hash of its members' ids and text revisions: an event that gained, lost or saw a
member revised since it was last compared has a new one and is compared again, alone.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from datetime import datetime, timezone

import sqlalchemy as sa

from rashomon.records import (AnnotatedArticle, DateMention, EventComparison, EventsToCompare, FactGist, Mention,
                              Span)
from rashomon.store import schema, writes
from rashomon.store.reads import article_from_row, attribution_from_row


def events_to_compare(connection: sa.Connection) -> EventsToCompare:
    members = _members(connection)
    signatures = {event: _signature(found) for event, found in members.items()}
    compared = dict(connection.execute(sa.select(schema.compared_events.c.event_id,
                                                 schema.compared_events.c.signature)).all())
    changed = [event for event, signature in signatures.items() if compared.get(event) != signature]
    wanted = sorted({article for event in changed for article, _ in members[event]})
    return EventsToCompare(
        events={event: tuple(article for article, _ in members[event]) for event in changed},
        signatures={event: signatures[event] for event in changed},
        articles={article_id: annotated_article(connection, article_id) for article_id in wanted},
        gone=tuple(sorted(set(compared) - set(members))),
        next_fact=connection.scalar(sa.select(sa.func.coalesce(sa.func.max(schema.facts.c.id), 0))) + 1)


def _members(connection: sa.Connection) -> dict[int, list[tuple[str, str]]]:
    """Each event's (article id, content hash), oldest first (undated last, then in clustering order)."""
    members, articles = schema.cluster_members, schema.articles
    rows = connection.execute(sa.select(members.c.event_id, articles.c.id, articles.c.content_hash)
                              .join(articles, articles.c.id == members.c.article_id)
                              .order_by(articles.c.published.is_(None), articles.c.published, members.c.seq))
    found: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for row in rows:
        found[row.event_id].append((row.id, row.content_hash))
    return found


def _signature(members: list[tuple[str, str]]) -> str:
    return hashlib.sha256("\n".join(f"{a}:{h}" for a, h in sorted(members)).encode()).hexdigest()


def annotated_article(connection: sa.Connection, article_id: str) -> AnnotatedArticle:
    """An article with its stored sentences, mentions (with their entities), dates, attributions and the
    quote group of each of its quote units."""
    article = article_from_row(connection.execute(sa.select(schema.articles)
                                                  .where(schema.articles.c.id == article_id)).one())

    def rows(table):
        return connection.execute(sa.select(table).where(table.c.article_id == article_id).order_by(table.c.idx))

    units = schema.quote_units
    groups = connection.execute(sa.select(units.c.start, units.c.end, units.c.group_id)
                                .where(units.c.article_id == article_id, units.c.group_id.is_not(None)))
    return AnnotatedArticle(
        article=article,
        sentences=tuple(Span(article_id, r.start, r.end) for r in rows(schema.sentences)),
        mentions=tuple(Mention(Span(article_id, r.start, r.end), r.text, r.label, r.chain, r.kind, r.entity_id)
                       for r in rows(schema.mentions)),
        dates=tuple(DateMention(Span(article_id, r.start, r.end), r.text, r.value, r.kind, r.qualifier)
                    for r in rows(schema.date_mentions)),
        attributions=tuple(attribution_from_row(r) for r in rows(schema.attributions)),
        quote_groups={(r.start, r.end): r.group_id for r in groups})


def save_comparisons(connection: sa.Connection, comparisons: list[EventComparison]) -> None:
    """Each event's facts and divergences in place of those it had; an event without a signature is gone."""
    for comparison in comparisons:
        _forget(connection, comparison.event_id)
        if not comparison.signature:
            continue
        connection.execute(schema.compared_events.insert().values(
            event_id=comparison.event_id, signature=comparison.signature, compared_at=datetime.now(timezone.utc)))
        writes.save_rows(connection, schema.facts, [
            {"id": fact.id, "event_id": fact.event_id, "kind": fact.kind, **_gist_row(fact.gist)}
            for fact in comparison.facts])
        writes.save_rows(connection, schema.fact_reports, [
            {"fact_id": fact.id, "article_id": r.span.article_id, "start": r.span.start, "end": r.span.end,
             "attribution_idx": r.attribution_index, "similarity": r.similarity}
            for fact in comparison.facts for r in fact.reports])
        writes.save_rows(connection, schema.divergences, [
            {"fact_id": d.fact_id, "kind": d.kind, "first_article": d.spans[0].article_id,
             "first_start": d.spans[0].start, "first_end": d.spans[0].end,
             "second_article": d.spans[1].article_id, "second_start": d.spans[1].start,
             "second_end": d.spans[1].end, "reason": d.reason, "confidence": d.confidence}
            for d in comparison.divergences])


def _gist_row(gist: FactGist | None) -> dict:
    if gist is None:
        return {"vector": None, "gist": None}
    return {"vector": gist.vector, "gist": {
        "stems": sorted(gist.stems), "numbers": sorted(gist.numbers), "dates": sorted(gist.dates),
        "entities": sorted(gist.entities), "speaker": gist.speaker, "attributed": gist.attributed}}


def _forget(connection: sa.Connection, event_id: int) -> None:
    facts = sa.select(schema.facts.c.id).where(schema.facts.c.event_id == event_id)
    connection.execute(schema.divergences.delete().where(schema.divergences.c.fact_id.in_(facts)))
    connection.execute(schema.fact_reports.delete().where(schema.fact_reports.c.fact_id.in_(facts)))
    connection.execute(schema.facts.delete().where(schema.facts.c.event_id == event_id))
    connection.execute(schema.compared_events.delete().where(schema.compared_events.c.event_id == event_id))
