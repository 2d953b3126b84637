"""The `rashomon` command: thin commands over the library, drawn with Rich."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from rashomon import cluster_views, samples, views
from rashomon.align import quote_groups
from rashomon.analysis import AnalyzeReport, analyze
from rashomon.errors import RashomonError
from rashomon.evaluate.attributions import evaluate_attributions
from rashomon.evaluate.dates import evaluate_dates
from rashomon.evaluate.extraction import evaluate_extraction
from rashomon.ingest.session import IngestReport, ingest
from rashomon.settings import Settings
from rashomon.store import Store, queries

app = typer.Typer(help="The same event, many accounts: how the press covers one story.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)
eval_app = typer.Typer(help="Measure rashomon against gold data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")
train_app = typer.Typer(help="Fit rashomon's learned parts on gold data.", no_args_is_help=True)
app.add_typer(train_app, name="train")

out = Console(highlight=False, soft_wrap=False)
err = Console(stderr=True, highlight=False)

EXIT_REJECTED = 1
EXIT_INTERRUPTED = 130

DbOption = Annotated[Optional[str], typer.Option(
    "--db", help="Store: a SQLite file [default: ./rashomon.db or $RASHOMON_DB]")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for programs to read.")]


@contextmanager
def _errors() -> Iterator[None]:
    """Every rashomon error ends the command with `Error: …` and exit status 1."""
    try:
        yield
    except RashomonError as error:
        err.print(f"Error: {error}", markup=False)
        raise typer.Exit(1) from None


def _open(db: str | None, **overrides: object) -> tuple[Store, Settings]:
    settings = Settings.load(db=db, **overrides)
    return Store.open(settings.db), settings


def _print_json(value: object) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2, default=str) + "\n")


class _Bar:
    """Progress of long work as a Rich bar on stderr (so --json output stays clean)."""

    def __init__(self, progress: Progress, verb: str):
        self.progress = progress
        self.verb = verb
        self.task = progress.add_task(verb, total=0)

    def add_work(self, amount: int) -> None:
        self.progress.update(self.task, total=self.progress.tasks[self.task].total + amount)

    def advance(self, item: str) -> None:
        self.progress.update(self.task, advance=1, description=f"{self.verb} {Path(item).name[:40]}")


_COLUMNS = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
            TimeElapsedColumn(), TimeRemainingColumn())


def _run_ingest(store: Store, inputs: list[str], settings: Settings, quiet: bool) -> IngestReport:
    with Progress(*_COLUMNS, console=err, transient=True, disable=quiet) as progress:
        return ingest(store, inputs, settings, _Bar(progress, "ingesting"))


def _run_analyze(store: Store, settings: Settings, quiet: bool) -> AnalyzeReport:
    with Progress(*_COLUMNS, console=err, transient=True, disable=quiet) as progress:
        return analyze(store, settings, _Bar(progress, "annotating"))


def _finish_ingest(report: IngestReport) -> None:
    if report.interrupted:
        err.print("Interrupted: every committed batch is kept; run the same command again "
                  "to ingest the rest.")
        raise typer.Exit(EXIT_INTERRUPTED)
    if report.rejections:
        raise typer.Exit(EXIT_REJECTED)


@app.command("ingest")
def ingest_command(
    inputs: Annotated[list[str], typer.Argument(
        help="Files, folders, JSONL dumps, WARC files, RSS/Atom feeds (files or URLs), article URLs.")],
    db: DbOption = None,
    allow_private: Annotated[bool, typer.Option(
        "--allow-private", help="Fetch URLs on private, loopback and link-local addresses.")] = False,
    as_json: JsonOption = False,
) -> None:
    """Read articles from every input and store each once; explain every input that cannot be used."""
    with _errors():
        store, settings = _open(db, allow_private=allow_private or None)
        report = _run_ingest(store, inputs, settings, quiet=as_json)
        if as_json:
            _print_json(report.as_dict())
        else:
            views.ingest_summary(out, report)
    _finish_ingest(report)


@app.command("articles")
def articles_command(
    db: DbOption = None,
    outlet: Annotated[Optional[str], typer.Option(help="Only this outlet.")] = None,
    since: Annotated[Optional[str], typer.Option(help="Published on or after YYYY-MM-DD.")] = None,
    until: Annotated[Optional[str], typer.Option(help="Published on or before YYYY-MM-DD.")] = None,
    language: Annotated[Optional[str], typer.Option(help="ISO 639-1 language code, e.g. en.")] = None,
    copies: Annotated[bool, typer.Option(help="Include articles that copy another.")] = True,
    limit: Annotated[Optional[int], typer.Option(help="At most this many.")] = None,
    as_json: JsonOption = False,
) -> None:
    """List stored articles, oldest first."""
    with _errors():
        store, _ = _open(db)
        where = queries.ArticleFilter(outlet=outlet, since=_date(since, "--since"),
                                      until=_date(until, "--until"), language=language, copies=copies)
        with store.read() as connection:
            found = list(queries.articles(connection, where, limit))
        if as_json:
            _print_json([views.article_summary(article) for article in found])
        else:
            views.articles_table(out, found)


def _date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise RashomonError(f"{option} {value!r}: expected a date as YYYY-MM-DD") from None


@app.command("analyze")
def analyze_command(db: DbOption = None, as_json: JsonOption = False) -> None:
    """Annotate every article not yet annotated: sentences, entities, dates, embeddings (over all cores)."""
    with _errors():
        store, settings = _open(db)
        report = _run_analyze(store, settings, quiet=as_json)
        if as_json:
            _print_json(report.as_dict())
        else:
            views.analyze_summary(out, report)
    if report.interrupted:
        err.print("Interrupted: annotations written so far are kept; run analyze again to finish.")
        raise typer.Exit(EXIT_INTERRUPTED)
    if report.failures:
        raise typer.Exit(EXIT_REJECTED)


@app.command("entities")
def entities_command(
    db: DbOption = None,
    label: Annotated[Optional[str], typer.Option(help="Only this kind: PERSON, ORG, PLACE, NORP, EVENT, FAC.")] = None,
    limit: Annotated[Optional[int], typer.Option(help="At most this many.")] = 30,
    as_json: JsonOption = False,
) -> None:
    """Canonical entities across the corpus, with the number of articles that mention each."""
    with _errors():
        store, _ = _open(db)
        with store.read() as connection:
            rows = queries.entity_article_counts(connection, label.upper() if label else None)[:limit]
        if as_json:
            _print_json([dict(row._mapping) for row in rows])
        else:
            views.entities_table(out, rows)


@app.command("quotes")
def quotes_command(
    db: DbOption = None,
    speaker: Annotated[Optional[str], typer.Option(help="Part of the speaker's name, any case.")] = None,
    article: Annotated[Optional[str], typer.Option(help="Article id or id prefix.")] = None,
    kind: Annotated[Optional[str], typer.Option(help="direct, indirect or mixed.")] = None,
    min_confidence: Annotated[Optional[float], typer.Option(
        help="Leave out attributions whose source is judged less likely than this to be right (0 to 1).",
        min=0.0, max=1.0)] = None,
    as_json: JsonOption = False,
) -> None:
    """Who said what: every attribution with its speaker, cue and content, pointing into the article."""
    with _errors():
        if kind not in (None, "direct", "indirect", "mixed"):
            raise RashomonError(f"--kind {kind!r}: expected direct, indirect or mixed")
        store, _ = _open(db)
        with store.read() as connection:
            rows = queries.quotes(connection, queries.QuoteFilter(speaker, article, kind, min_confidence))
        found = [views.quote_record(row) for row in rows]
        if as_json:
            _print_json(found)
        else:
            views.quotes_table(out, found)


@app.command("quote-groups")
def quote_groups_command(
    db: DbOption = None,
    speaker: Annotated[Optional[str], typer.Option(help="Part of the speaker's name, any case.")] = None,
    as_json: JsonOption = False,
) -> None:
    """One utterance across outlets: each group's renderings, their word diff and what they change."""
    with _errors():
        store, _ = _open(db)
        with store.read() as connection:
            groups = quote_groups(connection, speaker)
        if as_json:
            _print_json([group.as_dict() for group in groups])
        else:
            views.quote_groups(out, groups)


@app.command("stories")
def stories_command(db: DbOption = None, as_json: JsonOption = False) -> None:
    """Stories, largest first: their events, articles, outlets, and first and last dates."""
    with _errors():
        store, _ = _open(db)
        with store.read() as connection:
            rows = queries.stories_overview(connection)
        if as_json:
            _print_json([cluster_views.story_record(row) for row in rows])
        else:
            cluster_views.stories_table(out, rows)


@app.command("story")
def story_command(
    story: Annotated[int, typer.Argument(help="Story number, as `rashomon stories` lists it.")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """One story: its events, their articles by outlet, and its coverage over time."""
    with _errors():
        store, _ = _open(db)
        with store.read() as connection:
            record = cluster_views.story_record_detail(story, queries.story_articles(connection, story))
        if as_json:
            _print_json(record)
        else:
            cluster_views.story_detail(out, record)


@app.command("why")
def why_command(
    article: Annotated[str, typer.Argument(help="Article id, unique id prefix, or URL.")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Why an article is in its event and story: candidates, similarities, shared entities and words, thresholds."""
    from rashomon.cluster.explain import explain

    with _errors():
        store, _ = _open(db)
        with store.read() as connection:
            explained = explain(connection, queries.find_article(connection, article).id)
        if as_json:
            _print_json(explained)
        else:
            cluster_views.why_detail(out, explained)


@app.command("show")
def show_command(
    article: Annotated[str, typer.Argument(help="Article id, unique id prefix, or URL.")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Show one article: where it came from, its revisions and copies, and its text."""
    with _errors():
        store, _ = _open(db)
        with store.read() as connection:
            found = queries.find_article(connection, article)
            revisions = queries.revisions(connection, found.id)
            copies = queries.copies_of(connection, found.id)
            annotations = queries.article_annotations(connection, found.id)
        if as_json:
            _print_json({**views.article_record(found), "revisions": len(revisions),
                         "copies": [copy.id for copy in copies], "annotations": annotations})
        else:
            views.article_detail(out, found, revisions, copies)
            views.annotations_detail(out, found, annotations)


@app.command("export")
def export_command(
    db: DbOption = None,
    format: Annotated[str, typer.Option("--format", help="Export format (jsonl).")] = "jsonl",
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="File to write [default: stdout].")] = None,
) -> None:
    """Write every article as JSONL, in the schema `rashomon ingest` reads back."""
    with _errors():
        if format != "jsonl":
            raise RashomonError(f"--format {format!r}: only jsonl is supported")
        store, _ = _open(db)
        stream = output.open("w", encoding="utf-8") if output else sys.stdout
        try:
            with store.read() as connection:
                for article in queries.articles(connection):
                    stream.write(json.dumps(views.article_record(article), ensure_ascii=False) + "\n")
        finally:
            if output:
                stream.close()


@app.command("rejections")
def rejections_command(db: DbOption = None, as_json: JsonOption = False) -> None:
    """List every input that could not be used, and why."""
    with _errors():
        store, _ = _open(db)
        with store.read() as connection:
            found = queries.rejections(connection)
        if as_json:
            _print_json([{"input": r.rejection.origin, "stage": r.rejection.stage,
                          "reason": r.rejection.reason, "times": r.times,
                          "last_seen": r.last_seen.isoformat()} for r in found])
        else:
            views.rejections_table(out, found)


@app.command("demo")
def demo_command(
    db: Annotated[str, typer.Option("--db", help="Store to create afresh for the demo.")] = "rashomon-demo.db",
) -> None:
    """Ingest the bundled sample corpus (five articles on NATO enlargement) into a fresh store and show it."""
    with _errors():
        samples.remove_store_files(Path(db))
        store, settings = _open(db)
        report = _run_ingest(store, [str(path) for path in samples.seed_paths()], settings, quiet=False)
        _run_analyze(store, settings, quiet=False)
        with store.read() as connection:
            found = list(queries.articles(connection))
            entities = queries.entity_article_counts(connection)[:12]
            dates = queries.dated_mentions(connection)
            groups = quote_groups(connection)
            stories = queries.stories_overview(connection)
            largest = cluster_views.story_record_detail(stories[0].story, queries.story_articles(
                connection, stories[0].story)) if stories else None
        views.demo(out, report, found, entities, dates, groups, db)
        cluster_views.stories_table(out, stories)
        if largest:
            cluster_views.story_detail(out, largest)
    _finish_ingest(report)


@eval_app.command("extraction")
def eval_extraction_command(
    folder: Annotated[Path, typer.Argument(help="A folder with html/<id>.html.gz and ground-truth.json.")],
    as_json: JsonOption = False,
) -> None:
    """Article-text extraction: precision, recall and F1 over token 4-gram shingles."""
    settings = Settings.load()
    _evaluate("extracting", as_json, lambda tick: evaluate_extraction(folder, settings, tick),
              lambda scores: views.scores_table(out, "Extraction", scores))


def _evaluate(verb: str, as_json: bool, run, show, path: Path | None = None) -> None:
    """Run an evaluation with a progress spinner; print its scores as JSON or as a table."""
    with _errors():
        if path is not None and not path.is_file():
            raise RashomonError(f"{path}: no such file")
        with Progress(*_COLUMNS, console=err, transient=True, disable=as_json) as progress:
            task = progress.add_task(verb, total=None)
            scores = run(lambda _: progress.advance(task))
        if as_json:
            _print_json(scores)
        else:
            show(scores)


@eval_app.command("dates")
def eval_dates_command(
    path: Annotated[Path, typer.Argument(help="JSONL with published, text and gold timexes (TempEval-3 style).")],
    as_json: JsonOption = False,
) -> None:
    """Temporal expressions: strict and relaxed span F1, and value F1 (TempEval-3 task A)."""
    _evaluate("dating", as_json, lambda tick: evaluate_dates(path, on_document=tick),
              lambda scores: views.nested_scores_table(out, "Temporal expressions", scores), path)


@eval_app.command("attributions")
def eval_attributions_command(
    path: Annotated[Path, typer.Argument(help="JSONL with text and gold attributions (PolNeAR style).")],
    baseline: Annotated[bool, typer.Option(help="Also score textacy's direct_quotations, if installed.")] = True,
    as_json: JsonOption = False,
) -> None:
    """Attributions: precision, recall and F1 for content, source and cue, exact and overlap; speaker accuracy."""
    _evaluate("attributing", as_json, lambda tick: evaluate_attributions(path, baseline, on_article=tick),
              lambda scores: views.attribution_scores(out, scores), path)


@eval_app.command("stories")
def eval_stories_command(
    path: Annotated[Path, typer.Argument(help="JSONL articles with a gold `story` label.")],
    level: Annotated[str, typer.Option(help="event or story: which of rashomon's levels to score.")] = "event",
    baselines: Annotated[bool, typer.Option(help="Also score TF-IDF + agglomerative and embeddings + HDBSCAN.")] = True,
    model: Annotated[Optional[Path], typer.Option(help="A cluster model file [default: the bundled one].")] = None,
    as_json: JsonOption = False,
) -> None:
    """Stories and events: B-cubed precision, recall and F1, ARI and cluster counts against gold labels."""
    from rashomon.cluster.similarity import ClusterModel
    from rashomon.evaluate.stories import LEVELS, evaluate_stories

    with _errors():
        if level not in LEVELS:
            raise RashomonError(f"--level {level!r}: expected event or story")
        loaded = ClusterModel.read(model) if model else None
    _evaluate("clustering", as_json, lambda tick: evaluate_stories(path, level, baselines, loaded, tick),
              lambda scores: cluster_views.story_scores(out, scores), path)


@train_app.command("clusters")
def train_clusters_command(
    paths: Annotated[list[Path], typer.Argument(help="JSONL articles with gold `story` labels.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Where to write the model (JSON).")],
) -> None:
    """Choose the clusterer's parameters on gold story labels: the grid point with the best mean B-cubed F1."""
    from rashomon.cluster.training import train_cluster_model

    with _errors():
        for path in paths:
            if not path.is_file():
                raise RashomonError(f"{path}: no such file")
        with Progress(*_COLUMNS, console=err, transient=True) as progress:
            task = progress.add_task("analyzing, then clustering at each grid point", total=None)
            model, points = train_cluster_model(paths, lambda _: progress.advance(task),
                                                lambda _: progress.advance(task))
        model.save(output)
        cluster_views.training_grid(err, points, [path.name for path in paths], model)
        err.print(f"written to {output}")


@train_app.command("cues")
def train_cues_command(
    path: Annotated[Path, typer.Argument(help="JSONL with text and gold attributions (a training split).")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Where to write the model (JSON).")],
) -> None:
    """Fit the attribution cue model on gold attributions and write its weights."""
    from rashomon.train.cues import train_cue_model

    with _errors():
        if not path.is_file():
            raise RashomonError(f"{path}: no such file")
        model, candidates, in_gold = train_cue_model(path, Progress(*_COLUMNS, console=err, transient=True))
        model.save(output)
        err.print(f"{candidates:,} candidate words, {in_gold:,} in gold cues; "
                  f"{len(model.weights):,} weights written to {output}")


@train_app.command("confidence")
def train_confidence_command(
    path: Annotated[Path, typer.Argument(help="JSONL with text and gold attributions (a training split).")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Where to write the model (JSON).")],
    folds: Annotated[int, typer.Option(help="Folds for the cross-fitted cue models.", min=2)] = 5,
) -> None:
    """Fit the attribution confidence model: attributions found with cue models fitted on the other folds."""
    from rashomon.train.confidence import train_confidence_model

    with _errors():
        if not path.is_file():
            raise RashomonError(f"{path}: no such file")
        model, judged, right = train_confidence_model(path, folds, Progress(*_COLUMNS, console=err, transient=True))
        model.save(output)
        err.print(f"{judged:,} attributions with a source, {right:,} of them right; "
                  f"{len(model.weights):,} weights written to {output}")


def main() -> None:
    app()
