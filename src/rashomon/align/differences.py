"""How two renderings of one utterance differ: a negation dropped or added, a number or a name changed,
someone else credited; and their word-level diff."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from rashomon.align.units import EDGE

NEGATORS = frozenset({"not", "never", "no", "n't", "nobody", "none", "nothing", "neither", "nor", "without",
                      "cannot", "deny", "denies", "denied"})
# A name changed means a different person or organisation; places and nationalities are left out,
# because one outlet's "Soviet" is another's "USSR" and the tagger does not always see them alike.
NAME_FAMILIES = ("PERSON", "ORG")
_NUMBER = re.compile(r"\d[\d,.]*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|hundred|thousand|"
                     r"million|billion|dozen)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Rendering:
    """One article's wording of an utterance: its span, the speaker credited, the names in it."""

    article_id: str
    outlet: str | None
    published: object
    speaker: str | None
    text: str
    start: int
    end: int
    entities: frozenset[tuple[str, str]]  # (label, entity id) of the names in it
    kind: str = "direct"  # direct: within quotation marks; else as its attribution says (indirect, mixed)


def differences(first: Rendering, other: Rendering, group_speaker: str | None) -> list[str]:
    """What ``other`` changes from ``first``: a negation, a number, a name, the speaker (both known)."""
    flags = []
    if _negations(first.text) != _negations(other.text):
        flags.append("negation")
    if _numbers(first.text) and _numbers(other.text) and _numbers(first.text) != _numbers(other.text):
        flags.append("number")
    if any(_names(first, family) - _names(other, family) and _names(other, family) - _names(first, family)
           for family in NAME_FAMILIES):
        flags.append("name")
    if group_speaker and other.speaker and other.speaker != group_speaker:  # an unknown speaker is no change
        flags.append("speaker")
    return flags


def _names(rendering: Rendering, family: str) -> frozenset[str]:
    return frozenset(entity for label, entity in rendering.entities if label == family)


def _negations(text: str) -> int:
    words = re.findall(r"\w+(?:'t|’t)?", text.lower())
    return sum(w in NEGATORS or w.endswith(("n't", "n’t")) for w in words) % 2


def _numbers(text: str) -> frozenset[str]:
    return frozenset(m.group().lower().rstrip(".,") for m in _NUMBER.finditer(text))


def word_diff(first: str, other: str) -> list[tuple[str, str, str]]:
    """(operation, words in first, words in other) for equal, delete, insert and replace runs."""
    a, b = re.findall(r"\S+", first), re.findall(r"\S+", other)
    matcher = difflib.SequenceMatcher(a=[w.lower().strip(EDGE) for w in a], b=[w.lower().strip(EDGE) for w in b],
                                      autojunk=False)
    return [(op, " ".join(a[i1:i2]), " ".join(b[j1:j2])) for op, i1, i2, j1, j2 in matcher.get_opcodes()]
