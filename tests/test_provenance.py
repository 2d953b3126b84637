"""Origin citations, shared passages and ties, on hand-written texts; the seeds' provenance."""

from datetime import date

import pytest

from rashomon import reads
from rashomon.provenance.citations import origin_citations
from rashomon.provenance.passages import PassageSource, copies, quoted_ranges


def _cited(text, outlets=()):
    return [(c.origin_name, c.kind, text[c.span.start:c.span.end]) for c in origin_citations(text, "a", outlets)]


@pytest.mark.parametrize("text, expected", [
    ("He said this on December 23 in an interview with the agency. dpa Jens Stoltenberg, Secretary General.",
     ("dpa", "interview", "interview with the agency. dpa")),
    ("Stoltenberg told the German dpa news agency that NATO has never promised not to expand.",
     ("dpa", "interview", "told the German dpa news agency")),
    ("The talks were postponed, according to Reuters.", ("Reuters", "wire", "according to Reuters")),
    ("The ship was seized, Sputnik reported on Friday.", ("Sputnik", "outlet", "Sputnik reported")),
    ("According to several media reports, the talks failed.", ("media reports", "other", "several media reports")),
    ("It failed, according to Russian media reports.", ("media reports", "other", "Russian media reports")),
    ("According to media reports, it failed.", ("media reports", "other", "media reports")),
    ("It was denied, Reuters news reports said.", ("Reuters", "wire", "Reuters news reports")),
    ("The poll was published by Ethnos newspaper on Sunday.",
     ("Ethnos", "outlet", "published by Ethnos newspaper")),
])
def test_provenance_citations_name_the_origin(text, expected):
    assert _cited(text) == [expected]


@pytest.mark.parametrize("text", [
    "According to him, NATO is not ready to abandon its principles.",
    "According to the Ukrainian National Security and Defense Council, troops massed near the border.",
    "Putin told reporters that the West had cheated.",
    "according to the scenarios that are drawn by a number of strategists",
    "The ap was installed; ria and ani are words here.",
])
def test_provenance_citations_are_not_attributions(text):
    assert _cited(text) == []


def test_provenance_citations_know_the_corpus_outlets():
    assert _cited("The vote was delayed, according to Daily Planet.", ["Daily Planet"]) == [
        ("Daily Planet", "outlet", "according to Daily Planet")]


SHARED = ("The committee voted on Tuesday to send the measure to the full chamber after a long debate "
          "that lasted well into the night and ended with a narrow majority in favour of the plan")


def test_provenance_passages_direct_the_copy_by_publication():
    first = PassageSource("a", "Opening words here. " + SHARED + ". Closing remarks.", date(2021, 12, 1))
    second = PassageSource("b", "Another start. " + SHARED + ". Other end.", date(2021, 12, 2))
    (copy,) = copies([second, first])
    assert (copy.original_id, copy.copy_id, copy.directed) == ("a", "b", True)
    (passage,) = copy.passages
    assert first.text[passage.first.start:passage.first.end] == SHARED
    assert second.text[passage.second.start:passage.second.end] == SHARED
    assert copy.words == len(SHARED.split())


def test_provenance_passages_leave_the_order_open_without_dates():
    (copy,) = copies([PassageSource("a", SHARED, None), PassageSource("b", "So: " + SHARED, date(2021, 1, 1))])
    assert not copy.directed


def test_provenance_passages_inside_quotes_are_the_speakers_not_a_copy():
    quoted = f"“{SHARED}”, the chair said."
    sources = [PassageSource(a, f"{lead} {quoted}", day, quoted_ranges(f"{lead} {quoted}"))
               for a, lead, day in (("a", "Monday:", date(2021, 1, 1)), ("b", "Later on:", date(2021, 1, 2)))]
    assert copies(sources) == []
    assert copies(sources, min_words=0)[0].words == len("the chair said".split())  # only the frame counts


def test_provenance_seeds_cite_and_tie_the_dpa_interview(seeded):
    seeds = {a.id: a.origin.rsplit("/", 1)[-1][:3] for a in reads.articles(seeded).articles}
    story = next(s.story for s in reads.stories(seeded) if s.articles == 5)
    found = reads.provenance(seeded, story)
    cited = {(seeds[c.span.article_id], c.origin_name, c.kind, found.words(c.span)) for c in found.citations}
    assert cited == {("000", "dpa", "interview", "interview with the agency. dpa"),
                     ("002", "dpa", "interview", "told the German dpa news agency"),
                     ("002", "media reports", "other", "several media reports")}
    (tie,) = found.ties
    assert (seeds[tie.article_id], tie.origin_name, tie.kind) == ("001", "dpa", "interview")
    assert {seeds[a] for a in tie.via} <= {"000", "002"} and tie.via
    assert "NATO" in " ".join(found.words(s) for s in tie.spans)
    assert found.tie_reason(tie).startswith("same quotes as the dpa interview reported by ")
    assert found.copies == ()  # translations share meanings, not passages
