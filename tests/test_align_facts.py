"""Facts: statements of different articles matched into one, on statements and vectors built by hand."""

import numpy as np

from rashomon.align.anchors import negations, numbers, stems
from rashomon.align.facts import facts
from rashomon.align.statements import Anchors, Statement
from rashomon.records import Span


def _statement(article, start, text, marked=()):
    anchors = Anchors(text, stems(text), numbers(text), frozenset(), negations(text), frozenset(), marked=marked)
    return Statement(Span(article, start, start + len(text)), anchors, anchors)


def _vectors(*groups):
    """One unit vector per statement; statements given the same label point the same way, others apart."""
    labels = [label for group in groups for label in group]
    axes = {label: i for i, label in enumerate(dict.fromkeys(labels))}
    found = np.zeros((len(labels), len(axes)), np.float32)
    for row, label in enumerate(labels):
        found[row, axes[label]] = 1.0
    return found


def _grouped(found, statements):
    return sorted(sorted(statements.index(s) for s in (statements[i] for i in members))
                  for _, members, _ in found)


def test_align_facts_one_fact_reported_in_three_articles_and_the_rest_alone():
    statements = [_statement("a", 0, "NATO never promised not to expand eastwards"),
                  _statement("a", 50, "Putin spoke at his annual press conference"),
                  _statement("b", 0, "NATO has never promised not to expand eastwards"),
                  _statement("c", 0, "NATO never promised anyone not to expand eastwards")]
    found = facts(7, statements, _vectors(["promise", "putin"], ["promise"], ["promise"]), first_id=10)
    assert [(fact.id, fact.event_id) for fact, _, _ in found] == [(10, 7), (11, 7)]
    assert _grouped(found, statements) == [[0, 2, 3], [1]]
    shared = found[0][0]
    assert [r.span.article_id for r in shared.reports] == ["a", "b", "c"] and shared.reports[0].similarity == 1.0
    assert found[1][0].reports[0].similarity is None


def test_align_facts_an_article_restating_a_fact_reports_it_once():
    statements = [_statement("a", 0, "NATO Never Promised Not to Expand"),
                  _statement("a", 40, "NATO never promised not to expand"),
                  _statement("b", 0, "NATO has never promised not to expand")]
    found = facts(1, statements, _vectors(["promise", "promise"], ["promise"]), first_id=1)
    ((fact, members, everyone),) = found
    assert len(fact.reports) == 2 and everyone == [0, 1, 2] and len(members) == 2


def test_align_facts_a_short_statement_matches_only_its_own_words():
    statements = [_statement("a", 0, "Russia was deceived"), _statement("b", 0, "Russia was deceived"),
                  _statement("c", 0, "Russia felt deceived")]
    vectors = _vectors(["deceived", "deceived", "felt deceived"])
    assert _grouped(facts(1, statements, vectors, 1), statements) == [[0, 1], [2]]


def test_align_facts_datelines_match_nothing():
    stamp = "55 P.M. FEB. 2, 2009"
    statements = [_statement("a", 0, stamp, ((0, len(stamp), "date", "2009-02-02"),)),
                  _statement("b", 0, stamp, ((0, len(stamp), "date", "2009-02-02"),))]
    assert _grouped(facts(1, statements, _vectors(["stamp", "stamp"]), 1), statements) == [[0], [1]]
    untagged = [_statement("a", 0, "1 de marzo de 2008"), _statement("b", 0, "27 de marzo del 2008")]
    assert _grouped(facts(1, untagged, _vectors(["stamp", "stamp"]), 1), untagged) == [[0], [1]]
