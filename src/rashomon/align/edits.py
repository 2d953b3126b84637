"""What changed between two near-identical sentences (a copy, a reprint, one wire story in two outlets).

The sentences' words are aligned; each stretch that differs is named by what it touches: a date expression
replaced by one naming another day, month or year; the sources of an attribution on both sides, each
opening with a name (the speaker); a named entity on one side at least, with words that can be a name on both (capitalised, no
pronoun); figures on both sides (a number); or nothing but words of negation put in or taken out. Two
writings of one name ("Sen." and "Senator", "Vendôme" and "Vendome", "Mr. Smith" and "Smith") are no change.
Any other change, and anything only one side has (a frame "…, Ryan said" that one reprint leaves out), is
wording, and says nothing. Sentences are near-identical when their words line up (``SAME_WORDING``); those
that differ in more than ``MOST_EDITS`` places are not near-identical enough to read this way.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterator

from rashomon.align.anchors import NEGATORS, PRONOUNS
from rashomon.align.names import one_name
from rashomon.align.statements import Anchors

MOST_EDITS = 3
SAME_WORDING = 0.75  # difflib's ratio of the two sentences' words
SAME_LETTERS = 0.8  # two names whose letters are this alike are one name spelt two ways
NAMED = frozenset({"PERSON", "ORG", "PLACE", "NORP", "EVENT", "FAC"})
_TOKEN = re.compile(r"\w+(?:['’]\w+)?|[^\w\s]")
_SPECIFIC_TIME = re.compile(r"^[\dX]{4}")
_PARTICLES = frozenset({"of", "the", "de", "van", "von", "al", "bin", "la", "le", "del", "da", "di", "du", "and"})


def near_identical(first: Anchors, second: Anchors) -> bool:
    """The two sentences' words line up but for a few places."""
    return _matcher(first.text, second.text).ratio() >= SAME_WORDING


def edits(first: Anchors, second: Anchors) -> Iterator[tuple[str, str]]:
    """(kind, reason) of each place the second sentence changes the first, each kind once."""
    ours, theirs = _tokens(first.text), _tokens(second.text)
    changed = [op for op in _matcher(first.text, second.text).get_opcodes() if op[0] != "equal"]
    if len(changed) > MOST_EDITS:
        return
    seen = set()
    for _, a1, a2, b1, b2 in changed:
        before, after = _stretch(first.text, ours, a1, a2), _stretch(second.text, theirs, b1, b2)
        kind = _kind(_touched(first, ours, a1, a2), _touched(second, theirs, b1, b2), before, after)
        if kind and kind not in seen:
            seen.add(kind)
            yield kind, f"{before or '(nothing)'} ≠ {after or '(nothing)'}"


def _tokens(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _matcher(first: str, second: str) -> difflib.SequenceMatcher:
    return difflib.SequenceMatcher(a=[t.lower() for t, _, _ in _tokens(first)],
                                   b=[t.lower() for t, _, _ in _tokens(second)], autojunk=False)


def _stretch(text: str, tokens: list, start: int, end: int) -> str:
    return text[tokens[start][1]:tokens[end - 1][2]] if end > start else ""


def _touched(anchors: Anchors, tokens: list, start: int, end: int) -> dict[str, set[str]]:
    """The marked stretches these tokens overlap, by what they are ("date", "source", a family), with the
    values marked there (dates' TimeML values, entity ids)."""
    found: dict[str, set[str]] = {}
    if end > start:
        first, last = tokens[start][1], tokens[end - 1][2]
        for a, b, what, value in anchors.marked:
            if a < last and first < b:
                found.setdefault(what, set()).add(value)
    return found


def _kind(ours: dict[str, set[str]], theirs: dict[str, set[str]], before: str, after: str) -> str | None:
    if _negation_only(before, after):
        return "negation"
    if not before or not after:
        return None
    if "date" in ours or "date" in theirs:
        return "date" if _other_time(ours.get("date", set()), theirs.get("date", set())) else None
    if _same_name(before, after):
        return None
    if "source" in ours and "source" in theirs and _names_someone(before) and _names_someone(after):
        return "speaker"
    if NAMED & (set(ours) | set(theirs)) and _name_like(before) and _name_like(after):
        return "entity"
    if re.search(r"\d", before) and re.search(r"\d", after):
        return "number"
    return None


def _other_time(ours: set[str], theirs: set[str]) -> bool:
    """A date replaced by one naming another day, month or year outright, not by a vaguer reference."""
    ours, theirs = {v for v in ours if _SPECIFIC_TIME.match(v)}, {v for v in theirs if _SPECIFIC_TIME.match(v)}
    return bool(ours and theirs and ours != theirs)


def _same_name(first: str, second: str) -> bool:
    ours, theirs = _letters(first), _letters(second)
    return one_name(first, second) or (bool(ours and theirs) and (
        ours.startswith(theirs) or theirs.startswith(ours)
        or difflib.SequenceMatcher(a=ours, b=theirs).ratio() >= SAME_LETTERS))


def _letters(words: str) -> str:
    folded = unicodedata.normalize("NFKD", words)
    return "".join(ch for ch in folded if ch.isalnum()).lower()


def _name_like(words: str) -> bool:
    """Words that can be a name: each capitalised (but particles: "Place de la Concorde"), not a pronoun."""
    found = [w for w in re.findall(r"[^\W\d_]+", words) if len(w) > 1]
    return bool(found) and all(w[0].isupper() or w.lower() in _PARTICLES for w in found) \
        and any(w.lower() not in PRONOUNS for w in found)


def _names_someone(words: str) -> bool:
    """A source that opens with a name ("Mehdi Zareh, the head of …"), not a pronoun."""
    found = [w for w in re.findall(r"[^\W\d_]+", words) if len(w) > 1]
    return bool(found) and found[0][0].isupper() and found[0].lower() not in PRONOUNS


def _negation_only(before: str, after: str) -> bool:
    """The two differ by words of negation alone, an odd number of them."""
    (ours, ours_negated), (theirs, theirs_negated) = _negators(before), _negators(after)
    return ours == theirs and (ours_negated - theirs_negated) % 2 == 1


def _negators(words: str) -> tuple[list[str], int]:
    kept, negated = [], 0
    for word in re.findall(r"\w+(?:'t)?", words.lower().replace("’", "'")):
        if word in NEGATORS:
            negated += 1
        elif word.endswith("n't"):
            kept.append(word[:-3])
            negated += 1
        else:
            kept.append(word)
    return kept, negated
