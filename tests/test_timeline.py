"""Placing statements in time: partial dates completed only from what the text gives, bounds where it
gives none; the seeds' timeline."""

from datetime import date

import pytest

from rashomon import reads
from rashomon.records import AnnotatedArticle, Article, DateMention, Span
from rashomon.timeline import Reference, place_of, reference_day


def _article(published=None, text="x" * 200, dates=()):
    article = Article(id="a", identity="content:h", text=text, title=None, url=None, outlet=None,
                      published=published, origin="a.txt", content_hash="h")
    return AnnotatedArticle(article, (), (), tuple(dates), ())


def _date(start, text, value):
    return DateMention(Span("a", start, start + len(text)), text, value)


@pytest.mark.parametrize("value, label, precision", [
    ("2021-12-23", "23 Dec 2021", "day"), ("2021-12", "Dec 2021", "month"), ("2022", "2022", "year"),
    ("199X", "1990s", "decade"),
    ("XXXX-12-24", "24 Dec 2021", "day"),  # the publication year
    ("XXXX-XX-23", "23 Dec 2021", "day"),  # the last 23rd on or before publication
    ("XXXX-11-30", "30 Nov 2021", "day"),
])
def test_timeline_places_what_the_text_gives(value, label, precision):
    published = Reference(date(2021, 12, 24), "published")
    place = place_of(value, published, _article(date(2021, 12, 24)))
    assert (place.label, place.precision, place.inferred) == (label, precision, False)


def test_timeline_a_january_article_completes_december_with_the_year_before():
    place = place_of("XXXX-12-30", Reference(date(2022, 1, 5), "published"), _article(date(2022, 1, 5)))
    assert place.earliest == date(2021, 12, 30)


@pytest.mark.parametrize("value", ["PAST_REF", "PRESENT_REF", "P3D", "FUTURE_REF"])
def test_timeline_vague_expressions_place_nothing(value):
    assert place_of(value, Reference(date(2021, 12, 24), "published"), _article(date(2021, 12, 24))) is None


def test_timeline_an_undated_article_is_bounded_by_its_latest_date():
    article = _article(None, dates=[_date(100, "December 15, 2021", "2021-12-15"), _date(150, "Monday", "XXXX-WXX-1")])
    reference = reference_day(article, 2021)
    assert reference == Reference(date(2021, 12, 15), "latest")
    place = place_of("XXXX-WXX-1", reference, article)
    assert (place.precision, place.earliest, place.latest, place.label) == (
        "after", date(2021, 12, 15), None, "after 15 Dec 2021, date unknown")
    assert place_of("XXXX-XX-23", reference, article) is None  # which month: the text does not say


def test_timeline_a_dateline_completes_an_undated_article_and_says_so():
    article = _article(None, dates=[_date(0, "December 24", "XXXX-12-24")])
    reference = reference_day(article, 2021)
    assert reference == Reference(date(2021, 12, 24), "dateline")
    place = place_of("XXXX-XX-23", reference, article)
    assert (place.label, place.inferred) == ("23 Dec 2021", True)
    assert reference_day(article, None) is None  # no year anywhere: nothing to complete it with


def _seed_timeline(seeded):
    seeds = {a.id: a.origin.rsplit("/", 1)[-1][:3] for a in reads.articles(seeded).articles}
    story = next(s.story for s in reads.stories(seeded) if s.articles == 5)
    found = reads.timeline(seeded, story)
    return seeds, found


def _placed(seeds, found, seed, words):
    return [e.place for e in found.entries for m in e.moments
            if seeds[m.span.article_id] == seed and words in found.words(m.span)]


def test_timeline_seeds_in_the_order_of_what_happened(seeded):
    seeds, found = _seed_timeline(seeded)
    labels = lambda seed, words: {p.label for p in _placed(seeds, found, seed, words)}  # noqa: E731
    assert labels("004", "Moscow “in a dialogue with the United States") == {"by 1 Dec 2021"}
    assert labels("003", "NATO stop further expansion") == {"15 Dec 2021"}
    assert labels("001", "rolled out by the Russian Foreign Ministry on 17 December") == {"17 Dec 2021"}
    assert labels("000", "Moscow would respond in proportion") == {"20 Dec 2021"}
    assert labels("000", "US missile defense (ABM)") == {"21 Dec 2021"}
    assert labels("000", "He said this on December 23") == {"23 Dec 2021"}
    assert labels("002", "NATO’s eastward expansion") >= {"23 Dec 2021"}  # "at the annual press conference on the 23rd"
    first_at = {}
    for number, entry in enumerate(found.entries):
        first_at.setdefault(entry.place.label, number)
    order = ["by 1 Dec 2021", "15 Dec 2021", "after 15 Dec 2021, date unknown", "17 Dec 2021", "20 Dec 2021",
             "21 Dec 2021", "23 Dec 2021", "by 23 Dec 2021"]  # a bound right after the day it bounds by
    assert [first_at[label] for label in order] == sorted(first_at[label] for label in order)


def test_timeline_seeds_never_invent_the_briefings_date(seeded):
    seeds, found = _seed_timeline(seeded)
    for words in ("Allies will meet with Russia in the NATO-Russia Council", "hold talks in Geneva on Monday",
                  "the OSCE will meet on Thursday", "NATO is not ready to abandon its fundamental principles"):
        (place,) = set(_placed(seeds, found, "003", words))
        assert (place.precision, place.earliest, place.latest) == ("after", date(2021, 12, 15), None)
        assert "date unknown" in place.label
    assert not any(p.label.startswith("1920") for e in found.entries for p in [e.place])  # a caption's figure
    published = {seeds[a]: day for a, day in found.published.items()}
    # 002's dateline "December 24 –" is its date, in the year of the other seeds (issue 25)
    assert published == {"000": "2021-12-23", "001": "2021-12-23", "002": "2021-12-24", "003": None, "004": "2021-12-01"}
