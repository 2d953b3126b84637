"""`rashomon why ARTICLE`: the recorded reasons for an article's event and story, in words and names."""

from __future__ import annotations

import sqlalchemy as sa

from rashomon.store import queries


def explain(connection: sa.Connection, article_id: str) -> dict:
    """The article's place, the candidates it was weighed against, and the articles a bridge moved."""
    placement = queries.cluster_placement(connection, article_id)
    recorded = placement.explanation
    entity_ids = sorted({e for c in recorded["candidates"] for e in c["shared_entities"]})
    names = queries.entity_names(connection, entity_ids)
    candidates = [{**candidate, "shared_entities": [names.get(e, e) for e in candidate["shared_entities"]]}
                  for candidate in recorded["candidates"]]
    moves = [{"from_event": m.from_event, "to_event": m.to_event, "because": m.because}
             for m in queries.cluster_moves(connection, article_id)]
    return {"article": article_id, "event": placement.event_id, "story": placement.story_id,
            **{key: recorded[key] for key in ("decision", "event_threshold", "story_threshold",
                                              "event_window_days", "merged_events")},
            "candidates": candidates, "moves": moves}
