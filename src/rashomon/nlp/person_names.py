"""A person's name read into its parts, and whether two names can be the same person.

"Paul D. Ryan" and "Paul Ryan" can be one person (a middle initial left out); "Bill Clinton" and
"Hillary Clinton" cannot (two first names), nor "George W. Bush" and "George H.W. Bush" (two middle
initials). A title before the name ("Rep.", "President") is not part of it; "Jr." is kept apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rashomon.nlp.aliases import FIRST_NAME_FORMS, NAME_PREFIXES, NAME_SUFFIXES, TITLE_FORMS, TITLES

_POSSESSIVE_INSIDE = re.compile(r"['’]s?(?:\s|$)")


@dataclass(frozen=True)
class PersonName:
    first: str | None  # None: the surname alone ("Clinton", "President Obama")
    middles: tuple[str, ...]
    surname: str
    suffix: str | None  # "Jr.", "III"


def read_name(name: str) -> PersonName | None:
    """The parts of a person's name; None when nothing of it is left once titles are taken off."""
    words = name.replace("’", "'").split()
    while words and words[0].lower().rstrip(".") in NAME_PREFIXES:
        words.pop(0)
    suffix = None
    if len(words) > 1 and words[-1].lower().rstrip(".,") in NAME_SUFFIXES:
        suffix = words.pop().rstrip(",")
    words = [w.rstrip(",") for w in words if w.rstrip(",")]
    if not words:
        return None
    if len(words) == 1:
        return PersonName(None, (), words[0], suffix)
    return PersonName(words[0], tuple(words[1:-1]), words[-1], suffix)


def surname_of(name: str) -> str | None:
    parts = read_name(name)
    return parts.surname if parts else None


def has_surname(name: str, surname: str) -> bool:
    parts = read_name(name)
    return parts is not None and parts.first is not None and parts.surname.lower() == surname.lower()


def without_titles(name: str) -> str:
    """The name as written, less the titles before it: "Rep. Peter King" → "Peter King"."""
    parts = read_name(name)
    if parts is None:
        return name
    words = [parts.first, *parts.middles, parts.surname, parts.suffix]
    return " ".join(w for w in words if w)


def titled_surname(title: str, name: str) -> str:
    """A title and a surname, the title in one spelling: ("pres.", "Barack Obama") → "president Obama"."""
    title = title.lower()
    return f"{TITLE_FORMS.get(title, title)} {surname_of(name) or name}"


def is_titled_surname(form: str) -> bool:
    """"president Obama", "vice president Biden": a title and one word."""
    lowered = form.lower()
    return any(lowered.startswith(title + " ") and len(form[len(title):].split()) == 1
               for title in (*TITLES, *TITLE_FORMS.values()))


def person_before_possessive(name: str) -> str | None:
    """"Trump's Twitter" names a thing of Trump's, not a person: the person is "Trump". A name with no
    possessive inside is returned as it is; None when nothing comes before the possessive ("'s Asia")."""
    match = _POSSESSIVE_INSIDE.search(name)
    if match is None or match.end() == len(name):
        return name
    before = name[:match.start()].strip()
    return before or None


def same_person_possible(one: str, other: str) -> bool:
    """Whether two full names can name one person: same surname, first names that are one name
    (or its short form: Joe, Joseph), middle names that do not contradict, the same suffix or none."""
    a, b = read_name(one), read_name(other)
    if a is None or b is None or a.first is None or b.first is None:
        return False
    if _fold(a.surname) != _fold(b.surname) or not _same_first_name(a.first, b.first):
        return False
    if _fold(a.suffix or "") != _fold(b.suffix or ""):  # Donald Trump is not Donald Trump Jr.
        return False
    return _middles_agree(a.middles, b.middles)


def _same_first_name(one: str, other: str) -> bool:
    one, other = _fold(one), _fold(other)
    return one == other or FIRST_NAME_FORMS.get(one, one) == FIRST_NAME_FORMS.get(other, other)


def _middles_agree(one: tuple[str, ...], other: tuple[str, ...]) -> bool:
    """"D." and "" agree (left out), "Rodham" and "" agree, "W." and "H. W." do not."""
    if not one or not other:
        return True
    return _initials(one) == _initials(other)


def _initials(middles: tuple[str, ...]) -> str:
    return "".join(letter for word in middles for letter in re.findall(r"(?:^|[.\s-])(\w)", word)).lower()


def _fold(word: str) -> str:
    return word.lower().rstrip(".")
