"""Language processing for one article at a time, and the annotate stage that runs it.

    models.py       the one place that loads a model or a weights file (spaCy, lingua, the sentence
                    encoder, the cue, confidence and cluster models)
    annotate.py     the annotate stage: a batch of Articles → ArticleAnnotation records
    sentences.py    sentences and quotations · entities.py (with aliases.py) in-article alias chains
    dates/          temporal expressions and their TimeML values · attributions/ who said what
    cues.py         the rule tables of the attribution rules · logistic.py the one weights model
"""


def text_of(doc) -> str:
    """``doc.text``, computed once: spaCy rebuilds it from every token on each access."""
    text = doc.user_data.get("text")
    if text is None:
        text = doc.user_data["text"] = doc.text
    return text
