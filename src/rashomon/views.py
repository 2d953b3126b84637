"""How records look in the terminal. Article text is untrusted: it goes in as Text, never as markup."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from rashomon.ingest.session import IngestReport
from rashomon.records import Article
from rashomon.store.queries import StoredRejection


def article_summary(article: Article) -> dict:
    return {"id": article.id, "published": article.published, "outlet": article.outlet,
            "language": article.language, "title": article.title, "url": article.url,
            "words": len(article.text.split()), "copy_of": article.copy_of}


def article_record(article: Article) -> dict:
    """An article in the JSONL schema that ingest reads (its own metadata fields kept alongside)."""
    return {**article.metadata, "id": article.id, "outlet": article.outlet, "url": article.url,
            "published": article.published.isoformat() if article.published else None,
            "title": article.title, "text": article.text, "authors": list(article.authors),
            "language": article.language, "copy_of": article.copy_of,
            "copy_similarity": article.copy_similarity, "revision": article.revision,
            "origin": article.origin}


def _cell(value: object) -> Text:
    return Text("" if value is None else str(value))


SHORT_ID = 10  # ids are accepted by any unique prefix of four characters or more


def articles_table(console: Console, articles: Sequence[Article]) -> None:
    rows = [[article.id[:SHORT_ID], article.published, article.outlet, article.language,
             len(article.text.split()),
             ("copy · " if article.copy_of else "") + (article.title or article.text[:120].replace("\n", " "))]
            for article in articles]
    table = Table(title=f"{len(articles)} articles", title_justify="left", expand=True)
    for position, column in enumerate(("id", "published", "outlet", "lang", "words")):
        widest = max([len(column)] + [len(str(row[position] or "")) for row in rows])
        table.add_column(column, no_wrap=True, min_width=min(widest, 24), max_width=24,
                         justify="right" if column == "words" else "left")
    table.add_column("title", no_wrap=True, overflow="ellipsis", ratio=1)
    for row in rows:
        table.add_row(*map(_cell, row))
    console.print(table)


def article_detail(console: Console, article: Article, revisions: Sequence, copies: Sequence[Article]) -> None:
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="bold")
    facts.add_column()
    rows = [("id", article.id), ("title", article.title), ("outlet", article.outlet),
            ("published", article.published), ("url", article.url), ("language", article.language),
            ("authors", ", ".join(article.authors) or None), ("from", article.origin),
            ("revision", f"{article.revision} of {len(revisions)}"),
            ("copy of", f"{article.copy_of} (similarity {article.copy_similarity:.2f})"
             if article.copy_of else None),
            ("copied by", ", ".join(copy.id for copy in copies) or None)]
    for name, value in rows:
        if value is not None:
            facts.add_row(name, _cell(value))
    console.print(Panel(facts, title=Text(article.title or article.id), title_align="left", expand=False))
    console.print(Text(article.text))


def ingest_summary(console: Console, report: IngestReport) -> None:
    counts = report.counts
    parts = [f"{counts['added']} added", f"{counts['revised']} revised",
             f"{counts['unchanged']} already stored", f"{counts['copies']} linked as copies",
             f"{counts['rejected']} rejected"]
    if counts["feed_entries_already_seen"]:
        parts.append(f"{counts['feed_entries_already_seen']} feed entries seen before")
    console.print(Text(", ".join(parts)))
    if report.rejections:
        rejections_table(console, report.rejections, title="Rejected in this run")


def rejections_table(console: Console, rejections: Sequence, title: str | None = None) -> None:
    table = Table(title=title or f"{len(rejections)} rejected inputs", title_justify="left")
    table.add_column("input", overflow="fold")
    table.add_column("stage")
    table.add_column("reason", overflow="fold")
    stored = bool(rejections) and isinstance(rejections[0], StoredRejection)
    if stored:
        table.add_column("times", justify="right")
    for item in rejections:
        rejection = item.rejection if stored else item
        row = [_cell(rejection.origin), _cell(rejection.stage), _cell(rejection.reason)]
        table.add_row(*row, *([_cell(item.times)] if stored else []))
    console.print(table)


def demo(console: Console, report: IngestReport, articles: Sequence[Article], db: str) -> None:
    console.print(Text("rashomon demo: the bundled sample corpus, five accounts of NATO's "
                       "Jens Stoltenberg saying the alliance never promised not to expand.", style="bold"))
    ingest_summary(console, report)
    articles_table(console, articles)
    console.print(Text(f"Store: {db}. Try: rashomon show {articles[0].id} --db {db}" if articles
                       else f"Store: {db}"))


def scores_table(console: Console, title: str, scores: dict) -> None:
    table = Table(title=title, title_justify="left")
    table.add_column("measure")
    table.add_column("value", justify="right")
    for name, value in scores.items():
        table.add_row(name, f"{value:.3f}" if isinstance(value, float) else str(value))
    console.print(table)
