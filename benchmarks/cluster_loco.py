"""Leave one corpus out: for each gold stories file, the cluster model chosen on the others, scored on it.

Usage: python benchmarks/story_variants.py ../shared/data/stories/basil.jsonl /tmp/variants
       python benchmarks/story_variants.py ../shared/data/stories/ecbplus-dev.jsonl /tmp/variants \\
           --variants long-undated --min-words 400
       python benchmarks/cluster_loco.py ../shared/data/stories/*.jsonl /tmp/variants/*.jsonl \\
           [--cache /tmp/loco-profiles] [--json]

Each file is ingested and analyzed once in a temporary store (``train.clusters.gold_profiles``; with
``--cache`` the clusterer's inputs are kept as pickles and reused), then clustered at every point of the
training grid. A variant made by ``story_variants.py`` (``basil-undated``) is left out together with the
corpus it was made from: choosing on BASIL and scoring on BASIL without its dates would not be a held-out
score. For each family left out, the point ``train.clusters.best_point`` chooses on all other files (the
same rule ``rashomon train clusters`` applies) is scored on the family's files, beside the best point of
the grid for that file (what a model fitted to it would reach). B-cubed F1 at event level.
"""

from __future__ import annotations

import argparse
import json
import pickle
from pathlib import Path

from rashomon.evaluate.metrics import bcubed
from rashomon.train.clusters import best_point, cluster_in_order, gold_profiles, grid

VARIANT_SUFFIXES = ("-long-undated", "-undated")  # as story_variants.py names its files


def family(path: Path) -> str:
    stem = path.stem
    for suffix in VARIANT_SUFFIXES:
        if stem.endswith(suffix):
            return stem[: -len(suffix)]
    return stem


def profiles_of(path: Path, cache: Path | None):
    target = cache / f"{path.stem}.pkl" if cache else None
    if target and target.exists():
        return pickle.loads(target.read_bytes())
    found = gold_profiles(path, lambda _: None)
    if target:
        target.write_bytes(pickle.dumps(found))
    return found


def scored(paths: list[Path], cache: Path | None) -> dict[Path, list[dict]]:
    """Every file's B-cubed scores at every grid point, in the grid's order."""
    models, scores = grid(), {}
    for path in paths:
        profiles, labels = profiles_of(path, cache)
        scores[path] = [bcubed(cluster_in_order(profiles, model), labels) for model in models]
        print(f"{path.name}: {len(profiles)} articles, grid scored", flush=True)
    return scores


def leave_one_out(paths: list[Path], scores: dict[Path, list[dict]]) -> list[dict]:
    from rashomon.train.clusters import GridPoint

    models, rows = grid(), []
    for held in sorted({family(path) for path in paths}):
        train = [path for path in paths if family(path) != held]
        points = [GridPoint(model, tuple(scores[path][i]["f1"] for path in train)) for i, model in enumerate(models)]
        chosen = points.index(best_point(points))
        model = models[chosen]
        for path in (path for path in paths if family(path) == held):
            rows.append({"held_out": path.name, "chosen_on": [p.name for p in train],
                         "model": {"meaning_weight": model.meaning_weight,
                                   "background_ranks": list(model.background_ranks),
                                   "event_threshold": model.event_threshold},
                         "bcubed": {k: round(v, 4) for k, v in scores[path][chosen].items()},
                         "grid_best_f1": round(max(s["f1"] for s in scores[path]), 4)})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--cache", type=Path, help="keep each file's clusterer inputs here and reuse them")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if args.cache:
        args.cache.mkdir(parents=True, exist_ok=True)
    rows = leave_one_out(args.paths, scored(args.paths, args.cache))
    if args.json:
        print(json.dumps(rows, indent=1))
        return
    for row in rows:
        b = row["bcubed"]
        print(f"{row['held_out']:40} F1 {b['f1']:.4f} (P {b['precision']:.3f} / R {b['recall']:.3f})  "
              f"grid best {row['grid_best_f1']:.4f}  model {row['model']}")


if __name__ == "__main__":
    main()
