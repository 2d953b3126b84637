"""Whether two names are one, and whether one stands where the other stands in two wordings of one thing."""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W_]+")
PREFIX = 5  # "German" for "Germany", "Russian" for "Russia": a name's first letters in a word of the other
SLOT_SLACK = 3  # words around a name that may differ in the place it stands in


def _words(text: str) -> list[str]:
    return [word.lower() for word in _WORD.findall(text)]


def written_in(name: str, text: str) -> bool:
    """The name, or a word sharing its first letters ("German" for "Germany"), is written in the text; a
    two-letter acronym ("EU", "UN") as written."""
    words = set(_words(text))
    if any(len(word) == 2 and word.isupper() and word in _WORD.findall(text) for word in _WORD.findall(name)):
        return True
    return any(word in words or (len(word) >= PREFIX and any(w.startswith(word[:PREFIX]) for w in words))
               for word in _words(name) if len(word) > 2)


def one_name(first: str, second: str) -> bool:
    """Two ways of writing one name: a word of one among the other's ("Cowan", "William Cowan")."""
    return bool({w for w in _words(first) if len(w) > 1} & {w for w in _words(second) if len(w) > 1})


def lined_up(first_text: str, first_name: str, second_text: str, second_name: str) -> bool:
    """In an alignment of the two texts' words, the names fall in one short stretch that differs, with
    words the two share right before or after it: each stands in the other's place."""
    first, second = _words(first_text), _words(second_text)
    ours, theirs = _where(first, _words(first_name)), _where(second, _words(second_name))
    if ours is None or theirs is None:
        return False
    opcodes = aligned(first, second)
    for index, (operation, a1, a2, b1, b2) in enumerate(opcodes):
        if operation != "replace" or not (a1 <= ours[0] and ours[1] <= a2 and b1 <= theirs[0] and theirs[1] <= b2):
            continue
        short = a2 - a1 <= ours[1] - ours[0] + SLOT_SLACK and b2 - b1 <= theirs[1] - theirs[0] + SLOT_SLACK
        bordered = any(opcodes[i][0] == "equal" for i in (index - 1, index + 1) if 0 <= i < len(opcodes))
        return short and bordered
    return False


def aligned(first: list[str], second: list[str]) -> list[tuple[str, int, int, int, int]]:
    """The two word lists aligned on a longest common subsequence, as difflib's opcodes ("equal", "replace",
    "delete", "insert" stretches). Unlike difflib's longest-block-first matching, every word in common
    counts, so "the founding treaty of the EU stipulates that" lines up with "the founding agreement of NATO
    says that" word for word."""
    rows, columns = len(first), len(second)
    table = [[0] * (columns + 1) for _ in range(rows + 1)]
    for i in range(rows - 1, -1, -1):
        for j in range(columns - 1, -1, -1):
            table[i][j] = table[i + 1][j + 1] + 1 if first[i] == second[j] else max(table[i + 1][j], table[i][j + 1])
    pairs, i, j = [], 0, 0
    while i < rows and j < columns:
        if first[i] == second[j]:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif table[i + 1][j] >= table[i][j + 1]:
            i += 1
        else:
            j += 1
    return _opcodes(pairs, rows, columns)


def _opcodes(pairs: list[tuple[int, int]], rows: int, columns: int) -> list[tuple[str, int, int, int, int]]:
    found, i, j = [], 0, 0
    for a, b in [*pairs, (rows, columns)]:
        if a > i or b > j:
            found.append(("replace" if a > i and b > j else "delete" if a > i else "insert", i, a, j, b))
        if (a, b) != (rows, columns):
            if found and found[-1][0] == "equal" and found[-1][2] == a and found[-1][4] == b:
                found[-1] = ("equal", found[-1][1], a + 1, found[-1][3], b + 1)
            else:
                found.append(("equal", a, a + 1, b, b + 1))
        i, j = a + 1, b + 1
    return found


def _where(words: list[str], name: list[str]) -> tuple[int, int] | None:
    for start in range(len(words) - len(name) + 1):
        if words[start:start + len(name)] == name:
            return start, start + len(name)
    return None
