"""TimeML values: the resolved value record, reading number phrases, units and qualifiers, writing durations."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rashomon.nlp.dates.word_tables import (
    NUMBER_WORDS,
    QUALIFIERS,
    UNIT_PLURALS,
    UNITS,
    VAGUE_AMOUNTS,
)


@dataclass(frozen=True)
class _Value:
    value: str
    kind: str = "DATE"
    qualifier: str | None = None
    names_a_time: bool = True  # False for "a year earlier": it leaves the story's reference time alone


def _number(text: str) -> float | None:
    """The amount a number phrase states: "two" 2, "twenty-five" 25, "2 1/2" 2.5; None when vague."""
    words = text.lower().replace("-", " ").split()
    if not words or text.lower().strip() in VAGUE_AMOUNTS:
        return None
    if "couple" in words:
        return 2.0
    half = 0.5 if words[-3:] == ["and", "a", "half"] else 0.0
    words = words[:-3] if half else words
    if words and re.fullmatch(r"\d+(\.\d+)?", words[0]):
        fraction = _fraction(words[1]) if len(words) > 1 else 0.0
        return float(words[0]) + fraction + half
    return _number_words(words) + half if _number_words(words) else None


def _fraction(word: str) -> float:
    top, _, bottom = word.partition("/")
    return int(top) / int(bottom) if top.isdigit() and bottom.isdigit() and int(bottom) else 0.0


def _number_words(words: list[str]) -> float:
    total = current = 0
    for word in words:
        if word in ("hundred", "thousand"):
            current = max(current, 1) * NUMBER_WORDS[word]
            if word == "thousand":
                total, current = total + current, 0
        elif word in NUMBER_WORDS:
            current += NUMBER_WORDS[word]
    return float(total + current)


def _unit(word: str) -> str:
    word = UNIT_PLURALS.get(word.lower(), word.lower())
    return word[:-1] if word.endswith("s") and word[:-1] in UNITS else word


def _qualifier(text: str | None) -> str | None:
    if not text:
        return None
    words = re.sub(r"\s+", " ", text.lower().strip(" -"))
    if words in QUALIFIERS:
        return QUALIFIERS[words]
    key = next((w for w in ("beginning", "start", "middle", "end", "rest", "remainder") if w in words), None)
    return QUALIFIERS.get(key) if key else None


def _spoken_year(text: str) -> int | None:
    words = text.lower().replace("-", " ").split()
    if words[:2] == ["two", "thousand"]:
        return 2000 + int(_number_words(words[3:]) if len(words) > 3 else 0)
    if words and words[0] == "nineteen":
        rest = words[1:]
        return 1900 if rest == ["hundred"] else 1900 + int(_number_words(rest))
    return None


def _duration_value(amount: float, unit: str) -> str:
    letter, clock, years = UNITS[unit]
    if years:
        amount, letter = amount * years, "Y"
    if unit == "fortnight":
        amount *= 2
    whole = int(amount)
    prefix = "PT" if clock else "P"
    if amount == whole:
        return f"{prefix}{whole}{letter}"
    return prefix + _fractional_duration(amount, letter, clock)


def _fractional_duration(amount: float, letter: str, clock: bool) -> str:
    smaller = {("Y", False): ("M", 12), ("M", False): ("D", 30), ("W", False): ("D", 7),
               ("D", False): ("H", 24), ("H", True): ("M", 60), ("M", True): ("S", 60)}
    whole = int(amount)
    if (letter, clock) not in smaller:
        return f"{amount:g}{letter}"
    next_letter, factor = smaller[(letter, clock)]
    rest = round((amount - whole) * factor)
    head = f"{whole}{letter}" if whole else ""
    if letter == "D" and next_letter == "H":
        return f"{head}T{rest}H"
    return f"{head}{rest}{next_letter}"
