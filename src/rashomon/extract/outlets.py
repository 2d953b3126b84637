"""Outlet names: one name per outlet however an input spells it ("NYT", "nyt", "nytimes.com" → The New York Times).

Names are compared without case, spacing or a leading "The". The bundled table (``data/outlets.json``:
a name and what else it goes by, web domains among them) can be extended with a file of the same shape
named by the ``outlets`` setting ($RASHOMON_OUTLETS); a name there replaces or adds to the bundled entry.
An outlet in neither table keeps the first spelling the store saw of it, so "Example Wire" and
"example wire" stay one outlet; an unknown web domain is kept as the domain ("example.org").
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

from rashomon.errors import SettingError

_SPACES = re.compile(r"\s+")
_LEADING_THE = re.compile(r"^the\s+")
_DOMAIN = re.compile(r"^(?:https?://)?(?:[a-z0-9-]+\.)+[a-z]{2,}(?:[/:?#]\S*)?$", re.I)


def outlet_key(name: str) -> str:
    """What two spellings of one outlet share: "The  NYT " and "nyt" both give "nyt"."""
    return _LEADING_THE.sub("", _SPACES.sub(" ", name).strip().casefold())


def domain_of(value: str) -> str | None:
    """The host of a domain or web address ("https://www.nytimes.com/x" → "nytimes.com"); None for a name."""
    value = value.strip()
    if not _DOMAIN.match(value):
        return None
    host = urlsplit(value if "://" in value else "//" + value).hostname or ""
    return host[4:] if host.startswith("www.") else host


class OutletNames:
    """The stored name of an outlet for each way an input names it."""

    def __init__(self, table: Mapping[str, Sequence[str]], seen: Iterable[str] = ()):
        self._names: dict[str, str] = {}
        for name, aliases in table.items():
            for alias in (name, *aliases):
                self._names[outlet_key(alias)] = name
        for name in seen:  # names already stored: an unknown outlet keeps the spelling it was first stored as
            self._names.setdefault(outlet_key(name), name)

    @classmethod
    def load(cls, extra: str = "", seen: Iterable[str] = ()) -> OutletNames:
        """The bundled table, extended by the JSON file ``extra`` when one is named."""
        table = dict(bundled_table())
        if extra:
            table.update(_read_table(Path(extra)))
        return cls(table, seen)

    def knows(self, name: str) -> bool:
        """Whether the table (or the store) has this name."""
        return outlet_key(name) in self._names

    def name(self, raw: str | None) -> str | None:
        """The outlet's stored name; None when ``raw`` names none."""
        if raw is None or not raw.strip():
            return None
        spelled = _SPACES.sub(" ", raw).strip()
        domain = domain_of(spelled)
        if domain is not None:
            return self._domain_name(domain)
        return self._names.setdefault(outlet_key(spelled), spelled)

    def _domain_name(self, domain: str) -> str:
        labels = domain.split(".")
        for first in range(len(labels) - 1):  # edition.cnn.com, then cnn.com
            known = self._names.get(".".join(labels[first:]))
            if known is not None:
                return known
        return self._names.setdefault(domain, domain)


def bundled_table() -> dict[str, list[str]]:
    text = (resources.files("rashomon.extract") / "data" / "outlets.json").read_text(encoding="utf-8")
    return _checked(json.loads(text), "the bundled outlet table")


def _read_table(path: Path) -> dict[str, list[str]]:
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SettingError(f"outlet table {path} (setting outlets, $RASHOMON_OUTLETS): no such file") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise SettingError(f"outlet table {path} (setting outlets, $RASHOMON_OUTLETS): cannot be read "
                           f"as JSON ({error})") from None
    return _checked(value, f"outlet table {path}")


def _checked(value: object, where: str) -> dict[str, list[str]]:
    """``{"Name": ["alias", "domain.com", …], …}``; keys starting with "_" are comments."""
    if not isinstance(value, dict):
        raise SettingError(f"{where}: expected a JSON object of outlet names, each with a list of aliases")
    table = {}
    for name, aliases in value.items():
        if name.startswith("_"):
            continue
        if not isinstance(aliases, list) or not all(isinstance(alias, str) for alias in aliases):
            raise SettingError(f"{where}: the aliases of {name!r} must be a list of strings")
        table[name] = aliases
    return table
