"""When it happened: each statement of a story's articles placed by the date of what it reports, never by
the date the article was published, and never by a date the text does not give.

- A statement (``align.statements``) that says when it happened (a DATE expression in it) is placed there;
  words whose speaking the text dates ("said on Thursday") are placed on that day.
- Other reported words are placed by what bounds them: on or before the day their article was published.
- A date the text gives only in part ("the 23rd", "December 24", "on Monday") is completed from its
  article's publication date. In an undated article it is completed from the article's dateline ("December
  24 –") or its latest full date, and marked inferred; what cannot be completed ("on Monday" in an undated
  text) is placed after the latest date the article gives, and says that its exact date is unknown.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from rashomon.align.facts import is_stamp
from rashomon.align.statements import Statement, statements
from rashomon.records import AnnotatedArticle, DateMention, Span

DATELINE_CHARS = 40  # a date this close to the start of an undated text is its dateline
_DAY = re.compile(r"^(\d{4}|XXXX)-(\d{2}|XX)-(\d{2})$")
_MONTH = re.compile(r"^(\d{4}|XXXX)-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})X$")
_UNRESOLVED = re.compile(r"^XXXX-(WXX(-\d)?|XX-XX)$")
_YEAR_WORDS = {"in", "since", "by", "until", "till", "from", "before", "after", "of", "year", "early", "late",
               "mid", "during", "throughout", "and", "to", "between", "for", "around", "circa", "as"}
_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


@dataclass(frozen=True)
class Place:
    """Where on the time line: a day, month, year or decade, or a bound (``after``, ``by``)."""

    earliest: date | None
    latest: date | None
    precision: str  # day, month, year, decade, after (exact date unknown), by (on or before), unknown
    label: str
    inferred: bool = False  # completed from a dateline or another date of the text, not given in full

    @property
    def key(self) -> tuple:
        anchor = self.earliest or self.latest
        return (anchor is None, anchor or date.max, self.precision == "by", self.precision == "after")


@dataclass(frozen=True)
class Reference:
    """What completes a partial date: the publication date, or else the dateline, or else the latest full
    date the text gives (which the article was written after, not on)."""

    day: date
    source: str  # published, dateline, latest

    @property
    def published(self) -> bool:
        return self.source == "published"


@dataclass(frozen=True)
class Moment:
    place: Place
    kind: str  # dated (a date in it), spoken (the words dated), reported (bounded by publication)
    span: Span  # the statement
    date_span: Span | None  # the date expression it rests on
    fact_id: int | None = None
    speaker: str = ""


@dataclass(frozen=True)
class Entry:
    """One happening on the time line: the reports of one fact placed alike, or one statement."""

    place: Place  # the earliest of its reports' places
    kind: str  # dated, spoken, reported
    fact_id: int | None
    moments: tuple[Moment, ...]  # one per report, in the order of the articles


def entries(articles: Sequence[AnnotatedArticle], facts: Mapping[tuple[str, int, int], int]) -> list[Entry]:
    """The story's moments in time order, the reports of one fact on one day (or only bounded) as one entry;
    ``articles`` in the story's order, ``facts``: (article, start, end) of each fact report → its fact."""
    year = story_year(articles)
    order = {a.article.id: i for i, a in enumerate(articles)}
    merged: dict[tuple, list[Moment]] = {}
    for article in articles:
        for moment in moments(article, year, facts):
            label = True if moment.kind == "reported" else moment.place.label
            key = (moment.fact_id, label) if moment.fact_id is not None else (id(moment),)
            merged.setdefault(key, []).append(moment)
    found = [Entry(min((m.place for m in group), key=lambda p: p.key), group[0].kind, group[0].fact_id,
                   tuple(sorted(group, key=lambda m: (order[m.span.article_id], m.span.start))))
             for group in merged.values()]
    return sorted(found, key=lambda e: (e.place.key, e.kind == "reported", order[e.moments[0].span.article_id],
                                        e.moments[0].span.start))


def moments(article: AnnotatedArticle, story_year: int | None = None,
            facts: Mapping[tuple[str, int, int], int] | None = None) -> list[Moment]:
    """The article's dated statements, and its reported words bounded by its publication."""
    reference = reference_day(article, story_year)
    found = []
    for statement in statements(article):
        fact = (facts or {}).get((statement.span.article_id, statement.span.start, statement.span.end))
        dated = _dated(article, statement, reference)
        if dated:
            found += [Moment(place, kind, statement.span, date_span, fact, statement.speaker)
                      for place, kind, date_span in dated]
        elif statement.attribution is not None:
            found.append(Moment(_bound(article, reference), "reported", statement.span, None, fact, statement.speaker))
    return found


def _dated(article: AnnotatedArticle, statement: Statement, reference: Reference | None) -> list:
    if is_stamp(statement):
        return []
    spoken = statement.attribution.spoken_on if statement.attribution else None
    if spoken:
        place = place_of(spoken, reference, article)
        return [(place, "spoken", None)] if place else []
    found, seen = [], set()
    for mention, kind in _dates_of(article, statement):
        usable = mention.kind == "DATE" and not _stamp_or_number(article, mention)
        place = place_of(mention.value, reference, article, mention) if usable else None
        if place and place.label not in seen:
            seen.add(place.label)
            found.append((place, kind, mention.span))
    return found


def _dates_of(article: AnnotatedArticle, statement: Statement) -> list[tuple[DateMention, str]]:
    """The dates in the statement ("dated"); for reported words with none, those of the sentence that
    reports them, outside anyone's words ("On December 15, the ministry sent …, demanding that …": "spoken")."""
    span = statement.span
    inside = [(m, "dated") for m in article.dates if span.start <= m.span.start < span.end]
    if inside or statement.attribution is None:
        return inside
    sentence = next(((s.start, s.end) for s in article.sentences if s.start <= span.start < s.end), None)
    if sentence is None:
        return []
    words = [(s.start, s.end) for a in article.attributions for s in a.content]
    return [(m, "spoken") for m in article.dates if sentence[0] <= m.span.start < sentence[1]
            and not any(start <= m.span.start < end for start, end in words)]


def _stamp_or_number(article: AnnotatedArticle, mention: DateMention) -> bool:
    """A page's stamp ("23.12.2021", the day it was published, in figures) or a bare figure read as a year
    ("Sputnik International, 1920"): a year alone is a date after "in", "since", "by"…, not on its own."""
    if mention.text.replace(".", "").replace("/", "").replace("-", "").isdigit() and \
            _full_day(mention.value) == article.article.published:
        return True
    before = article.article.text[max(0, mention.span.start - 12):mention.span.start].split()
    return mention.text.isdigit() and len(mention.text) == 4 and \
        not (before and before[-1].casefold() in _YEAR_WORDS)


def reference_day(article: AnnotatedArticle, story_year: int | None) -> Reference | None:
    if article.article.published:
        return Reference(article.article.published, "published")
    for mention in article.dates:  # a dateline: "December 24 – According to …"
        if mention.span.start < DATELINE_CHARS:
            found = _DAY.match(mention.value)
            if found and found.group(2) != "XX" and (found.group(1) != "XXXX" or story_year):
                year = int(found.group(1)) if found.group(1) != "XXXX" else story_year
                return Reference(date(year, int(found.group(2)), int(found.group(3))), "dateline")
    latest = latest_full_date(article)
    return Reference(latest, "latest") if latest else None


def latest_full_date(article: AnnotatedArticle) -> date | None:
    days = [_full_day(m.value) for m in article.dates if m.kind == "DATE"]
    return max((d for d in days if d), default=None)


def _full_day(value: str) -> date | None:
    found = _DAY.match(value)
    if not found or "X" in value:
        return None
    try:
        return date(int(found.group(1)), int(found.group(2)), int(found.group(3)))
    except ValueError:
        return None


def place_of(value: str, reference: Reference | None, article: AnnotatedArticle,
             mention: DateMention | None = None) -> Place | None:
    """The place of a TimeML value; None for what does not place anything ("recently", durations)."""
    qualifier = f"{mention.qualifier} " if mention is not None and mention.qualifier else ""
    inferred = reference is not None and not reference.published
    if (found := _DAY.match(value)) is not None:
        return _day(found, reference, inferred)
    if (found := _MONTH.match(value)) is not None:
        if found.group(1) == "XXXX" and reference is None:
            return None
        year = reference.day.year if found.group(1) == "XXXX" else int(found.group(1))
        first = date(year, int(found.group(2)), 1)
        last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        return Place(first, last, "month", f"{qualifier}{_MONTHS[first.month - 1]} {year}",
                     inferred and found.group(1) == "XXXX")
    if (found := _YEAR.match(value)) is not None:
        year = int(found.group(1))
        return Place(date(year, 1, 1), date(year, 12, 31), "year", f"{qualifier}{year}")
    if (found := _DECADE.match(value)) is not None:
        start = int(found.group(1)) * 10
        return Place(date(start, 1, 1), date(start + 9, 12, 31), "decade", f"{start}s")
    if _UNRESOLVED.match(value):
        return _after(article, mention)
    return None


def _day(found: re.Match, reference: Reference | None, inferred: bool) -> Place | None:
    year, month, day = found.groups()
    if "X" not in year + month:
        try:
            return Place(*(2 * [date(int(year), int(month), int(day))]), "day",
                         _label(date(int(year), int(month), int(day))))
        except ValueError:
            return None
    if reference is None:
        return None
    ref = reference.day
    try:
        if month == "XX" and reference.source == "latest":
            return None  # the article was written some time after that date: which month is unknown
        if month == "XX":  # "the 23rd": the last such day on or before the reference
            candidate = ref.replace(day=int(day))
            if candidate > ref:
                candidate = (ref.replace(day=1) - timedelta(days=1)).replace(day=int(day))
        else:  # "December 24": the nearest such day in the reference's year, or the year before
            candidate = date(ref.year, int(month), int(day))
            if candidate - ref > timedelta(days=62):
                candidate = candidate.replace(year=ref.year - 1)
    except ValueError:
        return None
    return Place(candidate, candidate, "day", _label(candidate), inferred)


def _after(article: AnnotatedArticle, mention: DateMention | None) -> Place:
    latest = latest_full_date(article) if article.article.published is None else article.article.published
    if latest is None:
        return Place(None, None, "unknown", "date unknown")
    return Place(latest, None, "after", f"after {_label(latest)}, date unknown")


def _bound(article: AnnotatedArticle, reference: Reference | None) -> Place:
    if reference is None:
        return Place(None, None, "unknown", "date unknown")
    if reference.source == "published":
        return Place(None, reference.day, "by", f"by {_label(reference.day)}")
    if reference.source == "dateline":
        return Place(None, reference.day, "by", f"by {_label(reference.day)}", inferred=True)
    return Place(reference.day, None, "after", f"after {_label(reference.day)}, date unknown")


def _label(day: date) -> str:
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def story_year(articles: Sequence[AnnotatedArticle]) -> int | None:
    """The median publication year of a story's dated articles: what completes a dateline without one."""
    years = sorted(a.article.published.year for a in articles if a.article.published)
    return years[len(years) // 2] if years else None
