"""Every record of one kind, streamed as plain JSON-ready rows in the schema of ``export_schema``.

One function per kind (``export_articles``, ``export_entities``, …), each a generator that holds one record
at a time; ``export_rows(store, kind)`` picks it by name and ``export_count(store, kind)`` says how many
records it will yield (for a progress bar). Every row points to the characters it rests on: an article id with
[start, end) offsets into that article's text (see ``export_schema`` for each field).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from itertools import groupby
from operator import attrgetter

from rashomon.align.differences import Rendering, differences
from rashomon.errors import SettingError
from rashomon.reads.articles import article_record
from rashomon.reads.export_schema import ALIASES, FORMATS, KIND_NAMES, SCHEMAS, Schema
from rashomon.store import Store, exports
from rashomon.store.reads import article_from_row, attribution_from_row, entities_between

__all__ = ["export_articles", "export_attributions", "export_count", "export_entities", "export_events",
           "export_format", "export_quote_groups", "export_rows", "export_schema", "export_stories"]


def export_schema(kind: str) -> Schema:
    """The schema of a kind by the name a user gives (``quotes`` is ``attributions``); SettingError otherwise."""
    name = ALIASES.get(kind.strip().lower(), kind.strip().lower())
    if name not in SCHEMAS:
        raise SettingError(f"--kind {kind!r}: not a kind of record rashomon exports "
                           f"(one of {', '.join(KIND_NAMES)})")
    return SCHEMAS[name]


def export_format(name: str) -> str:
    """A format by the name a user gives; SettingError listing the formats otherwise."""
    if name.strip().lower() not in FORMATS:
        raise SettingError(f"--format {name!r}: not an export format (one of {', '.join(FORMATS)})")
    return name.strip().lower()


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def export_articles(store: Store) -> Iterator[dict]:
    """Every stored article, oldest first (undated last): ``article_record`` with its metadata under
    ``metadata`` (the JSONL writer spreads it back into the line, the schema ingest reads)."""
    with store.read() as connection:
        for row in exports.articles(connection):
            record = article_record(article_from_row(row))
            yield {**{key: record[key] for key in SCHEMAS["articles"].names() if key != "metadata"},
                   "metadata": row.metadata or {}}


def export_entities(store: Store) -> Iterator[dict]:
    """Every canonical entity, by label and name, with each of its mentions."""
    with store.read() as connection:
        for entity, rows in groupby(exports.entity_mentions(connection), key=attrgetter("entity")):
            rows = list(rows)
            yield {"entity": entity, "label": rows[0].label, "name": rows[0].name,
                   "articles": len({r.article_id for r in rows}),
                   "mentions": [{"article": r.article_id, "start": r.start, "end": r.end, "text": r.text,
                                 "kind": r.kind} for r in rows]}


def export_attributions(store: Store) -> Iterator[dict]:
    """Every attribution, in article then text order, with its article's outlet, date and title."""
    with store.read() as connection:
        for article_id, rows in groupby(exports.attributions(connection), key=attrgetter("article_id")):
            text = exports.article_text(connection, article_id)
            yield from (_attribution(row, text) for row in rows)


def _attribution(row, text: str) -> dict:
    attribution = attribution_from_row(row)
    pieces = {role: getattr(attribution, role) for role in ("content", "cue", "source")}
    words = {role: " … ".join(text[s.start:s.end] for s in spans) for role, spans in pieces.items()}
    return {"article": row.article_id, "outlet": row.outlet, "published": _iso(row.published), "title": row.title,
            "index": row.idx, "kind": row.kind, "speaker": row.speaker, "speaker_entity": row.speaker_entity_id,
            "source": words["source"], "cue": words["cue"], "content": words["content"],
            "confidence": row.confidence, "spoken_on": row.spoken_on,
            **{f"{role}_spans": [[s.start, s.end] for s in spans] for role, spans in pieces.items()}}


def export_quote_groups(store: Store) -> Iterator[dict]:
    """Every utterance rendered in two or more articles, with each rendering and what it changes from the first
    (as `rashomon quote-groups` flags them)."""
    with store.read() as connection:
        for group, rows in groupby(exports.quote_group_renderings(connection), key=attrgetter("group_id")):
            rows = list(rows)
            renderings = [Rendering(r.article_id, r.outlet, r.published, r.speaker, r.words, r.start, r.end,
                                    entities_between(connection, r.article_id, r.start, r.end)) for r in rows]
            speaker = rows[0].group_speaker
            changes = [differences(renderings[0], rendering, speaker) if i else []
                       for i, rendering in enumerate(renderings)]
            yield {"group": group, "speaker": speaker, "speaker_entity": rows[0].group_speaker_entity,
                   "articles": len({r.article_id for r in rows}),
                   "renderings": [{"article": r.article_id, "outlet": r.outlet, "published": _iso(r.published),
                                   "attribution": r.attribution_idx, "start": r.start, "end": r.end,
                                   "text": r.words, "rendering_speaker": r.speaker, "similarity": r.similarity,
                                   "changes": changed} for r, changed in zip(rows, changes, strict=True)]}


def _member(row) -> dict:
    return {"article": row.article_id, "outlet": row.outlet, "published": _iso(row.published),
            "title": row.title, "start": 0, "end": row.length}


def _dates(rows: list) -> dict:
    days = [row.published for row in rows if row.published]
    return {"first": _iso(min(days, default=None)), "last": _iso(max(days, default=None))}


def export_events(store: Store) -> Iterator[dict]:
    """Every event with its articles, story by story."""
    with store.read() as connection:
        for event, rows in groupby(exports.cluster_members(connection), key=attrgetter("event_id")):
            rows = list(rows)
            yield {"event": event, "story": rows[0].story_id, "articles": len(rows), **_dates(rows),
                   "members": [_member(row) for row in rows]}


def export_stories(store: Store) -> Iterator[dict]:
    """Every story with its articles and their events."""
    with store.read() as connection:
        for story, rows in groupby(exports.cluster_members(connection), key=attrgetter("story_id")):
            rows = list(rows)
            yield {"story": story, "events": len({row.event_id for row in rows}), "articles": len(rows),
                   "outlets": len({row.outlet for row in rows if row.outlet}), **_dates(rows),
                   "members": [{"event": row.event_id, **_member(row)} for row in rows]}


EXPORTERS: dict[str, Callable[[Store], Iterator[dict]]] = {
    "articles": export_articles, "entities": export_entities, "attributions": export_attributions,
    "quote-groups": export_quote_groups, "events": export_events, "stories": export_stories}

_COUNTS = {"articles": exports.count_articles, "entities": exports.count_entities,
           "attributions": exports.count_attributions, "quote-groups": exports.count_quote_groups,
           "events": lambda connection: exports.count_clusters(connection, "event"),
           "stories": lambda connection: exports.count_clusters(connection, "story")}


def export_rows(store: Store, kind: str) -> Iterator[dict]:
    """The records of one kind (by the name a user gives), one row each, streamed."""
    return EXPORTERS[export_schema(kind).kind](store)


def export_count(store: Store, kind: str) -> int:
    """How many records ``export_rows`` yields for this kind."""
    with store.read() as connection:
        return _COUNTS[export_schema(kind).kind](connection)
