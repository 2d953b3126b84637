from rashomon.align.differences import Rendering, differences, word_diff
from rashomon.align.units import content_units


def _rendering(text, speaker="A", entities=()):
    return Rendering("a1", None, None, speaker, text, 0, len(text), frozenset(entities))


def test_align_units_are_sentences_and_clauses_of_the_content():
    text = "He said that NATO never promised not to expand and this follows from treaties. Short one."
    content = [(8, len(text))]
    sentences = [(0, text.index("Short") - 1), (text.index("Short"), len(text))]
    assert [text[s:e] for s, e in content_units(text, content, sentences)] == [
        "NATO never promised not to expand", "this follows from treaties"]


def test_align_differences_flag_negation_number_name_and_speaker():
    first = _rendering("NATO never promised not to expand by 2 countries", entities={("ORG", "nato")})
    assert differences(first, _rendering("NATO promised not to expand by 2 countries", entities={("ORG", "nato")}),
                       "A") == ["negation"]
    assert differences(first, _rendering("NATO never promised not to expand by 3 countries",
                                         entities={("ORG", "nato")}), "A") == ["number"]
    assert differences(first, _rendering("The EU never promised not to expand by 2 countries",
                                         entities={("ORG", "eu")}), "A") == ["name"]
    assert differences(first, _rendering(first.text, "B", {("ORG", "nato")}), "A") == ["speaker"]
    assert differences(first, _rendering("NATO has never promised not to expand by two countries",
                                         entities={("ORG", "nato")}), "A") == ["number"]


def test_align_word_diff():
    assert word_diff("We cannot change this", "We can't change that") == [
        ("equal", "We", "We"), ("replace", "cannot", "can't"), ("equal", "change", "change"),
        ("replace", "this", "that")]
