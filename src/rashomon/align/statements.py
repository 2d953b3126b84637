"""An article as the statements it makes: what each attribution reports, and the narrative sentences.

A statement is a clause or a sentence (``units``): where an attribution covers a sentence, what it reports
(its content, the cue and the speaker left out: "NATO never promised not to expand", not "…, Stoltenberg
said on Thursday"); elsewhere, the sentence itself. Nested attributions ("Sims said Haley said …") are read
through the outer one. Each statement carries what it commits to: its entities, dates, numbers, negations
and stems, and, when reported, who said it with which verb.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rashomon.align.anchors import negations, numbers, stems
from rashomon.align.units import EDGE, content_units
from rashomon.nlp.cues import CUE_FORMS, RELATIVE_PRONOUNS
from rashomon.records import AnnotatedArticle, Attribution, Span

_LETTERS = re.compile(r"[^\W\d_]{2,}")
_WORD = re.compile(r"\w+")
_OBJECT_OPENING = re.compile(r"\s*(?:(?:to|at|on|about|of)\s+)?")
DEMONSTRATIVES = ("this", "that", "so", "as much", "these words")  # "He said this": the sentence before
PHRASE_WORDS = 5  # content of fewer words is a phrase ("the possibility of expansion"): its sentence says it


@dataclass(frozen=True)
class Anchors:
    """What a stretch of text commits to: its stems, numbers, dates, negations, the entities it names and
    the people it credits with words."""

    text: str
    stems: frozenset[str]
    numbers: frozenset[str]
    dates: frozenset[str]  # TimeML values of its date expressions, and of when its words were spoken
    negations: int
    entities: frozenset[tuple[str, str]]  # (label family, canonical entity id) of its names and descriptions
    names: dict[str, str] = field(default_factory=dict, compare=False)  # entity id → as first written here
    speakers: frozenset[str] = frozenset()  # entity ids of those its attributions credit
    marked: tuple[tuple[int, int, str, str], ...] = ()  # (start, end, what, value) in ``text``: what is "date"
    # (its value the TimeML one), "source" or a named entity's family (its value the entity id)


@dataclass(frozen=True)
class Statement:
    span: Span
    unit: Anchors  # the statement itself
    sentence: Anchors  # its whole sentence, frame included ("…, Stoltenberg said on Thursday")
    attribution: Attribution | None = None  # when the words are what someone is reported to have said
    cue: str = ""  # the attribution's cue, as written
    cue_lemma: str = ""  # its verb of saying ("claim" for "Claims"), when it has one
    speaker: str = ""  # the attribution's source, as written
    speaker_is_person: bool = False  # the source resolves to a person
    quote_group: int | None = None

    @property
    def text(self) -> str:
        return self.unit.text

    @property
    def stems(self) -> frozenset[str]:
        return self.unit.stems


def statements(annotated: AnnotatedArticle) -> list[Statement]:
    """The article's statements in text order: what each attribution reports, and every sentence where no
    report starts, in clauses (whole, where its clauses are too short to stand alone)."""
    text = annotated.article.text
    sentences = [(s.start, s.end) for s in annotated.sentences]
    found: list[Statement] = []
    told: dict[tuple[int, int], Anchors] = {}  # each sentence's anchors, worked out once
    for attribution in top_level(annotated.attributions):
        content = _with_antecedent(text, attribution, annotated.attributions)
        units = content_units(text, content, sentences)
        if sum(len(_WORD.findall(text[s:e])) for s, e in units) < PHRASE_WORDS:
            units = _sentence_of(attribution, sentences) or units  # "never denied [the possibility of expansion]"
        found += [_statement(annotated, start, end, attribution, told) for start, end in units]
    for start, end in sentences:  # a sentence where no report starts speaks for itself
        if not any(start <= s.span.start < end for s in found):
            units = content_units(text, [(start, end)], [(start, end)]) or [(start, end)]
            found += [_statement(annotated, s, e, None, told) for s, e in units if _LETTERS.search(text, s, e)]
    return sorted(_said_before(annotated, found, told), key=lambda statement: statement.span.start)


def _said_before(annotated: AnnotatedArticle, found: list[Statement], told: dict) -> list[Statement]:
    """Statements of a sentence that the next one says someone said ("NATO has never denied the possibility
    of expansion. He said this on December 23 …"), reported by that attribution."""
    text, sentences = annotated.article.text, annotated.sentences
    for attribution in annotated.attributions:
        if not attribution.cue or " ".join(text[s.start:s.end] for s in attribution.content).strip(
                EDGE).lower() not in DEMONSTRATIVES:
            continue
        at = next((i for i, s in enumerate(sentences) if s.start <= attribution.cue[0].start < s.end), 0)
        if at == 0:
            continue
        before = sentences[at - 1]
        found = [_statement(annotated, s.span.start, s.span.end, attribution, told)
                 if before.start <= s.span.start < before.end else s for s in found]
    return found


def _with_antecedent(text: str, attribution: Attribution, attributions: tuple[Attribution, ...]
                     ) -> list[tuple[int, int]]:
    """The attribution's content, and where it opens with a relative clause that says something itself
    ("referred to the Washington Treaty [that says any country can …]"), the thing that says it too."""
    content = [(s.start, s.end) for s in attribution.content]
    start, end = content[0]
    relative = any(a.source and a.source[0].start == start and text[a.source[0].start:a.source[0].end].lower()
                   in RELATIVE_PRONOUNS for a in attributions if a is not attribution)
    if not relative or not attribution.cue or attribution.cue[-1].end > start:
        return content
    opening = _OBJECT_OPENING.match(text, attribution.cue[-1].end, start)
    antecedent = opening.end() if opening else attribution.cue[-1].end
    if not _LETTERS.search(text, antecedent, start) or "\n" in text[antecedent:start]:
        return content
    return [(antecedent, end), *content[1:]]


def _sentence_of(attribution: Attribution, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentence an attribution's cue is in: what a bare phrase of content is said in."""
    at = attribution.cue[0].start if attribution.cue else attribution.content[0].start
    return [(s, e) for s, e in sentences if s <= at < e][:1]


def top_level(attributions: tuple[Attribution, ...]) -> list[Attribution]:
    """The attributions whose cue lies in no other one's content."""
    def nested(attribution: Attribution) -> bool:
        start = attribution.cue[0].start if attribution.cue else attribution.content[0].start
        return any(other is not attribution and any(s.start <= start < s.end for s in other.content)
                   for other in attributions)
    return [attribution for attribution in attributions if attribution.content and not nested(attribution)]


def _statement(annotated: AnnotatedArticle, start: int, end: int, attribution: Attribution | None = None,
               sentences: dict | None = None) -> Statement:
    sentence = next(((s.start, s.end) for s in annotated.sentences if s.start <= start < s.end), (start, end))
    spoken = {attribution.spoken_on} if attribution is not None and attribution.spoken_on else set()
    if sentences is None or sentence not in sentences:
        whole = anchors(annotated, *sentence)
        if sentences is not None:
            sentences[sentence] = whole
    return Statement(span=Span(annotated.article.id, start, end), unit=anchors(annotated, start, end, spoken),
                     sentence=sentences[sentence] if sentences is not None else whole,
                     quote_group=annotated.quote_groups.get((start, end)), **_reported(annotated, attribution))


def anchors(annotated: AnnotatedArticle, start: int, end: int, spoken: set[str] = frozenset()) -> Anchors:
    """The anchors of ``text[start:end]``; for a whole sentence, also when each of its attributions was said."""
    text = annotated.article.text[start:end]
    inside = [m for m in annotated.mentions if m.entity_id and m.kind != "pronoun"
              and start <= m.span.start and m.span.end <= end]
    dates = [d for d in annotated.dates if start <= d.span.start and d.span.end <= end]
    credited = [a for a in annotated.attributions if a.cue and start <= a.cue[0].start < end]
    names: dict[str, str] = {}
    for mention in inside:
        names.setdefault(mention.entity_id, mention.text)
    marked = [(d.span.start, d.span.end, "date", d.value) for d in dates]
    marked += [(s.start, s.end, "source", a.speaker_entity_id or "") for a in credited for s in a.source
               if start <= s.start and s.end <= end]
    marked += [(m.span.start, m.span.end, _family(m.label), m.entity_id) for m in inside if m.kind == "name"]
    return Anchors(
        text=text, stems=stems(text, annotated.article.language),
        numbers=numbers(text, [(d.span.start - start, d.span.end - start) for d in dates]),
        dates=frozenset(d.value for d in dates) | spoken, negations=negations(text),
        entities=frozenset((_family(m.label), m.entity_id) for m in inside), names=names,
        speakers=frozenset(a.speaker_entity_id for a in credited if a.speaker_entity_id),
        marked=tuple(sorted((a - start, b - start, what, value) for a, b, what, value in marked)))


def _reported(annotated: AnnotatedArticle, attribution: Attribution | None) -> dict:
    """Who is reported to have said it, and with which verb."""
    if attribution is None:
        return {}
    text = annotated.article.text
    cue = " ".join(text[s.start:s.end] for s in attribution.cue)
    labels = {m.label for m in annotated.mentions if m.entity_id and m.entity_id == attribution.speaker_entity_id}
    return {"attribution": attribution, "cue": cue,
            "cue_lemma": next((CUE_FORMS[w] for w in re.findall(r"\w+", cue.lower()) if w in CUE_FORMS), ""),
            "speaker": " ".join(text[s.start:s.end] for s in attribution.source), "speaker_is_person": "PERSON" in labels}


def _family(label: str) -> str:
    return "PLACE" if label in ("GPE", "LOC") else label
