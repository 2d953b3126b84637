"""Every setting of rashomon, declared once: name, default, help; read from RASHOMON_<NAME>."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass

from rashomon.errors import SettingError


@dataclass(frozen=True)
class Setting:
    name: str
    default: object
    help: str
    choices: tuple[str, ...] = ()  # the only values allowed, where there is such a list

    @property
    def env_var(self) -> str:
        return "RASHOMON_" + self.name.upper()


SETTINGS: tuple[Setting, ...] = (
    Setting("db", "rashomon.db", "Store: a SQLite file path or a sqlite:/// URL (PostgreSQL is planned)."),
    Setting("fetch_timeout", 20.0, "Seconds to wait for a server before giving up on a URL."),
    Setting("fetch_max_bytes", 10_000_000, "Largest response body accepted from a URL, in bytes."),
    Setting("fetch_max_redirects", 5, "Most redirects followed for one URL."),
    Setting("allow_private", False, "Fetch URLs on private, loopback and link-local addresses."),
    Setting("user_agent", "rashomon/0.1 (+https://github.com/rashomon-news/rashomon)",
            "User-Agent header sent with every request."),
    Setting("batch_size", 100, "Articles written per transaction during ingest."),
    Setting("workers", 0, "Processes that extract articles in parallel during ingest (0: one per core)."),
    Setting("near_duplicate_threshold", 0.8,
            "Estimated Jaccard similarity of word 5-gram shingles above which an article is a near-copy."),
    Setting("minhash_permutations", 128, "Permutations in each article's MinHash signature."),
    Setting("languages", "en,ru,uk,zh,de,fr,es,it,pt,pl,nl,ar,tr,ja,ko,fa,he,cs,ro,hu,sv,el,bg,hi",
            "Languages the language detector chooses from (ISO 639-1 codes, comma separated)."),
    Setting("pager", True, "Page answers longer than the terminal through $PAGER (else less); 0 or off: never."),
    Setting("outlets", "", "A JSON file of outlet names, {\"Name\": [\"alias\", \"domain.com\", ...]}, that "
            "extends the bundled table (names are compared without case, spacing or a leading 'The')."),
    Setting("title_only", "reject", "What ingest does with a record that has a title but no text: "
            "'reject' it (listed by `rashomon rejections`) or 'keep' it as a title-only article.",
            choices=("reject", "keep")),
)

_BY_NAME = {setting.name: setting for setting in SETTINGS}


def _convert(setting: Setting, raw: object) -> object:
    if setting.choices and raw not in setting.choices:
        raise SettingError(f"setting {setting.name} ({setting.env_var}) must be one of "
                           f"{', '.join(setting.choices)}, got {raw!r}")
    if not isinstance(raw, str):
        return raw
    kind = type(setting.default)
    try:
        if kind is bool:
            if raw.lower() in {"1", "true", "yes", "on"}:
                return True
            if raw.lower() in {"0", "false", "no", "off"}:
                return False
            raise ValueError(raw)
        return kind(raw)
    except ValueError:
        raise SettingError(
            f"setting {setting.name} ({setting.env_var}) must be a {kind.__name__}, got {raw!r}"
        ) from None


@dataclass(frozen=True)
class Settings:
    db: str
    fetch_timeout: float
    fetch_max_bytes: int
    fetch_max_redirects: int
    allow_private: bool
    user_agent: str
    batch_size: int
    workers: int
    near_duplicate_threshold: float
    minhash_permutations: int
    languages: str
    pager: bool
    outlets: str
    title_only: str

    @classmethod
    def load(cls, environ: Mapping[str, str] | None = None, **overrides: object) -> "Settings":
        """Defaults, then RASHOMON_* environment variables, then explicit overrides (None is ignored)."""
        environ = os.environ if environ is None else environ
        values = {}
        for setting in SETTINGS:
            raw = overrides.get(setting.name)
            if raw is None:
                raw = environ.get(setting.env_var, setting.default)
            values[setting.name] = _convert(setting, raw)
        unknown = set(overrides) - set(_BY_NAME)
        if unknown:
            raise SettingError(f"unknown setting(s): {', '.join(sorted(unknown))}")
        return cls(**values)

    def replace(self, **changes: object) -> "Settings":
        return dataclasses.replace(self, **changes)

    @property
    def language_codes(self) -> tuple[str, ...]:
        return tuple(code.strip() for code in self.languages.split(",") if code.strip())


def _check_declared() -> None:
    declared = {setting.name for setting in SETTINGS}
    fields = {field.name for field in dataclasses.fields(Settings)}
    assert declared == fields, f"settings declared and fields differ: {declared ^ fields}"


_check_declared()
