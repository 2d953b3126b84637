"""When it happened: a story's dated statements in the order of the events they report, each report with
its article's publication date beside it."""

from __future__ import annotations

from dataclasses import dataclass

from rashomon.reads.story_texts import StoryTexts, load_story
from rashomon.store import Store, compared
from rashomon.timeline import Entry, entries


@dataclass(frozen=True)
class Timeline(StoryTexts):
    entries: tuple[Entry, ...]  # in time order; what only a bound places comes after what is dated there

    def as_dict(self) -> dict:
        """``{"story", "articles": [{"article", "column", "published"}], "entries": [{"when": {"label",
        "earliest", "latest", "precision", "inferred"}, "kind", "fact", "reports": [{"article", "column",
        "published", "span", "text", "date_span", "date_text", "speaker"}]}]}``."""
        def day(value):
            return value.isoformat() if value else None
        return {"story": self.story, "articles": self.articles_dict(),
                "entries": [{"when": {"label": e.place.label, "earliest": day(e.place.earliest),
                                      "latest": day(e.place.latest), "precision": e.place.precision,
                                      "inferred": e.place.inferred},
                             "kind": e.kind, "fact": e.fact_id,
                             "reports": [{"article": m.span.article_id, "column": self.columns[m.span.article_id],
                                          "published": self.published[m.span.article_id],
                                          "span": [m.span.start, m.span.end], "text": self.words(m.span),
                                          "date_span": [m.date_span.start, m.date_span.end] if m.date_span else None,
                                          "date_text": self.words(m.date_span), "speaker": m.speaker}
                                         for m in e.moments]}
                            for e in self.entries]}


def timeline(store: Store, story: int) -> Timeline:
    """The story's statements placed in time: by their dates, or by the bounds their articles give."""
    with store.read() as connection:
        loaded = load_story(connection, story)
        reports = compared.fact_reports(connection, loaded.events)
    facts = {(r.article_id, r.start, r.end): r.fact_id for r in reports}
    return Timeline(**vars(loaded.texts), entries=tuple(entries(loaded.articles, facts)))
