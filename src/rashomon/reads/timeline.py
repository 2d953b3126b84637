"""When it happened: a story's dated statements in the order of the events they report, each report with
its article's publication date beside it."""

from __future__ import annotations

from dataclasses import dataclass

from rashomon.reads.compare import column
from rashomon.store import Store, compared
from rashomon.store.reads import story_articles
from rashomon.store.stage_io.comparisons import annotated_article
from rashomon.timeline import Moment, Place, moments, story_year


@dataclass(frozen=True)
class Entry:
    place: Place
    kind: str  # dated, spoken, reported
    fact_id: int | None
    moments: tuple[Moment, ...]  # one per report, in the order of the articles


@dataclass(frozen=True)
class Timeline:
    story: int
    columns: dict[str, str]  # article id → its outlet, or its title and id
    published: dict[str, str | None]
    texts: dict[str, str]
    entries: tuple[Entry, ...]  # in time order; what only a bound places comes after what is dated there

    def words(self, span) -> str:
        return self.texts[span.article_id][span.start:span.end] if span is not None else ""

    def as_dict(self) -> dict:
        """``{"story", "articles": [{"article", "column", "published"}], "entries": [{"when": {"label",
        "earliest", "latest", "precision", "inferred"}, "kind", "fact", "reports": [{"article", "column",
        "published", "span", "text", "date_span", "date_text", "speaker"}]}]}``."""
        def day(value):
            return value.isoformat() if value else None
        return {"story": self.story,
                "articles": [{"article": a, "column": c, "published": self.published[a]}
                             for a, c in self.columns.items()],
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
        members = story_articles(connection, story)
        articles = [annotated_article(connection, row.id) for row in members]
        reports = compared.fact_reports(connection, sorted({row.event_id for row in members}))
    facts = {(r.article_id, r.start, r.end): r.fact_id for r in reports}
    year = story_year(articles)
    order = {a.article.id: i for i, a in enumerate(articles)}
    merged: dict[tuple, list[Moment]] = {}
    for article in articles:
        for moment in moments(article, year, facts):
            # reports of one fact placed on one day are one entry; so are its reports only bounded
            bounded = moment.kind == "reported"
            key = (moment.fact_id, bounded or moment.place.label) if moment.fact_id is not None else (id(moment),)
            merged.setdefault(key, []).append(moment)
    entries = [Entry(min((m.place for m in found), key=lambda p: p.key), found[0].kind, found[0].fact_id,
                     tuple(sorted(found, key=lambda m: (order[m.span.article_id], m.span.start))))
               for found in merged.values()]
    entries.sort(key=lambda e: (e.place.key, e.kind == "reported", order[e.moments[0].span.article_id], e.moments[0].span.start))
    return Timeline(story, {row.id: column(row.outlet, row.title, row.id) for row in members},
                    {a.article.id: a.article.published.isoformat() if a.article.published else None
                     for a in articles},
                    {a.article.id: a.article.text for a in articles}, tuple(entries))
