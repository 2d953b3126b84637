"""Where each account came from: the origins it cites, the origin its quotes tie it to, what it copies.

    citations.py   "told the German dpa news agency", "according to Reuters": OriginCitation records
    names.py       the agencies and outlets known by name
    passages.py    passages articles share word for word: PassageCopy, directed by publication

``trace(articles, outlets)`` answers all three for the articles of one story.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from rashomon.provenance.citations import origin_citations
from rashomon.provenance.passages import PassageCopy, PassageSource, copies, quoted_ranges
from rashomon.records import AnnotatedArticle, OriginCitation, Span

TIED_KINDS = ("interview", "wire")  # origins whose quotes other outlets pass on without naming them


@dataclass(frozen=True)
class OriginTie:
    """An article that names no origin but carries the same quotes as articles that cite one."""

    article_id: str
    origin_name: str
    kind: str
    via: tuple[str, ...]  # the articles citing the origin it shares quotes with
    quote_groups: tuple[int, ...]
    spans: tuple[Span, ...]  # its quotes in those groups


@dataclass(frozen=True)
class Trace:
    citations: tuple[OriginCitation, ...]
    ties: tuple[OriginTie, ...]
    copies: tuple[PassageCopy, ...]


def trace(articles: Sequence[AnnotatedArticle], outlets: Collection[str] = ()) -> Trace:
    """The origins the articles cite, the ties their shared quotes make, and the passages they share."""
    citations = tuple(c for a in articles for c in origin_citations(a.article.text, a.article.id, outlets))
    sources = [PassageSource(a.article.id, a.article.text, a.article.published,
                             quoted_ranges(a.article.text) + tuple((s.start, s.end) for at in a.attributions
                                                                   if at.kind == "direct" for s in at.content))
               for a in articles]
    return Trace(citations, tuple(ties(articles, citations)), tuple(copies(sources)))


def ties(articles: Sequence[AnnotatedArticle], citations: Sequence[OriginCitation]) -> list[OriginTie]:
    """An article that cites no interview or wire origin, tied to each such origin whose quotes it carries:
    the quote groups of what the speakers named beside the citation say in the article citing it."""
    by_id = {a.article.id: a for a in articles}
    origin_groups: dict[tuple[str, str], dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    for citation in citations:
        if citation.kind in TIED_KINDS:
            cited = by_id[citation.span.article_id]
            origin_groups[(citation.origin_name, citation.kind)][cited.article.id] |= _origin_quotes(cited, citation)
    groups = {a.article.id: defaultdict(list) for a in articles}
    for a in articles:
        for (start, end), group in a.quote_groups.items():
            groups[a.article.id][group].append(Span(a.article.id, start, end))
    found = []
    for a in articles:
        if any(a.article.id in cited for cited in origin_groups.values()):
            continue  # it names its own origin
        for (name, kind), cited in sorted(origin_groups.items()):
            shared = sorted(g for g in groups[a.article.id] if any(g in quoted for quoted in cited.values()))
            if shared:
                via = tuple(sorted(c for c, quoted in cited.items() if quoted & set(shared)))
                spans = tuple(sorted((s for g in shared for s in groups[a.article.id][g]),
                                     key=lambda s: s.start))
                found.append(OriginTie(a.article.id, name, kind, via, tuple(shared), spans))
    return found


def _origin_quotes(article: AnnotatedArticle, citation: OriginCitation) -> set[int]:
    """The quote groups of what the speakers of the citation's sentence say anywhere in the article."""
    start = citation.span.start
    sentence = next(((s.start, s.end) for s in article.sentences if s.start <= start < s.end), (start, start + 1))
    beside = [at for at in article.attributions
              if any(sentence[0] < s.end and s.start < sentence[1] for s in at.content + at.cue + at.source)]
    speakers = {_speaker(at) for at in beside} - {None}
    quoted = [at for at in article.attributions if at in beside or _speaker(at) in speakers]
    return {group for (unit_start, unit_end), group in article.quote_groups.items()
            if any(s.start <= unit_start and unit_end <= s.end for at in quoted for s in at.content)}


def _speaker(attribution) -> str | int | None:
    return attribution.speaker_entity_id or attribution.speaker_chain
