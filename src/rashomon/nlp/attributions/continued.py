"""Quotations that go on from an attributed one (“…,” he said. “And more.”), and the speaker a parse ran
into the quotation before its cue (“…,” Brent Bozell III, founder of the Media Research Center, tells …).
"""

from __future__ import annotations

import re
from dataclasses import replace

from rashomon.nlp.attributions.quotations import inside_quotation
from rashomon.nlp.attributions.spans import FoundAttribution, Pieces, trimmed
from rashomon.nlp.cues import SPEAKER_AFTER_QUOTE, SPEAKER_WORDS


def with_continued_quotes(found: list[FoundAttribution], quotations: Pieces, used: set,
                          text: str) -> list[FoundAttribution]:
    """“…,” he said. “And more.” — the second quotation has no cue: it is more of the same utterance."""
    found = sorted(found, key=lambda a: a.content[0])
    for start, end in quotations:
        claimed = [piece for a in found if not _cue_inside(a, start, end) for piece in a.content]
        if (start, end) in used or end - start < 25 or not _opens_its_sentence(text, start) \
                or any(s < end and start < e for s, e in claimed):
            continue
        index = _last_before(found, start, quotations)
        if index is None:
            continue
        previous = found[index]
        if previous.kind == "indirect" or not _same_paragraph_or_next(text, previous.content[-1][1], start):
            continue
        used.add((start, end))
        found[index] = replace(previous, content=previous.content + ((start, end),))
    return found


def _cue_inside(attribution: FoundAttribution, start: int, end: int) -> bool:
    """A cue quoted inside the quotation (“… we’ve agreed …”) is the speaker's words, not a claim on them."""
    return bool(attribution.cue) and start < attribution.cue[0][0] < end


def _opens_its_sentence(text: str, start: int) -> bool:
    """A quotation that stands alone: nothing but space since the previous sentence ended."""
    before = text[max(0, start - 200):start]
    cut = max(before.rfind(". "), before.rfind("\n"), before.rfind("? "), before.rfind("! "), before.rfind(".”"),
              before.rfind('."'), before.rfind(".''"))
    return not before[cut + 1:].strip(" \t\n.”\"") if cut >= 0 else not before.strip()


def _last_before(found: list[FoundAttribution], position: int, quotations: Pieces) -> int | None:
    """The last attribution before ``position`` that is not itself quoted (its cue inside a quotation)."""
    before = [i for i, a in enumerate(found) if max(end for _, end in (*a.content, *a.cue, *a.source)) <= position
              and not (a.cue and inside_quotation(a.cue[0][0], quotations))]
    return before[-1] if before else None


def _same_paragraph_or_next(text: str, stop: int, start: int) -> bool:
    between = text[stop:start]
    return between.count("\n\n") <= 1 and len(between) < 400 and not re.search(r"[\"“”]|''", between)


def speaker_after_quotation(attribution: FoundAttribution, text: str) -> FoundAttribution:
    """“…,” Brent Bozell III, founder of the Media Research Center, tells …: a parse that ran the name
    into the quotation gives it back as the source."""
    if attribution.source or not attribution.cue:
        return attribution
    start, end = attribution.content[-1]
    cue_start = attribution.cue[0][0]
    if not 0 <= cue_start - end <= 3:
        return attribution
    match = SPEAKER_AFTER_QUOTE.search(text, start, end)
    if match is None or len(match.group("source").split()) > SPEAKER_WORDS:
        return attribution
    source = trimmed(text, match.span("source"))
    content = (*attribution.content[:-1], (start, match.start("source")))
    content = tuple(piece for part in content for piece in trimmed(text, part))
    return replace(attribution, content=content, source=source)
