"""Who said what: attributions with their speaker and words, and one utterance's renderings across articles."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rashomon.align.differences import Rendering, differences, word_diff
from rashomon.reads.paging import Listing
from rashomon.records import Attribution, Span
from rashomon.store import Store, reads
from rashomon.store.paging import Page
from rashomon.reads.labels import outlet_as_stored
from rashomon.store.reads import QuoteFilter, attribution_from_row

__all__ = ["UNATTRIBUTED", "Quote", "QuoteFilter", "RenderedQuoteGroup", "quote_groups", "quotes", "quotes_page"]

UNATTRIBUTED = "unattributed"
CREDIT_CONFIDENCE = 0.5  # the probability of a right source (the confidence model's) below which no one is credited


@dataclass(frozen=True)
class Quote:
    attribution: Attribution
    speaker: str | None  # the canonical speaker's name
    outlet: str | None
    published: date | None
    words: dict[str, tuple[str, ...]]  # "content", "cue", "source" → the words of each of its spans

    @property
    def credited(self) -> str:
        """Whom the words are credited to: the speaker's name, else "unattributed" with the source's own
        words ("unattributed (a Fox News poll)"), which name no speaker: a report, an unclear "he", a group.
        A speaker the confidence model judges more likely wrong than right (below ``CREDIT_CONFIDENCE``) is a
        guess, and a guess is not shown as a fact: such words are unattributed too, their source words kept."""
        confidence = self.attribution.confidence
        if self.speaker and (confidence is None or confidence >= CREDIT_CONFIDENCE):
            return self.speaker
        source = " ".join(self.words["source"])
        return f"{UNATTRIBUTED} ({source})" if source else UNATTRIBUTED

    def as_dict(self) -> dict:
        """``{"article", "outlet", "published", "index", "kind", "speaker", "speaker_entity_id", "credited",
        "spoken_on", "confidence", "content": [{"span": [start, end], "text"}, …], "cue": […], "source": […]}``;
        ``speaker`` is null when the source names no speaker, and ``credited`` then says "unattributed (…)"."""
        a = self.attribution
        return {"article": a.article_id, "outlet": self.outlet, "published": self.published, "index": a.index,
                "kind": a.kind, "speaker": self.speaker, "speaker_entity_id": a.speaker_entity_id,
                "credited": self.credited,
                "spoken_on": a.spoken_on, "confidence": a.confidence,
                **{role: [{"span": [span.start, span.end], "text": text}
                          for span, text in zip(getattr(a, role), self.words[role], strict=True)]
                   for role in ("content", "cue", "source")}}


def quotes(store: Store, where: QuoteFilter = QuoteFilter()) -> list[Quote]:
    """Attributions matching ``where``, in article then text order."""
    with store.read() as connection:
        rows = reads.quotes(connection, outlet_as_stored(connection, where))
    return [_quote(row) for row in rows]


def quotes_page(store: Store, where: QuoteFilter = QuoteFilter(), page: Page = Page()) -> Listing:
    """One page of the attributions matching ``where``, sorted by date (default: article then text order),
    outlet, speaker, confidence (highest first) or kind: a list of ``Quote``, and how many match in all."""
    with store.read() as connection:
        where = outlet_as_stored(connection, where)
        rows = reads.quotes(connection, where, page)
        total = reads.count_quotes(connection, where)
    return Listing([_quote(row) for row in rows], len(rows), total, page.offset)


def _quote(row) -> Quote:
    attribution = attribution_from_row(row)
    words = {role: tuple(_words(row.text, span) for span in getattr(attribution, role))
             for role in ("content", "cue", "source")}
    return Quote(attribution, row.speaker, row.outlet, row.published, words)


def _words(text: str, span: Span) -> str:
    return text[span.start:span.end]


@dataclass(frozen=True)
class RenderedQuoteGroup:
    """One utterance rendered in two or more articles."""

    id: int
    speaker: str | None
    renderings: tuple[Rendering, ...]
    flags: tuple[tuple[str, ...], ...]  # per rendering, what it changes from the first
    diffs: tuple[list[tuple[str, str, str]], ...]  # per rendering, word diff from the first

    def as_dict(self) -> dict:
        """``{"id", "speaker", "articles", "flags": [...], "renderings": [{"article", "outlet", "published",
        "speaker", "kind", "text", "span": [start, end], "changes": [...], "diff": [[operation, first, this], …]},
        …]}`` (kind: direct when within quotation marks, else indirect or mixed)."""
        return {"id": self.id, "speaker": self.speaker, "articles": len({r.article_id for r in self.renderings}),
                "flags": sorted({flag for flags in self.flags for flag in flags}),
                "renderings": [{"article": r.article_id, "outlet": r.outlet, "published": r.published,
                                "speaker": r.speaker, "kind": r.kind, "text": r.text, "span": [r.start, r.end],
                                "changes": list(flags), "diff": diff}
                               for r, flags, diff in zip(self.renderings, self.flags, self.diffs, strict=True)]}


def quote_groups(store: Store, speaker: str | None = None) -> list[RenderedQuoteGroup]:
    """Utterances rendered in two or more articles, each rendering with its diff from the first."""
    with store.read() as connection:
        rows = reads.quote_group_members(connection, speaker)
        groups: dict[int, list] = {}
        for row in rows:
            groups.setdefault(row.group_id, []).append(row)
        return [_group(connection, group_id, members) for group_id, members in groups.items()]


def _group(connection, group_id: int, members: list) -> RenderedQuoteGroup:
    renderings = tuple(Rendering(m.article_id, m.outlet, m.published, m.speaker, m.text[m.start:m.end], m.start,
                                 m.end, reads.entities_between(connection, m.article_id, m.start, m.end),
                                 _kind(connection, m)) for m in members)
    first = renderings[0]
    speaker = members[0].group_speaker
    flags = tuple(tuple(differences(first, r, speaker)) if i else () for i, r in enumerate(renderings))
    diffs = tuple(word_diff(first.text, r.text) for r in renderings)
    return RenderedQuoteGroup(group_id, speaker, renderings, flags, diffs)


def _kind(connection, member) -> str:
    """Direct when the rendering lies within quotation marks in its article (or its attribution is direct);
    else its attribution's kind: indirect, or mixed (partly quoted)."""
    quoted = any(start <= member.start and member.end <= end
                 for start, end in reads.quotation_spans(connection, member.article_id))
    return "direct" if quoted or member.kind == "direct" else member.kind
