"""What a run did: the ingest and analyze summaries, rejected inputs, and the demo's tour of a corpus."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.text import Text

from rashomon.cli.render.articles import articles_table, dates_timeline, entities_table
from rashomon.cli.render.common import Column, fitted_table
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


REJECTION_COLUMNS = (Column("input", priority=0, widest=48, lines=3), Column("stage", priority=2),
                     Column("reason", text=True, narrowest=30, lines=3), Column("times", priority=1, justify="right"))


def rejections_table(console: Console, rejections: Sequence, title: str | None = None) -> None:
    stored = bool(rejections) and isinstance(rejections[0], StoredRejection)
    rows = [[rejection.origin, rejection.stage, rejection.reason, item.times if stored else None]
            for item in rejections for rejection in [item.rejection if stored else item]]
    columns = REJECTION_COLUMNS if stored else REJECTION_COLUMNS[:-1]
    console.print(fitted_table(console.width, columns, [row[:len(columns)] for row in rows],
                               title=title or f"{len(rejections)} rejected inputs"))


def analyze_summary(console: Console, report: AnalyzeReport) -> None:
    languages = ", ".join(f"{count} {language}" for language, count in sorted(report.languages.items()))
    line = f"{report.annotated} articles annotated" + (f" ({languages})" if languages else "")
    if report.not_covered:
        line += f"; {report.not_covered} in a language without a full pipeline: sentences, embeddings and dates only"
    console.print(Text(line))
    made = what_analyze_made(report)
    if made:
        console.print(Text(made))
    if report.failures:
        rejections_table(console, report.failures, title="Articles the annotate stage could not handle")


def what_analyze_made(report: AnalyzeReport) -> str:
    """The closing line: what the corpus stages made (empty when they found nothing new)."""
    parts = []
    if report.quote_units:
        parts.append(f"{_count(report.quote_units, 'quote unit')} placed in quote groups "
                     f"({report.quote_groups:,} new)")
    clusters = report.clusters
    if clusters["clustered"]:
        merged = f", {_count(clusters['merges'], 'merge')} of events" if clusters["merges"] else ""
        parts.append(f"{_count(clusters['clustered'], 'article')} clustered: "
                     f"{_count(clusters['new_events'], 'new event')} in {_count(clusters['new_stories'], 'new story', 'new stories')}"
                     f"{merged}")
    if report.compared["events"]:
        parts.append(f"{_count(report.compared['events'], 'event')} compared: "
                     f"{_count(report.compared['facts'], 'fact')}, "
                     f"{_count(report.compared['divergences'], 'divergence')}")
    return "; ".join(parts)


def _count(number: int, one: str, many: str | None = None) -> str:
    return f"{number:,} {one if number == 1 else (many or one + 's')}"


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
