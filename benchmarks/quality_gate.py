"""The quality gate: `rashomon eval` on the public corpora, each figure checked against its floor.

Usage: python benchmarks/quality_gate.py ../shared/data [--floors benchmarks/quality_floors.toml] [--json]

Each check of the floors file names an eval command (``{data}`` stands for the data folder), the figure
to read from its JSON output (a dotted path) and the floor under which the gate fails (or, for a figure
that must stay low, the ceiling above which it fails). A command is run once however many checks read it. Exit status 0 when every figure is at or above its floor, 1 when one
is not or a command failed, 2 when the data folder or the floors file cannot be used.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
import tomllib
from pathlib import Path

FLOORS = Path(__file__).with_name("quality_floors.toml")


def read_checks(path: Path) -> list[dict]:
    checks = tomllib.loads(path.read_text(encoding="utf-8"))["check"]
    for check in checks:
        missing = {"name", "command", "figure"} - set(check)
        if not {"floor", "ceiling"} & set(check):
            missing.add("floor or ceiling")
        if missing:
            raise ValueError(f"{path}: check {check.get('name', '?')!r} lacks {', '.join(sorted(missing))}")
    return checks


def run_eval(command: list[str], data: Path) -> tuple[dict | None, str, float]:
    """The command's JSON output (None if it failed), its error text, and its seconds."""
    arguments = [part.format(data=data) for part in command]
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "rashomon", *arguments, "--json"], capture_output=True,
                            text=True, env={**os.environ, "HF_HUB_OFFLINE": "1"})
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        return None, result.stderr.strip()[-500:], seconds
    return json.loads(result.stdout), "", seconds


def figure(output: dict, dotted: str) -> float:
    value = output
    for key in dotted.split("."):
        value = value[key]
    return float(value)


def gate(data: Path, checks: list[dict]) -> list[dict]:
    outputs: dict[tuple, tuple] = {}
    results = []
    for check in checks:
        key = tuple(check["command"])
        if key not in outputs:
            outputs[key] = run_eval(check["command"], data)
            shown = " ".join(part.format(data=data) for part in key)
            print(f"  ran rashomon {shown} in {outputs[key][2]:.0f} s", file=sys.stderr)
        output, error, _ = outputs[key]
        value = figure(output, check["figure"]) if output is not None else None
        passed = value is not None and value >= check.get("floor", value) and value <= check.get("ceiling", value)
        bound = {key: check[key] for key in ("floor", "ceiling") if key in check}
        results.append({"name": check["name"], "figure": value, **bound, "passed": passed,
                        **({"error": error} if output is None else {})})
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="the benchmark data folder (../shared/data)")
    parser.add_argument("--floors", type=Path, default=FLOORS)
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args()
    if not args.data.is_dir():
        print(f"quality gate: {args.data}: no such folder", file=sys.stderr)
        return 2
    try:
        checks = read_checks(args.floors)
    except (OSError, ValueError, KeyError, tomllib.TOMLDecodeError) as error:
        print(f"quality gate: {args.floors}: {error}", file=sys.stderr)
        return 2
    results = gate(args.data, checks)
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        for result in results:
            shown = "failed" if result["figure"] is None else f"{result['figure']:.4f}"
            mark = "ok  " if result["passed"] else "FAIL"
            bound = f"floor {result['floor']:.3f}" if "floor" in result else f"ceiling {result['ceiling']:.2f}"
            print(f"{mark} {shown:>8}  {bound}  {result['name']}")
            if "error" in result:
                print(f"     {result['error']}")
    failed = [result["name"] for result in results if not result["passed"]]
    print(f"quality gate: {len(results) - len(failed)} of {len(results)} figures within their bounds"
          + (f"; below: {'; '.join(failed)}" if failed else ""), file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
