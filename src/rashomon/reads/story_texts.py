"""What the provenance and timeline answers share: a story's articles, each with its column (outlet, or title
and id), publication date and text, for quoting the words a span covers; and their loading."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from rashomon.reads.compare import column
from rashomon.records import AnnotatedArticle, Span
from rashomon.store.reads import story_articles
from rashomon.store.stage_io.comparisons import annotated_article


@dataclass(frozen=True)
class StoryTexts:
    story: int
    columns: dict[str, str]  # article id → its outlet, or its title and id, in the story's order
    published: dict[str, str | None]  # article id → ISO date
    texts: dict[str, str]

    def words(self, span: Span | None) -> str:
        return self.texts[span.article_id][span.start:span.end] if span is not None else ""

    def articles_dict(self) -> list[dict]:
        return [{"article": a, "column": c, "published": self.published[a]} for a, c in self.columns.items()]


@dataclass(frozen=True)
class LoadedStory:
    texts: StoryTexts
    articles: list[AnnotatedArticle]  # in the story's order: event by event, oldest first
    events: list[int]


def load_story(connection: sa.Connection, story: int) -> LoadedStory:
    """The story's articles as the comparing stage reads them (NotFound for no such story)."""
    members = story_articles(connection, story)
    articles = [annotated_article(connection, row.id) for row in members]
    texts = StoryTexts(story, {row.id: column(row.outlet, row.title, row.id, row.origin) for row in members},
                       {a.article.id: a.article.published.isoformat() if a.article.published else None
                        for a in articles},
                       {a.article.id: a.article.text for a in articles})
    return LoadedStory(texts, articles, sorted({row.event_id for row in members}))
