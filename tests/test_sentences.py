from rashomon.nlp.models import spacy_pipeline
from rashomon.nlp.sentences import quotation_spans, sentence_spans


def _quotes(text):
    return [text[s:e] for s, e in quotation_spans(text)]


def test_sentences_offsets_point_into_the_text_and_split_lines():
    text = "Stoltenberg: no compromises\nNATO said so. Russia disagreed.\n\nA new paragraph."
    spans = sentence_spans(spacy_pipeline("en")(text))
    assert [text[s:e] for s, e in spans] == [
        "Stoltenberg: no compromises", "NATO said so.", "Russia disagreed.", "A new paragraph."]


def test_sentences_quotation_over_several_sentences_and_lines_is_one_span():
    text = ('“On Wednesday, Allies will meet with Russia. The meeting will focus on Ukraine.\n'
            'And the implications for European security," he said at a briefing.')
    assert _quotes(text) == [text[:text.index('," he') + 2]]


def test_sentences_quote_styles_and_apostrophes():
    text = ("He said «nyet». She said „ja“. They said \"no\". It’s Russia’s “red line” and "
            "”spheres of influence” too.")
    assert _quotes(text) == ["«nyet»", "„ja“", '"no"', "“red line”", "”spheres of influence”"]


def test_sentences_unclosed_quote_ends_with_its_line_when_the_next_line_opens_another():
    text = ("Putin said: “Our actions will not depend on talks.\n"
            "Putin further pointed out, “The United States stood on our doorstep?\n"
            "Russia denied an “invasion” plan.")
    assert _quotes(text) == ["“Our actions will not depend on talks.",
                             "“The United States stood on our doorstep?", "“invasion”"]


def test_sentences_quote_continued_in_next_paragraph_stays_one():
    text = "“First part of the quote.\n\n“Second part,” he said."
    assert _quotes(text) == [text[:text.index(" he") ]]


def test_sentences_quotes_made_of_two_apostrophes():
    text = ("''I mean, a raid is a combat operation,'' he said. ''There was a backlash against "
            "'Primates of Park Avenue,'  '' she noted. The students' teachers agreed.")
    assert _quotes(text) == ["''I mean, a raid is a combat operation,''",
                             "''There was a backlash against 'Primates of Park Avenue,'  ''"]
