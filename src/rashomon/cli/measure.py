"""Commands that measure rashomon against gold data (`eval …`) and fit its learned parts (`train …`)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from rashomon.cli.app import (
    JsonOption,
    err,
    errors,
    existing_file,
    out,
    print_json,
    progress_bar,
    progress_display,
)
from rashomon.cli.render import scores as render_scores
from rashomon.cli.render import stories as render_stories
from rashomon.errors import RashomonError
from rashomon.settings import Settings


def _evaluate(verb: str, as_json: bool, run, show, path: Path | None = None) -> None:
    """Run an evaluation with a progress spinner; print its scores as JSON or as a table."""
    with errors():
        if path is not None:
            existing_file(path)
        with progress_bar(verb, quiet=as_json, total=None) as bar:
            scores = run(bar.advance)
        if as_json:
            print_json(scores)
        else:
            show(scores)


def eval_extraction_command(
    folder: Annotated[Path, typer.Argument(help="A folder with html/<id>.html.gz and ground-truth.json.")],
    as_json: JsonOption = False,
) -> None:
    """Article-text extraction: precision, recall and F1 over token 4-gram shingles."""
    from rashomon.evaluate.extraction import evaluate_extraction

    settings = Settings.load()
    _evaluate("extracting", as_json, lambda tick: evaluate_extraction(folder, settings, tick),
              lambda scores: render_scores.scores_table(out, "Extraction", scores))


def eval_dates_command(
    path: Annotated[Path, typer.Argument(help="JSONL with published, text and gold timexes (TempEval-3 style).")],
    as_json: JsonOption = False,
) -> None:
    """Temporal expressions: strict and relaxed span F1, and value F1 (TempEval-3 task A)."""
    from rashomon.evaluate.dates import evaluate_dates

    _evaluate("dating", as_json, lambda tick: evaluate_dates(path, on_document=tick),
              lambda scores: render_scores.nested_scores_table(out, "Temporal expressions", scores), path)


def eval_attributions_command(
    path: Annotated[Path, typer.Argument(help="JSONL with text and gold attributions (PolNeAR style).")],
    baseline: Annotated[bool, typer.Option(help="Also score textacy's direct_quotations, if installed.")] = True,
    as_json: JsonOption = False,
) -> None:
    """Attributions: precision, recall and F1 for content, source and cue, exact and overlap; speaker accuracy."""
    from rashomon.evaluate.attributions import evaluate_attributions

    _evaluate("attributing", as_json, lambda tick: evaluate_attributions(path, baseline, on_article=tick),
              lambda scores: render_scores.attribution_scores(out, scores), path)


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

    with errors():
        if level not in LEVELS:
            raise RashomonError(f"--level {level!r}: expected event or story")
        loaded = ClusterModel.read(model) if model else None
    _evaluate("clustering", as_json, lambda tick: evaluate_stories(path, level, baselines, loaded, tick),
              lambda scores: render_scores.story_scores(out, scores), path)


def eval_divergences_command(
    path: Annotated[Path, typer.Argument(help="JSONL articles with a gold `story` label (any stories file).")],
    events: Annotated[int, typer.Option(help="How many events to perturb an article of.", min=1)] = 40,
    seed: Annotated[int, typer.Option(help="The seed of the random choices: the same seed, the same copies.")] = 1,
    as_json: JsonOption = False,
) -> None:
    """Divergences: recall of changes made to copies of articles, and divergences claimed where none was made."""
    from rashomon.evaluate.divergences import evaluate_divergences

    _evaluate("perturbing and comparing", as_json, lambda tick: evaluate_divergences(path, events, seed, tick),
              lambda scores: render_scores.divergence_scores(out, scores), path)


def train_clusters_command(
    paths: Annotated[list[Path], typer.Argument(help="JSONL articles with gold `story` labels.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Where to write the model (JSON).")],
) -> None:
    """Choose the clusterer's parameters on gold story labels: the grid point good on every file (the least
    worst shortfall from any file's best B-cubed F1)."""
    from rashomon.train.clusters import train_cluster_model

    with errors():
        for path in paths:
            existing_file(path)
        with progress_bar("analyzing, then clustering at each grid point", total=None) as bar:
            model, points = train_cluster_model(paths, bar.advance, lambda _: bar.advance())
        model.save(output)
        render_stories.training_grid(err, points, [path.name for path in paths], model)
        err.print(f"written to {output}")


def train_cues_command(
    path: Annotated[Path, typer.Argument(help="JSONL with text and gold attributions (a training split).")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Where to write the model (JSON).")],
) -> None:
    """Fit the attribution cue model on gold attributions and write its weights."""
    from rashomon.train.cues import train_cue_model

    with errors():
        model, candidates, in_gold = train_cue_model(existing_file(path), progress_display())
        model.save(output)
        err.print(f"{candidates:,} candidate words, {in_gold:,} in gold cues; "
                  f"{len(model.weights):,} weights written to {output}")


def train_confidence_command(
    path: Annotated[Path, typer.Argument(help="JSONL with text and gold attributions (a training split).")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Where to write the model (JSON).")],
    folds: Annotated[int, typer.Option(help="Folds for the cross-fitted cue models.", min=2)] = 5,
) -> None:
    """Fit the attribution confidence model: attributions found with cue models fitted on the other folds."""
    from rashomon.train.confidence import train_confidence_model

    with errors():
        model, judged, right = train_confidence_model(existing_file(path), folds, progress_display())
        model.save(output)
        err.print(f"{judged:,} attributions with a source, {right:,} of them right; "
                  f"{len(model.weights):,} weights written to {output}")
