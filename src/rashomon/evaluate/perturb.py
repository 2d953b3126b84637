"""Perturbed copies of articles: one sentence changed in one way, to see whether the change is caught.

Each kind of change edits one place of one sentence and says where: a number (another number), a date
(another day, month, year or weekday), a named entity (swapped for another of the same kind from the
corpus, not one the sentence's speaker is), a negation (a "not" put after an auxiliary, or taken away),
a speaker (the named source of an attribution swapped for another person of the corpus). Places are
chosen by a seeded random generator, so the same seed makes the same copies.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass

from rashomon.records import AnnotatedArticle, Span

KINDS = ("number", "date", "entity", "negation", "speaker")
_NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?![\d])|(?<![\w.,])\d+(?![\d,.]?\d)")
_AUXILIARY = re.compile(r"\b(is|are|was|were|will|would|can|could|should|has|have|had|does|do|did|may|might|"
                        r"must)\s+(?!not\b|n't\b)(?=[a-z])")
_NEGATION = re.compile(r"\s+not\b|n't\b|\s+never\b")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_PRONOUNS = frozenset({"he", "she", "they", "i", "we", "you", "it"})


@dataclass(frozen=True)
class Perturbation:
    kind: str
    article_id: str  # the article copied
    text: str  # the copy's text
    changed: tuple[int, int]  # the sentence changed, as offsets into the copy's text
    before: str  # the words replaced, and what replaced them
    after: str


def perturb(article: AnnotatedArticle, kind: str, names: dict[str, list[str]], rng: random.Random
            ) -> Perturbation | None:
    """One change of ``kind`` in one sentence of the article, or None where it offers no place for one.
    ``names``: label family → canonical names of the corpus, to swap an entity or a speaker for."""
    places = _PLACES[kind](article, names, rng)
    if not places:
        return None
    places = [p for p in places if _in_a_statement(article, p[0])]
    if not places:
        return None
    start, end, replacement = rng.choice(places)
    text = article.article.text
    sentence = next(((s.start, s.end) for s in article.sentences if s.start <= start < s.end), (start, end))
    shift = len(replacement) - (end - start)
    return Perturbation(kind, article.article.id, text[:start] + replacement + text[end:],
                        (sentence[0], sentence[1] + shift), text[start:end], replacement)


MIN_SENTENCE_WORDS = 5  # a dateline ("18 September 2013, 13:59 GMT") states nothing to compare


def _in_a_statement(article: AnnotatedArticle, position: int) -> bool:
    """The place is in a sentence of some words, not a dateline or a caption."""
    text = article.article.text
    return any(s.start <= position < s.end and len(re.findall(r"[^\W\d_]+", text[s.start:s.end])) >= MIN_SENTENCE_WORDS
               for s in article.sentences)


def _numbers(article: AnnotatedArticle, names, rng) -> list[tuple[int, int, str]]:
    text, dates = article.article.text, [(d.span.start, d.span.end) for d in article.dates]
    places = []
    for sentence in article.sentences:
        for match in _NUMBER.finditer(text, sentence.start, sentence.end):
            if not any(a <= match.start() < b for a, b in dates):
                value = int(match.group().replace(",", ""))
                new = value + rng.randint(1, 9) * (10 ** max(0, len(str(value)) - 2))
                places.append((match.start(), match.end(), f"{new:,}" if "," in match.group() else str(new)))
    return places


def _dates(article: AnnotatedArticle, names, rng) -> list[tuple[int, int, str]]:
    places = []
    for date in article.dates:
        if date.kind != "DATE":
            continue
        changed = _other_date(date.text, rng)
        if changed != date.text:
            places.append((date.span.start, date.span.end, changed))
    return places


def _other_date(words: str, rng) -> str:
    """The expression with its day, year, month or weekday replaced by another."""
    for names in (_MONTHS, _WEEKDAYS):
        for name in names:
            if re.search(rf"\b{name}\b", words):
                return re.sub(rf"\b{name}\b", rng.choice([n for n in names if n != name]), words, count=1)
    day = re.search(r"\b([12]?\d|3[01])\b", words)
    if day:
        return words[:day.start()] + str((int(day.group()) + rng.randint(1, 5)) % 28 + 1) + words[day.end():]
    year = re.search(r"\b(1[89]\d\d|20\d\d)\b", words)
    if year:
        return words[:year.start()] + str(int(year.group()) - rng.randint(1, 5)) + words[year.end():]
    return words


def _entities(article: AnnotatedArticle, names, rng) -> list[tuple[int, int, str]]:
    sources = [s for a in article.attributions for s in a.source]
    places = []
    for mention in article.mentions:
        family = "PLACE" if mention.label in ("GPE", "LOC") else mention.label
        if mention.kind != "name" or family not in ("PERSON", "ORG", "PLACE") or not names.get(family):
            continue
        if any(s.start <= mention.span.start < s.end for s in sources):
            continue  # a speaker: that is the speaker kind
        other = _other_name(mention.text, names[family], rng)
        if other:
            places.append((mention.span.start, mention.span.end, other))
    return places


def _other_name(name: str, candidates: Sequence[str], rng) -> str | None:
    words = set(name.lower().split())
    choices = [c for c in candidates if not words & set(c.lower().split())]
    return rng.choice(choices) if choices else None


def _negations(article: AnnotatedArticle, names, rng) -> list[tuple[int, int, str]]:
    text, places = article.article.text, []
    for sentence in article.sentences:
        negation = _NEGATION.search(text, sentence.start, sentence.end)
        if negation:
            places.append((negation.start(), negation.end(), ""))
            continue
        auxiliary = _AUXILIARY.search(text, sentence.start, sentence.end)
        if auxiliary:
            end = auxiliary.start() + len(auxiliary.group(1))
            places.append((auxiliary.start(), end, auxiliary.group(1) + " not"))
    return places


def _speakers(article: AnnotatedArticle, names, rng) -> list[tuple[int, int, str]]:
    places = []
    for attribution in article.attributions:
        if not attribution.speaker_entity_id or len(attribution.source) != 1:
            continue
        source = attribution.source[0]
        words = article.article.text[source.start:source.end]
        people = {m.entity_id for m in article.mentions if m.label == "PERSON"}
        if attribution.speaker_entity_id in people and words.lower() not in _PRONOUNS and words[:1].isupper():
            other = _other_name(words, names.get("PERSON", ()), rng)
            if other:
                places.append((source.start, source.end, other))
    return places


_PLACES = {"number": _numbers, "date": _dates, "entity": _entities, "negation": _negations, "speaker": _speakers}


def detected(perturbation: Perturbation, copy_id: str, spans: Sequence[tuple[str, Span, Span]]) -> bool:
    """A divergence of the perturbation's kind between the original and the copy, on the changed sentence.
    ``spans``: (kind, first report, second report) of every divergence claimed."""
    start, end = perturbation.changed
    for kind, first, second in spans:
        if kind != perturbation.kind or {first.article_id, second.article_id} != {perturbation.article_id, copy_id}:
            continue
        copy = first if first.article_id == copy_id else second
        if copy.start < end and start < copy.end:
            return True
    return False
