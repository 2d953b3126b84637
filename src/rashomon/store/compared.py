"""The read side's queries about what the comparing stage found: facts, their reports, divergences."""

from __future__ import annotations

import sqlalchemy as sa

from rashomon.errors import NotFound
from rashomon.records import FactGist
from rashomon.store import schema


def events_of_story(connection: sa.Connection, story_id: int) -> list[int]:
    events = schema.events
    found = list(connection.scalars(sa.select(events.c.id).where(events.c.story_id == story_id)
                                    .order_by(events.c.id)))
    if not found:
        raise NotFound(f"story {story_id}: no such story (`rashomon stories` lists them)")
    return found


def event_members(connection: sa.Connection, event_id: int) -> list[sa.Row]:
    """An event's articles, oldest first: id, outlet, title, published, origin."""
    members, articles = schema.cluster_members, schema.articles
    rows = connection.execute(sa.select(articles.c.id, articles.c.outlet, articles.c.title, articles.c.published,
                                        articles.c.origin)
                              .join(members, members.c.article_id == articles.c.id)
                              .where(members.c.event_id == event_id)
                              .order_by(articles.c.published.is_(None), articles.c.published, members.c.seq)).all()
    if not rows:
        raise NotFound(f"event {event_id}: no such event (`rashomon story N` lists a story's events)")
    return rows


def fact_reports(connection: sa.Connection, event_ids: list[int]) -> list[sa.Row]:
    """Every report of the events' facts: fact, event, kind, article, span, its words, attribution, similarity."""
    facts, reports, articles = schema.facts, schema.fact_reports, schema.articles
    query = (sa.select(facts.c.id.label("fact_id"), facts.c.event_id, facts.c.kind, reports.c.article_id,
                       reports.c.start, reports.c.end, reports.c.attribution_idx, reports.c.similarity,
                       sa.func.substr(articles.c.text, reports.c.start + 1, reports.c.end - reports.c.start)
                       .label("words"))
             .join(reports, reports.c.fact_id == facts.c.id)
             .join(articles, articles.c.id == reports.c.article_id)
             .where(facts.c.event_id.in_(event_ids))
             .order_by(facts.c.id, reports.c.start))
    return connection.execute(query).all()


def divergences(connection: sa.Connection, event_ids: list[int] | None = None) -> list[sa.Row]:
    """Divergences (of the given events' facts, or all), with the words of both reports."""
    table, facts = schema.divergences, schema.facts
    first, second = schema.articles.alias("first"), schema.articles.alias("second")
    query = (sa.select(table, facts.c.event_id,
                       sa.func.substr(first.c.text, table.c.first_start + 1, table.c.first_end - table.c.first_start)
                       .label("first_words"),
                       sa.func.substr(second.c.text, table.c.second_start + 1,
                                      table.c.second_end - table.c.second_start).label("second_words"))
             .join(facts, facts.c.id == table.c.fact_id)
             .join(first, first.c.id == table.c.first_article)
             .join(second, second.c.id == table.c.second_article)
             .order_by(facts.c.event_id, table.c.fact_id, table.c.id))
    if event_ids is not None:
        query = query.where(facts.c.event_id.in_(event_ids))
    return connection.execute(query).all()


def matched_pairs(connection: sa.Connection) -> int:
    reports = schema.fact_reports
    counts = connection.scalars(sa.select(sa.func.count()).select_from(reports).group_by(reports.c.fact_id))
    return sum(n * (n - 1) // 2 for n in counts)


def outlet_names(connection: sa.Connection) -> list[str]:
    """Every outlet named in the corpus: origins an account may cite."""
    outlet = schema.articles.c.outlet
    return list(connection.scalars(sa.select(outlet).where(outlet.is_not(None)).distinct().order_by(outlet)))


def fact_gists(connection: sa.Connection, event_ids: list[int]) -> list[tuple[int, int, FactGist]]:
    """(fact id, event id, gist) of the events' facts that have one, in fact order."""
    facts = schema.facts
    rows = connection.execute(sa.select(facts.c.id, facts.c.event_id, facts.c.vector, facts.c.gist)
                              .where(facts.c.event_id.in_(event_ids), facts.c.vector.is_not(None))
                              .order_by(facts.c.id))
    return [(row.id, row.event_id, FactGist(
        vector=bytes(row.vector), stems=frozenset(row.gist["stems"]), numbers=frozenset(row.gist["numbers"]),
        dates=frozenset(row.gist["dates"]), entities=frozenset(row.gist["entities"]), speaker=row.gist["speaker"],
        attributed=row.gist["attributed"])) for row in rows]
