"""A fixed-seed sample of stored quotes with their context, for checking speakers by hand.

Usage: python benchmarks/quote_sample.py STORE.db [SEED] [COUNT]

Prints each sampled attribution as `rashomon quotes --json` gives it (whom it is credited to, the source and
cue words) and the text around its spans, so that a reader can say whether the credited speaker spoke.
The issue 25 check drew 50 from a freshly analyzed BASIL store with seeds 20261208, 7 and 99.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys

RASHOMON = [sys.executable, "-m", "rashomon"]
CONTEXT_BEFORE, CONTEXT_AFTER = 150, 60


def _run(*args: str) -> object:
    found = subprocess.run([*RASHOMON, *args], capture_output=True, text=True, check=True,
                           env={**os.environ, "HF_HUB_OFFLINE": "1"})
    return json.loads(found.stdout)


def main(db: str, seed: int, count: int) -> None:
    quotes = _run("quotes", "--db", db, "--all", "--json")
    print(f"{len(quotes)} quotes; seed {seed}", file=sys.stderr)
    texts: dict[str, str] = {}
    for number, quote in enumerate(random.Random(seed).sample(quotes, count), start=1):
        article = quote["article"]
        if article not in texts:
            shown = _run("show", article, "--db", db, "--json")
            texts[article] = (shown.get("article") or shown)["text"]
        text = texts[article]
        spans = [piece["span"] for role in ("content", "source", "cue") for piece in quote[role]]
        start = max(0, min(s[0] for s in spans) - CONTEXT_BEFORE)
        end = min(len(text), max(s[1] for s in spans) + CONTEXT_AFTER)
        print(f"#{number} {article[:8]}#{quote['index']} credited={quote['credited']!r} "
              f"source={[s['text'] for s in quote['source']]} cue={[c['text'] for c in quote['cue']]}")
        print("   ..." + " ".join(text[start:end].split()) + "...")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 20261208, int(sys.argv[3]) if len(sys.argv) > 3 else 50)
