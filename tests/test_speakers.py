"""Who speaks: a person or body only when the source is one; a role is who holds it; nobody otherwise (issue 25)."""

import pytest

from rashomon.nlp.attributions import find_attributions
from rashomon.nlp.attributions.speakers import speaker_chain
from rashomon.nlp.entities import find_entities
from rashomon.nlp.models import spacy_pipeline
from rashomon.nlp.sentences import quotation_spans


def _speakers(text):
    """(source words, speaker's chain name or None) of each attribution, in text order."""
    doc = spacy_pipeline("en")(text)
    entities = find_entities(doc)
    names = {chain.index: chain.name for chain in entities.chains}
    return [(" ".join(text[s:e] for s, e in a.source), names.get(a.speaker_chain))
            for a in find_attributions(doc, entities, tuple(quotation_spans(text)))]


def _speaker_of(text, source):
    """The speaker's chain name for the words ``source`` taken as the source of an attribution."""
    doc = spacy_pipeline("en")(text)
    entities = find_entities(doc)
    start = text.index(source)
    chain = speaker_chain(((start, start + len(source)),), entities, doc)
    return {c.index: c.name for c in entities.chains}.get(chain)


KING = ("Rep. Peter King, R-N.Y., who opposes the mosque project, said Monday that the White House softened "
        "Obama's original comments. He said Obama was \"clearly\" taking a side on the issue.\n\n\"Everyone says "
        "as far as I know that the Muslim community has the right to build a mosque,\" he told Fox News.")


def test_speakers_a_pronoun_goes_on_from_the_last_speaker_not_the_person_he_spoke_of():
    assert _speakers(KING)[-2:] == [("He", "Peter King"), ("he", "Peter King")]


def test_speakers_a_person_named_inside_the_quotation_is_not_who_says_it():
    text = ("Reps. Peter DeFazio of Oregon and Jim McDermott of Washington wrote a letter. DeFazio said House "
            "Democrats would not go along.\n\n\"All through this administration, the White House has been a "
            "spear carrier for President Obama,\" he said.")
    assert "Barack Obama" not in {speaker for _, speaker in _speakers(text)}
    assert _speakers(text)[-1] == ("he", "Peter DeFazio")


def test_speakers_the_name_a_source_is_about_is_not_its_speaker():
    assert _speakers("A spokesman for Hillary Clinton said the campaign would respond.") == [
        ("A spokesman for Hillary Clinton", None)]
    assert _speakers("John Podesta, a close ally of Mr. Obama, called the deal a steep price.") == [
        ("John Podesta, a close ally of Mr. Obama", "John Podesta")]


def test_speakers_a_pronoun_with_no_antecedent_is_nobody():
    assert _speakers("He said the talks went well.") == [("He", None)]
    assert _speakers("Putin met Biden in Geneva. He said the talks went well.")[-1] == ("He", None)


def test_speakers_a_role_is_the_person_who_holds_it_in_the_article():
    text = ("The talks will be hard, the NATO Secretary General said on Friday. The alliance's chief added that "
            "Russia must withdraw. Earlier, NATO Secretary General Jens Stoltenberg met the ministers in Brussels.")
    assert _speakers(text) == [("the NATO Secretary General", "Jens Stoltenberg"),
                               ("The alliance's chief", "Jens Stoltenberg")]


def test_speakers_an_organisation_speaks_as_itself():
    assert _speakers("Politico reported that the memo was real.") == [("Politico", "Politico")]


@pytest.mark.parametrize("text, source", [
    ("Russia's recent tensions with the United States and NATO have continued to be tense.",
     "Russia's recent tensions with the United States and NATO"),
    ("He said the West should not ask Russia to do so.", "the West"),
    ("There is a treaty that says any country can seek membership in the alliance.", "that"),
    ("Ukraine, the United States and NATO claim that Russia is ready to invade.", "Ukraine, the United States and NATO"),
    ("Mr. Trump's Twitter account said on Friday that the deal was off.", "Mr. Trump's Twitter account"),
])
def test_speakers_a_source_that_is_no_speaker_leaves_the_words_unattributed(text, source):
    assert _speaker_of(text, source) is None


def _quote(source_words, speaker):
    from rashomon.reads import Quote
    from rashomon.records import Attribution, Span

    attribution = Attribution("a1", 0, (Span("a1", 0, 20),), (Span("a1", 22, 26),),
                              (Span("a1", 27, 29),) if source_words else (), "indirect")
    return Quote(attribution, speaker, None, None, {"content": ("the talks went well",), "cue": ("said",),
                                                    "source": (source_words,) if source_words else ()})


def test_speakers_a_quote_without_a_speaker_is_shown_unattributed_not_under_its_source_words():
    from rich.console import Console

    from rashomon.cli.render.quotes import quotes_table

    quotes = [_quote("he", None), _quote("a Fox News poll", None), _quote("", None), _quote("Putin", "Vladimir Putin")]
    assert [q.credited for q in quotes] == ["unattributed (he)", "unattributed (a Fox News poll)", "unattributed",
                                            "Vladimir Putin"]
    assert quotes[0].as_dict()["speaker"] is None and quotes[0].as_dict()["credited"] == "unattributed (he)"
    console = Console(record=True, width=160)
    quotes_table(console, quotes[:1])
    assert "unattributed (he)" in console.export_text()


BECK = ("Glenn Beck, the closing speaker of a conservative conference, denounced progressivism on Saturday.\n\n"
        "When the audience finished laughing, he asked: “What are we suffering from?”\n\n"
        "Saying President Obama, he said, was “too simple an answer.”\n\n"
        "The real problem, he said, is progressivism. “This is the disease in America,” he said.")


def test_speakers_a_person_in_the_clause_a_speech_tag_interrupts_is_what_is_said_not_who_says_it():
    # "X, he said, was …": the parenthetical "he said" splits the reported clause; its subject is talked about
    named = [speaker for _, speaker in _speakers(BECK) if speaker]
    assert named == ["Glenn Beck"] * 4


def test_speakers_the_president_is_not_whoever_holds_a_leader_title():
    text = ("Mr. Trump spoke from the White House on Saturday. “We need a deal,” Senate Majority Leader Mitch "
            "McConnell said in a statement. If Mr. McConnell puts a bill on the floor, as the president said he "
            "would, Senate Democrats will have to decide.")
    assert _speakers(text) == [("Senate Majority Leader Mitch McConnell", "Mitch McConnell"), ("the president", None)]
    assert _speakers("President Vladimir Putin met the press. The leader said talks would go on.")[-1] == (
        "The leader", "Vladimir Putin")


def test_speakers_a_general_title_with_a_word_before_it_is_that_post_not_any_leader():
    text = ("President Obama spoke on immigration on Monday. Mr. Cantor, 51, had sought to counter Mr. Brat’s "
            "accusations. The majority leader, who had raised $5.4 million, ran advertisements in which he "
            "emphasized that he opposed an “amnesty” policy.")
    assert "Barack Obama" not in {speaker for _, speaker in _speakers(text)[-2:]}
    assert "Obama" not in {speaker for _, speaker in _speakers(text)[-2:]}


def test_speakers_mr_with_a_surname_is_not_a_woman_of_that_surname():
    text = ("Senator Ted Cruz of Texas spoke. His wife, Heidi Cruz, was there. And Mr. Cruz had finally had "
            "enough. Mr. Cruz told his rival to “leave Heidi the hell alone.”")
    assert _speakers(text) == [("Mr. Cruz", "Ted Cruz")]


def test_speakers_what_the_first_name_lists_say_and_leave_open():
    from rashomon.nlp.honorifics import first_name_sex, may_be_called

    assert [first_name_sex(n) for n in ("Heidi", "Ted", "Paul", "Jordan", "Jens")] == [
        "female", "male", "male", None, None]
    assert not may_be_called("mr", "Heidi Cruz") and may_be_called("mrs", "Heidi Cruz")
    assert may_be_called("mr", "Jens Stoltenberg") and may_be_called(None, "Heidi Cruz")


def test_speakers_a_speaker_judged_more_likely_wrong_than_right_is_not_credited():
    import dataclasses

    sure, guess = _quote("Reid", "Harry Reid"), _quote("Reid", "Harry Reid")
    sure = dataclasses.replace(sure, attribution=dataclasses.replace(sure.attribution, confidence=0.5))
    guess = dataclasses.replace(guess, attribution=dataclasses.replace(guess.attribution, confidence=0.35))
    assert (sure.credited, guess.credited) == ("Harry Reid", "unattributed (Reid)")
    assert guess.as_dict()["speaker"] == "Harry Reid" and guess.as_dict()["confidence"] == 0.35  # the data kept


def test_speakers_who_was_asked_did_not_ask():
    asked = ("Mr. Trump, speaking briefly with reporters in the Oval Office, offered an emphatic “yes” when asked "
             "whether Mr. Lieberman was among the finalists.")
    assert "Trump" not in {speaker for _, speaker in _speakers(asked)}
    assert _speakers("Asked about the bill, Nancy Pelosi said she would vote for it.") == [
        ("Nancy Pelosi", "Nancy Pelosi")]


def test_speakers_a_name_that_says_which_thing_is_meant_is_no_one_who_speaks():
    text = ("In an interview with Fox News, Ryan also hammered Obama for what he called his failure on jobs. "
            "Amplifying the Romney campaign message, he said Obama’s heavy borrowing is dragging down growth.")
    assert "Romney" not in {speaker for _, speaker in _speakers(text)}
