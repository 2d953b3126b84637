"""What a run did: the ingest and analyze summaries, rejected inputs, and the demo's tour of a corpus."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.table import Table
from rich.text import Text

from rashomon.cli.render.articles import articles_table, dates_timeline, entities_table
from rashomon.cli.render.common import cell
from rashomon.cli.render.compare import comparison, divergences
from rashomon.cli.render.provenance import provenance
from rashomon.cli.render.timeline import timeline
from rashomon.cli.render.quotes import quote_groups
from rashomon.cli.render.stories import stories_table, story_detail
from rashomon.ingest.session import IngestReport
from rashomon.pipeline.runner import AnalyzeReport
from rashomon.reads import Overview, StoredRejection

DEMO_FACTS = 15


def ingest_summary(console: Console, report: IngestReport) -> None:
    counts = report.counts
    parts = [f"{counts['added']} added", f"{counts['revised']} revised",
             f"{counts['unchanged']} already stored", f"{counts['copies']} linked as copies",
             f"{counts['rejected']} rejected"]
    if counts["title_only"]:
        parts.append(f"{counts['title_only']} title-only (a headline and no text)")
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
        row = [cell(rejection.origin), cell(rejection.stage), cell(rejection.reason)]
        table.add_row(*row, *([cell(item.times)] if stored else []))
    console.print(table)


def analyze_summary(console: Console, report: AnalyzeReport) -> None:
    languages = ", ".join(f"{count} {language}" for language, count in sorted(report.languages.items()))
    line = f"{report.annotated} articles annotated" + (f" ({languages})" if languages else "")
    if report.not_covered:
        line += f"; {report.not_covered} in a language without a full pipeline: sentences, embeddings and dates only"
    console.print(Text(line))
    if report.failures:
        rejections_table(console, report.failures, title="Articles the annotate stage could not handle")


def demo(console: Console, report: IngestReport, corpus: Overview, db: str) -> None:
    console.print(Text("rashomon demo: the bundled sample corpus, five accounts of NATO's "
                       "Jens Stoltenberg saying the alliance never promised not to expand.", style="bold"))
    ingest_summary(console, report)
    found = corpus.articles.articles
    articles_table(console, corpus.articles)
    entities_table(console, corpus.entities, title="Who and what they name (canonical entities)")
    dates_timeline(console, corpus.dates)
    console.print(Text("One utterance, many renderings: quotes found in more than one article", style="bold"))
    quote_groups(console, corpus.quote_groups)
    console.print(Text(f"Store: {db}. Try: rashomon show {found[0].id} --db {db}, "
                       f"rashomon quotes --speaker putin --db {db}" if found else f"Store: {db}"))
    stories_table(console, corpus.stories)
    if corpus.largest_story:
        story_detail(console, corpus.largest_story)
    if corpus.comparison:
        comparison(console, corpus.comparison, shown=DEMO_FACTS)
    divergences(console, corpus.divergences)
    if corpus.provenance:
        provenance(console, corpus.provenance)
    if corpus.timeline:
        timeline(console, corpus.timeline)
