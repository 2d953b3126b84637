"""Any answer of the read side in its one JSON shape."""

from __future__ import annotations

from typing import Any


def as_json(answer: Any) -> Any:
    """An answer's ``as_dict()``, lists of answers as lists of theirs; plain data as it is."""
    if hasattr(answer, "as_dict"):
        return answer.as_dict()
    if isinstance(answer, (list, tuple)):
        return [as_json(item) for item in answer]
    return answer
