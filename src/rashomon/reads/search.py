"""Search: articles and quotes that hold a query's words or say what it means, ranked as one list.

Two rankings are fused by reciprocal rank (each hit scores the sum of ``1 / (RRF_K + rank)`` over the
rankings it is in): the full-text index (the query's words, stemmed) and the stored sentence vectors
(the multilingual encoder's nearest sentences to the query, however they are worded). A sentence inside
an attribution's words is a hit on that quote; any other sentence is a hit on its article's passage. An
article passage that lies inside one of its quotes found as well is shown once, as the quote. Each hit
points to its article and the exact characters it matched; the stories of the hits are counted apart.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date

import numpy as np

from rashomon.errors import BadQuery
from rashomon.reads.labels import outlet_as_stored
from rashomon.reads.paging import Listing, PythonSortKeys, sorted_page
from rashomon.reads.passages import matched_span, query_terms, snippet
from rashomon.store import Store
from rashomon.store import search as stored
from rashomon.store.filters import Filter
from rashomon.store.paging import Page

RRF_K = 60  # the usual constant of reciprocal-rank fusion: lowers the weight of the very first ranks
WORD_MATCHES = 50  # documents taken from the full-text index
MEANING_MATCHES = 50  # sentences taken from the vectors
# Cosine to the query below which a sentence is not taken as saying the same. Chosen after looking at the demo's
# sentences: an unrelated query ("banana bread recipe") peaks near 0.12, the renderings of a quote asked for
# in two words ("founding treaty") score 0.33-0.42.
MIN_SIMILARITY = 0.25

Key = tuple[str, int]  # (article id, attribution index or stored.ARTICLE)


@dataclass(frozen=True)
class Candidate:
    key: Key
    span: tuple[int, int] | None  # into the article text; None: the words are in the title only
    by: str  # "words" or "meaning"
    sentence: tuple[int, int] | None = None  # found by meaning: the whole sentence


@dataclass(frozen=True)
class SearchHit:
    kind: str  # "quote" or "article"
    article_id: str
    attribution: int | None  # the attribution's index, for a quote
    outlet: str | None
    published: date | None
    title: str | None
    story: int | None
    speaker: str | None  # a quote's speaker, by canonical name
    span: tuple[int, int] | None  # characters of the article text matched; None: the title matched
    text: str  # the characters matched (the title when only it matched)
    snippet: str  # the match with some context, on one line
    snippet_match: tuple[int, int]  # where the match stands in the snippet
    matched_by: tuple[str, ...]  # "words", "meaning" or both
    score: float

    def as_dict(self) -> dict:
        """``{"kind", "article", "attribution", "outlet", "published", "title", "story", "speaker",
        "span": [start, end] | null, "text", "snippet", "snippet_match": [start, end], "matched_by", "score"}``."""
        return {"kind": self.kind, "article": self.article_id, "attribution": self.attribution,
                "outlet": self.outlet, "published": self.published, "title": self.title, "story": self.story,
                "speaker": self.speaker, "span": list(self.span) if self.span else None, "text": self.text,
                "snippet": self.snippet, "snippet_match": list(self.snippet_match),
                "matched_by": list(self.matched_by), "score": round(self.score, 6)}


@dataclass(frozen=True)
class StoryMatches:
    story: int
    hits: int
    articles: int  # its articles with a hit

    def as_dict(self) -> dict:
        """``{"story", "hits", "articles"}``."""
        return vars(self).copy()


@dataclass(frozen=True)
class SearchResults:
    query: str
    hits: tuple[SearchHit, ...]  # the page shown
    stories: tuple[StoryMatches, ...]  # the stories of every hit, not only of the page, most hits first

    def as_dict(self) -> dict:
        """``{"query", "hits": [SearchHit, …], "stories": [StoryMatches, …]}``."""
        return {"query": self.query, "hits": [hit.as_dict() for hit in self.hits],
                "stories": [story.as_dict() for story in self.stories]}


SEARCH_SORTS: PythonSortKeys = {
    "rank": (lambda hit: hit.score, True), "date": (lambda hit: hit.published, False),
    "outlet": (lambda hit: hit.outlet.casefold() if hit.outlet else None, False),
}


def search(store: Store, query: str, where: Filter = Filter(), page: Page = Page(),
           meaning: bool = True) -> Listing:
    """Quotes and article passages matching ``query`` by its words and (unless ``meaning`` is False) by what
    it means, filtered by ``where``, ranked best first (or sorted by date or outlet): one page of them as
    ``SearchResults``, and how many there are in all."""
    terms = query_terms(query)
    if not terms:
        raise BadQuery(f"search {query!r}: the query has no words to look for")
    page.sort_key(SEARCH_SORTS, "rank", "search hits")
    with store.read() as connection:
        where = outlet_as_stored(connection, where)
        by_words = [Candidate((m.article_id, m.attribution_idx), None, "words")
                    for m in stored.full_text(connection, terms, where, WORD_MATCHES)]
        by_meaning = _by_meaning(store, connection, query, where) if meaning else []
        keys = {c.key[0] for c in (*by_words, *by_meaning)}
        articles = stored.hit_articles(connection, sorted(keys))
        quotes = _quotes(store, connection, where.speaker, keys)
    by_meaning = _as_quotes(by_meaning, quotes)
    hits = _fused(by_words, by_meaning, terms, articles, quotes)
    shown = [_with_snippet(hit, articles[hit.article_id]) for hit in
             sorted_page(hits, page, SEARCH_SORTS, "rank", "search hits")]
    results = SearchResults(query, tuple(shown), _stories(hits))
    return Listing(results, len(shown), len(hits), page.offset)


_CACHE: dict[tuple[str, str], tuple[tuple, object]] = {}  # (store, what) → (the store's signature, what)


def _cached(store: Store, connection, what: str, read):
    """What ``read`` reads from the store, read once per process and again only after articles are annotated
    (the sentence vectors, the attributions): a search then costs no more than its own query."""
    signature = stored.annotations_signature(connection)
    cached = _CACHE.get((store.target, what))
    if cached is None or cached[0] != signature:
        cached = (signature, read())
        _CACHE[(store.target, what)] = cached
    return cached[1]


def _quotes(store: Store, connection, speaker: str | None, article_ids: set[str]) -> dict[str, dict]:
    """article id → attribution index → its row, for these articles (only the speaker's, when one is asked)."""
    every = _cached(store, connection, "attributions",
                    lambda: _quotes_by_article(stored.attributions_with_speakers(connection)))
    asked = (speaker or "").casefold()
    return {article_id: {idx: row for idx, row in every.get(article_id, {}).items()
                         if asked in (row.speaker or "").casefold()} if asked else every.get(article_id, {})
            for article_id in article_ids}


def _by_meaning(store: Store, connection, query: str, where: Filter) -> list[Candidate]:
    from rashomon.nlp import models  # the encoder loads only for a search by meaning

    encoder = models.sentence_encoder()
    vectors = _cached(store, connection, f"vectors of {encoder.name}",
                      lambda: stored.sentence_vectors(connection, encoder.name))
    if not len(vectors.matrix):
        return []
    similarity = vectors.matrix @ encoder.encode([query])[0]
    allowed = stored.allowed_articles(connection, where)
    if allowed is not None:
        kept = np.fromiter((article_id in allowed for article_id in vectors.article_ids), bool, len(similarity))
        similarity = np.where(kept, similarity, -1.0)
    best = _best(similarity, MEANING_MATCHES)
    sentences = [(int(vectors.starts[i]), int(vectors.ends[i])) for i in best]
    return [Candidate((vectors.article_ids[i], stored.ARTICLE), sentence, "meaning", sentence)
            for i, sentence in zip(best, sentences) if similarity[i] >= MIN_SIMILARITY]


def _best(similarity: np.ndarray, count: int) -> np.ndarray:
    """The indices of the ``count`` highest values, highest first."""
    if len(similarity) > count:
        top = np.argpartition(-similarity, count)[:count]
        return top[np.argsort(-similarity[top], kind="stable")]
    return np.argsort(-similarity, kind="stable")


def _quotes_by_article(rows) -> dict[str, dict]:
    """article id → attribution index → the attribution's row."""
    quotes: dict[str, dict] = defaultdict(dict)
    for row in rows:
        quotes[row.article_id][row.idx] = row
    return quotes


def _as_quotes(found: list[Candidate], quotes: dict[str, dict]) -> list[Candidate]:
    """Each sentence found by meaning as the quote whose words it holds (its span cut to those words), or
    as its article's passage."""
    result = []
    for candidate in found:
        (start, end), article_id = candidate.span, candidate.key[0]
        inside = next(((row.idx, max(start, s), min(end, e)) for row in quotes.get(article_id, {}).values()
                       for s, e in row.content if s < end and start < e), None)
        result.append(Candidate((article_id, inside[0]), inside[1:], "meaning", candidate.sentence)
                      if inside else candidate)
    return result


def _fused(by_words: list[Candidate], by_meaning: list[Candidate], terms: list[str], articles: dict,
           quotes: dict[str, dict]) -> list[SearchHit]:
    placed_words = [placed for candidate in by_words
                    if (placed := _placed(candidate, terms, articles[candidate.key[0]], quotes, by_meaning))]
    scores: dict[Key, float] = defaultdict(float)
    found: dict[Key, list[Candidate]] = defaultdict(list)
    for ranking in (placed_words, by_meaning):
        for rank, candidate in enumerate(_first_of_each(ranking), start=1):
            scores[candidate.key] += 1 / (RRF_K + rank)
            found[candidate.key].append(candidate)
    hits = [_hit(found[key], score, terms, articles[key[0]], _quote(quotes, key)) for key, score in scores.items()]
    return sorted(hits, key=lambda hit: -hit.score)


def _placed(candidate: Candidate, terms: list[str], article, quotes: dict[str, dict],
            by_meaning: list[Candidate]) -> Candidate | None:
    """A document found by its words, with the span of the words; an article's passage inside one of its
    quotes (or inside a sentence found by meaning) is keyed as that quote (or that hit)."""
    quote = _quote(quotes, candidate.key)
    if candidate.key[1] != stored.ARTICLE and quote is None:
        return None  # an attribution of another speaker than the one asked for
    stretches = [tuple(pair) for pair in quote.content] if quote else [(0, len(article.text))]
    span = next((found for start, end in stretches
                 if (found := matched_span(article.text, terms, start, end)) is not None), None)
    if quote is None and span is None:
        return candidate  # the words are in the title
    if quote is not None:
        return Candidate(candidate.key, span or stretches[0], "words")
    return Candidate(_holder(candidate.key, span, quotes, by_meaning), span, "words")


def _first_of_each(ranking: list[Candidate]) -> list[Candidate]:
    seen: dict[Key, Candidate] = {}
    for candidate in ranking:
        seen.setdefault(candidate.key, candidate)
    return list(seen.values())


def _quote(quotes: dict[str, dict], key: Key):
    return quotes.get(key[0], {}).get(key[1])


def _holder(key: Key, span: tuple[int, int], quotes: dict[str, dict], by_meaning: list[Candidate]) -> Key:
    """The quote whose words hold this stretch of an article, else the hit by meaning whose sentence holds it,
    else the article's own key."""
    article_id = key[0]
    quote = next((row for row in quotes.get(article_id, {}).values() for start, end in row.content
                  if start <= span[0] and span[1] <= end), None)
    if quote is not None:
        return article_id, quote.idx
    return next((c.key for c in by_meaning if c.key[0] == article_id and c.sentence
                 and c.sentence[0] <= span[0] and span[1] <= c.sentence[1]), key)


def _hit(candidates: list[Candidate], score: float, terms: list[str], article, quote) -> SearchHit:
    """The span shown is where the words matched, else the sentence found by meaning, else the title's words."""
    span = next((c.span for c in candidates if c.by == "words"), None) or candidates[-1].span
    shown = article.text if span else (article.title or "")
    start, end = span or matched_span(shown, terms) or (0, len(shown))
    return SearchHit("quote" if quote else "article", article.id, quote.idx if quote else None, article.outlet,
                     article.published, article.title, article.story, quote.speaker if quote else None, span,
                     shown[start:end], "", (0, 0), tuple(c.by for c in candidates), score)


def _with_snippet(hit: SearchHit, article) -> SearchHit:
    """The hit with its snippet (made for the hits shown only: it is the costly part of a hit)."""
    if hit.span is None:
        title = article.title or ""
        start = title.find(hit.text) if hit.text else 0
        context, at, to = snippet(title, start, start + len(hit.text))
    else:
        context, at, to = snippet(article.text, *hit.span)
    return replace(hit, snippet=context, snippet_match=(at, to))


def _stories(hits: list[SearchHit]) -> tuple[StoryMatches, ...]:
    hits_in: dict[int, list[SearchHit]] = defaultdict(list)
    for hit in hits:
        if hit.story is not None:
            hits_in[hit.story].append(hit)
    counted = [StoryMatches(story, len(found), len({hit.article_id for hit in found}))
               for story, found in hits_in.items()]
    return tuple(sorted(counted, key=lambda s: (-s.hits, s.story)))
