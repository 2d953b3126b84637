"""Articles, entities and the dates articles name, as tables."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from rashomon.cli.render.common import SHORT_ID, Column, cell, fitted_table
from rashomon.reads import ArticleDetail, ArticleList, EntityCount, NamedDate
from rashomon.reads.labels import headline, outlet_label


ARTICLE_COLUMNS = (
    Column("id", priority=0, widest=SHORT_ID), Column("published", priority=1), Column("outlet", priority=2),
    Column("lang", priority=4), Column("words", priority=3, justify="right"),
    Column("title", text=True, narrowest=36),
)


def articles_table(console: Console, found: ArticleList) -> None:
    articles = found.articles
    rows = [[article.id[:SHORT_ID], article.published, outlet_label(article.outlet, article.origin),
             article.language, len(article.text.split()),
             ("copy · " if article.copy_of else "") + headline(article.title, article.text)] for article in articles]
    console.print(fitted_table(console.width, ARTICLE_COLUMNS, rows, title=f"{len(articles)} articles"))


def article_detail(console: Console, detail: ArticleDetail) -> None:
    article = detail.article
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="bold")
    facts.add_column(overflow="fold")  # a long path or URL goes on over the next line, whole
    rows = [("id", article.id), ("title", _sourced(article.title, article.metadata.get("title_from"))),
            ("outlet", _sourced(outlet_label(article.outlet, article.origin), article.metadata.get("outlet_from"))),
            ("published", _sourced(article.published, article.metadata.get("published_from"))),
            ("url", article.url), ("language", article.language),
            ("authors", ", ".join(article.authors) or None), ("from", article.origin),
            ("revision", f"{article.revision} of {detail.revisions}"),
            ("copy of", f"{article.copy_of} (similarity {article.copy_similarity:.2f})"
             if article.copy_of else None),
            ("copied by", ", ".join(detail.copies) or None)]
    for name, value in rows:
        if value is not None:
            facts.add_row(name, cell(value))
    console.print(Panel(facts, title=Text(article.title or article.id), title_align="left", expand=False))
    console.print(Text(article.text))
    _annotations(console, detail.annotations)


def _sourced(value: object, source: str | None) -> object:
    """A value with where it was read, when that was not the page's own metadata."""
    return f"{value} (from {source})" if value is not None and source else value


def _annotations(console: Console, annotations: dict | None) -> None:
    if annotations is None:
        console.print(Text("Not annotated yet: run `rashomon analyze`.", style="dim"))
        return
    summary = (f"{len(annotations['sentences'])} sentences, {len(annotations['quotations'])} quotations, "
               f"language {annotations['language']}, pipeline {annotations['pipeline']}")
    if not annotations["covered"]:
        summary += " (no full pipeline for this language: no entities)"
    console.print(Text(summary, style="bold"))
    _mentions_table(console, annotations["mentions"])
    _dates_table(console, annotations["dates"])


MENTION_COLUMNS = (Column("at", priority=2), Column("as written", priority=0, widest=30),
                   Column("kind", priority=3), Column("label", priority=1), Column("entity", text=True, narrowest=20))
DATE_COLUMNS = (Column("at", priority=2), Column("as written", text=True, narrowest=20), Column("type", priority=1),
                Column("value", priority=0, widest=40))


def _mentions_table(console: Console, mentions: list[dict]) -> None:
    rows = [[f"{m['start']}-{m['end']}", m["text"], m["kind"], m["label"], m["entity"]] for m in mentions]
    console.print(fitted_table(console.width, MENTION_COLUMNS, rows,
                               title="Entities: every mention and the canonical entity it names"))


def _dates_table(console: Console, dates: list[dict]) -> None:
    rows = [[f"{d['start']}-{d['end']}", d["text"], d["kind"],
             d["value"] + (f" ({d['qualifier']})" if d["qualifier"] else "")] for d in dates]
    console.print(fitted_table(console.width, DATE_COLUMNS, rows, title="Dates and what they mean"))


ENTITY_COLUMNS = (Column("entity", text=True, narrowest=24), Column("kind", priority=2),
                  Column("articles", priority=0, justify="right"), Column("mentions", priority=1, justify="right"))
NAMED_DATE_COLUMNS = (Column("date named", priority=0, widest=30), Column("as written", text=True, narrowest=20),
                      Column("article", priority=1, widest=SHORT_ID), Column("published", priority=2))


def entities_table(console: Console, counts: Sequence[EntityCount], title: str | None = None) -> None:
    rows = [[count.entity.name, count.entity.label, count.articles, count.mentions] for count in counts]
    console.print(fitted_table(console.width, ENTITY_COLUMNS, rows, title=title or f"{len(counts)} entities"))


def dates_timeline(console: Console, dates: Sequence[NamedDate]) -> None:
    """Dates the articles speak of, in order of the day they name, beside when each was published."""
    rows = [[named.value + (f" ({named.qualifier})" if named.qualifier else ""), named.text,
             named.article_id[:SHORT_ID], named.published] for named in dates]
    console.print(fitted_table(console.width, NAMED_DATE_COLUMNS, rows,
                               title="What happened when: dates named in the articles"))
