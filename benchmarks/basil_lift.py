"""Does what rashomon marks as not shared hold what BASIL's annotators found one outlet chose to include?

Usage: python benchmarks/basil_lift.py ../shared/data/stories/basil.jsonl [--db ANALYZED_STORE] [--json]

BASIL (Fan et al., EMNLP 2019) holds 100 events, each covered by Fox News, the New York Times and
HuffPost, with informational-bias spans: content an outlet chose to include that casts someone in a light.
The file is ingested and analyzed into a temporary store (``--db`` reuses a store it was analyzed into).
Measured figures, not thresholds. Definitions:

- Spans. Each phrase-level annotation (``bias`` "inf" for informational, "lex" for lexical) gives its
  words (``txt``) and offsets relative to its sentence, without saying which sentence. It is placed in
  the stored article text at the one occurrence of its words that starts ``start`` characters after a
  sentence start (the text's start, a line break, or whitespace after closing punctuation). A span whose
  words are not in the text (a headline the text does not repeat), or that fits at more than one such
  place, is not mapped, and counted.
- Events: rashomon's events (its clustering, not BASIL's gold), those only where all three outlets
  (fox, nyt, hpo; case normalised) have an article. Facts are the comparing stage's, per event; a fact's
  outlets are the outlets of the articles that report it.
- Sentences: the stored sentence spans of those events' articles. A sentence is in a fact when it
  overlaps one of the fact's reports (any character). It is *marked* when it is in a fact reported by at
  most two of the three outlets — (a); variant (b) also marks a sentence in no fact at all (only its
  outlet says it, though a statement the comparer drops, such as a restatement within one article or
  a dateline, lands here too). Variants (c) and (d) are the same with "reported by that outlet alone".
- A span is in marked content when the majority of its characters that lie in sentences lie in marked
  sentences (a span in no sentence is not mapped, and counted).
- Lift = share of informational spans in marked content / share of sentences marked. The same over
  characters (share of sentence characters marked) and for the lexical spans (word choice, not content
  included: a control, expected near 1) are printed beside it.
- Aligned: per outlet, the share of its sentences in a fact reported by at least one other outlet.
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

from rashomon import reads
from rashomon.ingest.session import ingest
from rashomon.pipeline.runner import analyze
from rashomon.settings import Settings
from rashomon.store import Store, compared

OUTLETS = ("fox", "nyt", "hpo")
_CLOSING = ".!?\"'”’):;…"
# (name, the most outlets a fact may have and still mark its sentences, whether a sentence in no fact counts)
VARIANTS = (("a_in_fact_of_at_most_2_outlets", 2, False), ("b_a_or_in_no_fact", 2, True),
            ("c_in_fact_of_its_outlet_alone", 1, False), ("d_c_or_in_no_fact", 1, True))


def read_annotations(path: Path) -> dict[str, list[dict]]:
    """JSONL id → its phrase-level annotations (the field is a dict or its Python repr)."""
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            annotations = record.get("annotations") or {}
            if isinstance(annotations, str):
                annotations = ast.literal_eval(annotations)
            found[record["id"]] = annotations.get("phrase-level-annotations", [])
    return found


def _sentence_start(text: str, at: int) -> bool:
    if at == 0:
        return True
    before = text[:at].rstrip(" \t")
    if not before or before.endswith("\n"):
        return True
    return len(before) < at and before[-1] in _CLOSING


def locate(text: str, span: dict) -> tuple[int, int] | str:
    """The span's (start, end) in ``text``, or why it cannot be placed: "not found" or "ambiguous"."""
    words, offset = span["txt"], int(span["start"])
    places = [m.start() for m in re.finditer(re.escape(words), text)] if words else []
    if not places:
        return "not found"
    fitting = [p for p in places if p - offset >= 0 and _sentence_start(text, p - offset)]
    if len(fitting) != 1:
        return "ambiguous"
    return fitting[0], fitting[0] + len(words)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def measure(store: Store, annotations: dict[str, list[dict]]) -> dict:
    records = {r["id"]: r for r in reads.export_records(store)}
    source_of = {article_id: r.get("source_id") for article_id, r in records.items()}
    outlet_of = {article_id: (r.get("outlet") or "").lower() for article_id, r in records.items()}
    members: dict[int, list[str]] = defaultdict(list)
    for article_id, (event, _) in reads.placements(store).items():
        members[event].append(article_id)
    used = sorted(e for e, ids in members.items() if set(OUTLETS) <= {outlet_of[a] for a in ids})
    with store.read() as connection:
        reports = compared.fact_reports(connection, used) if used else []
    fact_outlets: dict[int, set[str]] = defaultdict(set)
    for r in reports:
        fact_outlets[r.fact_id].add(outlet_of[r.article_id])
    by_article: dict[str, list[tuple[int, int, int]]] = defaultdict(list)  # (start, end, outlets of its fact)
    for r in reports:
        by_article[r.article_id].append((r.start, r.end, len(fact_outlets[r.fact_id])))

    sentences: dict[str, list[dict]] = {}
    for article_id in (a for e in used for a in members[e]):
        stored = reads.article(store, article_id).annotations or {}
        sentences[article_id] = [
            {"span": (start, end),
             "outlets": [n for s, e, n in by_article[article_id] if _overlap((start, end), (s, e))]}
            for start, end in stored.get("sentences", [])]

    def marked(sentence: dict, most: int, none_counts: bool) -> bool:
        return any(n <= most for n in sentence["outlets"]) or (none_counts and not sentence["outlets"])

    spans: dict[str, Counter] = {"inf": Counter(), "lex": Counter()}
    placed: dict[str, list[tuple[str, tuple[int, int]]]] = {"inf": [], "lex": []}
    in_used = set(sentences)
    for article_id, record in records.items():
        for span in annotations.get(source_of[article_id], []):
            kind = span.get("bias")
            if kind not in spans:
                continue
            spans[kind]["total"] += 1
            where = locate(record["text"], span)
            if isinstance(where, str):
                spans[kind][f"{where} (headline)" if span.get("id") == "title" else where] += 1
            elif article_id not in in_used:
                spans[kind]["mapped, article not in a three-outlet event"] += 1
            elif not any(_overlap(where, s["span"]) for s in sentences[article_id]):
                spans[kind]["mapped, in no sentence"] += 1
            else:
                spans[kind]["mapped, measured"] += 1
                placed[kind].append((article_id, where))

    all_sentences = [s for found in sentences.values() for s in found]
    characters = sum(s["span"][1] - s["span"][0] for s in all_sentences)
    variants = {}
    for name, most, none_counts in VARIANTS:
        share = sum(marked(s, most, none_counts) for s in all_sentences) / len(all_sentences)
        char_share = sum(s["span"][1] - s["span"][0] for s in all_sentences
                         if marked(s, most, none_counts)) / characters
        figures = {"sentences_marked": round(share, 4), "characters_marked": round(char_share, 4)}
        for kind, label in (("inf", "informational"), ("lex", "lexical")):
            hits = []
            for article_id, where in placed[kind]:
                inside = [(s, _overlap(where, s["span"])) for s in sentences[article_id]]
                total = sum(n for _, n in inside)
                hits.append(sum(n for s, n in inside if marked(s, most, none_counts)) * 2 > total)
            in_marked = sum(hits) / len(hits) if hits else 0.0
            figures[f"{label}_spans_marked"] = round(in_marked, 4)
            figures[f"{label}_lift"] = round(in_marked / share, 3) if share else None
            figures[f"{label}_lift_by_characters"] = round(in_marked / char_share, 3) if char_share else None
        variants[name] = figures

    aligned = {}
    for outlet in OUTLETS:
        own = [s for a, found in sentences.items() if outlet_of[a] == outlet for s in found]
        with_other = sum(any(n >= 2 for n in s["outlets"]) for s in own)
        aligned[outlet] = {"sentences": len(own), "aligned": with_other,
                           "share": round(with_other / len(own), 4) if own else None}
    return {"articles": len(records), "events": len(members), "events_with_all_three_outlets": len(used),
            "articles_in_them": len(sentences),
            "event_sizes": dict(sorted(Counter(len(members[e]) for e in used).items())),
            "sentences": len(all_sentences), "sentences_in_no_fact": sum(not s["outlets"] for s in all_sentences),
            "spans": {"informational": dict(spans["inf"]), "lexical": dict(spans["lex"])},
            "marked": variants, "aligned_with_another_outlet": aligned}


def render(result: dict) -> str:
    lines = [f"{result['articles']} articles, {result['events']} events; {result['events_with_all_three_outlets']} "
             f"events with all three outlets ({result['articles_in_them']} articles, sizes {result['event_sizes']}), "
             f"{result['sentences']} sentences ({result['sentences_in_no_fact']} in no fact)"]
    for kind, counts in result["spans"].items():
        lines.append(f"{kind} spans: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    lines.append("")
    lines.append(f"{'marked':34} {'sent.':>6} {'chars':>6} {'inf':>6} {'lift':>6} {'lift/ch':>7} "
                 f"{'lex':>6} {'lift':>6}")
    for name, f in result["marked"].items():
        lines.append(f"{name:34} {f['sentences_marked']:6.3f} {f['characters_marked']:6.3f} "
                     f"{f['informational_spans_marked']:6.3f} {f['informational_lift']:6.2f} "
                     f"{f['informational_lift_by_characters']:7.2f} {f['lexical_spans_marked']:6.3f} "
                     f"{f['lexical_lift']:6.2f}")
    lines.append("")
    lines.append("sentences aligned with another outlet: " + ", ".join(
        f"{o} {a['share']:.3f} ({a['aligned']}/{a['sentences']})"
        for o, a in result["aligned_with_another_outlet"].items()))
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--db", help="a store the file was analyzed into before")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    annotations = read_annotations(args.path)
    with tempfile.TemporaryDirectory(prefix="rashomon-bench-") as folder:
        target = args.db or str(Path(folder) / "bench.db")
        store = Store.open(target)
        if not args.db:
            settings = Settings.load(db=target)
            ingest(store, [str(args.path)], settings)
            analyze(store, settings)
        result = measure(store, annotations)
    print(json.dumps(result, indent=2) if args.json else render(result))


if __name__ == "__main__":
    main()
