"""Perturbed copies: each kind of change in one place of one sentence, the same for the same seed."""

import json
import random

from rashomon.evaluate.perturb import Perturbation, detected, perturb
from rashomon.extract import extract
from rashomon.records import AnnotatedArticle, Attribution, DateMention, Mention, Page, Span
from rashomon.settings import Settings
from tests.conftest import FIXTURES

TEXT = ("NATO has deployed 4,000 troops in Poland on December 23, Stoltenberg said on Thursday. "
        "The ministers will meet again in Brussels next week.")


def _article():
    article = extract(Page("a.txt", "text", TEXT.encode()), Settings.load(environ={}))
    aid = article.id

    def span(words, occurrence=0):
        start = TEXT.index(words) if not occurrence else TEXT.index(words, TEXT.index(words) + 1)
        return Span(aid, start, start + len(words))

    first, second = TEXT.index(".") + 1, len(TEXT)
    return AnnotatedArticle(
        article, (Span(aid, 0, first), Span(aid, first + 1, second)),
        (Mention(span("Poland"), "Poland", "GPE", 0, entity_id="pl"),
         Mention(span("Stoltenberg"), "Stoltenberg", "PERSON", 1, entity_id="js"),
         Mention(span("Brussels"), "Brussels", "GPE", 2, entity_id="br")),
        (DateMention(span("December 23"), "December 23", "2021-12-23"),),
        (Attribution(aid, 0, (span("NATO has deployed 4,000 troops in Poland on December 23"),), (span("said"),),
                     (span("Stoltenberg"),), "indirect", speaker_entity_id="js"),))


NAMES = {"PLACE": ["Lithuania", "Riga"], "PERSON": ["Jens Stoltenberg", "Dmytro Kuleba"]}


def _changes(kind, seed=3):
    found = perturb(_article(), kind, NAMES, random.Random(seed))
    return found.before, found.after, found.text


def test_evaluate_divergences_each_kind_changes_one_place():
    before, after, text = _changes("number")
    assert before == "4,000" and after != before and text == TEXT.replace("4,000", after)
    before, after, _ = _changes("date")
    assert before == "December 23" and after.endswith("23") and after != before  # another month
    before, after, _ = _changes("entity")
    assert before in ("Poland", "Brussels") and after in NAMES["PLACE"]
    before, after, text = _changes("negation")
    assert (before, after) in (("has", "has not"), ("will", "will not")) and "not" in text
    before, after, _ = _changes("speaker")
    assert (before, after) == ("Stoltenberg", "Dmytro Kuleba")  # not a name the source already has


def test_evaluate_divergences_the_same_seed_makes_the_same_copies():
    assert [_changes(kind, 7) for kind in ("number", "date", "entity")] == \
        [_changes(kind, 7) for kind in ("number", "date", "entity")]


def test_evaluate_divergences_a_change_is_caught_only_by_its_kind_on_its_sentence():
    change = Perturbation("number", "orig", TEXT, (0, 80), "4,000", "4,900")
    on_it = ("number", Span("orig", 0, 50), Span("copy", 0, 52))
    assert detected(change, "copy", [on_it])
    assert not detected(change, "copy", [("date", *on_it[1:])])
    assert not detected(change, "copy", [("number", Span("orig", 0, 50), Span("copy", 90, 120))])
    assert not detected(change, "copy", [("number", Span("other", 0, 50), Span("copy", 0, 52))])


def test_evaluate_divergences_on_a_small_gold_file(cli):
    scores = json.loads(cli("eval", "divergences", str(FIXTURES / "stories.jsonl"), "--events", "3",
                            "--json").stdout)
    assert set(scores["recall"]) == {"number", "date", "entity", "negation", "speaker", "all"}
    assert scores["events"] == 3 and scores["seed"] == 1 and scores["pairs"] >= 0
    assert sum(scores["perturbations"].values()) >= 3
