import pytest

from rashomon.extract.decoding import decode_text
from rashomon.errors import EmptyInput, UnreadableInput


def test_decoding_utf8_and_bom():
    assert decode_text("a.txt", "Генсек НАТО".encode()) == "Генсек НАТО"
    assert decode_text("a.txt", b"\xef\xbb\xbfhello") == "hello"
    assert decode_text("a.txt", "hello".encode("utf-16")) == "hello"


def test_decoding_legacy_windows_1252_without_any_utf8():
    assert decode_text("a.txt", "caf\u00e9 \u201cquoted\u201d".encode("cp1252")) == "caf\u00e9 \u201cquoted\u201d"


def test_decoding_broken_utf8_is_refused():
    data = "Stoltenberg said “no”".encode() + b" \xff\xfe more"
    with pytest.raises(UnreadableInput) as caught:
        decode_text("broken.txt", data)
    assert str(caught.value) == "broken.txt: broken text encoding: invalid UTF-8 byte 0xff at byte 26"


@pytest.mark.parametrize("data, reason", [
    (b"\x89PNG\r\n\x1a\n\x00\x00", "binary file (a PNG image), not text"),
    (b"%PDF-1.7\n...", "binary file (a PDF document), not text"),
    (b"abc\x00\x01\x02def", "binary file (contains NUL bytes), not text"),
])
def test_decoding_binary_is_refused(data, reason):
    with pytest.raises(UnreadableInput) as caught:
        decode_text("x.txt", data)
    assert caught.value.reason == reason


def test_decoding_empty_and_whitespace():
    with pytest.raises(EmptyInput, match="empty file"):
        decode_text("e.txt", b"")
    with pytest.raises(EmptyInput) as caught:
        decode_text("w.txt", b" \n\t \n")
    assert caught.value.reason == "empty: no text, only whitespace"


def test_decoding_another_legacy_encoding_is_refused_not_read_as_mojibake():
    russian = "Генеральный секретарь НАТО заявил, что альянс никогда не обещал не расширяться.".encode("koi8_r")
    with pytest.raises(UnreadableInput) as refused:
        decode_text("russian.txt", russian)
    assert str(refused.value).startswith("russian.txt: unknown text encoding: not UTF-8, and read as "
                                         "Windows-1252 66 of its 66 letters would be accented or foreign")
    french = "Le garçon a dit que la société française est très forte.".encode("cp1252")
    assert decode_text("french.txt", french) == "Le garçon a dit que la société française est très forte."
