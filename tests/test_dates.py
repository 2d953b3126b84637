"""The temporal tagger: spans and TimeML values of dates, times, durations and sets in news text."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from rashomon.nlp.dates import (
    TemporalExpression,
    date_mentions,
    find_temporal_expressions,
)
from rashomon.nlp.models import spacy_pipeline
from rashomon.records import DateMention, Span


@pytest.fixture(scope="module")
def nlp():
    return spacy_pipeline("en")


def found(nlp, text: str, published) -> list[tuple[str, str]]:
    """(words, value) of every expression found."""
    return [(e.text, e.value) for e in find_temporal_expressions(nlp(text), published)]


def value_of(nlp, text: str, published, words: str) -> str:
    return dict(found(nlp, text, published))[words]


# ------------------------------------------------------------------ the product's sample articles


def test_dates_month_day_on_the_publication_day(nlp):
    text = "He said this on December 23 in an interview with the agency."
    assert found(nlp, text, date(2021, 12, 23)) == [("December 23", "2021-12-23")]


def test_dates_month_days_in_past_reports(nlp):
    published = date(2021, 12, 23)
    assert value_of(nlp, "Earlier on December 23, Russian President Vladimir Putin said that NATO must stop.",
                    published, "December 23") == "2021-12-23"
    assert value_of(nlp, "On December 21, Putin said that Russia would respond.", published,
                    "December 21") == "2021-12-21"


def test_dates_weekday_of_publication_in_the_past_tense_is_that_day(nlp):
    text = "Each country has the right to choose, the alliance's Secretary General Jens Stoltenberg said on Thursday."
    assert found(nlp, text, date(2021, 12, 23)) == [("Thursday", "2021-12-23")]


def test_dates_ordinal_day_is_a_day_of_the_anchor_month(nlp):
    text = "Stoltenberg responded on the 23rd that each country has the right to choose its path."
    assert found(nlp, text, date(2021, 12, 24)) == [("the 23rd", "2021-12-23")]


def test_dates_early_december_is_the_month_qualified_early(nlp):
    [expression] = find_temporal_expressions(nlp("Russia put forward proposals in early December."), date(2021, 12, 24))
    assert (expression.text, expression.value, expression.kind, expression.qualifier) == (
        "early December", "2021-12", "DATE", "early")


@pytest.mark.parametrize(("text", "words", "value"), [
    ("On Wednesday, Allies will meet with Russia in the NATO-Russia Council.", "Wednesday", "2022-01-12"),
    ("The United States and Russia will hold talks in Geneva on Monday.", "Monday", "2022-01-10"),
    ("The OSCE will meet on Thursday.", "Thursday", "2022-01-13"),
    ("A series of talks next week.", "next week", "2022-W02"),
])
def test_dates_future_weekdays_and_weeks_from_a_friday(nlp, text, words, value):
    assert found(nlp, text, date(2022, 1, 7)) == [(words, value)]


def test_dates_decades(nlp):
    published = date(2021, 12, 23)
    assert found(nlp, "He read documents of the 1970s and 1990s.", published) == [
        ("the 1970s", "197X"), ("1990s", "199X")]
    assert found(nlp, "Russia raised this as early as the 1990s.", published) == [("the 1990s", "199X")]


def test_dates_several_days_ago_is_a_past_reference(nlp):
    [expression] = find_temporal_expressions(nlp("The troops arrived several days ago."), date(2021, 12, 1))
    assert (expression.text, expression.value, expression.kind) == ("several days ago", "PAST_REF", "DATE")


def test_dates_we_is_not_wednesday(nlp):
    assert found(nlp, "We cannot change this.", date(2021, 12, 1)) == []


def test_dates_a_range_of_minutes_is_a_duration_not_a_date(nlp):
    [expression] = find_temporal_expressions(nlp("The drive takes 7-10 minutes."), date(2021, 12, 1))
    assert (expression.text, expression.value, expression.kind) == ("7-10 minutes", "PTXM", "DURATION")


# ------------------------------------------------------------------ anchoring rules


@pytest.mark.parametrize(("text", "words", "value"), [
    ("The bombs exploded Friday, killing dozens.", "Friday", "1998-08-07"),
    ("An official said Saturday.", "Saturday", "1998-08-01"),
    ("The team will leave on Tuesday.", "Tuesday", "1998-08-11"),
    ("The team planned to leave on Thursday.", "Thursday", "1998-08-13"),
    ("He met them last Friday.", "last Friday", "1998-07-31"),
    ("They meet next Monday.", "next Monday", "1998-08-10"),
    ("Bombs went off Friday morning.", "Friday morning", "1998-08-07TMO"),
    ("Officials met on Thursday night.", "Thursday night", "1998-08-06TNI"),
])
def test_dates_weekdays(nlp, text, words, value):
    assert value_of(nlp, text, date(1998, 8, 7), words) == value


@pytest.mark.parametrize(("text", "words", "value"), [
    ("They came yesterday.", "yesterday", "1998-08-06"),
    ("They come today.", "today", "1998-08-07"),
    ("They come tomorrow.", "tomorrow", "1998-08-08"),
    ("He spoke last night.", "last night", "1998-08-06TNI"),
    ("Prices rose this week.", "this week", "1998-W32"),
    ("Prices fell last week.", "last week", "1998-W31"),
    ("Prices fell last month.", "last month", "1998-07"),
    ("Prices fell last year.", "last year", "1997"),
    ("Prices will rise early next year.", "early next year", "1999"),
    ("Sales rose earlier this year.", "earlier this year", "1998"),
    ("Sales fell two years ago.", "two years ago", "1996"),
    ("He left three days ago.", "three days ago", "1998-08-04"),
    ("He left two months ago.", "two months ago", "1998-06"),
    ("It closes at year-end.", "year-end", "1998"),
])
def test_dates_relative_to_the_anchor(nlp, text, words, value):
    assert value_of(nlp, text, date(1998, 8, 7), words) == value


@pytest.mark.parametrize(("published", "text", "words", "value"), [
    (date(1998, 12, 1), "The embassy was bombed on Aug. 7, 1998.", "Aug. 7, 1998", "1998-08-07"),
    (date(1998, 12, 1), "He was born on 7 August 1961.", "7 August 1961", "1961-08-07"),
    (date(1998, 12, 1), "It happened in March 1996.", "March 1996", "1996-03"),
    (date(1998, 12, 1), "It happened in 1995.", "1995", "1995"),
    (date(1998, 12, 1), "In fiscal 1997, the company earned more.", "fiscal 1997", "1997"),
    (date(1999, 5, 7), "He was last seen Nov. 3, the police said.", "Nov. 3", "1998-11-03"),
    (date(1989, 11, 2), "The dividend is payable Jan. 2.", "Jan. 2", "1990-01-02"),
    (date(1989, 10, 30), "The offer was extended to Nov. 16.", "Nov. 16", "1989-11-16"),
    (date(1999, 2, 10), "The summit is planned for April 24 and 25.", "25", "1999-04-25"),
    (date(1998, 12, 1), "The temple dates from the 11th century.", "the 11th century", "10XX"),
    (date(1998, 12, 1), "Prices fell in the late 1970s.", "the late 1970s", "197X"),
    (date(1998, 12, 1), "He was elected in nineteen seventy-nine.", "nineteen seventy-nine", "1979"),
    (date(1999, 12, 1), "He was rescued on Thanksgiving Day.", "Thanksgiving Day", "1999-11-25"),
    (date(1998, 10, 25), "The paper said on Monday, Oct. 26, that he had died.", "Monday, Oct. 26", "1998-10-26"),
])
def test_dates_calendar_expressions(nlp, published, text, words, value):
    assert value_of(nlp, text, published, words) == value


def test_dates_a_bare_month_follows_the_tense(nlp):
    published = date(1999, 4, 10)
    assert value_of(nlp, "The car was found in December.", published, "December") == "1998-12"
    assert value_of(nlp, "The case will be heard in May.", published, "May") == "1999-05"


@pytest.mark.parametrize(("text", "words", "value"), [
    ("Profit rose in the third quarter.", "the third quarter", "1989-Q3"),
    ("It posted a third-quarter loss.", "third-quarter", "1989-Q3"),
    ("Profit fell in the third quarter of 1984.", "the third quarter of 1984", "1984-Q3"),
    ("Sales rose in the first half of 1989.", "the first half of 1989", "1989-H1"),
    ("Shares fell last fall.", "last fall", "1988-FA"),
    ("Sales will rise this summer.", "this summer", "1989-SU"),
])
def test_dates_quarters_halves_and_seasons(nlp, text, words, value):
    assert value_of(nlp, text, date(1989, 11, 2), words) == value


def test_dates_a_year_earlier_in_an_earnings_report_is_the_same_quarter_a_year_back(nlp):
    text = "Savin reported a third-quarter loss of $35 million, compared with a profit of $3 million a year earlier."
    assert found(nlp, text, date(1989, 11, 2)) == [("third-quarter", "1989-Q3"), ("a year earlier", "1988-Q3")]


# ------------------------------------------------------------------ times, durations, sets, references


@pytest.mark.parametrize(("text", "words", "value", "kind"), [
    ("The meeting starts at 10 a.m.", "10 a.m.", "1998-08-07T10:00", "TIME"),
    ("The offer expires at 5 p.m. EST Friday.", "5 p.m. EST Friday", "1998-08-07T17:00", "TIME"),
    ("The troops left at noon.", "noon", "1998-08-07T12:00", "TIME"),
    ("The questioning lasted three days.", "three days", "P3D", "DURATION"),
    ("He made a 16-hour flight.", "16-hour", "PT16H", "DURATION"),
    ("He stayed for two and a half years.", "two and a half years", "P2Y6M", "DURATION"),
    ("Jobs grew over the past two months.", "the past two months", "P2M", "DURATION"),
    ("Talks could take weeks, he said, and have gone on for years.", "years", "PXY", "DURATION"),
    ("The party holds rallies daily.", "daily", "P1D", "SET"),
    ("Flights leave every Monday.", "every Monday", "XXXX-WXX-1", "SET"),
    ("Sales rise 8% annually.", "annually", "P1Y", "SET"),
    ("Iraq now controls the port.", "now", "PRESENT_REF", "DATE"),
    ("The party recently won seats.", "recently", "PAST_REF", "DATE"),
    ("Kenya must prepare for the future.", "the future", "FUTURE_REF", "DATE"),
])
def test_dates_times_durations_sets_and_references(nlp, text, words, value, kind):
    expressions = {e.text: e for e in find_temporal_expressions(nlp(text), date(1998, 8, 7))}
    assert (expressions[words].value, expressions[words].kind) == (value, kind)


def test_dates_about_qualifies_a_duration(nlp):
    [expression] = find_temporal_expressions(nlp("He spent about five hours in Tanzania."), date(1998, 8, 7))
    assert (expression.text, expression.value, expression.qualifier) == ("about five hours", "PT5H", "approx")


@pytest.mark.parametrize("text", [
    "The 6-year-old boy was rescued.",
    "Slepian, 52 years old, was a doctor.",
    "The company earns $500 million a year.",
    "It could be a second betrayal.",
    "Iraq imports three-quarters of its food.",
    "May we come in? asked 1,500 people.",
    "Prices may fall.",
])
def test_dates_no_dates_in_ages_rates_and_modals(nlp, text):
    assert found(nlp, text, date(1998, 8, 7)) == []


def test_dates_extents_keep_articles_but_not_possessives_or_prepositions(nlp):
    text = "On Friday's ruling, officials met in the third quarter during the two-week crisis."
    assert [words for words, _ in found(nlp, text, date(1998, 8, 7))] == ["Friday", "the third quarter", "two-week"]


# ------------------------------------------------------------------ without a publication date


def test_dates_without_a_publication_date_relative_expressions_keep_x_for_what_the_anchor_would_give(nlp):
    text = ("He left on December 23, will return Wednesday, and stayed two weeks last year, as he does daily. "
            "Talks next week were announced today; he responded on the 23rd.")
    assert found(nlp, text, None) == [
        ("December 23", "XXXX-12-23"), ("Wednesday", "XXXX-WXX-3"), ("two weeks", "P2W"), ("last year", "XXXX"),
        ("daily", "P1D"), ("next week", "XXXX-WXX"), ("today", "XXXX-XX-XX"), ("the 23rd", "XXXX-XX-23")]


def test_dates_published_may_be_a_datetime_or_an_iso_string(nlp):
    doc = nlp("The bombs exploded Friday.")
    assert find_temporal_expressions(doc, datetime(1998, 8, 7, 12, 30))[0].value == "1998-08-07"
    assert find_temporal_expressions(doc, "1998-08-07")[0].value == "1998-08-07"


def test_dates_date_mentions_carry_the_span_of_the_article(nlp):
    text = "The bombs exploded Friday, and the talks lasted two weeks."
    assert date_mentions(nlp(text), "a1", date(1998, 8, 7)) == [
        DateMention(Span("a1", 19, 25), "Friday", "1998-08-07", "DATE"),
        DateMention(Span("a1", 48, 57), "two weeks", "P2W", "DURATION"),
    ]
    [early] = date_mentions(nlp("Proposals came in early December."), "a2", date(2021, 12, 24))
    assert (early.span, early.value, early.qualifier) == (Span("a2", 18, 32), "2021-12", "early")


def test_dates_spans_point_into_the_text(nlp):
    text = "Suspected bombs exploded outside the embassies in Nairobi on Friday, a week after the talks of July 30."
    for expression in find_temporal_expressions(nlp(text), date(1998, 8, 7)):
        assert isinstance(expression, TemporalExpression)
        assert text[expression.start:expression.end] == expression.text


def test_dates_numeric_dates_with_dots_day_first_and_iso(nlp):
    text = "Sputnik International, 23.12.2021. The report of 2021-12-15 and version 1.2.3 and 99.99.2021."
    assert found(nlp, text, date(2021, 12, 23))[-2:] == [("23.12.2021", "2021-12-23"), ("2021-12-15", "2021-12-15")]
