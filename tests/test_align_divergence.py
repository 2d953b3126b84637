"""Divergences between two reports of one fact, on statements built by hand."""

import numpy as np

from rashomon.align.anchors import negations, numbers, stems
from rashomon.align.divergence import carried, divergences, framing
from rashomon.align.edits import edits
from rashomon.align.statements import Anchors, Statement
from rashomon.records import Attribution, Span


def _anchors(text, marks=(), entities=()):
    """``marks``: (words, what, value) marked in ``text``; ``entities``: (family, id, words) named in it."""
    marked = tuple(sorted((text.index(w), text.index(w) + len(w), what, value) for w, what, value in marks))
    return Anchors(text, stems(text), numbers(text, [(a, b) for a, b, what, _ in marked if what == "date"]),
                   frozenset(value for _, _, what, value in marked if what == "date"), negations(text),
                   frozenset((family, entity) for family, entity, _ in entities),
                   {entity: words for _, entity, words in entities}, marked=marked)


def _statement(article, text, marks=(), entities=(), cue="", speaker=None, sentence=None):
    unit = _anchors(text, marks, entities)
    attribution = Attribution(article, 0, (Span(article, 0, len(text)),), (), (), "indirect",
                              speaker_entity_id=speaker) if cue else None
    return Statement(Span(article, 0, len(text)), unit, sentence or unit, attribution, cue,
                     cue_lemma={"Claims": "claim", "said": "say", "told": "tell"}.get(cue, ""),
                     speaker=speaker or "", speaker_is_person=bool(speaker))


def _found(first, second, cosine=0.9):
    return sorted((d.kind, d.reason) for d in divergences(1, first, second, cosine))


def test_align_divergence_copies_differ_in_one_place_each_kind():
    text = "Russia has deployed 122,000 troops near the border on December 15, Kuleba said."
    marks = [("December 15", "date", "2021-12-15"), ("Kuleba", "source", "k"), ("Russia", "PLACE", "ru")]
    original = _anchors(text, marks)
    cases = {"number": ("122,000", "131,000", marks), "negation": ("has deployed", "has not deployed", marks),
             "date": ("December 15", "December 17", [("December 17", "date", "2021-12-17"), *marks[1:]]),
             "entity": ("Russia", "Belarus", [*marks[:2], ("Belarus", "PLACE", "by")])}
    for kind, (before, after, moved) in cases.items():
        assert [k for k, _ in edits(original, _anchors(text.replace(before, after), moved))] == [kind], kind
    speaker = _anchors(text.replace("Kuleba", "Lavrov"), [("Lavrov", "source", "l")])
    assert list(edits(original, speaker)) == [("speaker", "Kuleba ≠ Lavrov")]


def test_align_divergence_one_name_written_two_ways_or_a_dropped_frame_is_no_change():
    said = "Senator Reid respects that but thinks the mosque should be built someplace else, he said."
    abbreviated = said.replace("Senator", "Sen.")
    assert list(edits(_anchors(said, [("Senator Reid", "PERSON", "r")]),
                      _anchors(abbreviated, [("Sen. Reid", "PERSON", "r")]))) == []
    assert list(edits(_anchors(said), _anchors(said.replace(", he said", "")))) == []


def test_align_divergence_a_name_in_the_place_of_another_in_other_words():
    nato = _statement("a", "even the founding agreement of NATO says that every European state can become a member",
                      entities=[("ORG", "nato", "NATO")])
    eu = _statement("b", "the founding treaty of the EU stipulates that any European country can accede to it",
                    entities=[("ORG", "eu", "EU")])
    assert _found(nato, eu, 0.65) == [("entity", "NATO ≠ EU")]
    elsewhere = _statement("b", "the EU and Russia will hold talks in Geneva about European security",
                           entities=[("ORG", "eu", "EU")])
    assert _found(nato, elsewhere, 0.65) == []


def test_align_divergence_a_swapped_name_is_carried_to_the_others_when_all_of_them_write_the_replaced_one():
    reports = [_statement("a", "even the founding agreement of NATO says that every European state can become a member",
                          entities=[("ORG", "nato", "NATO")]),
               _statement("b", "NATO's memorandum of association that says any country can seek membership",
                          entities=[("ORG", "nato", "NATO")]),
               _statement("c", "the founding treaty of the EU stipulates that any European country can accede to it",
                          entities=[("ORG", "eu", "EU")]),
               _statement("d", "the founding treaty says any country of the EU or NATO can seek membership"),
               _statement("e", "the founding treaty says any European country can seek membership")]
    vectors = np.eye(5, dtype=np.float32)
    pairwise = [*divergences(1, reports[0], reports[2], 0.65)]
    assert [(d.reason, d.spans[0].article_id, d.spans[1].article_id) for d in pairwise] == [("NATO ≠ EU", "a", "c")]
    found = [(d.kind, d.reason, d.spans[0].article_id, d.spans[1].article_id)
             for d in carried(1, reports[:3], vectors, pairwise)]
    assert found == [("entity", "NATO ≠ EU", "b", "c")]
    assert list(carried(1, reports[:3], vectors, [])) == []
    # c is not the odd one out where another report writes both names, or neither
    assert list(carried(1, reports[:4], vectors, pairwise)) == list(carried(1, reports[:3] + reports[4:], vectors,
                                                                               pairwise)) == []


def test_align_divergence_negation_only_where_the_words_are_nearly_the_same():
    promised = _statement("a", "NATO never promised not to expand")
    assert _found(promised, _statement("b", "NATO has never denied the possibility of expansion"), 0.53) == []
    assert _found(_statement("a", "the alliance will expand to the east next year"),
                  _statement("b", "the alliance will not expand to the east next year")) == [
        ("negation", "(nothing) ≠ not")]


def test_align_divergence_judging_verbs_against_neutral_ones():
    claims = _statement("a", "NATO Never Promised Not to Expand", cue="Claims", speaker="s")
    said = _statement("b", "NATO never promised not to expand", cue="said", speaker="s")
    told = _statement("c", "NATO never promised not to expand", cue="told", speaker="s")
    assert [(d.kind, d.reason) for d in framing(1, [claims], [said])] == [("verb", "Claims ≠ said")]
    assert list(framing(1, [said], [told])) == []
