"""The records that flow between stages: frozen dataclasses, the contract of the pipeline.

Everything derived from text carries spans ``(article_id, start, end)``: character offsets into
the stored text of that article, so every result can be checked against the words it rests on.
Records that later stages fill are declared here from the start so that the store schema and
the stage table can be planned against them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal

PageKind = Literal["text", "html", "record", "feed"]
AttributionKind = Literal["direct", "indirect", "mixed"]
DivergenceKind = Literal["number", "date", "name", "negation", "speaker"]


@dataclass(frozen=True)
class Span:
    """A stretch of one article's stored text, ``text[start:end]``."""

    article_id: str
    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}..{self.end} in {self.article_id}")


@dataclass(frozen=True)
class Outlet:
    name: str
    domain: str | None = None
    country: str | None = None


@dataclass(frozen=True)
class Page:
    """Raw input as read or fetched, before any extraction.

    ``origin`` names the input for people (a path, a URL, ``dump.jsonl:12``); ``fields`` carries
    what the container already knew (a dump record's fields, a feed entry's title and date).
    """

    origin: str
    kind: PageKind
    body: bytes
    url: str | None = None
    fetched_at: datetime | None = None
    fields: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Article:
    """One news article as stored: its text is what every span points into."""

    id: str
    identity: str  # "url:<canonical url>" or "content:<hash>": what makes two inputs the same article
    text: str
    title: str | None
    url: str | None
    outlet: str | None
    published: date | None
    authors: tuple[str, ...] = ()
    language: str | None = None
    origin: str = ""
    content_hash: str = ""
    metadata: Mapping[str, Any] = field(default_factory=dict)
    copy_of: str | None = None
    copy_similarity: float | None = None
    revision: int = 1


@dataclass(frozen=True)
class Rejection:
    """An input that could not be used, and why, in words a person understands."""

    origin: str
    reason: str
    stage: str = "ingest"


@dataclass(frozen=True)
class Sentence:
    span: Span
    index: int


@dataclass(frozen=True)
class Entity:
    """A canonical entity across the corpus: "Stoltenberg" in every article is one Entity."""

    id: str
    name: str
    label: str  # PERSON, ORG, GPE, NORP, EVENT, ...
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Mention:
    span: Span
    text: str
    label: str
    chain: int  # in-article alias chain number
    entity_id: str | None = None
    confidence: float | None = None


@dataclass(frozen=True)
class DateMention:
    """A temporal expression and its TimeML-style value, anchored on the publication date."""

    span: Span
    text: str
    value: str  # 2021-12-23, 2021-W51, 2022, 199X, P3D, PRESENT_REF
    kind: Literal["DATE", "TIME", "DURATION", "SET"] = "DATE"
    qualifier: str | None = None  # "early", "late", "approx"


@dataclass(frozen=True)
class Attribution:
    article_id: str
    content: tuple[Span, ...]
    cue: tuple[Span, ...]
    source: tuple[Span, ...]
    kind: AttributionKind
    speaker_entity_id: str | None = None
    spoken_on: str | None = None  # TimeML value, when the text says when the words were spoken
    confidence: float | None = None


@dataclass(frozen=True)
class Event:
    id: str
    story_id: str
    article_ids: tuple[str, ...]
    first_published: date | None = None
    last_published: date | None = None


@dataclass(frozen=True)
class Story:
    id: str
    event_ids: tuple[str, ...]


@dataclass(frozen=True)
class FactReport:
    """One outlet's wording of one fact."""

    fact_id: str
    span: Span


@dataclass(frozen=True)
class Fact:
    id: str
    event_id: str
    reports: tuple[FactReport, ...]
    event_date: str | None = None


@dataclass(frozen=True)
class QuoteGroup:
    id: str
    speaker_entity_id: str | None
    members: tuple[Attribution, ...]


@dataclass(frozen=True)
class Divergence:
    kind: DivergenceKind
    spans: tuple[Span, ...]
    description: str


@dataclass(frozen=True)
class CopyEdge:
    """``copy`` reprints ``original``: shared passages and the time order say so."""

    original_id: str
    copy_id: str
    similarity: float
    shared: tuple[Span, ...] = ()


@dataclass(frozen=True)
class OriginCitation:
    """An account's cited origin: "told the German dpa news agency", "according to Reuters"."""

    span: Span
    origin_name: str
    kind: Literal["interview", "wire", "outlet", "document", "other"] = "other"
