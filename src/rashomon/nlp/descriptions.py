"""Descriptions that name someone already named: "the Secretary General", "the NATO Secretary General",
"the alliance's chief", "the diplomat", "the alliance". Each joins the chain of the one person who holds
that office in the article (or the body it names), and none when that is not clear. A particular office
("the president") never names someone whose title is only a general word ("Majority Leader"); a general
word with a word before it ("the majority leader") names that post.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rashomon.nlp import text_of
from rashomon.nlp.aliases import GENERAL_TITLES, KNOWN_ENTITIES, TITLE_GROUPS, TITLES
from rashomon.nlp.mentions import FoundMention

_TITLES_LONGEST_FIRST = sorted(TITLES, key=len, reverse=True)

_DESCRIPTION = re.compile(
    r"\b[Tt]he\s+((?:[A-Za-z’'.-]+\s+){0,3}?)(" + "|".join(re.escape(t) for t in _TITLES_LONGEST_FIRST)
    + r"|alliance|bloc|agency)\b(?!(?-i:\s+[A-Z][a-z]))", re.IGNORECASE)


def descriptions(doc, names: list[FoundMention], chains: Sequence) -> list[FoundMention]:
    """ "the Secretary General", "the NATO Secretary General", "the alliance's chief", "the diplomat",
    "the alliance": the chain they clearly refer to. A body named inside the description is what the
    office belongs to, not who is meant."""
    found = []
    text = text_of(doc)
    people = [(m.start, m.end) for m in names if m.label == "PERSON"]
    for match in _DESCRIPTION.finditer(text):
        start, end, head = match.start(), match.end(), match.group(2)
        possessed = _POSSESSED_TITLE.match(text, end)  # "the alliance's chief"
        if possessed:
            end, head = possessed.end(), possessed.group(1)
        if any(s < end and start < e for s, e in people) or any(
                m.start < start < m.end or m.start < end <= m.end for m in names):
            continue
        office = _office_described(head, text[end:end + 60])
        modifiers = _modifiers(match.group(1))
        if office in GENERAL_TITLES and any(word.islower() for word in modifiers):
            office = " ".join([*modifiers, office]).lower()  # "the majority leader": that post, not any leader
        chain = _described_chain(office, start, names, chains) if office else None
        if chain is not None:
            found.append(FoundMention(start, end, text[start:end], chains[chain].label, chain, "description"))
    return found


def _modifiers(words: str) -> list[str]:
    """The words before a description's head, within its own sentence ("the press. The leader": none)."""
    return [word for word in re.split(r"[.!?]\s+", words)[-1].split() if word.lower() != "the"]


_POSSESSED_TITLE = re.compile(r"['’]s\s+(?:[A-Za-z-]+\s+){0,2}?(" + "|".join(
    re.escape(t) for t in _TITLES_LONGEST_FIRST) + r")\b(?!(?-i:\s+[A-Z][a-z]))", re.IGNORECASE)


def _office_described(head: str, after: str) -> str | None:
    """The office a description names; "the head of the Foreign Ministry" is the foreign minister.

    A description followed by "of …" names an office of that body: resolved only for ministries,
    and left unresolved otherwise rather than guessed.
    """
    head = head.lower().replace("secretary-general", "secretary general")
    of_phrase = re.match(r"\s+of\s+(?:the\s+)?((?:[\w’'-]+\s+){0,4}?)Ministry", after)
    if of_phrase:
        portfolio = of_phrase.group(1).split()
        return f"{portfolio[-1].lower()} minister" if portfolio else "minister"
    if re.match(r"\s+of\b", after):
        return None
    return head


def _described_chain(head: str, position: int, names: list[FoundMention], chains: Sequence) -> int | None:
    """The chain named last before the description that holds the office; else, when exactly one person
    in the article holds it, that person, wherever named ("…, the NATO Secretary General said. … NATO
    Secretary General Jens Stoltenberg")."""
    earlier = [m for m in names if m.end <= position and m.chain >= 0]
    for mention in reversed(earlier):
        chain = chains[mention.chain]
        if chain.label == "PERSON" and any(_same_office(head, title) for title in chain.titles):
            return mention.chain
        if chain.label == "ORG" and head in descriptors(chain.name):
            return mention.chain
    holders = {m.chain for m in names if m.start >= position and m.chain >= 0 and chains[m.chain].label == "PERSON"
               and any(_same_office(head, title) for title in chains[m.chain].titles)}
    return holders.pop() if len(holders) == 1 else None


def _same_office(description: str, title: str) -> bool:
    """Whether a description may name the holder of ``title``: the same office, or one of its synonyms; a
    general word ("the leader") may name a particular office (a president), but a particular office
    ("the president") never names someone whose title is only a general word ("Majority Leader")."""
    if description == title:
        return True
    if title in GENERAL_TITLES and description not in GENERAL_TITLES:
        return False
    return any(description in group and title in group for group in TITLE_GROUPS)


def descriptors(name: str) -> tuple[str, ...]:
    known = KNOWN_ENTITIES.get(name)
    return known[2] if known else ()
