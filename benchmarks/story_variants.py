"""Variants of a gold stories file that can be derived honestly from it: the same articles, less metadata.

Usage: python benchmarks/story_variants.py ../shared/data/stories/basil.jsonl OUT_DIR
           [--variants undated long-undated] [--min-words N]
       rashomon eval stories OUT_DIR/basil-undated.jsonl --json

Each variant is written to ``OUT_DIR/<file stem>-<variant>.jsonl`` (one article a line, the schema of
../shared/data/stories, every other field kept), never into the repository:
- ``undated``: ``published`` is null, and a leading " date YYYY-MM-DD" line (as the seeds open) is removed
  from the text; a date the text itself names stays, as it would in a page without metadata.
- ``long-undated``: the undated articles of at least ``--min-words`` words (0 by default: all of them).
  No text is added: ECB+ dev articles are as long as they are (median 230 words, 220 of 772 have 400 or
  more), so its long reports are its longer articles, kept with their gold labels; a gold event left with
  one article stays in the file. ECB+ dev is undated already, so with ``--min-words 0`` this variant and
  ``undated`` hold the same articles as the original.
Counts of articles and gold stories in each variant are printed as JSON.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from rashomon.evaluate.stories import read_records

DATE_LINE = re.compile(r"^\s*date \d{4}-\d{2}-\d{2}\s+")  # as extract/text.py reads it
VARIANTS = ("undated", "long-undated")


def undated(record: dict) -> dict:
    return record | {"published": None, "text": DATE_LINE.sub("", record["text"], count=1)}


def variant(records: list[dict], name: str, min_words: int = 0) -> list[dict]:
    records = [undated(record) for record in records]
    if name == "long-undated":
        records = [record for record in records if len(record["text"].split()) >= min_words]
    return records


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="a gold stories JSONL")
    parser.add_argument("out", type=Path, help="the folder to write the variants to")
    parser.add_argument("--variants", nargs="+", choices=VARIANTS, default=list(VARIANTS))
    parser.add_argument("--min-words", type=int, default=0, help="long-undated: the fewest words an article keeps")
    args = parser.parse_args()
    records = read_records(args.path)
    args.out.mkdir(parents=True, exist_ok=True)
    written = {}
    for name in args.variants:
        derived = variant(records, name, args.min_words)
        target = args.out / f"{args.path.stem}-{name}.jsonl"
        target.write_text("".join(json.dumps(record, ensure_ascii=False) + "\n" for record in derived),
                          encoding="utf-8")
        written[str(target)] = {"articles": len(derived), "stories": len({r["story"] for r in derived})}
    print(json.dumps(written, indent=2))


if __name__ == "__main__":
    main()
