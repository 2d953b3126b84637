"""Articles, entities and the dates articles name, as tables."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from rashomon.cli.render.common import SHORT_ID, cell
from rashomon.reads import ArticleDetail, ArticleList, EntityCount, NamedDate
from rashomon.reads.labels import headline, outlet_label


def articles_table(console: Console, found: ArticleList) -> None:
    articles = found.articles
    rows = [[article.id[:SHORT_ID], article.published, outlet_label(article.outlet, article.origin),
             article.language, len(article.text.split()),
             ("copy · " if article.copy_of else "") + headline(article.title, article.text)]
            for article in articles]
    table = Table(title=f"{len(articles)} articles", title_justify="left", expand=True)
    for position, column in enumerate(("id", "published", "outlet", "lang", "words")):
        widest = max([len(column)] + [len(str(row[position] or "")) for row in rows])
        table.add_column(column, no_wrap=True, min_width=min(widest, 24), max_width=24,
                         justify="right" if column == "words" else "left")
    table.add_column("title", no_wrap=True, overflow="ellipsis", ratio=1)
    for row in rows:
        table.add_row(*map(cell, row))
    console.print(table)


def article_detail(console: Console, detail: ArticleDetail) -> None:
    article = detail.article
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="bold")
    facts.add_column()
    rows = [("id", article.id), ("title", _sourced(article.title, article.metadata.get("title_from"))),
            ("outlet", _sourced(outlet_label(article.outlet, article.origin), article.metadata.get("outlet_from"))),
            ("published", _sourced(article.published, article.metadata.get("published_from"))), ("url", article.url), ("language", article.language),
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


def _mentions_table(console: Console, mentions: list[dict]) -> None:
    table = Table(title="Entities: every mention and the canonical entity it names", title_justify="left")
    for column in ("at", "as written", "kind", "label", "entity"):
        table.add_column(column)
    for mention in mentions:
        table.add_row(cell(f"{mention['start']}-{mention['end']}"), cell(mention["text"]), cell(mention["kind"]),
                      cell(mention["label"]), cell(mention["entity"]))
    console.print(table)


def _dates_table(console: Console, dates: list[dict]) -> None:
    table = Table(title="Dates and what they mean", title_justify="left")
    for column in ("at", "as written", "type", "value"):
        table.add_column(column)
    for item in dates:
        value = item["value"] + (f" ({item['qualifier']})" if item["qualifier"] else "")
        table.add_row(cell(f"{item['start']}-{item['end']}"), cell(item["text"]), cell(item["kind"]), cell(value))
    console.print(table)


def entities_table(console: Console, counts: Sequence[EntityCount], title: str | None = None) -> None:
    table = Table(title=title or f"{len(counts)} entities", title_justify="left")
    for column in ("entity", "kind", "articles", "mentions"):
        table.add_column(column, justify="right" if column in ("articles", "mentions") else "left")
    for count in counts:
        table.add_row(cell(count.entity.name), cell(count.entity.label), cell(count.articles), cell(count.mentions))
    console.print(table)


def dates_timeline(console: Console, dates: Sequence[NamedDate]) -> None:
    """Dates the articles speak of, in order of the day they name, beside when each was published."""
    table = Table(title="What happened when: dates named in the articles", title_justify="left")
    for column in ("date named", "as written", "article", "published"):
        table.add_column(column, no_wrap=column != "as written")
    for named in dates:
        value = named.value + (f" ({named.qualifier})" if named.qualifier else "")
        table.add_row(cell(value), cell(named.text), cell(named.article_id[:SHORT_ID]), cell(named.published))
    console.print(table)
