"""What the ``eval`` commands measured, as tables."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text


def scores_table(console: Console, title: str, scores: dict) -> None:
    table = Table(title=title, title_justify="left")
    table.add_column("measure")
    table.add_column("value", justify="right")
    for name, value in scores.items():
        table.add_row(name, f"{value:.3f}" if isinstance(value, float) else str(value))
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
    table.add_row("speaker accuracy, all gold sources",
                  *(f"{scores[name]['speaker_accuracy_all_sources']:.3f}" for name in systems))
    table.add_row("named speaker precision", *(f"{scores[name]['named_speaker_precision']:.3f}" for name in systems))
    console.print(table)
    for name, value in scores.items():
        if "skipped" in value:
            console.print(Text(f"{name}: {value['skipped']}"))
        elif value.get("articles_where_textacy_raised"):
            console.print(Text(f"{name} raised on {value['articles_where_textacy_raised']} of {value['articles']} "
                               "articles (counted as finding nothing there)"))


def divergence_scores(console: Console, scores: dict) -> None:
    table = Table(title=f"Divergences: changes caught in perturbed copies ({scores['events']} events, "
                        f"seed {scores['seed']})", title_justify="left")
    for name in ("kind", "copies", "recall"):
        table.add_column(name, justify="left" if name == "kind" else "right")
    for kind, recall in scores["recall"].items():
        copies = sum(scores["perturbations"].values()) if kind == "all" else scores["perturbations"][kind]
        table.add_row(kind, str(copies), "–" if recall is None else f"{recall:.3f}")
    console.print(table)
    console.print(Text(f"{scores['false_divergences_per_100_pairs']:.2f} divergences claimed per 100 matched "
                       f"pairs of the unperturbed corpus ({scores['pairs']} pairs): "
                       + ", ".join(f"{n} {kind}" for kind, n in scores["false_divergences"].items())))


def story_scores(console: Console, scores: dict) -> None:
    systems = [name for name, value in scores.items() if isinstance(value, dict) and "bcubed" in value]
    table = Table(title=f"Clustering at the {scores['level']} level, {scores['articles']} articles",
                  title_justify="left")
    for name in ("system", "B-cubed P", "B-cubed R", "B-cubed F1", "ARI", "clusters"):
        table.add_column(name)
    for name in systems:
        value = scores[name]
        table.add_row(name, *(f"{value['bcubed'][k]:.3f}" for k in ("precision", "recall", "f1")),
                      f"{value['ari']:.3f}", f"{value['clusters']} (gold {value['gold_clusters']})")
    console.print(table)
