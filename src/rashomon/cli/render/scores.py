"""What the ``eval`` commands measured, as tables."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from rashomon.cli.render.common import Column, fitted_table


def scores_table(console: Console, title: str, scores: dict) -> None:
    rows = [[name, f"{value:.3f}" if isinstance(value, float) else str(value)] for name, value in scores.items()]
    console.print(fitted_table(console.width, (Column("measure", text=True, narrowest=20),
                                               Column("value", justify="right")), rows, title=title))


def nested_scores_table(console: Console, title: str, scores: dict) -> None:
    rows = [[name, *(f"{value[key]:.3f}" for key in ("precision", "recall", "f1"))] for name, value in scores.items()
            if isinstance(value, dict) and {"precision", "recall", "f1"} <= set(value)]
    columns = (Column("measure", text=True, narrowest=20), Column("precision", priority=1, justify="right"),
               Column("recall", priority=2, justify="right"), Column("f1", priority=0, justify="right"))
    console.print(fitted_table(console.width, columns, rows, title=title))
    for name, value in scores.items():
        if not isinstance(value, dict):
            console.print(Text(f"{name}: {value:.3f}" if isinstance(value, float) else f"{name}: {value}"))


def attribution_scores(console: Console, scores: dict) -> None:
    """F1 per role and mode for each system, side by side."""
    systems = [name for name, value in scores.items() if "exact" in value]
    rows = [[f"{role} {mode}", *(f"{c['f1']:.3f} ({c['precision']:.2f} / {c['recall']:.2f})"
                                 for c in (scores[name][mode][role] for name in systems))]
            for mode in ("exact", "overlap") for role in ("content", "source", "cue")]
    rows.append(["speaker accuracy", *(f"{scores[name]['speaker_accuracy']:.3f}" for name in systems)])
    rows.append(["speaker accuracy, all gold sources",
                 *(f"{scores[name]['speaker_accuracy_all_sources']:.3f}" for name in systems)])
    rows.append(["named speaker precision", *(f"{scores[name]['named_speaker_precision']:.3f}" for name in systems)])
    columns = (Column("measure", text=True, narrowest=16),
               *(Column(name, priority=number, justify="right") for number, name in enumerate(systems)))
    console.print(fitted_table(console.width, columns, rows, title="Attributions: F1 (precision / recall)"))
    for name, value in scores.items():
        if "skipped" in value:
            console.print(Text(f"{name}: {value['skipped']}"))
        elif value.get("articles_where_textacy_raised"):
            console.print(Text(f"{name} raised on {value['articles_where_textacy_raised']} of {value['articles']} "
                               "articles (counted as finding nothing there)"))


def divergence_scores(console: Console, scores: dict) -> None:
    rows = [[kind, sum(scores["perturbations"].values()) if kind == "all" else scores["perturbations"][kind],
             "–" if recall is None else f"{recall:.3f}"] for kind, recall in scores["recall"].items()]
    columns = (Column("kind", text=True, narrowest=16), Column("copies", priority=1, justify="right"),
               Column("recall", priority=0, justify="right"))
    console.print(fitted_table(console.width, columns, rows, title=f"Divergences: changes caught in perturbed "
                                                                   f"copies ({scores['events']} events, seed {scores['seed']})"))
    console.print(Text(f"{scores['false_divergences_per_100_pairs']:.2f} divergences claimed per 100 matched "
                       f"pairs of the unperturbed corpus ({scores['pairs']} pairs): "
                       + ", ".join(f"{n} {kind}" for kind, n in scores["false_divergences"].items())))


def story_scores(console: Console, scores: dict) -> None:
    systems = [name for name, value in scores.items() if isinstance(value, dict) and "bcubed" in value]
    rows = [[name, *(f"{scores[name]['bcubed'][k]:.3f}" for k in ("precision", "recall", "f1")),
             f"{scores[name]['ari']:.3f}", f"{scores[name]['clusters']} (gold {scores[name]['gold_clusters']})"]
            for name in systems]
    columns = (Column("system", text=True, narrowest=12), Column("B-cubed P", priority=1, justify="right"),
               Column("B-cubed R", priority=2, justify="right"), Column("B-cubed F1", priority=0, justify="right"),
               Column("ARI", priority=3, justify="right"), Column("clusters", priority=4))
    console.print(fitted_table(console.width, columns, rows,
                               title=f"Clustering at the {scores['level']} level, {scores['articles']} articles"))
