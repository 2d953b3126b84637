"""Where accounts disagree: two reports of one fact that differ on a number, a date, a name, a negation,
who said it, or the verb that judges it."""

from __future__ import annotations

from dataclasses import dataclass

from rashomon.records import Span
from rashomon.store import Store, compared


@dataclass(frozen=True)
class DivergenceView:
    fact_id: int
    event_id: int
    kind: str  # number, date, entity, negation, speaker, verb
    reason: str  # "EU ≠ NATO"
    confidence: float
    spans: tuple[Span, Span]  # the earlier published report first
    words: tuple[str, str]

    def as_dict(self) -> dict:
        """``{"fact", "event", "kind", "reason", "confidence", "reports": [{"article", "span", "text"}, …]}``."""
        return {"fact": self.fact_id, "event": self.event_id, "kind": self.kind, "reason": self.reason,
                "confidence": self.confidence,
                "reports": [{"article": span.article_id, "span": [span.start, span.end], "text": words}
                            for span, words in zip(self.spans, self.words, strict=True)]}


def divergences(store: Store, story: int | None = None, kinds: tuple[str, ...] | None = None) -> list[DivergenceView]:
    """Every divergence (of one story, if given; of some kinds, if given), event by event."""
    with store.read() as connection:
        events = compared.events_of_story(connection, story) if story is not None else None
        rows = compared.divergences(connection, events)
    return [DivergenceView(r.fact_id, r.event_id, r.kind, r.reason, r.confidence,
                           (Span(r.first_article, r.first_start, r.first_end),
                            Span(r.second_article, r.second_start, r.second_end)), (r.first_words, r.second_words))
            for r in rows if kinds is None or r.kind in kinds]


def matched_pairs(store: Store) -> int:
    """How many pairs of reports of one fact there are: what a divergence could have been claimed between."""
    with store.read() as connection:
        return compared.matched_pairs(connection)
