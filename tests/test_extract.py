from datetime import date

import pytest

from rashomon.errors import EmptyInput, MalformedRecord, NoArticleFound
from rashomon.extract import extract, parse_published
from rashomon.records import Page
from tests.conftest import PAGES


def test_extract_text_with_date_line(settings):
    page = Page("seed.txt", "text", b" date 2021-12-23 NATO has never denied it.\n\nSecond paragraph.")
    article = extract(page, settings)
    assert article.published == date(2021, 12, 23)
    assert article.text == "NATO has never denied it.\n\nSecond paragraph."
    assert article.title is None  # a first line that ends like a sentence is not a headline
    assert article.language == "en"


def test_extract_text_headline_first_line(settings):
    article = extract(Page("t.txt", "text", b"Stoltenberg: no compromises\n\nNATO said so today."), settings)
    assert article.title == "Stoltenberg: no compromises"
    assert article.published is None


def test_extract_html_text_and_metadata(settings):
    article = extract(Page("s.html", "html", (PAGES / "stoltenberg.html").read_bytes()), settings)
    assert article.title == "Stoltenberg says NATO never promised not to expand"
    assert article.outlet == "Example Wire"
    assert article.published == date(2021, 12, 23)
    assert article.authors == ("Anna Schmidt",)
    assert article.url == "https://news.example.com/world/2021/12/23/stoltenberg-nato-never-promised"
    assert "That's not something that we can change through some quotes." in article.text
    assert "reader talk" not in article.text and "All rights reserved" not in article.text


def test_extract_html_without_article(settings):
    with pytest.raises(NoArticleFound) as caught:
        extract(Page("nav.html", "html", (PAGES / "no-article.html").read_bytes()), settings)
    assert str(caught.value) == ("nav.html: no article text found in the HTML (only 3 words of text "
                                 "outside the page's navigation)")


def test_extract_record_keeps_other_fields_as_metadata(settings):
    fields = {"id": "x-1", "outlet": "nyt", "url": "https://nyt.example/a", "published": "2019-05-02",
              "title": "T", "text": "Some article text here.", "story": "s1"}
    article = extract(Page("d.jsonl:1", "record", b"", fields=fields), settings)
    assert (article.outlet, article.published, article.url) == ("nyt", date(2019, 5, 2), "https://nyt.example/a")
    assert article.metadata == {"story": "s1", "source_id": "x-1"}


def test_extract_record_headline_only_kept_uses_title_as_text(settings):
    page = Page("d.jsonl:2", "record", b"", fields={"title": "Only a headline", "text": ""})
    article = extract(page, settings.replace(title_only="keep"))
    assert article.text == "Only a headline" and article.metadata["text_is_title"] is True


def test_extract_record_errors(settings):
    with pytest.raises(EmptyInput, match="record has no text and no title"):
        extract(Page("d.jsonl:3", "record", b"", fields={"text": "  "}), settings)
    with pytest.raises(MalformedRecord) as caught:
        extract(Page("d.jsonl:4", "record", b"", fields={"text": "x", "published": "last week"}), settings)
    assert str(caught.value) == "d.jsonl:4: field 'published' is not a date: 'last week'"


def test_extract_parse_published_forms():
    assert parse_published("2021-12-23T09:30:00Z") == date(2021, 12, 23)
    assert parse_published("Thu, 23 Dec 2021 10:00:00 GMT") == date(2021, 12, 23)
    assert parse_published("soon") is None
