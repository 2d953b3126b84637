import pytest

from rashomon.evaluate.attributions import Predicted, Tally, score_article

TEXT = "Putin said that NATO lied. “We were cheated,” he added. The weather was fine."


def _span(words):
    start = TEXT.index(words)
    return [[start, start + len(words)]]


GOLD = [
    {"content": _span("that NATO lied"), "source": _span("Putin"), "cue": _span("said")},
    {"content": _span("“We were cheated,”"), "source": _span("he"), "cue": _span("added")},
]


def test_evaluate_attributions_exact_and_overlap():
    tally = Tally()
    predicted = [
        Predicted(_span("NATO lied"), _span("Putin"), _span("said")),          # content overlaps, not exact
        Predicted(_span("We were cheated"), (), _span("added"), _span("Putin")),  # no source, speaker resolved
        Predicted(_span("The weather was fine"), _span("The weather"), _span("was")),  # spurious
    ]
    score_article(tally, TEXT, GOLD, predicted)
    scores = tally.scores()
    assert scores["overlap"]["content"] == {"precision": pytest.approx(2 / 3), "recall": 1.0, "f1": pytest.approx(0.8)}
    assert scores["exact"]["content"]["recall"] == 0.5  # "We were cheated" = the quote's tokens; "NATO lied" is not
    assert scores["overlap"]["source"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5}
    assert scores["exact"]["cue"] == {"precision": pytest.approx(2 / 3), "recall": 1.0, "f1": pytest.approx(0.8)}
    assert scores["speaker_accuracy"] == 0.5  # "Putin" for "he" is right by chain only if "he" is in the chain


def test_evaluate_attributions_speaker_accuracy_counts_every_gold_source():
    """A gold source that no prediction is aligned with counts as a wrong speaker over all sources; a named
    speaker is judged by whether a mention of it lies inside the gold source (issue 25)."""
    tally = Tally()
    predicted = [Predicted(_span("that NATO lied"), _span("Putin"), _span("said"), _span("Putin"))]  # the quote is missed
    score_article(tally, TEXT, GOLD, predicted)
    scores = tally.scores()
    assert scores["speaker_accuracy"] == 1.0  # aligned pairs only
    assert scores["speaker_accuracy_all_sources"] == 0.5  # 1 right of 2 gold sources
    assert scores["named_speaker_precision"] == 1.0
    assert scores["counts"]["gold_sources"] == 2

    tally = Tally()
    wrong = [Predicted(_span("“We were cheated,”"), _span("he"), _span("added"), _span("NATO"))]  # "he" taken for NATO
    score_article(tally, TEXT, GOLD, wrong)
    assert tally.scores()["named_speaker_precision"] == 0.0
