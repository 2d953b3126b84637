"""Language of an article's text, chosen among the languages rashomon is set up for (lingua)."""

from __future__ import annotations

from functools import lru_cache

_SAMPLE_CHARS = 600  # measured: 0.75 ms an article, and the same answers as 2,000 on the corpora


@lru_cache(maxsize=4)
def _detector(codes: tuple[str, ...]):
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    languages = []
    for code in codes:
        try:
            languages.append(IsoCode639_1.from_str(code))
        except ValueError:
            continue
    return LanguageDetectorBuilder.from_iso_codes_639_1(*languages).build()


def detect_language(text: str, codes: tuple[str, ...]) -> str | None:
    """ISO 639-1 code of the text's language, or None when the text gives no clear answer."""
    sample = text[:_SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < 3:
        return None
    language = _detector(codes).detect_language_of(sample)
    return None if language is None else language.iso_code_639_1.name.lower()
