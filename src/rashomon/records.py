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

import numpy as np

PageKind = Literal["text", "html", "record", "feed"]
AttributionKind = Literal["direct", "indirect", "mixed"]
DivergenceKind = Literal["number", "date", "entity", "negation", "speaker", "verb"]
FactKind = Literal["statement", "quote"]


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
    What the person ingesting states comes in two strengths: ``sidecar`` (a file's own metadata file:
    outlet, published, title, url, authors) wins over everything; ``defaults`` (``ingest --outlet
    --published``) fills only what the page does not state itself, and wins over readings of its words.
    """

    origin: str
    kind: PageKind
    body: bytes
    url: str | None = None
    fetched_at: datetime | None = None
    fields: Mapping[str, Any] = field(default_factory=dict)
    sidecar: Mapping[str, Any] = field(default_factory=dict)
    defaults: Mapping[str, Any] = field(default_factory=dict)


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
    vector: np.ndarray | None = field(default=None, compare=False, repr=False)  # unit length, multilingual


@dataclass(frozen=True)
class Entity:
    """A canonical entity across the corpus: "Stoltenberg" in every article is one Entity."""

    id: str
    name: str
    label: str  # PERSON, ORG, PLACE, NORP, EVENT, FAC
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class NameChain:
    """One article's alias chain: every way the article names one person, body or place."""

    index: int
    label: str
    name: str  # the fullest proper name the article gives
    titles: tuple[str, ...] = ()
    names: tuple[str, ...] = ()  # every form of the name seen in the article


@dataclass(frozen=True)
class Mention:
    span: Span
    text: str
    label: str
    chain: int  # in-article alias chain number
    kind: str = "name"  # name, description or pronoun
    entity_id: str | None = None  # the canonical entity, once the chain is resolved across articles
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
    """Who said what: content, cue and source spans (each possibly in pieces), and the speaker."""

    article_id: str
    index: int  # its number within the article, in text order
    content: tuple[Span, ...]
    cue: tuple[Span, ...]
    source: tuple[Span, ...]
    kind: AttributionKind
    speaker_chain: int | None = None  # the in-article chain of the source
    speaker_entity_id: str | None = None  # that chain's canonical entity
    spoken_on: str | None = None  # TimeML value, when the text says when the words were spoken
    confidence: float | None = None  # that the source is right; None where there is no source to judge


@dataclass(frozen=True)
class ArticleAnnotation:
    """What the annotate stage finds in one article; its spans point into the text it annotated."""

    article_id: str
    content_hash: str  # the text revision annotated
    language: str | None
    pipeline: str
    covered: bool  # False: the language has no full pipeline (sentences, vectors and dates only)
    embedder: str
    sentences: tuple[Sentence, ...]
    quotations: tuple[Span, ...]
    mentions: tuple[Mention, ...]
    chains: tuple[NameChain, ...]
    dates: tuple[DateMention, ...]
    attributions: tuple[Attribution, ...]
    article_vector: np.ndarray = field(compare=False, repr=False)


@dataclass(frozen=True)
class ArticleFacts:
    """An annotated article as the corpus-level stages read it: its words, dates, vector and entities."""

    article_id: str
    title: str | None
    text: str
    published: date | None
    origin: str
    vector: np.ndarray = field(compare=False, repr=False)
    entity_ids: frozenset[str] = frozenset()  # canonical entities named in it
    date_values: tuple[str, ...] = ()  # TimeML values of the DATE expressions in it
    language: str | None = None
    outlet: str | None = None


@dataclass(frozen=True)
class QuoteGroup:
    """One utterance across articles; joined by closeness to its first member (the representative)."""

    id: int
    speaker_entity_id: str | None
    representative: np.ndarray = field(compare=False, repr=False)


@dataclass(frozen=True)
class QuoteUnit:
    """A sentence or clause of an attribution's content, placed in a quote group.

    An attribution whose content gives no unit is remembered by one unit without a span or a group,
    so that it is not cut up again.
    """

    article_id: str
    attribution_index: int
    span: Span | None
    speaker_entity_id: str | None
    group_id: int | None = None
    similarity: float | None = None  # to the group's representative


@dataclass(frozen=True)
class Placement:
    """Where the clusterer put one article: its event and story, what moved, and why."""

    article_id: str
    sequence: int  # the order articles were clustered in
    event_id: int
    story_id: int
    decision: str  # joined, bridged, new event, new story
    new_event: bool = False
    new_story: bool = False
    merged_events: tuple[tuple[int, int], ...] = ()  # (gone, kept)
    moved_articles: tuple[tuple[str, int, int], ...] = ()  # (article, from event, to event)
    moved_events: tuple[tuple[int, int, int], ...] = ()  # (event, from story, to story)
    split_events: tuple[tuple[int, int, int], ...] = ()  # (event split, new event, its story)
    profile: Mapping[str, Any] = field(default_factory=dict, compare=False)  # what the clusterer compared
    explanation: Mapping[str, Any] = field(default_factory=dict, compare=False)  # candidates and thresholds


@dataclass(frozen=True)
class ClusteredArticle:
    """An article already placed, as the clusterer remembers it from one run to the next."""

    article_id: str
    sequence: int
    event_id: int
    story_id: int
    published: date | None
    vector: np.ndarray = field(compare=False, repr=False)
    profile: Mapping[str, Any] = field(default_factory=dict, compare=False)


# -- what the runner reads from the store for a corpus-level stage -------------------------------------

@dataclass(frozen=True)
class QuotesToGroup:
    """The quote-groups stage's input: attributions not yet grouped (oldest article first), the texts
    and sentences of their articles, and the groups so far."""

    attributions: tuple[Attribution, ...]
    texts: Mapping[str, str]  # article id → text
    sentences: Mapping[str, tuple[Span, ...]]  # article id → its sentences
    groups: tuple[QuoteGroup, ...]
    group_articles: Mapping[int, frozenset[str]]  # group id → the articles with a unit in it
    next_group: int


@dataclass(frozen=True)
class ArticlesToPlace:
    """The clusters stage's input: annotated articles not yet in an event, and what is placed already."""

    articles: tuple[ArticleFacts, ...]
    clustered: tuple[ClusteredArticle, ...]  # in the order they were placed
    next_event: int
    next_story: int
    next_sequence: int


@dataclass(frozen=True)
class EventsToCompare:
    """The comparing stage's input: the events whose members changed since they were last compared."""

    events: Mapping[int, tuple[str, ...]]  # event id → its member articles, oldest first
    signatures: Mapping[int, str]  # event id → the signature of its members as they are now
    articles: Mapping[str, AnnotatedArticle]  # every member of those events
    gone: tuple[int, ...] = ()  # events compared before that are no more (merged into another)
    next_fact: int = 1


@dataclass(frozen=True)
class Event:
    """One real-world happening (same actors, place and time): the articles that report it."""

    id: int
    story_id: int  # the developing topic it belongs to
    article_ids: tuple[str, ...]
    first_published: date | None = None
    last_published: date | None = None


@dataclass(frozen=True)
class Story:
    """A developing topic that holds events over weeks."""

    id: int
    event_ids: tuple[int, ...]


@dataclass(frozen=True)
class FactReport:
    """One article's wording of one fact: a sentence, a clause, or what an attribution says was said."""

    span: Span
    attribution_index: int | None = None  # the attribution whose content this is
    similarity: float | None = None  # how alike it is to the closest other report of the fact (None: alone)


@dataclass(frozen=True)
class FactGist:
    """What a fact says, as its first report words it: what a fact of another event of the story must share
    to be the same one (``align.across_events``)."""

    vector: bytes  # the report's sentence vector, float32
    stems: frozenset[str]
    numbers: frozenset[str]
    dates: frozenset[str]  # TimeML values
    entities: frozenset[str]  # entity ids
    speaker: str | None  # the entity id of whom the words are credited to
    attributed: bool  # someone's reported words, not the outlet's own telling


@dataclass(frozen=True)
class Fact:
    """One claim within an event, with each article's wording of it (one report an article at most)."""

    id: int
    event_id: int
    kind: FactKind  # "quote": someone's words, the same speaker's in every report; else "statement"
    reports: tuple[FactReport, ...]
    gist: FactGist | None = None


@dataclass(frozen=True)
class Divergence:
    """Two reports of one fact that disagree, and on what ("EU ≠ NATO")."""

    fact_id: int
    kind: DivergenceKind
    spans: tuple[Span, Span]  # the two reports, the earlier published first
    reason: str
    confidence: float


@dataclass(frozen=True)
class AnnotatedArticle:
    """An article with what the annotate and entities stages stored of it, as the comparing stage reads it."""

    article: Article
    sentences: tuple[Span, ...]
    mentions: tuple[Mention, ...]
    dates: tuple[DateMention, ...]
    attributions: tuple[Attribution, ...]
    quote_groups: Mapping[tuple[int, int], int] = field(default_factory=dict)  # unit (start, end) → group


@dataclass(frozen=True)
class EventComparison:
    """What the comparing stage found in one event: its facts and their divergences."""

    event_id: int
    signature: str  # of the member articles compared: a new member, or a revision, changes it
    facts: tuple[Fact, ...]
    divergences: tuple[Divergence, ...]


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
