"""Who said what: every attribution in an article, with content, cue and source spans and the speaker.

Read from the dependency parse, the quotations and the entity chains of the annotate stage:
- a cue verb ("said", "stressed", "told the German dpa news agency") with its subject as source and
  its clausal complement as content ("said that …": indirect), or a quotation right before or after
  it ("“…,” Stoltenberg said": direct); a content partly in quotation marks is mixed;
- "according to X, …": X is the source, the rest of the sentence the content;
- a quotation paragraph with no cue of its own that goes on from an attributed one keeps its speaker.
The speaker is the entity chain of a mention inside the source span, so "he" and "the Secretary
General" resolve to the person. Where the words were spoken is dated when a date modifies the cue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from rashomon.nlp import text_of
from rashomon.nlp.attribution_confidence import ConfidenceModel, judged
from rashomon.nlp.cue_model import CueModel, QuotationIndex, cue_features, is_candidate
from rashomon.nlp.cues import CUE_FORMS, EXPERIENCER_FORMS, NAMING, NO_OBJECT_CONTENT, STANCE
from rashomon.nlp.entities import ArticleEntities

Pieces = tuple[tuple[int, int], ...]

_CONTENT_DEPS = ("ccomp", "xcomp", "dep", "parataxis")
_CUE_MODIFIERS = ("aux", "auxpass", "neg", "prt")
_EDGE = " \t\n,;:—–-"
_PARENTHETICAL_TOKENS = 8
_MIN_CONTENT_WORDS = 2
_QUOTE_GAP = re.compile(r"^[\s,.;:—–-]*$")
_INTRO = re.compile(r"^[\s,:—–-]*$")


@dataclass(frozen=True)
class FoundAttribution:
    content: Pieces
    cue: Pieces
    source: Pieces
    kind: str  # direct, indirect, mixed
    speaker_chain: int | None = None
    spoken_on: str | None = None  # the TimeML value of the date the words were spoken, when given
    origin: str = "rule"  # what found it: rule (a verb of saying), learned (the cue model), according_to, poll, headline
    confidence: float | None = None  # that the source is right, from the confidence model (None: not judged)


def find_attributions(doc, entities: ArticleEntities, quotations: Pieces, dates: tuple = (),
                      cue_model: CueModel | None = None,
                      confidence_model: ConfidenceModel | None = None) -> list[FoundAttribution]:
    """Every attribution the article makes, in text order.

    With a ``cue_model``, words it scores as cues that the rules missed add attributions of their own.
    With a ``confidence_model``, each attribution with a source is given the probability that its source
    is right, and those under the model's threshold are left out.
    """
    text = text_of(doc)
    used_quotes: set[tuple[int, int]] = set()
    title_lines = _title_case_lines(text)
    found = [a for a in _read_from_parse(doc, text, quotations, used_quotes, cue_model)
             if not any(start <= a.cue[0][0] < end for start, end in title_lines)]
    for start, end in title_lines:
        found += _from_title_case_line(doc, text, (start, end), quotations, used_quotes, cue_model)
    found = [a for a in found if not _is_newsroom_label(a.source, text)]
    found.sort(key=lambda a: a.content[0])
    found = [_speaker_after_quotation(a, text) for a in _without_overlaps(found)]
    resolved = [_resolved(a, entities, quotations, dates, doc) for a in found]
    found = _apart_from_relative_clauses(doc, text, _with_continued_quotes(resolved, quotations, used_quotes, text))
    return found if confidence_model is None else judged(found, doc, quotations, cue_model, confidence_model)


def _read_from_parse(doc, text: str, quotations: Pieces, used_quotes: set,
                     cue_model: CueModel | None) -> list[FoundAttribution]:
    found: list[FoundAttribution] = []
    for token in doc:
        attribution = (_from_cue_verb(token, text, quotations, used_quotes)
                       or _from_according_to(token, text, quotations) or _from_in_a_poll(token, text, quotations)
                       or _from_poll_phrase(token, text, quotations))
        if attribution is not None:
            found.append(attribution)
    found += _headline_attributions(doc, text)
    if cue_model is not None:
        found += _not_restating(_from_learned_cues(doc, text, cue_model, quotations, used_quotes, found), found)
    return found


# -- headlines in title case ----------------------------------------------------------------------
_LINE = re.compile(r"[^\n]+")
_WORD_IN_LINE = re.compile(r"[^\W\d_][\w’'-]*")
_MIN_TITLE_WORDS = 3
_MAX_TITLE_CHARS = 200
_MINOR_WORD_LETTERS = 3  # "a", "of", "and", "the" may stay lower case in a title; longer words may not


def _title_case_lines(text: str) -> list[tuple[int, int]]:
    """Lines written In Title Case ("Another GOP Figure Endorses Hillary Clinton"): the parser reads
    their verbs as names, so they are parsed again in lower case."""
    lines = []
    for match in _LINE.finditer(text):
        line = match.group()
        words = _WORD_IN_LINE.findall(line)
        if len(words) >= _MIN_TITLE_WORDS and len(line) <= _MAX_TITLE_CHARS and len(line.lower()) == len(line) \
                and all(w[0].isupper() for w in words if len(w) > _MINOR_WORD_LETTERS) \
                and sum(w[0].isupper() for w in words) > len(words) / 2:
            lines.append(match.span())
    return lines


def _from_title_case_line(doc, text: str, line: tuple[int, int], quotations: Pieces, used_quotes: set,
                          cue_model: CueModel | None) -> list[FoundAttribution]:
    from rashomon.nlp.models import has_pipeline, spacy_pipeline

    if not has_pipeline(doc.lang_):
        return []
    start, end = line
    lowered = text[start] + text[start + 1:end].lower()  # same length: offsets carry over
    local_quotes = tuple((a - start, b - start) for a, b in quotations if start <= a and b <= end)
    used: set[tuple[int, int]] = set()
    found = _read_from_parse(spacy_pipeline(doc.lang_)(lowered), lowered, local_quotes, used, cue_model)
    used_quotes.update((a + start, b + start) for a, b in used)
    return [_shifted(attribution, start) for attribution in found]


def _shifted(attribution: FoundAttribution, offset: int) -> FoundAttribution:
    def move(pieces: Pieces) -> Pieces:
        return tuple((a + offset, b + offset) for a, b in pieces)
    return replace(attribution, content=move(attribution.content), cue=move(attribution.cue),
                   source=move(attribution.source))


# -- cue verbs ----------------------------------------------------------------------------------

_MAKE = frozenset({"make", "makes", "made", "making"})
_PLAIN = frozenset({"clear", "plain", "known"})


def _made_clear(token, text: str) -> FoundAttribution | None:
    """"Biden made it clear that …", "She made plain that …": the cue is the whole phrase, the content the
    clause after it."""
    if token.lower_ not in _MAKE or token.pos_ not in ("VERB", "AUX"):
        return None
    plain = next((c for c in token.children if c.lower_ in _PLAIN and c.dep_ in ("ccomp", "oprd", "acomp", "xcomp")
                  and c.i > token.i), None)
    if plain is None:
        return None
    clause = next((c for c in (*plain.children, *token.children) if c.dep_ in ("ccomp", "advcl") and c.i > plain.i),
                  None)
    if clause is None:
        return None
    content = _trimmed(text, _subtree_span(clause, with_mark=True))
    cue = tuple(merge_spans([*_cue_pieces(token, text), (token.idx, plain.idx + len(plain.text))]))
    return FoundAttribution(content, cue, _source_pieces(token, text), kind="indirect") if content else None


def _from_cue_verb(token, text: str, quotations: Pieces, used: set) -> FoundAttribution | None:
    if _that_said(token):
        return None
    made_clear = _made_clear(token, text)
    if made_clear is not None:
        return made_clear
    lemma = CUE_FORMS.get(token.lower_)
    if lemma is None or token.pos_ not in ("VERB", "AUX"):
        return None
    if lemma in NAMING:
        content = _naming_content(token, text)
    elif lemma in STANCE:
        content = _clause_content(token, text) or _object_content(token, text)
    else:
        content = (_clause_content(token, text) or _adjacent_quotation(token, text, quotations, used)
                   or _reporting_tail(token, text, lemma))
        if not content and lemma not in NO_OBJECT_CONTENT:
            content = _object_content(token, text, ("dobj",))  # "Holder announced his resignation"
    if not content:
        return None
    if len(re.findall(r"\w+", " ".join(text[a:b] for a, b in content))) < _MIN_CONTENT_WORDS:
        return None  # "adding that": no content of its own
    if not _inside_quotation(token.idx, quotations):  # a cue inside a quotation is quoted, not quoting
        content = _before_coordinated_cue(token, _widen_to_quotations(content, quotations, used), quotations, text)
    else:  # and what it reports stays inside the quotation: "''He says what everyone wants,'' Moody said"
        content = _within_quotation(content, token.idx, quotations, text)
    if not content:
        return None
    cue = _cue_pieces(token, text)
    source = _source_pieces(token, text)
    return FoundAttribution(content, cue, source, kind="indirect")


def _that_said(token) -> bool:
    """"That said, Millennials say …": a turn of phrase, not a report."""
    doc, i = token.doc, token.i
    return token.lower_ == "said" and 1 <= i < len(doc) - 1 and doc[i + 1].text == "," and \
        doc[i - 1].lower_ in ("that", "this") and _opens_sentence(doc[i - 1])


_COORDINATION = re.compile(r"[\s,;]*(?:\b(?:and|but|while|then|also)\b[\s,;]*)*$")


def _before_coordinated_cue(verb, content: Pieces, quotations: Pieces, text: str) -> Pieces:
    """"says the response was to break them up and says he introduced a bill": the parse hangs the second
    "says" inside the first content; the content stops where the second report (or "according to") starts."""
    start, end = content[0][0], content[-1][1]
    for token in verb.doc[verb.i + 1:]:
        if token.idx >= end:
            break
        according = token.lower_ == "according" and token.i + 1 < len(token.doc) and token.nbor().lower_ == "to"
        if token.idx > start and (according or _is_following_report(token)) \
                and not _inside_quotation(token.idx, quotations):
            cut = token.idx if according else token.left_edge.idx
            cut = start + _COORDINATION.search(text[start:cut]).start()
            return tuple(piece for a, b in content if a < cut for piece in _trimmed(text, (a, min(b, cut))))
    return content


_CONTRASTING = frozenset({"while", "whereas", "though", "although"})


def _is_following_report(token) -> bool:
    """A report that follows the first instead of being part of what it reports: "…, and says …",
    "…, while 22 percent said …", "…, insisting that …"."""
    if token.pos_ != "VERB" or CUE_FORMS.get(token.lower_) is None:
        return False
    if token.dep_ == "conj":
        return True
    return token.dep_ == "advcl" and (token.tag_ == "VBG" or any(
        c.dep_ == "mark" and c.lower_ in _CONTRASTING or c.dep_ == "aux" and c.lower_ == "having"  # "having said"
        for c in token.children))


def _is_coordinated_cue(token) -> bool:
    """A following report with no subject of its own ("…, and says", "…, insisting"): it shares the first
    report's speaker."""
    return _is_following_report(token) and not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)


def _clause_content(verb, text: str) -> Pieces | None:
    """"said that …", "told the agency that …", "said the talks would fail": the complement clause."""
    # a clause after the verb before one before it: "It was no abstract concern: Trump had declared that …";
    # but not one behind a phrase of the verb's: "“He views Russia …,” Manafort said on ''Face the Nation''"
    for child in sorted(verb.children, key=lambda c: 1 if c.i < verb.i else 0 if _right_after(c, verb) else 2):
        if child.dep_ in ("ccomp", "xcomp") and (not _is_bare_infinitive(child) or _tells_to(verb)) \
                and not _clause_before_semicolon(child, verb, text) and child.i != _index(_speaker_clause(verb)):
            return _closing_mark_kept(text, _trimmed(text, _subtree_span(child, with_mark=True)))
    for child in verb.children:  # "asked the senator if he …", the question parsed as a condition
        if child.dep_ == "advcl" and child.i > verb.i and CUE_FORMS.get(verb.lower_) in _ASKING \
                and any(m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in child.children):
            return _trimmed(text, _subtree_span(child, with_mark=True))
    for child in verb.children:  # "called for her messages to be made public", parsed as a purpose clause
        if child.dep_ == "advcl" and child.i > verb.i and _for_to(child):
            return _trimmed(text, _subtree_span(child))
    for child in verb.children:  # "McCain says the movement … appeals to …", parsed as an object
        if child.dep_ == "dobj" and child.i > verb.i and _is_clause_like(child):
            return _trimmed(text, _subtree_span(child))
    # "The economy, he said, is strong" and "“…,” Stoltenberg said": a short cue clause hanging off
    # the content it introduces (a long one is an attribution of its own inside the other's content)
    head = verb.head
    if verb.dep_ in ("parataxis", "ccomp") and head.i != verb.i and len(list(verb.subtree)) <= _PARENTHETICAL_TOKENS \
            and CUE_FORMS.get(head.lower_) is None:
        return _without(text, _subtree_span(head), _subtree_span(verb))
    return None


_ASKING = ("ask", "wonder", "question")
# verbs that close a sentence with "…, he said." ("continued", "asks" there report nothing)
_TAIL_LEMMAS = frozenset({"say", "tell", "add", "write", "note", "explain", "argue", "insist", "claim", "warn",
                          "stress", "recall", "acknowledge", "confirm", "declare", "state", "report", "predict",
                          "contend", "assert", "maintain", "reply", "respond", "answer", "concede", "admit"})
_TAIL_WORDS = 3  # "…, he said on Tuesday.", "…, she told reporters."
_TAIL_DEPS = ("nsubj", "prep", "npadvmod", "advmod", "dative", "punct", "aux", "neg")


def _reporting_tail(verb, text: str, lemma: str) -> Pieces | None:
    """"…, police said." and "…, said Geert Wilders, founder of …": a report that closes its sentence
    takes what comes before the comma, also when the parse hung that part elsewhere (an adverbial clause,
    a second subject, a loose dependent)."""
    sentence, doc = verb.sent, verb.doc
    if lemma not in _TAIL_LEMMAS or any(c.lower_ == "so" for c in verb.children):
        return None  # "…, neither side would say so."
    if verb.dep_ != "ROOT" or any(c.dep_ not in _TAIL_DEPS and not (c.dep_ == "dobj" and lemma in NO_OBJECT_CONTENT)
                                  for c in verb.children if c.i > verb.i):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i > verb.i), None)
    if subject is None:  # "…, police said.": the subject stands right before the verb
        subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
        if subject is None or any(t.pos_ not in ("ADV", "AUX", "PART") for t in doc[subject.i + 1:verb.i]):
            return None
        opening = subject.left_edge.i
    else:  # "…, said Geert Wilders.": the verb opens the clause
        opening = verb.i
        while opening - 1 > sentence.start and doc[opening - 1].pos_ in ("ADV", "AUX"):
            opening -= 1
    while opening - 1 > sentence.start and doc[opening - 1].is_quote:  # "“Apparently not,“ he said."
        opening -= 1
    comma = opening - 1
    if comma < sentence.start or doc[comma].text != "," or comma == 0:
        return None
    # the sentence splitter may cut before ", he said.": the report is then the sentence before
    first = doc[comma - 1].sent.start if comma == sentence.start else sentence.start
    spoken_by = {t.i for t in subject.subtree} if subject.i > verb.i else set()
    if first == comma or sum(1 for t in doc[verb.i + 1:sentence.end]
                             if not (t.is_punct or t.is_space) and t.i not in spoken_by) > _TAIL_WORDS:
        return None  # "…, she joked about moving to New Zealand": the sentence goes on
    opener = next((t for t in doc[first:comma] if not t.is_punct), doc[first])
    if opener.pos_ in ("ADP", "ADV", "SCONJ") and not any(t.pos_ in ("VERB", "AUX") for t in doc[first:comma]):
        return None  # "In the past several weeks, the contest has clarified": no clause, no report
    return _trimmed(text, (doc[first].idx, doc[comma].idx)) or None


def _for_to(clause) -> bool:
    """"for Trump to drop out": a clause opened by "for" with an infinitive."""
    children = list(clause.children)
    return any(c.dep_ == "mark" and c.lower_ == "for" for c in children) and \
        any(c.dep_ == "aux" and c.lower_ == "to" for c in children)


def _right_after(clause, verb) -> bool:
    """The clause follows the verb with no phrase of the verb's in between ("said on CBS's …")."""
    return clause.i > verb.i and not any(c.dep_ in ("prep", "npadvmod") and verb.i < c.i < clause.left_edge.i
                                         for c in verb.children)


def _clause_before_semicolon(clause, verb, text: str) -> bool:
    """"Most voters say they are paying attention; 26 percent say they are not" and "The party has taken
    its own measures: its board passed a resolution …": the parse hangs the first clause on the second
    verb, but a semicolon or a colon ends what the second one reports."""
    between = text[_subtree_span(clause)[1]:verb.idx]
    return clause.i < verb.i and (";" in between or ":" in between)


def _object_content(verb, text: str, deps: tuple[str, ...] = ("dobj", "xcomp")) -> Pieces | None:
    """What a stance verb takes: "supported Charlie Crist", "pledged to oppose legal status"."""
    for child in verb.children:
        if child.dep_ in deps and child.i > verb.i and child.ent_type_ not in _TIMES:  # not "promised Monday"
            return _trimmed(text, _subtree_span(child))
    return None


_TIMES = ("DATE", "TIME")


def _naming_content(verb, text: str) -> Pieces | None:
    """"called the show “the conservative news show of record”": from the object to the name given."""
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    name = next((c for c in verb.children if c.dep_ in ("oprd", "xcomp", "ccomp", "attr") and c.i > verb.i), None)
    if obj is None or name is None:
        return _clause_content(verb, text)
    return _trimmed(text, (_subtree_span(obj)[0], _subtree_span(name)[1]))


def _closing_mark_kept(text: str, pieces: Pieces) -> Pieces:
    """The parser hangs a closing quotation mark on the main verb: give it back to the content."""
    if not pieces:
        return pieces
    start, end = pieces[-1]
    opened = sum(text[start:end].count(mark) for mark in "“«„") - sum(text[start:end].count(m) for m in "”»")
    if opened > 0 and end < len(text) and text[end] in "”»\"":
        return (*pieces[:-1], (start, end + 1))
    return pieces


def _is_clause_like(token) -> bool:
    subtree = list(token.subtree)
    return len(subtree) >= 6 and any(t.pos_ in ("VERB", "AUX") for t in subtree)


def _tells_to(verb) -> bool:
    """"told Bush to quiet down", "urged voters to turn out": an infinitive that reports what was said."""
    return CUE_FORMS.get(verb.lower_) in ("tell", "ask", "urge", "warn", "advise") and \
        any(c.dep_ in ("dobj", "dative") for c in verb.children)


def _is_bare_infinitive(token) -> bool:
    """"wants to go" is an intention, not a report: an xcomp with "to" and no subject of its own."""
    return token.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def _adjacent_quotation(verb, text: str, quotations: Pieces, used: set) -> Pieces | None:
    """A quotation that ends just before the cue's clause or starts just after the cue."""
    # not a "subject" inside the quotation: "“Safety for the whole country,” said Grimm"
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i
                    and not _inside_quotation(c.idx, quotations)), None)
    clause_start = _subtree_span(subject)[0] if subject is not None else verb.idx
    cue_end = max(end for _, end in _cue_pieces(verb, text))  # "telling the crowd, “…”": after whom
    for start, end in quotations:
        if (start, end) in used:
            continue
        if end <= clause_start and _QUOTE_GAP.match(text[end:clause_start]) and "\n" not in text[end:clause_start] \
                and (not _ends_sentence(text, start, end) or _bare_cue_clause(verb)):
            return ((start, end),)
        gap = text[cue_end:start]
        if start >= cue_end and _INTRO.match(gap) is not None and (len(gap) <= 3 or gap.strip() == ":"):
            return ((start, end),)  # "said “…”", and "said:" with the quotation in the next paragraph
    return None


_COLON_REACH = 40  # characters from the cue to the colon: "called them on it:", "put it:"


def _quotation_after_colon(cue, text: str, quotations: Pieces, used: set) -> Pieces | None:
    """"Vulture put it: “Hello, it's the Biebs.”": a short cue clause closed by a colon introduces the
    quotation after it."""
    end = cue.idx + len(cue.text)
    colon = text.find(":", end, min(len(text), end + _COLON_REACH))
    if colon < 0 or colon >= cue.sent.end_char or any(mark in text[end:colon] for mark in ".?!“\"”"):
        return None
    for start, stop in quotations:
        if (start, stop) not in used and colon < start and not text[colon + 1:start].strip():
            return ((start, stop),)
    return None


def _ends_sentence(text: str, start: int, end: int) -> bool:
    """“… the end.” He said: a quotation closed by a full stop is not the object of the next clause."""
    return text[start:end].rstrip("”»\"’' ").endswith(".")


def _bare_cue_clause(verb) -> bool:
    """“… are missing.” Trump said. — nothing but the speaker and the verb: the clause is the quote's cue."""
    after = [t for t in verb.doc[verb.i + 1:verb.sent.end] if not t.is_punct]
    return not after and verb.dep_ == "ROOT"


def _within_quotation(content: Pieces, position: int, quotations: Pieces, text: str) -> Pieces:
    start, end = next((q for q in quotations if q[0] < position < q[1]), (0, len(text)))
    while end > start and text[end - 1] in "”»\"’'":  # the closing marks are the quotation's, not the content's
        end -= 1
    return tuple(piece for a, b in content if a < end and b > start
                 for piece in _trimmed(text, (max(a, start), min(b, end))))


def _inside_quotation(position: int, quotations: Pieces) -> bool:
    return any(start < position < end for start, end in quotations)


def _widen_to_quotations(content: Pieces, quotations: Pieces, used: set) -> Pieces:
    """A content inside a quotation is the whole quotation, marks and following sentences included."""
    if len(content) != 1:
        return content
    start, end = content[0]
    for q_start, q_end in quotations:
        inside = q_start <= start + 2 and end - 2 <= q_end
        if inside and (q_end - q_start) >= (end - start):
            used.add((q_start, q_end))
            return ((q_start, q_end),)
    for q_start, q_end in quotations:
        if start <= q_start and q_end <= end:
            used.add((q_start, q_end))
    return content


def _cue_pieces(verb, text: str) -> Pieces:
    """The verb with its auxiliaries and particle ("has said", "pointed out"), and for "told" whom."""
    modifiers = [c for c in verb.children if c.dep_ in _CUE_MODIFIERS and abs(c.i - verb.i) <= 2]
    words = [verb, *modifiers]
    pieces = [(min(t.idx for t in words), max(t.idx + len(t.text) for t in words))]
    if verb.lower_ in ("told", "tell", "tells", "telling"):
        pieces += [_subtree_span(c) for c in verb.children if c.dep_ in ("dobj", "dative") and c.i > verb.i]
    return tuple(merge_spans(pieces))


def _source_pieces(verb, text: str) -> Pieces:
    subject = _subject_of(verb) or _inverted_subject(verb)
    if subject is not None:
        return _source_span(subject, verb, text)
    run = _subject_run_into_cue(verb)
    if not run:
        return ()
    start = max(run[0].left_edge.idx, text.rfind("\n", 0, verb.idx) + 1)
    return _trimmed(text, (start, run[-1].right_edge.idx + len(run[-1].right_edge.text)))


_MESSAGES = frozenset({"statement", "statements", "letter", "email", "e-mail", "tweet", "tweets", "message",
                       "memo", "note", "post", "release", "video", "ad", "article", "op-ed", "column"})


def _issuer(message):
    """"Black Lives Matter issued a statement saying …", "Forbes shot back in an article stating …": who
    sent the message it carries."""
    if message.lower_ not in _MESSAGES:
        return None
    sender = message.head
    if message.dep_ == "pobj" and sender.lower_ == "in":
        sender = sender.head
    elif message.dep_ != "dobj":
        return None
    return next((c for c in sender.children if c.dep_ == "nsubj"), None)


def _inverted_subject(verb):
    """"“How big is that wall?” asked the boy": right after what is reported, the parser took the
    speaker after the cue for its object (or, "said Robert Reich, who … endorsed Sanders", for the
    subject of a clause of its own)."""
    if verb.i == 0 or verb.doc[verb.i - 1].pos_ != "PUNCT":
        return None
    if not any(c.dep_ in ("ccomp", "parataxis") and c.i < verb.i for c in verb.children):
        return _named_after_opening_cue(verb)
    clause = _speaker_clause(verb)
    if clause is not None:
        return next(c for c in clause.children if c.dep_ == "nsubj")
    return next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i and c.pos_ in ("NOUN", "PROPN")), None)


def _index(token) -> int | None:
    return None if token is None else token.i


_NAME_AFTER_CUE_DEPS = ("dobj", "advmod", "npadvmod", "nsubj", "appos", "attr")


def _named_after_opening_cue(verb):
    """"“Is Trump running against the party?” asked Mr. Manafort, referring to …": the quotation is a
    sentence of its own and the next opens with the cue; the name right after the cue (parsed as its
    object, or as an adverb: "said Skelly, explaining …") is the speaker."""
    if verb.i + 1 >= len(verb.doc) or not (_opens_sentence(verb) or _right_after_quotation(verb)):
        return None
    name = verb.doc[verb.i + 1]
    while name.dep_ == "compound" and name.head.i > name.i:
        name = name.head
    if name.head.i != verb.i or name.dep_ not in _NAME_AFTER_CUE_DEPS or not name.text[:1].isupper() \
            or name.pos_ == "PRON":
        return None
    return name


def _opens_sentence(token) -> bool:
    return all(t.is_punct for t in token.sent if t.i < token.i)


_CLOSING_QUOTES = ("”", "''", '"', "’")


def _right_after_quotation(token) -> bool:
    """A closing quotation mark right before the word, or before the comma before it."""
    previous = token.i - 1
    if previous >= 1 and token.doc[previous].text == ",":
        previous -= 1
    return previous >= 0 and token.doc[previous].text in _CLOSING_QUOTES


def _speaker_clause(verb):
    """"“…,” said Robert Reich, who served as labor secretary yet endorsed Sanders": the parser made the
    speaker after the cue the subject of a clause of its own; that clause is who speaks, not what is said."""
    if verb.i == 0 or verb.doc[verb.i - 1].pos_ != "PUNCT" or \
            not any(c.dep_ in ("ccomp", "parataxis") and c.i < verb.i for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i and any(
        s.dep_ == "nsubj" and s.left_edge.i == verb.i + 1 and s.pos_ in ("NOUN", "PROPN") for s in c.children)), None)


_RUN_DEPS = ("compound", "nummod", "nmod", "npadvmod")


def _subject_run_into_cue(cue) -> list:
    """"Trump predicts …", "About 4 in 10 say …", "Federal Election Commission records show": a parse
    that made the speaker a modifier of the cue word. The modifiers right before the cue are its subject."""
    if any(c.dep_ in ("nsubjpass", "auxpass") or (c.dep_ == "aux" and c.lower_ == "to") for c in cue.children):
        return []
    run, position = [], cue.i - 1
    for child in reversed([c for c in cue.children if c.i < cue.i]):
        nominal = child.pos_ in ("PROPN", "NOUN", "NUM") or child.dep_ == "compound"  # "records" tagged a verb
        if child.right_edge.i != position or child.dep_ not in _RUN_DEPS or not nominal:
            break
        run.insert(0, child)
        position = child.left_edge.i - 1
    return run


_NO_SOURCE = ("there",)  # "it says", "that suggests", "which shows": a report or a fact can be the source


def _source_span(subject, cue, text: str) -> Pieces:
    """The subject's words; when the cue hangs inside the subject's phrase ("Trump, who said …",
    "results showing …"), the phrase without that clause."""
    if subject is None or subject.lower_ in _NO_SOURCE:
        return ()
    inside = any(t.i == cue.i for t in subject.subtree)
    start, end = _subtree_span(subject, exclude_deps=("relcl", "acl") if inside else ())
    if subject.idx < cue.idx:  # a parse run on from a headline or a timestamp line: the last line only
        start = max(start, text.rfind("\n", start, subject.idx) + 1)
    antecedent = _antecedent(subject)
    if antecedent is not None:  # "the F.B.I. report that suggested …": the report, and the word naming it
        return tuple(merge_spans([*_source_span(antecedent, cue, text), *_trimmed(text, (start, end))[:1]]))
    return _trimmed(text, (start, end))[:1]


def _antecedent(pronoun):
    """What a relative pronoun subject stands for: "the report" in "the report that suggested …"."""
    clause = pronoun.head
    if pronoun.lower_ not in ("that", "which") or pronoun.dep_ not in ("nsubj", "nsubjpass") or \
            clause.dep_ != "relcl" or clause.head.pos_ not in ("NOUN", "PROPN"):
        return None
    return clause.head


_INHERITS_SUBJECT = ("advcl", "xcomp", "conj", "pcomp", "acl", "relcl", "acomp", "aux", "auxpass", "prep")


def _subject_of(verb):
    """Who does the saying: the active subject, the agent of a passive, else the subject of the verb
    a participle or infinitive hangs from ("…, adding that", "began by saying")."""
    if _is_coordinated_cue(verb):
        reporter = next((a for a in verb.ancestors if CUE_FORMS.get(a.lower_) and a.pos_ == "VERB"), None)
        if reporter is not None and reporter.i < verb.i:  # "he says X and says Y": the first "says" speaks
            verb = reporter
    token = verb
    for _ in range(4):  # "…, adding that": advcl; "by talking about": pcomp, then its preposition
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "csubj")] or [
            c for aux in token.children if aux.dep_ in ("aux", "auxpass") and aux.i < token.i
            for c in aux.children if c.dep_ == "nsubj"]  # "Not everyone is convinced": on the auxiliary
        if subjects:  # two: "“Safety for all,” said Grimm", the quotation parsed as one; the speaker is last
            return subjects[-1]
        agent = next((c for c in token.children if c.dep_ == "agent"), None)
        if agent is not None:
            return next(iter(agent.children), None)
        passive_subject = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
        if passive_subject is not None:  # "we are being told": the subject heard it, it did not say it
            felt = token.lower_ in EXPERIENCER_FORMS or token.lower_ in _CONVINCED  # "Not everyone is convinced"
            return passive_subject if felt or _has_not_is(token, passive_subject) else None
        if _infinitive_of_object(token):  # "taking pains to emphasize": who takes the pains
            token = token.head.head
            continue
        if token.dep_ == "acl" and _point_in_time(token.head):  # "at one point calling the mayor a liar"
            token = token.head.head
            continue
        if token.dep_ in ("relcl", "acl") and token.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return _issuer(token.head) or token.head  # "Trump, who said …", "polls showing …"
        if token.dep_ == "xcomp" and token.head.dep_ == "acomp":  # "voters are more likely to say"
            token = token.head
        if token.head.i == token.i:
            return _stranded_subject(token)
        if token.dep_ not in _INHERITS_SUBJECT:
            return None
        token = token.head
    return None


def _point_in_time(noun) -> bool:
    return noun.dep_ == "pobj" and (noun.ent_type_ in _TIMES or noun.lower_ in ("point", "time", "moment"))


def _infinitive_of_object(verb) -> bool:
    """"took pains to emphasize", "was the first Democrat to endorse Sanders": who takes, who is."""
    return verb.dep_ in ("acl", "relcl") and verb.head.dep_ in ("dobj", "attr") and \
        any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


_CONVINCED = ("convinced", "persuaded", "assured")
_CLITIC_IS_OR_HAS = ("'s", "’s")
_IMPERSONAL = ("it", "this", "that")


def _has_not_is(verb, subject) -> bool:
    """"he's said the same thing", "he's said he'll fight": the parser read the "'s" as "is" (a passive);
    with a cue verb that goes on to say something, it is "has"."""
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return bool(auxiliaries) and all(a.lower_ in _CLITIC_IS_OR_HAS for a in auxiliaries) \
        and subject.lower_ not in _IMPERSONAL and CUE_FORMS.get(verb.lower_) is not None \
        and any(c.dep_ in ("dobj", "ccomp") for c in verb.children)


def _stranded_subject(verb):
    """"In a call on Dec. 2, Col. Steven Warren, a spokesman, said": the parser hung the speaker on the
    phrase before it as an apposition; the name right before the verb is its subject after all."""
    before = verb.i - 1
    while before >= verb.sent.start and verb.doc[before].pos_ in ("PUNCT", "ADV"):
        before -= 1
    if before < verb.sent.start:
        return None
    token = verb.doc[before]
    for ancestor in (token, *token.ancestors):
        if ancestor.i == verb.i:
            return None
        if ancestor.dep_ == "appos" and ancestor.pos_ == "PROPN":
            return ancestor
        if ancestor.dep_ == "appos" and ancestor.head.pos_ == "PROPN" and ancestor.head.i < ancestor.i:
            return ancestor.head  # "…, Senator Harry Reid, the minority leader, said": the name the title is of
    return None


def is_nested(attribution: FoundAttribution, others: list[FoundAttribution]) -> bool:
    """Its cue lies inside what another attribution reports: "Sims said Haley said she backed Rubio"."""
    start = attribution.cue[0][0] if attribution.cue else attribution.content[0][0]
    return any(other is not attribution and any(a <= start < b for a, b in other.content) for other in others)


def _apart_from_relative_clauses(doc, text: str, found: list[FoundAttribution]) -> list[FoundAttribution]:
    """"DeSantis said he backs a bill against accreditation bodies, which he called “a cartel”": a cue in a
    relative clause set off by a comma makes an attribution of its own, and the clause is not part of
    what the other reports."""
    clauses = [clause for clause in (_relative_clause(doc, text, a.cue[0][0]) for a in found if a.cue) if clause]
    if not clauses:
        return found
    result = []
    for attribution in found:
        for hole in clauses:
            inside = [piece for piece in attribution.content if piece[0] <= hole[0] and hole[1] <= piece[1] + 1]
            if inside and not any(a < hole[1] and hole[0] < b for a, b in attribution.cue):
                kept = [piece for piece in attribution.content if piece != inside[0]]
                content = tuple(sorted([*kept, *_without(text, inside[0], hole)]))
                if content:
                    attribution = replace(attribution, content=content)
        result.append(attribution)
    return result


_RELATIVE_WH = ("which", "who", "whom")
_CLAUSE_CLIMB = 3  # "taking pains to *emphasize*": the cue word may sit below the clause's own verb
_SET_OFF = (",", "—", "–", "--")
_OWN_CLAUSES = ("relcl",)


def _relative_clause(doc, text: str, position: int) -> tuple[int, int] | None:
    """The span from the comma (or dash) before a non-restrictive relative clause ("…, which he called …")
    to the clause's end, when the word at ``position`` belongs to it. (Adverbial clauses set off the same
    way, "…, having suggested that …", were tried: source F1 rose on one training half and fell on the other.)"""
    span = doc.char_span(position, position + 1, alignment_mode="expand")
    if span is None:
        return None
    clause = span[0]
    for _ in range(_CLAUSE_CLIMB):
        if clause.dep_ in _OWN_CLAUSES:
            break
        clause = clause.head
    if clause.dep_ not in _OWN_CLAUSES or clause.i < clause.head.i:
        return None
    start, end = _subtree_span(clause, with_mark=True)
    before = text[:start].rstrip()
    if clause.dep_ == "relcl" and doc[clause.left_edge.i].lower_ not in _RELATIVE_WH:
        return None
    mark = next((m for m in _SET_OFF if before.endswith(m)), None)
    if mark is None:
        return None
    return len(before) - len(mark), end


def top_level(attributions: list[FoundAttribution]) -> list[FoundAttribution]:
    return [a for a in attributions if not is_nested(a, attributions)]


def _not_restating(learned: list[FoundAttribution], found: list[FoundAttribution]) -> list[FoundAttribution]:
    """A learned cue whose content overlaps what the rules already attributed reads the same words a
    second time, and is dropped: when neither is nested in the other, and when each is nested in the
    other ("The Times said Cook provided a written statement": "statement" would take the whole
    sentence, "said" with it)."""
    kept = []
    for attribution in learned:
        clash = any(_overlap(attribution.content, other.content)
                    and is_nested(attribution, [other]) == is_nested(other, [attribution]) for other in found)
        if not clash:
            kept.append(attribution)
    return kept


def _overlap(first: Pieces, second: Pieces) -> bool:
    return any(a < d and c < b for a, b in first for c, d in second)


# -- cues the model finds ---------------------------------------------------------------------------

SENTENCE_WITHOUT_CUE_MARGIN = 0.08
_OBJECT_DEPS = ("dobj", "xcomp", "ccomp", "attr", "oprd", "acomp", "acl", "relcl", "pcomp")
# a cue word hanging from another cue word by one of these is a report of its own ("denounced the
# remarks and warned of …"), not part of the other's cue ("called for", "criticism of")
_OWN_REPORT_DEPS = ("conj", "advcl", "ccomp", "parataxis", "relcl")
_CONTENT_PREPOSITIONS = ("about", "for", "on", "of", "to", "against", "with", "over", "that", "as", "at")
_SOURCE_PREPOSITIONS = ("by", "from")


def _from_learned_cues(doc, text: str, model: CueModel, quotations: Pieces, used: set,
                       found: list[FoundAttribution]) -> list[FoundAttribution]:
    """Attributions around the words the cue model scores as cues, where the rules found none."""
    claimed = [piece for attribution in found for piece in attribution.cue]
    index = QuotationIndex(quotations)
    cues = set()
    for sentence in doc.sents:
        scored = []
        for token in sentence:
            if not is_candidate(token):
                continue
            start, end = token.idx, token.idx + len(token.text)
            if any(a < end and start < b for a, b in claimed):
                scored = None  # the rules found a cue in this sentence
                break
            scored.append((model.probability(cue_features(token, index, False)), token.i))
        if scored is None:
            for token in sentence:
                start, end = token.idx, token.idx + len(token.text)
                if is_candidate(token) and not any(a < end and start < b for a, b in claimed) and \
                        model.probability(cue_features(token, index, False)) >= model.threshold:
                    cues.add(token.i)
            continue
        cues.update(i for p, i in scored if p >= model.threshold)
        best = max(scored, default=None)
        if best is not None and best[0] >= model.threshold - SENTENCE_WITHOUT_CUE_MARGIN:
            cues.add(best[1])  # a sentence with no cue yet: its likeliest word, if nearly likely enough
    learned = []
    for i in sorted(cues):
        token = doc[i]
        if token.head.i in cues and token.head.i != i and token.dep_ not in _OWN_REPORT_DEPS:
            continue  # part of its head's cue: "called for", "criticism of"
        if any(_touches_pieces(doc[j], claimed) for j in (i - 1, i + 1) if 0 <= j < len(doc)):
            continue  # the rest of a cue the rules found: the colon of "said:"
        if _that_said(token):
            continue
        if token.pos_ == "ADP" and token.head.i not in cues:
            continue  # "second-guessing about his schedule": a preposition alone cues nothing
        attribution = _around_learned_cue(token, text, quotations, used, cues)
        if attribution is not None:
            learned.append(attribution)
    return learned


def _touches_pieces(token, pieces) -> bool:
    start, end = token.idx, token.idx + len(token.text)
    return any(a < end and start < b for a, b in pieces)


_LEANING_ON_HEAD = ("aux", "auxpass", "neg", "amod", "advmod")


def _around_learned_cue(word, text: str, quotations: Pieces, used: set, cues: set) -> FoundAttribution | None:
    # "is expected", "did not", "repeated accusations": the word leans on its head, which takes the
    # content and the source
    cue = word.head if word.dep_ in _LEANING_ON_HEAD and word.head.pos_ in ("VERB", "AUX", "NOUN") else word
    felt = _felt(cue, text)
    if felt is not None:
        content, source = felt
        cue_pieces = tuple(merge_spans([*_cue_pieces(cue, text), (word.idx, word.idx + len(word.text))]))
        return FoundAttribution(content, cue_pieces, source, kind="indirect", origin="learned")
    governor = _governing_verb(cue)
    content = (_quotation_after_colon(cue, text, quotations, used)
               or _clause_content(cue, text) or _through_light_object(cue, text) or _past_addressee(cue, text)
               or _object_content(cue, text, _OBJECT_DEPS)
               or _prepositional_content(cue, text) or _adjacent_quotation(cue, text, quotations, used))
    if not content and governor is not cue:
        content = _clause_content(governor, text) or _adjacent_quotation(governor, text, quotations, used)
    parts = [t for t in cue.children if t.i in cues and t.dep_ not in _OWN_REPORT_DEPS]
    for part in parts:  # "voiced criticism of the deal": what the noun takes
        content = _prepositional_content(part, text) or content
    if not content:
        if not _learned_source(cue, governor, text):
            return None
        sentence = (cue.sent.start_char, cue.sent.end_char)
        content = _without(text, sentence, _subtree_span(cue))
    if not content:
        return None
    if not _inside_quotation(cue.idx, quotations):
        content = _widen_to_quotations(content, quotations, used)
    words = [word, cue, *parts]
    cue_pieces = tuple(merge_spans([*(_cue_pieces(cue, text)), *((t.idx, t.idx + len(t.text)) for t in words)]))
    return FoundAttribution(content, cue_pieces, _learned_source(cue, governor, text), kind="indirect",
                            origin="learned")


_RELATIVE_PRONOUNS = ("which", "who", "that")


def _felt(verb, text: str) -> tuple[Pieces, Pieces] | None:
    """"The move has angered some Democrats", "Neither man was impressed by Mrs. Clinton": with a verb of
    feeling, who feels is the source and what they feel it about the content (content, source)."""
    if verb.lower_ not in EXPERIENCER_FORMS or verb.pos_ not in ("VERB", "ADJ"):
        return None
    felt_by = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    cause = next((g for c in verb.children if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")
                  for g in c.children if g.dep_ == "pobj"), None)
    if cause is not None and felt_by is None:  # "was impressed by Mrs. Clinton", "Schlafly, angered by …"
        feeler = next((c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj")), None)
        if feeler is None and verb.dep_ == "acl":
            feeler = verb.head
        source = _source_span(feeler, verb, text) if feeler is not None else ()
        return _trimmed(text, _subtree_span(cause)), source
    if felt_by is None or passive:
        return None
    cause = next((c for c in verb.children if c.dep_ in ("nsubj", "csubj")), None)
    if verb.dep_ in ("relcl", "acl") and (cause is None or cause.lower_ in _RELATIVE_PRONOUNS):
        cause = verb.head  # "her position, which has angered conservative Jews"
    if cause is None:
        return None
    return _source_span(cause, verb, text), _trimmed(text, _subtree_span(felt_by))


_LIGHT_OBJECT_TOKENS = 3


def _through_light_object(cue, text: str) -> Pieces | None:
    """"took a shot at Clinton", "offered his condolences for the attack", "negotiated a deal to buy the
    site": a short common-noun object is part of the cue; what its preposition (or the infinitive after
    it) takes is the content."""
    obj = next((c for c in cue.children if c.dep_ == "dobj" and c.i > cue.i), None)
    if obj is None or obj.pos_ != "NOUN" or obj.ent_type_ or _words_but_times(obj) > _LIGHT_OBJECT_TOKENS:
        return None
    return _prepositional_content(obj, text) or \
        _prepositional_content(cue, text, after=obj.i, deps=("prep", "dative")) or _infinitive_after(cue, obj, text)


def _words_but_times(phrase) -> int:
    """"a halting response on Tuesday": the phrase's words, not counting when."""
    return sum(1 for t in phrase.subtree if t.ent_type_ not in _TIMES and not (
        t.dep_ == "prep" and any(c.ent_type_ in _TIMES for c in t.children)))


def _infinitive_after(cue, obj, text: str) -> Pieces | None:
    for clause in (*obj.children, *cue.children):
        if clause.dep_ in ("advcl", "acl", "xcomp") and clause.i > obj.i and \
                any(c.dep_ == "aux" and c.lower_ == "to" and c.i < clause.i for c in clause.children):
            return _trimmed(text, _subtree_span(clause, with_mark=True))
    return None


_ADDRESSED_PRONOUNS = ("him", "her", "them", "me", "us", "you")
_REFLEXIVES = ("himself", "herself", "themselves", "itself", "myself", "ourselves", "yourself")
_DESCRIBED = (*_REFLEXIVES, "it")
_COMPLEMENTS = ("xcomp", "oprd", "ccomp")


def _past_addressee(cue, text: str) -> Pieces | None:
    """"asked Trump about his statements", "pressed her on the emails", "called Braynard “a smart guy”",
    "framed herself as the Plan B": the person is who was addressed or described; what follows is what
    was said."""
    obj = next((c for c in cue.children if c.dep_ == "dobj" and c.i > cue.i), None)
    if obj is None or not (obj.ent_type_ == "PERSON" or obj.lower_ in _ADDRESSED_PRONOUNS + _DESCRIBED):
        return None
    complement = next((c for c in cue.children if c.dep_ in _COMPLEMENTS and c.i > obj.i), None)
    if complement is not None:
        return _trimmed(text, _subtree_span(complement))
    reflexive = obj.lower_ in _REFLEXIVES  # "distanced himself from Bush": not who said it
    return _prepositional_content(cue, text, after=obj.i, also=("from",) if reflexive else ())


def _prepositional_content(cue, text: str, after: int | None = None, also: tuple = (),
                           deps: tuple = ("prep",)) -> Pieces | None:
    """"worried about the economy", "called for a ban", "criticism of the deal": what the preposition takes
    (not a time: "bragging for a year about …")."""
    for child in cue.children:
        if child.dep_ in deps and child.lower_ in (*_CONTENT_PREPOSITIONS, *also) and child.i > (after or cue.i):
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objects and child.lower_ in ("at", "on") and _venue(objects[0]):
                continue  # "posted on Facebook", "spoke at the Democratic National Convention": where, not what
            if objects and objects[0].ent_type_ not in _TIMES:
                return _trimmed(text, _subtree_span(objects[0]))
    return None


_VENUES = ("GPE", "LOC", "FAC", "EVENT", "ORG")


def _venue(phrase) -> bool:
    return phrase.ent_type_ in _VENUES or phrase.lower_ == "media"


def _governing_verb(token):
    """The verb a noun or preposition cue belongs to: "voiced *criticism*", "*in* a statement, she wrote"."""
    current = token
    for _ in range(3):
        if current.pos_ in ("VERB", "AUX") or current.head.i == current.i:
            return current
        current = current.head
    return current


def _learned_source(cue, governor, text: str) -> Pieces:
    for child in cue.children:
        if child.dep_ == "poss":  # "Trump's criticism"
            return _trimmed(text, _subtree_span(child))
        if child.dep_ == "prep" and child.lower_ in _SOURCE_PREPOSITIONS and not _reflexive_object(cue) \
                and not _active_subject(cue):  # "He raised money from small donors": he raised it
            objects = [c for c in child.children if c.dep_ == "pobj" and not _measure_or_place(c)]
            if objects:
                return _trimmed(text, _subtree_span(objects[0]))
    verb = cue if cue.pos_ in ("VERB", "AUX", "ADJ") else governor
    if verb.lower_ in _RAISING or _impersonal_it(verb):
        return ()  # "Trump seemed to …": the subject is part of what is reported, nobody reports it
    return _source_pieces(verb, text)


def _active_subject(verb) -> bool:
    return verb.pos_ in ("VERB", "AUX") and any(c.dep_ == "nsubj" for c in verb.children)


def _impersonal_it(verb) -> bool:
    """"It is far from certain that …", "it's impossible to talk about …": nobody holds the view."""
    subject = _subject_of(verb)
    return subject is not None and subject.lower_ == "it" and \
        any(c.dep_ == "acomp" for c in subject.head.children)


_NOT_SPEAKERS = ("PERCENT", "QUANTITY", "CARDINAL", "MONEY", "GPE", "LOC", "FAC", "DATE", "TIME")


def _measure_or_place(phrase) -> bool:
    """"back him by almost 20 points", "shouted from Pennsylvania Avenue": no one who says anything."""
    return any(t.like_num or t.ent_type_ in _NOT_SPEAKERS for t in phrase.subtree)


def _reflexive_object(verb) -> bool:
    return any(c.dep_ == "dobj" and c.lower_ in _REFLEXIVES for c in verb.children)


_RAISING = ("seem", "seems", "seemed", "seeming", "appear", "appears", "appeared", "appearing")


# -- "according to X" ---------------------------------------------------------------------------

def _from_according_to(token, text: str, quotations: Pieces) -> FoundAttribution | None:
    if token.lower_ != "according" or token.i + 1 >= len(token.doc) or token.doc[token.i + 1].lower_ != "to":
        return None
    if _inside_quotation(token.idx, quotations):
        return None  # "“… exactly according to the way we are supposed to,” she said": quoted, not quoting
    to = token.doc[token.i + 1]
    objects = [c for c in list(to.children) + list(token.children) if c.dep_ == "pobj"]
    if not objects:
        return None
    source = _trimmed(text, _subtree_span(objects[0]))
    phrase = (token.idx, source[0][1])
    sentence = (token.sent.start_char, token.sent.end_char)
    content = _without(text, sentence, phrase)
    if not content:
        return None
    return FoundAttribution(content, ((token.idx, to.idx + len(to.text)),), source, kind="indirect",
                            origin="according_to")


_POLLS = frozenset({"poll", "polls", "survey", "surveys", "study", "studies"})


def _from_in_a_poll(token, text: str, quotations: Pieces) -> FoundAttribution | None:
    """"In a national CNN/ORC poll released Monday, 31% of Republicans said …": the poll reports the
    sentence (as with "according to")."""
    if token.lower_ != "in" or not _opens_sentence(token) or _inside_quotation(token.idx, quotations):
        return None
    poll = next((c for c in token.children if c.dep_ == "pobj" and c.lower_ in _POLLS), None)
    if poll is None:
        return None
    source = _trimmed(text, _subtree_span(poll))
    after = token.right_edge.i + 1
    if not source or after >= len(token.doc) or token.doc[after].text != ",":
        return None
    last = next(t for t in reversed(token.sent) if not t.is_punct or t.i <= after)
    content = _trimmed(text, (token.doc[after].idx + 1, last.idx + len(last.text)))
    if not content:
        return None
    return FoundAttribution(content, ((token.idx, token.idx + len(token.text)),), source, kind="indirect",
                            origin="poll")


def _from_poll_phrase(token, text: str, quotations: Pieces) -> FoundAttribution | None:
    """"He fell to 10 percent in the latest CNN/ORC poll", "Clinton's lead in a CBS News poll has evaporated":
    the poll reports the clause (or the noun phrase) its "in" hangs from."""
    if token.lower_ != "in" or _opens_sentence(token) or _inside_quotation(token.idx, quotations):
        return None
    poll = next((c for c in token.children if c.dep_ == "pobj"), None)
    if poll is None or not (poll.lower_ in _POLLS or (poll.lower_ == "average" and any(
            t.lower_ in _POLLS for t in poll.subtree))) or not _named_poll(poll):
        return None
    head = token.head
    if head.pos_ == "NOUN" and head.dep_ == "dobj":  # "Trump has a decisive lead in a Fox poll"
        head = head.head
    if not (head.pos_ in ("VERB", "AUX") or head.pos_ == "NOUN" and head.dep_ == "nsubj") or \
            any(CUE_FORMS.get(t.lower_) for t in (head, *head.ancestors)):
        return None  # "voters said in a poll": the verb reports, the poll is where
    start, end = _subtree_span(head)
    subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and subject.i < head.i:  # "In the fall of 2007, Clinton held …": from the subject
        start = subject.left_edge.idx
    content = _without(text, (start, end), _subtree_span(token))
    if not content:
        return None
    return FoundAttribution(content, ((token.idx, token.idx + len(token.text)),),
                            _trimmed(text, _subtree_span(poll, exclude_deps=("appos",))), kind="indirect",
                            origin="poll")


def _named_poll(poll) -> bool:
    """"a CNN national poll", "the latest NBC News/Wall Street Journal poll", "the same poll": one poll
    that can be looked up, not the polls in general ("slid in the polls")."""
    return any(c.dep_ in ("compound", "nmod") or c.pos_ == "PROPN" or c.lower_ in ("a", "an", "same")
               or c.dep_ == "prep" and c.lower_ == "of" for c in poll.children)


# -- "Trump: I'm the worst thing that ever happened to the establishment" ------------------------

_HEADLINE = re.compile(r"^(?P<source>[A-Z][^:\n]{1,40}):[ \t]+(?P<content>[^\n]{8,})$", re.MULTILINE)
_HEADLINE_SOURCE_WORDS = 5
# a named source may open a paragraph ("HUFFPOLLSTER: …"), but after a common noun a paragraph of more
# than one sentence is under a label ("Superdelegates: Clinton is backed by 520 … Sanders supporters have
# …"), and the attributions inside it are its own
_SENTENCE_BREAK = re.compile(r"[.?!][\"”’']?\s+[\"“‘']?[A-Z]")


def _headline_attributions(doc, text: str) -> list[FoundAttribution]:
    """A line that opens with a name and a colon gives that name's words (the headline convention)."""
    found = []
    for match in _HEADLINE.finditer(text):
        source = match.span("source")
        span = doc.char_span(*source, alignment_mode="expand")
        if span is None or len(span) > _HEADLINE_SOURCE_WORDS or any(t.pos_ in ("VERB", "AUX") for t in span):
            continue
        content = _trimmed(text, match.span("content"))
        if content and (any(t.pos_ == "PROPN" for t in span) or not _SENTENCE_BREAK.search(text, *content[0])):
            colon = match.end("source")
            found.append(FoundAttribution(content, ((colon, colon + 1),), (source,), kind="indirect",
                                          origin="headline"))
    return found


# "Editor's note: …", "The Latest: …", "UPDATE: …", "Follow her on Twitter: …": a label the newsroom
# puts before a line, not anyone who says it
_NEWSROOM_LABEL = re.compile(
    r"(?:editor[’'`]?s[’']? note|note|notes|corrections?|clarification|update[sd]?|[\w ]{0,30} update|"
    r"the latest|latest|related|related coverage|read more|more|see also|watch|video|photos?|listen|"
    r"breaking|breaking news|live|live updates|exclusive|follow [^:]{1,40} on (?:twitter|facebook|instagram))",
    re.IGNORECASE)


def _is_newsroom_label(source: Pieces, text: str) -> bool:
    return len(source) == 1 and _NEWSROOM_LABEL.fullmatch(text[source[0][0]:source[0][1]].strip()) is not None


# -- quotations that go on from an attributed one ------------------------------------------------

def _with_continued_quotes(found: list[FoundAttribution], quotations: Pieces, used: set,
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
              and not (a.cue and _inside_quotation(a.cue[0][0], quotations))]
    return before[-1] if before else None


def _same_paragraph_or_next(text: str, stop: int, start: int) -> bool:
    between = text[stop:start]
    return between.count("\n\n") <= 1 and len(between) < 400 and not re.search(r"[\"“”]|''", between)


_SPEAKER_AFTER_QUOTE = re.compile(r"[,?!…]\s*(?:''|[”»\"])\s*,?\s+(?P<source>[^“”«»\"\n]{2,120}?)[\s,]*$")
_SPEAKER_WORDS = 16


def _speaker_after_quotation(attribution: FoundAttribution, text: str) -> FoundAttribution:
    """“…,” Brent Bozell III, founder of the Media Research Center, tells …: a parse that ran the name
    into the quotation gives it back as the source."""
    if attribution.source or not attribution.cue:
        return attribution
    start, end = attribution.content[-1]
    cue_start = attribution.cue[0][0]
    if not 0 <= cue_start - end <= 3:
        return attribution
    match = _SPEAKER_AFTER_QUOTE.search(text, start, end)
    if match is None or len(match.group("source").split()) > _SPEAKER_WORDS:
        return attribution
    source = _trimmed(text, match.span("source"))
    content = (*attribution.content[:-1], (start, match.start("source")))
    content = tuple(piece for part in content for piece in _trimmed(text, part))
    return replace(attribution, content=content, source=source)


# -- resolving: kind, speaker, date ---------------------------------------------------------------

def _resolved(attribution: FoundAttribution, entities: ArticleEntities, quotations: Pieces, dates: tuple,
              doc) -> FoundAttribution:
    kind = _kind(attribution.content, quotations)
    chain = attribution.speaker_chain
    if chain is None and attribution.source:
        chain = _speaker_chain(attribution.source, entities, text_of(doc))
    spoken_on = attribution.spoken_on or _spoken_on(attribution, dates, doc)
    return replace(attribution, kind=kind, speaker_chain=chain, spoken_on=spoken_on)


def _kind(content: Pieces, quotations: Pieces) -> str:
    total = sum(end - start for start, end in content)
    quoted = sum(max(0, min(end, q_end) - max(start, q_start))
                 for start, end in content for q_start, q_end in quotations)
    if quoted >= 0.9 * total:
        return "direct"
    return "mixed" if quoted > 0 else "indirect"


def _speaker_chain(source: Pieces, entities: ArticleEntities, text: str) -> int | None:
    """The chain of the person or body named in the source: its head mention, people first."""
    start, end = source[0][0], source[-1][1]
    inside = [m for m in entities.mentions if start <= m.start and m.end <= end and not _modifier(m, text, end)]
    people = [m for m in inside if m.label == "PERSON"]
    chosen = (people or inside)
    return chosen[-1].chain if chosen else None


_MODIFIED_AFTER = re.compile(r"\s*(?:['’]s\b|[a-z])")
_MODIFIER_BEFORE = re.compile(r"\b(?:for|of|with|to|by|from|at|on|behind|against)\s+$")


def _modifier(mention, text: str, source_end: int) -> bool:
    """A name in the source that is not who speaks: "a Donald Trump supporter", "Hillary Clinton's
    campaign", "a spokesman for Hillary Clinton"."""
    after = _MODIFIED_AFTER.match(text, mention.end, source_end)
    return after is not None or _MODIFIER_BEFORE.search(text[max(0, mention.start - 12):mention.start]) is not None


def _spoken_on(attribution: FoundAttribution, dates: tuple, doc) -> str | None:
    """A date that modifies the cue: "On December 21, Putin said …", "told reporters on Thursday"; not a
    date elsewhere in the sentence ("she backs the 2010 Dodd-Frank law")."""
    if not attribution.cue:
        return None
    for date in dates:
        in_content = any(s <= date.start < e for s, e in attribution.content)
        if not in_content and date.kind == "DATE" and re.match(r"\d{4}|XXXX", date.value) \
                and _modifies(doc, date, attribution.cue):
            return date.value
    return None


def _modifies(doc, date, cue: Pieces) -> bool:
    """The first word above the date, past prepositions and the occasion they take ("on Thursday",
    "at Monday's rally", "in a statement Sunday"), is part of the cue."""
    span = doc.char_span(date.start, date.end, alignment_mode="expand")
    if span is None:
        return False
    for token in span.root.ancestors:
        if token.pos_ != "ADP" and token.dep_ != "pobj":
            return any(a <= token.idx < b for a, b in cue)
    return False


# -- spans --------------------------------------------------------------------------------------

def _subtree_span(token, with_mark: bool = False, exclude_deps: tuple = ()) -> tuple[int, int]:
    tokens = _run_around(token, [t for t in token.subtree if not any(
        a.dep_ in exclude_deps and a.head.i == token.i for a in [t, *t.ancestors] if a.i != token.i)]) \
        if exclude_deps else list(token.subtree)
    if not with_mark:
        tokens = [t for t in tokens if not (t.dep_ == "mark" and t.head.i == token.i and t.i == tokens[0].i)] or tokens
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    return start, end


def _run_around(token, kept: list) -> list:
    """Of the ``kept`` tokens, the unbroken run through ``token``: "Schlafly, angered by …, founded" keeps
    "Schlafly", not the comma after the clause left out."""
    positions = {t.i for t in kept}
    first = last = token.i
    while first - 1 in positions:
        first -= 1
    while last + 1 in positions:
        last += 1
    return [t for t in kept if first <= t.i <= last]


def _trimmed(text: str, span: tuple[int, int]) -> Pieces:
    start, end = span
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return ((start, end),) if end > start else ()


def _without(text: str, outer: tuple[int, int], hole: tuple[int, int]) -> Pieces:
    """``outer`` with ``hole`` cut out: "The economy, he said, is strong" → two pieces."""
    pieces = _trimmed(text, (outer[0], min(hole[0], outer[1]))) + _trimmed(text, (max(hole[1], outer[0]), outer[1]))
    return tuple(p for p in pieces if len(re.findall(r"\w+", text[p[0]:p[1]])) >= 2)


def merge_spans(pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans joined where they touch or are one character apart."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(pieces):
        if merged and start <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _without_overlaps(found: list[FoundAttribution]) -> list[FoundAttribution]:
    """Two cues claiming the same content ("said … adding"): the first, outermost one is kept."""
    kept: list[FoundAttribution] = []
    for attribution in found:
        start, end = attribution.content[0][0], attribution.content[-1][1]
        clash = next((k for k in kept if k.content[0][0] == start and k.content[-1][1] == end), None)
        if clash is None:
            kept.append(attribution)
    return kept
