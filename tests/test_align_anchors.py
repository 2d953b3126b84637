"""What a stretch of text commits to: stems, numbers, negations; and names that stand in each other's place."""

from rashomon.align.anchors import jaccard, negations, numbers, overlap, stems
from rashomon.align.names import aligned, lined_up, one_name, written_in


def test_align_anchors_stems_leave_out_stop_words_and_meet_across_inflections():
    assert stems("NATO never promised not to expand") == stems("NATO has never promised not to expand")
    assert stems("the promises") == stems("promised")
    assert "the" not in stems("the alliance") and stems("Erweiterung der NATO", "de") == {"erweiter", "nato"}


def test_align_anchors_numbers_as_digits_leaving_dates_out():
    assert numbers("122,000 troops and 143500 more, two units") == {"122000", "143500", "2"}
    assert numbers("on December 23, 7-10 minutes", outside=[(3, 14)]) == {"7", "10"}


def test_align_anchors_negations_are_counted():
    assert negations("NATO never promised not to expand") == 2
    assert negations("NATO has never denied the possibility") == 2
    assert negations("He doesn’t know") == 1 and negations("It will expand") == 0


def test_align_anchors_overlap_and_jaccard():
    assert overlap(frozenset("ab"), frozenset("abcd")) == 1.0 and jaccard(frozenset("ab"), frozenset("abcd")) == 0.5
    assert overlap(frozenset(), frozenset("a")) == 0.0 == jaccard(frozenset(), frozenset())


def test_align_names_alignment_counts_every_word_in_common():
    assert aligned(list("abcde"), list("axcye")) == [("equal", 0, 1, 0, 1), ("replace", 1, 2, 1, 2),
                                                     ("equal", 2, 3, 2, 3), ("replace", 3, 4, 3, 4),
                                                     ("equal", 4, 5, 4, 5)]
    assert aligned([], ["a"]) == [("insert", 0, 0, 0, 1)] and aligned(["a"], []) == [("delete", 0, 1, 0, 0)]


def test_align_names_a_name_in_the_place_of_another():
    nato = "even the founding agreement of NATO says that every European state can become a member of the alliance"
    eu = "the founding treaty of the EU stipulates that any European country can accede to it"
    assert lined_up(nato, "NATO", eu, "EU")
    assert not lined_up("NATO will meet Russia in Geneva on Monday", "NATO",
                        "talks with the EU on trade are far off, Russia says", "EU")


def test_align_names_one_name_written_two_ways():
    assert written_in("Germany", "before German reunification") and not written_in("NATO", "the EU treaty")
    assert one_name("Cowan", 'William "Mo" Cowan') and not one_name("Putin", "Biden")
