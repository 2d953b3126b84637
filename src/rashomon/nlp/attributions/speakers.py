"""Who the speaker is: the person or body that the head of the source names, or nobody.

The head word of the source decides, not any name inside it: in "Rep. Peter King, R-N.Y., who opposes
the mosque", the speaker is King and not a person his clause mentions; "a spokesman for Hillary
Clinton" is a spokesman (unnamed), not Clinton; "Russia's recent tensions with the United States", "a
poll" and "sources" name no speaker at all. A pronoun is its antecedent person, when the article makes
it clear (``nlp/entities``), and nobody otherwise; a role ("the NATO Secretary General", "the alliance's
chief") is the person who holds it in the article. Places, nationalities and groups ("the West",
"Republicans") are sources but not speakers, nor are several together ("Kiev and Western countries"). An attribution without a speaker is shown as unattributed,
its source words kept.
"""

from __future__ import annotations

from rashomon.nlp.attributions.spans import Pieces
from rashomon.nlp.entities import ArticleEntities
from rashomon.nlp.mentions import FoundMention

SPEAKER_LABELS = frozenset({"PERSON", "ORG", "GPE"})  # people, bodies, and states speaking through them
_KIND_ORDER = {"name": 0, "description": 1, "pronoun": 2}


def speaker_chain(source: Pieces, entities: ArticleEntities, doc) -> int | None:
    """The chain of the person or body the source's head word names; None when it names none."""
    head = _head(source, doc)
    if head is None or any(child.dep_ == "conj" for child in head.children):
        return None  # "Ukraine, the United States and NATO claim": no one speaker
    at_head = [m for m in entities.mentions if m.start <= head.idx < m.end and m.chain >= 0]
    if not at_head:
        return None
    chosen = min(at_head, key=_preference)
    return chosen.chain if chosen.label in SPEAKER_LABELS else None


def _head(source: Pieces, doc):
    """The word the source phrase hangs from: "King" in "Rep. Peter King, R-N.Y., who opposes …"."""
    if not source:
        return None
    span = doc.char_span(source[0][0], source[0][1], alignment_mode="expand")
    if span is None or not len(span):
        return None
    head = span.root
    while head.dep_ == "compound" and head.head.i != head.i and head.head.i < span.end:
        head = head.head
    return head


def _preference(mention: FoundMention) -> tuple:
    """A person before a body (the role "the NATO Secretary General" over NATO inside it); a name before
    a description or a pronoun; the narrowest."""
    return (mention.label != "PERSON", _KIND_ORDER.get(mention.kind, 3), mention.end - mention.start)
