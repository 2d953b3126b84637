"""Origin citations: where an account says its words came from, with the span that says so.

"in an interview with the agency dpa", "told the German dpa news agency", "according to Reuters",
"Sputnik reported", "according to several media reports". A cue (interview with, told, according to,
reported by, citing; or a name before "reported") must be followed (or preceded) by a name that is an
origin: a known agency or outlet, an outlet of the corpus, or a name the text itself calls a news agency,
newspaper, channel… ("according to him", "according to the Defense Council" are attributions, not origins).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator

from rashomon.provenance.names import MEDIA_NOUNS, known_origin
from rashomon.records import OriginCitation, Span

_INTERVIEW = r"\binterviews? (?:with|to|for|given to|granted to)\s+|\b(?:told|speaking (?:to|with)|talking to)\s+"
_CITING = r"\baccording to\s+|\b(?:reported|cited|quoted|published|broadcast) by\s+|\b(?:citing|quoting)\s+"
_AFTER = re.compile(rf"(?P<interview>{_INTERVIEW})|(?P<citing>{_CITING})", re.IGNORECASE)
_BEFORE = re.compile(r"\s+(?:news agency |newspaper |agency )?(?:has |had )?(?:reported|reports|wrote|writes|quoted)\b")
_MEDIA_REPORTS = re.compile(r"\b(?:(?P<word>[^\W\d_][\w.-]*) )?(?:media|press|news) reports?\b", re.IGNORECASE)
# Words before "media reports" that are not part of the origin: "according to media reports".
_FUNCTION_WORDS = frozenset({"to", "of", "in", "on", "by", "from", "with", "and", "or", "the", "a", "an", "citing",
                             "quoting", "after", "amid", "said", "say", "says", "that"})
# What may stand between a cue and its name: "the German dpa news agency", "the agency. dpa".
_WINDOW = 60
_STOP = re.compile(r"[,;:“”\"«»()]|\bthat\b|\s—\s|\n")
_WORD = re.compile(r"[\w.&'’-]+")
_NOUNS = "|".join(sorted((re.escape(n) for n in MEDIA_NOUNS), key=len, reverse=True))
_NAMED_BY_NOUN = re.compile(
    rf"\b(?:(?P<before>(?:[A-Z][\w&'’-]*\s){{0,3}}[A-Z][\w&'’-]*)\s(?:{_NOUNS})\b"
    rf"|(?:{_NOUNS})[.,]?\s(?P<after>[A-Z][\w&'’-]*(?:\s[A-Z][\w&'’-]*){{0,3}}))")
_MEDIA_NOUN_SET = frozenset(MEDIA_NOUNS)
_TRAILING_NOUN = re.compile(rf"\s(?:{_NOUNS})\b", re.IGNORECASE)
_ADJECTIVES = {"the", "a", "an", "german", "french", "russian", "british", "american", "chinese", "state",
               "state-run", "state-owned", "official", "private", "news", "local", "independent", "us", "u.s."}


def origin_citations(text: str, article_id: str, outlets: Collection[str] = ()) -> Iterator[OriginCitation]:
    """Every origin the text cites, in text order; ``outlets``: the corpus's outlet names, also origins."""
    found = []
    for cue in _AFTER.finditer(text):
        named = _name_after(text, cue.end(), outlets)
        if named:
            name, kind, end = named
            kind = "interview" if cue.group("interview") else kind
            found.append(OriginCitation(Span(article_id, cue.start(), end), name, kind))
    for verb in _BEFORE.finditer(text):
        named = _name_before(text, verb.start(), outlets)
        if named:
            name, kind, start = named
            found.append(OriginCitation(Span(article_id, start, verb.end()), name, kind))
    for reports in _MEDIA_REPORTS.finditer(text):
        found.append(_media_reports(reports, article_id, outlets))
    seen: set[tuple[int, int]] = set()
    for citation in sorted(found, key=lambda c: (c.span.start, -c.span.end)):
        if not any(s <= citation.span.start < e for s, e in seen):
            seen.add((citation.span.start, citation.span.end))
            yield citation


def _media_reports(reports: re.Match, article_id: str, outlets: Collection[str]) -> OriginCitation:
    """"several media reports", "Russian media reports": unnamed; "Reuters news reports": Reuters."""
    word, start = reports.group("word"), reports.start()
    if word and word.casefold() in _FUNCTION_WORDS:
        start = reports.start("word") + len(word) + 1
    elif word and (known := _known(word, outlets)):
        return OriginCitation(Span(article_id, start, reports.end()), known[0], known[1])
    return OriginCitation(Span(article_id, start, reports.end()), "media reports", "other")


def _name_after(text: str, start: int, outlets: Collection[str]) -> tuple[str, str, int] | None:
    window = text[start:start + _WINDOW]
    stop = _STOP.search(window)
    window = window[:stop.start()] if stop else window
    words = list(_WORD.finditer(window))
    for i, word in enumerate(words[:6]):
        for size in (4, 3, 2, 1):
            phrase = words[i:i + size]
            if len(phrase) < size:
                continue
            candidate = window[phrase[0].start():phrase[-1].end()].rstrip(".")
            known = _known(candidate, outlets)
            if known:
                end = phrase[0].start() + len(candidate)
                noun = _TRAILING_NOUN.match(window, end)
                return known[0], known[1], start + (noun.end() if noun else end)
        if word.group(0).casefold() not in _ADJECTIVES and not word.group(0).isupper() \
                and word.group(0).casefold().rstrip(".") not in _MEDIA_NOUN_SET:
            break  # past the article and adjectives: "told reporters", "according to him"
    named = _NAMED_BY_NOUN.search(window)
    if named and named.start() <= 20:
        name = named.group("before") or named.group("after")
        return name, "outlet", start + named.end()
    return None


def _name_before(text: str, end: int, outlets: Collection[str]) -> tuple[str, str, int] | None:
    window = text[max(0, end - 40):end]
    words = list(_WORD.finditer(window))
    for size in (4, 3, 2, 1):
        if len(words) < size:
            continue
        candidate = window[words[-size].start():words[-1].end()]
        known = _known(candidate, outlets)
        if known:
            return known[0], known[1], end - len(window) + words[-size].start()
    return None


def _known(candidate: str, outlets: Collection[str]) -> tuple[str, str] | None:
    if not candidate or not (candidate[0].isupper() or candidate == "dpa"):
        return None  # "ap", "ria", "ani" in running text are words, not agencies
    known = known_origin(candidate)
    if known:
        return known
    folded = candidate.casefold()
    return next(((outlet, "outlet") for outlet in outlets if outlet.casefold() == folded), None)

