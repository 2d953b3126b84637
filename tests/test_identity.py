from rashomon.extract.identity import article_id, article_identity, canonical_url, content_hash


def test_identity_canonical_url_drops_tracking_and_fragment():
    assert canonical_url("HTTPS://WWW.Example.com:443/a/b?utm_source=x&id=3&fbclid=y#top") == \
        "https://www.example.com/a/b?id=3"
    assert canonical_url("http://example.com") == "http://example.com/"


def test_identity_prefers_url_over_content():
    assert article_identity("https://example.com/x?utm_medium=rss", "A", "T", "text") == "url:https://example.com/x"
    assert article_identity(None, "A", "T", "text").startswith("content:")


def test_identity_content_ignores_spacing_and_case_but_not_outlet():
    same = article_identity(None, "Wire", "Title", "One  two\nthree")
    assert same == article_identity(None, "wire", "TITLE", "one two three")
    assert same != article_identity(None, "Other outlet", "Title", "One two three")
    assert content_hash("A  b") == content_hash("a b")


def test_identity_article_id_is_short_and_stable():
    assert article_id("url:https://example.com/") == article_id("url:https://example.com/")
    assert len(article_id("x")) == 16
