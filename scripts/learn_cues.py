"""Learn verb forms that introduce attributions from PARC-style training data (PolNeAR train).

Usage: .venv/bin/python scripts/learn_cues.py ../shared/data/attributions/polnear-train.jsonl
Writes src/rashomon/nlp/learned_cues.json: every verb form seen at least MIN_SEEN times that the
annotators marked as (part of) a cue more often than not. Only the training split is read; the cut-off
("more often than not") is fixed here, not chosen on evaluation data. The hand-made tables in
nlp/cues.py stay; the learned forms are added to them.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from rashomon.nlp.models import spacy_pipeline

MIN_SEEN = 3
MIN_CUE_RATE = 0.5
OUTPUT = Path(__file__).resolve().parents[1] / "src" / "rashomon" / "nlp" / "learned_cues.json"


def main(path: Path) -> None:
    records = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    seen, marked = Counter(), Counter()
    nlp = spacy_pipeline("en")
    for record, doc in zip(records, nlp.pipe((r["text"] for r in records), batch_size=16), strict=True):
        cue_chars = {i for a in record["attributions"] for s, e in a["cue"] for i in range(s, e)}
        for token in doc:
            if token.pos_ == "VERB":
                seen[token.lower_] += 1
                marked[token.lower_] += token.idx in cue_chars
    rates = {form: round(marked[form] / seen[form], 3) for form in sorted(seen)
             if seen[form] >= MIN_SEEN and marked[form] / seen[form] >= MIN_CUE_RATE}
    OUTPUT.write_text(json.dumps({"learned_from": path.name, "min_seen": MIN_SEEN, "min_cue_rate": MIN_CUE_RATE,
                                  "cue_rate": rates}, indent=0, sort_keys=True) + "\n")
    print(f"{len(rates)} verb forms written to {OUTPUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
