"""Cross-document person resolution: does one person get one entity across articles, and two people two?

Usage: python benchmarks/person_resolution.py ../shared/data/stories/basil.jsonl [--json]

Gold, derived from BASIL (Fan et al., EMNLP 2019): its phrase-level annotations name a target for each
span ("Hillary_Clinton", "Paul_Ryan", "Democratic_Lawmakers"). A target is taken for a person when it is
two to four capitalised words, none of them a word of groups, bodies or laws (``_NOT_A_PERSON``) nor
"and". An item is (article, target) for each article whose annotations name that target and whose text
contains its surname; items with the same target form one gold cluster.

Predicted: every article of the file goes through rashomon's entity steps as ``analyze`` runs them, in
publication order: spaCy and ``find_entities`` (in-article chains), then ``resolve_chains`` against a
temporary store (canonical entities across articles). An item's entity is the entity of the article's
PERSON chain with the target's first name, surname and generation ("Jr."), else of its surname alone
("Obama", "President Obama"). That choice uses the gold, so what is measured is the linking of chains
across articles, not the chains within one. An item with no such chain (the article names Malia Obama,
or spaCy missed the name) is counted as not found and left out of the scores.

Scores over found items: pairwise precision, recall and F1 (pairs of items in one gold cluster and in
one predicted entity) and B-cubed precision, recall and F1. Precision sees only merges of two annotated
people, so the items given to an entity named for someone else (another first name or generation:
Hillary Clinton's article resolved to "Bill Clinton", who is no annotated target) are counted beside it.
Figures as measured, no thresholds.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from collections import defaultdict
from itertools import combinations
from pathlib import Path

_NOT_A_PERSON = frozenset({
    "act", "administration", "bill", "campaign", "committee", "democrats", "republicans", "lawmakers",
    "officials", "party", "house", "senate", "department", "agency", "court", "programs", "members", "gop",
    "tea", "news", "times", "post", "foundation", "university", "state", "states", "county", "city",
})


_TITLE_WORDS = frozenset({"mr", "mrs", "ms", "dr", "rep", "sen", "gov", "pres", "president", "senator",
                          "governor", "representative", "speaker", "former", "vice", "first", "lady"})


def person_targets(record: dict) -> set[str]:
    """The annotated targets of one BASIL article that read as a person's name."""
    targets = set()
    for span in record.get("annotations", {}).get("phrase-level-annotations", []):
        words = (span.get("target") or "").split("_")
        if 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words) \
                and not any(w.lower() in _NOT_A_PERSON or w.lower() == "and" for w in words):
            targets.add(" ".join(words))
    return targets


def resolve_people(records: list[dict]) -> dict[str, dict[str, tuple[str, str]]]:
    """article id → {chain name: (entity id, entity name)} for its PERSON chains, resolved in order."""
    from rashomon.entities import EntityBook, resolve_chains
    from rashomon.nlp.entities import find_entities
    from rashomon.nlp.models import spacy_pipeline
    from rashomon.store import Store
    from rashomon.store.stage_io.annotations import StoredEntities, save_entity_book

    ordered = sorted(records, key=lambda r: (r.get("published") is None, r.get("published") or "", r["id"]))
    people: dict[str, dict[str, tuple[str, str]]] = {}
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(f"sqlite:///{folder}/people.db")
        nlp = spacy_pipeline("en")
        for record, doc in zip(ordered, nlp.pipe((r["text"] for r in ordered), batch_size=8), strict=True):
            chains = find_entities(doc).chains
            with store.transaction() as connection:
                book = EntityBook(StoredEntities(connection))
                resolved = resolve_chains(chains, book)
                save_entity_book(connection, book)
                known = StoredEntities(connection)
                people[record["id"]] = {c.name: (resolved[c.index], known.entity(resolved[c.index]).name)
                                        for c in chains if c.label == "PERSON" and c.index in resolved}
        store.close()
    return people


def item_entity(target: str, chains: dict[str, tuple[str, str]]) -> tuple[str, str] | None:
    """The entity of the article's chain for the target: the chain with its first name, surname and
    generation ("Jr."), else the chain of its surname alone; None when neither is there."""
    first, surname, suffix = _parts(target)
    with_surname = [(name, entity) for name, entity in chains.items() if _parts(name)[1] == surname]
    exact = [entity for name, entity in with_surname if _parts(name)[0] == first and _parts(name)[2] == suffix]
    alone = [entity for name, entity in with_surname if _parts(name)[0] is None]
    return (exact or alone or [None])[0]


def _parts(name: str) -> tuple[str | None, str | None, str | None]:
    """(first name, surname, generation), lower case, titles ignored: "Rep. Donald Trump Jr." → (donald,
    trump, jr)."""
    words = [w.lower().rstrip(".,") for w in name.split()]
    words = [w for w in words if w not in _TITLE_WORDS] or words
    suffix = words.pop() if len(words) > 1 and words[-1] in ("jr", "sr", "ii", "iii", "iv") else None
    if not words:
        return None, None, suffix
    return (words[0] if len(words) > 1 else None), words[-1], suffix


def _contradicts(target: str, entity_name: str) -> bool:
    """An entity named for someone else: another first name ("Hillary Clinton" → Bill Clinton; a short
    form, Joe for Joseph, agrees) or, for a target with a generation, another one
    ("Donald Trump Jr." → Donald Trump; BASIL's "Joe_Biden" carries no "Jr.", so one missing from the
    target is not counted)."""
    first, _, suffix = _parts(target)
    other_first, _, other_suffix = _parts(entity_name)
    if suffix is not None and suffix != other_suffix:
        return True
    return None not in (first, other_first) and _SHORT_FORMS.get(first, first) != _SHORT_FORMS.get(other_first, other_first)


_SHORT_FORMS = {"joe": "joseph", "bill": "william", "mike": "michael", "bob": "robert", "jim": "james",
                "dick": "richard", "chuck": "charles", "raúl": "raul", "tom": "thomas", "dan": "daniel",
                "dave": "david", "bibi": "benjamin"}  # the last two added on seeing BASIL's list


def scores(gold: dict[tuple, str], predicted: dict[tuple, str]) -> dict:
    items = sorted(predicted)
    pairs_gold = {(a, b) for a, b in combinations(items, 2) if gold[a] == gold[b]}
    pairs_predicted = {(a, b) for a, b in combinations(items, 2) if predicted[a] == predicted[b]}
    both = len(pairs_gold & pairs_predicted)
    pairwise = _prf(both, len(pairs_predicted), len(pairs_gold))
    by_gold, by_predicted = defaultdict(set), defaultdict(set)
    for item in items:
        by_gold[gold[item]].add(item)
        by_predicted[predicted[item]].add(item)
    precision = sum(len(by_gold[gold[i]] & by_predicted[predicted[i]]) / len(by_predicted[predicted[i]])
                    for i in items) / len(items)
    recall = sum(len(by_gold[gold[i]] & by_predicted[predicted[i]]) / len(by_gold[gold[i]]) for i in items) / len(items)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"pairwise": pairwise, "bcubed": {"precision": precision, "recall": recall, "f1": f1}}


def _prf(right: int, predicted: int, gold: int) -> dict:
    precision = right / predicted if predicted else 0.0
    recall = right / gold if gold else 0.0
    return {"precision": precision, "recall": recall,
            "f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0}


def measure(path: Path) -> dict:
    records = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    people = resolve_people(records)
    gold, predicted, names, missing = {}, {}, defaultdict(set), 0
    for record in records:
        for target in person_targets(record):
            if _parts(target)[1] not in record["text"].lower():
                continue
            found = item_entity(target, people[record["id"]])
            if found is None:
                missing += 1
                continue
            gold[(record["id"], target)] = target
            predicted[(record["id"], target)] = found[0]
            names[target].add(found)
    merged = defaultdict(set)  # entity → the gold people it was given to
    for item, entity in predicted.items():
        merged[entity].add(gold[item])
    entity_names = {entity: name for target, found_names in names.items() for entity, name in found_names}
    wrong = sorted({(gold[item], entity_names[entity]) for item, entity in predicted.items()
                    if _contradicts(gold[item], entity_names[entity])})
    return {"items": len(predicted), "people": len(set(gold.values())), "not_found": missing,
            **scores(gold, predicted),
            "items_given_another_person": sum(_contradicts(gold[item], entity_names[entity])
                                              for item, entity in predicted.items()),
            "given_another_person": [f"{target} → {name}" for target, name in wrong],
            "split_people": {t: sorted(name for _, name in n) for t, n in sorted(names.items()) if len(n) > 1},
            "merged_people": sorted(sorted(people_) for people_ in merged.values() if len(people_) > 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", type=Path, help="BASIL JSONL (../shared/data/stories/basil.jsonl)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = measure(args.data)
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"{result['items']} items (article, person), {result['people']} people, {result['not_found']} not found")
    for name in ("pairwise", "bcubed"):
        s = result[name]
        print(f"{name:9} precision {s['precision']:.4f}  recall {s['recall']:.4f}  F1 {s['f1']:.4f}")
    print(f"items given an entity named for another person: {result['items_given_another_person']}",
          json.dumps(result["given_another_person"], ensure_ascii=False))
    print("one person, several entities:", json.dumps(result["split_people"], ensure_ascii=False))
    print("one entity, several people:", json.dumps(result["merged_people"], ensure_ascii=False))


if __name__ == "__main__":
    main()
