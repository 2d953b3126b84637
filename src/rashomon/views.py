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


def demo(console: Console, report: IngestReport, articles: Sequence[Article], entities: Sequence,
         dates: Sequence, groups: Sequence, db: str) -> None:
    console.print(Text("rashomon demo: the bundled sample corpus, five accounts of NATO's "
                       "Jens Stoltenberg saying the alliance never promised not to expand.", style="bold"))
    ingest_summary(console, report)
    articles_table(console, articles)
    entities_table(console, entities, title="Who and what they name (canonical entities)")
    dates_timeline(console, dates, {article.id: article for article in articles})
    console.print(Text("One utterance, many renderings: quotes found in more than one article", style="bold"))
    quote_groups(console, groups)
    console.print(Text(f"Store: {db}. Try: rashomon show {articles[0].id} --db {db}, "
                       f"rashomon quotes --speaker putin --db {db}" if articles else f"Store: {db}"))


def scores_table(console: Console, title: str, scores: dict) -> None:
    table = Table(title=title, title_justify="left")
    table.add_column("measure")
    table.add_column("value", justify="right")
    for name, value in scores.items():
        table.add_row(name, f"{value:.3f}" if isinstance(value, float) else str(value))
    console.print(table)


def analyze_summary(console: Console, report) -> None:
    languages = ", ".join(f"{count} {language}" for language, count in sorted(report.languages.items()))
    line = f"{report.annotated} articles annotated" + (f" ({languages})" if languages else "")
    if report.not_covered:
        line += f"; {report.not_covered} in a language without a full pipeline: sentences, embeddings and dates only"
    console.print(Text(line))
    if report.failures:
        rejections_table(console, report.failures, title="Articles the annotate stage could not handle")


def entities_table(console: Console, rows: Sequence, title: str | None = None) -> None:
    table = Table(title=title or f"{len(rows)} entities", title_justify="left")
    for column in ("entity", "kind", "articles", "mentions"):
        table.add_column(column, justify="right" if column in ("articles", "mentions") else "left")
    for row in rows:
        table.add_row(_cell(row.name), _cell(row.label), _cell(row.articles), _cell(row.mentions))
    console.print(table)


def dates_timeline(console: Console, rows: Sequence, articles: dict[str, Article]) -> None:
    """Dates the articles speak of, in order of the day they name, beside when each was published."""
    table = Table(title="What happened when: dates named in the articles", title_justify="left")
    for column in ("date named", "as written", "article", "published"):
        table.add_column(column, no_wrap=column != "as written")
    for row in rows:
        value = row.value + (f" ({row.qualifier})" if row.qualifier else "")
        table.add_row(_cell(value), _cell(row.text), _cell(row.article_id[:SHORT_ID]), _cell(row.published))
    console.print(table)


def annotations_detail(console: Console, article: Article, annotations: dict | None) -> None:
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
        table.add_row(_cell(f"{mention['start']}-{mention['end']}"), _cell(mention["text"]), _cell(mention["kind"]),
                      _cell(mention["label"]), _cell(mention["entity"]))
    console.print(table)


def _dates_table(console: Console, dates: list[dict]) -> None:
    table = Table(title="Dates and what they mean", title_justify="left")
    for column in ("at", "as written", "type", "value"):
        table.add_column(column)
    for item in dates:
        value = item["value"] + (f" ({item['qualifier']})" if item["qualifier"] else "")
        table.add_row(_cell(f"{item['start']}-{item['end']}"), _cell(item["text"]), _cell(item["kind"]), _cell(value))
    console.print(table)


def nested_scores_table(console: Console, title: str, scores: dict) -> None:
    table = Table(title=title, title_justify="left")
    table.add_column("measure")
    for column in ("precision", "recall", "f1"):
        table.add_column(column, justify="right")
    for name, value in scores.items():
        if isinstance(value, dict) and {"precision", "recall", "f1"} <= set(value):
            table.add_row(name, *(f"{value[key]:.3f}" for key in ("precision", "recall", "f1")))
    console.print(table)
    for name, value in scores.items():
        if not isinstance(value, dict):
            console.print(Text(f"{name}: {value:.3f}" if isinstance(value, float) else f"{name}: {value}"))


def quote_record(row) -> dict:
    """An attribution as plain data, with the words of each span."""
    def words(spans: list) -> list[dict]:
        return [{"span": span, "text": row.text[span[0]:span[1]]} for span in spans]
    return {"article": row.article_id, "outlet": row.outlet, "published": row.published, "index": row.idx,
            "kind": row.kind, "speaker": row.speaker, "speaker_entity_id": row.speaker_entity_id,
            "spoken_on": row.spoken_on, "confidence": row.confidence, "content": words(row.content),
            "cue": words(row.cue), "source": words(row.source)}


def quotes_table(console: Console, quotes: Sequence[dict]) -> None:
    table = Table(title=f"{len(quotes)} attributions", title_justify="left", show_lines=False)
    for column in ("article", "speaker", "kind", "cue", "what was said", "said on", "trust"):
        table.add_column(column, overflow="fold" if column == "what was said" else "ellipsis",
                         no_wrap=column != "what was said", ratio=1 if column == "what was said" else None)
    for quote in quotes:
        speaker = quote["speaker"] or " ".join(part["text"] for part in quote["source"]) or "?"
        content = " … ".join(part["text"] for part in quote["content"])
        table.add_row(_cell(quote["article"][:SHORT_ID]), _cell(speaker[:30]), _cell(quote["kind"]),
                      _cell(" ".join(part["text"] for part in quote["cue"])[:28]), _cell(content[:300]),
                      _cell(quote["spoken_on"]), _cell(_trust(quote["confidence"])))
    console.print(table)


def _trust(confidence: float | None) -> str | None:
    """The confidence model's probability that the source is right, as a percentage."""
    return None if confidence is None else f"{confidence:.0%}"


def quote_groups(console: Console, groups: Sequence) -> None:
    if not groups:
        console.print(Text("No utterance is rendered in two or more articles yet."))
    for group in groups:
        flags = sorted({flag for flags in group.flags for flag in flags})
        title = Text(f"{group.speaker or 'unknown speaker'}: {len(group.renderings)} renderings")
        if flags:
            title.append("   changes: " + ", ".join(flags), style="bold red")
        console.print(title)
        for index, (rendering, changes, diff) in enumerate(zip(group.renderings, group.flags, group.diffs,
                                                                 strict=True)):
            where = f"{rendering.article_id[:SHORT_ID]} {rendering.outlet or ''} {rendering.published or ''}".strip()
            line = Text(f"  {where}: ", style="dim")
            line.append_text(Text(f"“{rendering.text}”"))
            if changes:
                line.append("  changes: " + ", ".join(changes), style="red")
            console.print(line)
            if index:
                console.print(Text("      against the first: ", style="dim").append_text(_diff_text(diff)))
        console.print()


def _diff_text(diff: list[tuple[str, str, str]]) -> Text:
    """[-words the first has-] {+words this one has instead+}, readable without colour too."""
    text = Text()
    for operation, first, other in diff:
        if operation == "equal":
            text.append(other + " ")
            continue
        if first:
            text.append(f"[-{first}-] ", style="red")
        if other:
            text.append(f"{{+{other}+}} ", style="green")
    return text


def attribution_scores(console: Console, scores: dict) -> None:
    """F1 per role and mode for each system, side by side."""
    systems = [name for name, value in scores.items() if "exact" in value]
    table = Table(title="Attributions: F1 (precision / recall)", title_justify="left")
    table.add_column("measure")
    for name in systems:
        table.add_column(name, justify="right")
    for mode in ("exact", "overlap"):
        for role in ("content", "source", "cue"):
            cells = [scores[name][mode][role] for name in systems]
            table.add_row(f"{role} {mode}", *(f"{c['f1']:.3f} ({c['precision']:.2f} / {c['recall']:.2f})" for c in cells))
    table.add_row("speaker accuracy", *(f"{scores[name]['speaker_accuracy']:.3f}" for name in systems))
    console.print(table)
    for name, value in scores.items():
        if "skipped" in value:
            console.print(Text(f"{name}: {value['skipped']}"))
        elif value.get("articles_where_textacy_raised"):
            console.print(Text(f"{name} raised on {value['articles_where_textacy_raised']} of {value['articles']} "
                               "articles (counted as finding nothing there)"))
