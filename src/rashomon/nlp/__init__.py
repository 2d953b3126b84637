"""Language processing for one article at a time: models, sentences, entities, dates."""


def text_of(doc) -> str:
    """``doc.text``, computed once: spaCy rebuilds it from every token on each access."""
    text = doc.user_data.get("text")
    if text is None:
        text = doc.user_data["text"] = doc.text
    return text
