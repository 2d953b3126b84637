"""Bytes to text, or a clear refusal: binary data and broken encodings are named, not guessed at."""

from __future__ import annotations

import codecs
import re

from rashomon.errors import EmptyInput, UnreadableInput

# (magic prefix, what a person would call it)
_BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"\x7fELF", "an executable program"),
    (b"SQLite format 3\x00", "a SQLite database"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
)
# Western text in Windows-1252 is mostly ASCII letters; beyond this share of non-ASCII letters the bytes
# are another encoding read wrongly (KOI8-R Russian read so is nearly all accented Latin letters).
LEGACY_FOREIGN_SHARE = 0.3
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_VALID_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def refuse_binary(origin: str, data: bytes) -> None:
    """Raise UnreadableInput if ``data`` is evidently not text."""
    for magic, name in _BINARY_SIGNATURES:
        if data.startswith(magic):
            raise UnreadableInput(origin, f"binary file ({name}), not text")
    head = data[:8192]
    if b"\x00" in head and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise UnreadableInput(origin, "binary file (contains NUL bytes), not text")


def decode_text(origin: str, data: bytes) -> str:
    """Decode a text file: UTF-8 (or a BOM's encoding); legacy Windows-1252 only when no UTF-8 is seen.

    A file that is mostly UTF-8 but holds invalid byte sequences is refused: guessing another
    encoding would silently corrupt the characters around the damage.
    """
    refuse_binary(origin, data)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(origin, data, encoding)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        text = _legacy_or_refuse(origin, data, error)
    if not text.strip():
        raise EmptyInput(origin, "empty: no text, only whitespace" if text else "empty file")
    return text


def _strict(origin: str, data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise UnreadableInput(
            origin, f"broken text encoding: invalid {encoding} data at byte {error.start}") from None


def _legacy_or_refuse(origin: str, data: bytes, error: UnicodeDecodeError) -> str:
    bad = data[error.start]
    if _VALID_UTF8_MULTIBYTE.search(data):
        raise UnreadableInput(
            origin, f"broken text encoding: invalid UTF-8 byte 0x{bad:02x} at byte {error.start}")
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise UnreadableInput(
            origin, f"broken text encoding: byte 0x{bad:02x} at byte {error.start} is neither "
                    "UTF-8 nor Windows-1252") from None
    letters = [c for c in text if c.isalpha()]
    foreign = sum(not c.isascii() for c in letters)
    if letters and foreign > LEGACY_FOREIGN_SHARE * len(letters):
        raise UnreadableInput(
            origin, f"unknown text encoding: not UTF-8, and read as Windows-1252 {foreign} of its {len(letters)} "
                    "letters would be accented or foreign (another legacy encoding, such as KOI8-R or "
                    "Shift-JIS?); convert the file to UTF-8")
    return text
