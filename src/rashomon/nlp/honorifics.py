"""What an honorific says about whom a surname means: "Mr. Cruz" is not Heidi Cruz.

A surname alone goes to a full name of the article (``nlp/entities``); with "Mr.", "Mrs.", "Ms." or "Miss"
before it, a full name whose first name is clearly of the other sex is left out. Whether a first name is
clearly male or female is read from the US Census first-name frequencies shipped in the ``names`` package
(1990 census, MIT licence): a name counts as one sex's when it is at least ten times as frequent among them.
A first name the lists do not know, or that both sexes share, rules nobody out.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from rashomon.nlp.person_names import read_name

HONORIFIC_SEX = {"mr": "male", "mrs": "female", "ms": "female", "miss": "female"}
CLEAR_RATIO = 10.0  # how many times as frequent among one sex a first name must be to say it is that sex's

_HONORIFIC_BEFORE = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+$")


def honorific_before(text: str, start: int) -> str | None:
    """"mr", "mrs", "ms" or "miss" when the name at ``start`` follows one (or begins with one)."""
    own = re.match(r"(Mr|Mrs|Ms|Miss)\.?\s", text[start:start + 6])
    found = own or _HONORIFIC_BEFORE.search(text[max(0, start - 8):start])
    return found.group(1).lower() if found else None


def may_be_called(honorific: str | None, full_name: str) -> bool:
    """Whether a person named ``full_name`` may be the one an honorific and surname mean."""
    sex = HONORIFIC_SEX.get(honorific or "")
    parts = read_name(full_name)
    if sex is None or parts is None or parts.first is None:
        return True
    known = first_name_sex(parts.first)
    return known is None or known == sex


def first_name_sex(first: str) -> str | None:
    """"male" or "female" when the census lists make it clear; None otherwise."""
    male, female = _frequencies("dist.male.first").get(first.upper(), 0.0), \
        _frequencies("dist.female.first").get(first.upper(), 0.0)
    if male >= CLEAR_RATIO * female and male > 0:
        return "male"
    if female >= CLEAR_RATIO * male and female > 0:
        return "female"
    return None


@lru_cache(maxsize=2)
def _frequencies(list_name: str) -> dict[str, float]:
    lines = resources.files("names").joinpath(list_name).read_text(encoding="ascii").splitlines()
    return {fields[0]: float(fields[1]) for fields in (line.split() for line in lines) if len(fields) >= 2}
