"""The rule tables of attribution (data): cue words and every word set, dependency label, pattern and limit
the steps of ``nlp/attributions`` read.

First the verbs of saying, reporting and believing, and their inflected forms; then, under a heading per
step, the tables that step reads.
"""

from __future__ import annotations

import re

# -- verbs of saying ------------------------------------------------------------------------------

# Lemmas of verbs that introduce what someone said, wrote, found or holds to be true.
# Left out on purpose, measured on the PolNeAR training split: "think", "know", "believe", "hope", "feel",
# "find", "want" (mostly "I think", "you know": attributions less than a third of the time there).
SPEECH_VERBS = (
    "say", "tell", "add", "write", "ask", "note", "report", "announce", "suggest", "show", "tweet",
    "describe", "argue", "explain", "acknowledge", "declare", "insist", "claim",
    "state", "warn", "stress", "emphasize", "emphasise", "admit", "confirm", "deny", "reply", "respond",
    "answer", "predict", "estimate", "conclude", "recall", "contend", "assert", "maintain", "complain",
    "urge", "vow", "promise", "pledge", "indicate", "reveal", "disclose", "allege", "concede", "agree",
    "observe", "comment", "remark", "mention", "repeat", "reiterate", "testify", "accuse",
    "fear", "expect", "signal", "caution", "speculate", "recommend", "propose", "demand",
    "threaten", "boast", "joke", "quip", "continue", "post", "proclaim", "inform", "assure", "advise",
    "underline", "underscore", "point", "tout", "concur", "counter", "retort", "question", "wonder",
    "charge", "lament", "assume", "guess", "figure", "reckon", "worry", "doubt",
    "criticize", "criticise", "praise", "blame", "call", "specify", "clarify",
)

# Verbs of stance: what they take as object is the attributed content ("Pate supported Crist",
# "Cruz pledged to oppose legal status"). PARC and PolNeAR count these as attributions too.
# "want", "seek", "reject", "thank", "offer", "defend", "attack" are left out: on the training split
# they were attributions less than a third of the time.
STANCE_VERBS = (
    "support", "prefer", "back", "praise", "pledge", "endorse", "oppose", "criticize", "criticise",
    "mock", "refuse", "plan", "intend", "vow", "urge", "favor", "favour", "accuse", "blame",
    "welcome", "condemn", "applaud", "dismiss", "question", "doubt", "demand", "promise",
    "slam", "blast", "hail", "decline", "propose", "threaten", "acknowledge",
)
# Verbs that name what their object is: "called the show “the conservative news show of record”".
NAMING_VERBS = ("call", "describe", "label", "brand", "dub", "term", "characterize", "characterise")

# Verbs of feeling whose object is who feels: "the move angered Democrats", "Reid, alarmed by the unrest".
# PARC and PolNeAR make the one who feels the source and what they feel about the content. "Concern" and
# "interest" are left out: their objects are mostly topics ("the case concerns emails").
EXPERIENCER_VERBS = (
    "worry", "rattle", "anger", "frustrate", "alarm", "trouble", "bother", "impress", "please",
    "surprise", "shock", "disappoint", "annoy", "irritate", "alienate", "offend", "scare", "frighten",
    "terrify", "enrage", "infuriate", "dismay", "delight", "disturb", "embarrass", "unnerve", "spook",
    "disgust", "outrage", "puzzle", "baffle", "stun", "appall", "amaze", "irk", "vex", "satisfy", "thrill",
    "intrigue", "horrify", "exasperate", "sadden", "upset",
)

# Verbs whose past tense or participle is not lemma + (e)d.
IRREGULAR = {
    "say": ("said",), "tell": ("told",), "write": ("wrote", "written"), "think": ("thought",),
    "find": ("found",), "show": ("showed", "shown"), "know": ("knew", "known"), "feel": ("felt",),
    "hold": ("held",), "understand": ("understood",), "speak": ("spoke", "spoken"),
    "seek": ("sought",), "offer": ("offered",), "back": ("backed",), "slam": ("slammed",),
    "upset": ("upset",),
}
# Particles that belong to the cue ("point out").
CUE_PARTICLES = {"point": "out", "add": None}
# Verbs whose bare object is no content of its own ("told him", "asked a question").
NO_OBJECT_CONTENT = frozenset({"tell", "ask", "add", "call", "write", "post", "continue", "answer"})

# Verbs that double their last consonant before -ed and -ing ("planned", "quipping").
DOUBLED = frozenset({"admit", "commit", "regret", "plan", "stop", "quip", "refer", "slam", "dub", "prefer",
                     "stun", "upset"})


def inflections(lemma: str) -> set[str]:
    """The forms a regular English verb takes: says, said, saying (irregular ones from the table)."""
    forms = {lemma, *IRREGULAR.get(lemma, ())}
    forms.add(lemma + "es" if lemma.endswith(("s", "sh", "ch", "x", "z", "o")) else
              lemma[:-1] + "ies" if lemma.endswith("y") and lemma[-2] not in "aeiou" else lemma + "s")
    if lemma not in IRREGULAR:
        forms.add(_past(lemma))
    forms.add(_present_participle(lemma))
    return forms


def _past(lemma: str) -> str:
    if lemma.endswith("e"):
        return lemma + "d"
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ied"
    if lemma in DOUBLED:
        return lemma + lemma[-1] + "ed"
    return lemma + "ed"


def _present_participle(lemma: str) -> str:
    if lemma.endswith("ie"):
        return lemma[:-2] + "ying"
    if lemma.endswith("e") and not lemma.endswith(("ee", "ye", "oe")):
        return lemma[:-1] + "ing"
    if lemma in DOUBLED:
        return lemma + lemma[-1] + "ing"
    return lemma + "ing"


CUE_FORMS: dict[str, str] = {form: lemma for lemma in (*STANCE_VERBS, *NAMING_VERBS, *SPEECH_VERBS)
                             for form in inflections(lemma)}
STANCE = frozenset(STANCE_VERBS) - frozenset(SPEECH_VERBS)
NAMING = frozenset(NAMING_VERBS)
EXPERIENCER_FORMS = frozenset(form for lemma in EXPERIENCER_VERBS for form in inflections(lemma))


# -- spans: what a cue and a span's edges are (attributions/spans.py) -----------------------------

CUE_MODIFIERS = ("aux", "auxpass", "neg", "prt")
EDGE = " \t\n,;:—–-"

# -- verbs of saying and their content (attributions/cue_verbs.py) --------------------------------

CONTENT_DEPS = ("ccomp", "xcomp", "dep", "parataxis")
PARENTHETICAL_TOKENS = 8
MIN_CONTENT_WORDS = 2
MAKE = frozenset({"make", "makes", "made", "making"})
PLAIN = frozenset({"clear", "plain", "known"})
ASKING = ("ask", "wonder", "question")
# verbs that close a sentence with "…, he said." ("continued", "asks" there report nothing)
TAIL_LEMMAS = frozenset({"say", "tell", "add", "write", "note", "explain", "argue", "insist", "claim", "warn",
                         "stress", "recall", "acknowledge", "confirm", "declare", "state", "report", "predict",
                         "contend", "assert", "maintain", "reply", "respond", "answer", "concede", "admit"})
TAIL_WORDS = 3  # "…, he said on Tuesday.", "…, she told reporters."
TAIL_DEPS = ("nsubj", "prep", "npadvmod", "advmod", "dative", "punct", "aux", "neg")
TIMES = ("DATE", "TIME")

# -- quotations beside a cue (attributions/quotations.py) -----------------------------------------

QUOTE_GAP = re.compile(r"^[\s,.;:—–-]*$")
INTRO = re.compile(r"^[\s,:—–-]*$")
COLON_REACH = 40  # characters from the cue to the colon: "called them on it:", "put it:"

# -- two reports in one sentence (attributions/coordinated.py) ------------------------------------

COORDINATION = re.compile(r"[\s,;]*(?:\b(?:and|but|while|then|also)\b[\s,;]*)*$")
CONTRASTING = frozenset({"while", "whereas", "though", "although"})

# -- who speaks (attributions/sources.py) ---------------------------------------------------------

MESSAGES = frozenset({"statement", "statements", "letter", "email", "e-mail", "tweet", "tweets", "message",
                      "memo", "note", "post", "release", "video", "ad", "article", "op-ed", "column"})
NAME_AFTER_CUE_DEPS = ("dobj", "advmod", "npadvmod", "nsubj", "appos", "attr")
CLOSING_QUOTES = ("”", "''", '"', "’")
RUN_DEPS = ("compound", "nummod", "nmod", "npadvmod")
NO_SOURCE = ("there",)  # "it says", "that suggests", "which shows": a report or a fact can be the source
INHERITS_SUBJECT = ("advcl", "xcomp", "conj", "pcomp", "acl", "relcl", "acomp", "aux", "auxpass", "prep")
CONVINCED = ("convinced", "persuaded", "assured")
CLITIC_IS_OR_HAS = ("'s", "’s")
IMPERSONAL = ("it", "this", "that")

# -- cues the model finds (attributions/learned.py) -----------------------------------------------

SENTENCE_WITHOUT_CUE_MARGIN = 0.08
OBJECT_DEPS = ("dobj", "xcomp", "ccomp", "attr", "oprd", "acomp", "acl", "relcl", "pcomp")
# a cue word hanging from another cue word by one of these is a report of its own ("denounced the
# remarks and warned of …"), not part of the other's cue ("called for", "criticism of")
OWN_REPORT_DEPS = ("conj", "advcl", "ccomp", "parataxis", "relcl")
CONTENT_PREPOSITIONS = ("about", "for", "on", "of", "to", "against", "with", "over", "that", "as", "at")
SOURCE_PREPOSITIONS = ("by", "from")
LEANING_ON_HEAD = ("aux", "auxpass", "neg", "amod", "advmod")
RELATIVE_PRONOUNS = ("which", "who", "that")
LIGHT_OBJECT_TOKENS = 3
ADDRESSED_PRONOUNS = ("him", "her", "them", "me", "us", "you")
REFLEXIVES = ("himself", "herself", "themselves", "itself", "myself", "ourselves", "yourself")
DESCRIBED = (*REFLEXIVES, "it")
COMPLEMENTS = ("xcomp", "oprd", "ccomp")
VENUES = ("GPE", "LOC", "FAC", "EVENT", "ORG")
NOT_SPEAKERS = ("PERCENT", "QUANTITY", "CARDINAL", "MONEY", "GPE", "LOC", "FAC", "DATE", "TIME")
RAISING = ("seem", "seems", "seemed", "seeming", "appear", "appears", "appeared", "appearing")

# -- "according to X" and polls (attributions/according_to.py) ------------------------------------

POLLS = frozenset({"poll", "polls", "survey", "surveys", "study", "studies"})

# -- headlines (attributions/headlines.py) --------------------------------------------------------

LINE = re.compile(r"[^\n]+")
WORD_IN_LINE = re.compile(r"[^\W\d_][\w’'-]*")
MIN_TITLE_WORDS = 3
MAX_TITLE_CHARS = 200
MINOR_WORD_LETTERS = 3  # "a", "of", "and", "the" may stay lower case in a title; longer words may not
HEADLINE = re.compile(r"^(?P<source>[A-Z][^:\n]{1,40}):[ \t]+(?P<content>[^\n]{8,})$", re.MULTILINE)
HEADLINE_SOURCE_WORDS = 5
# a named source may open a paragraph ("HUFFPOLLSTER: …"), but after a common noun a paragraph of more
# than one sentence is under a label ("Superdelegates: Clinton is backed by 520 … Sanders supporters have
# …"), and the attributions inside it are its own
SENTENCE_BREAK = re.compile(r"[.?!][\"”’']?\s+[\"“‘']?[A-Z]")
# "Editor's note: …", "The Latest: …", "UPDATE: …", "Follow her on Twitter: …": a label the newsroom
# puts before a line, not anyone who says it
NEWSROOM_LABEL = re.compile(
    r"(?:editor[’'`]?s[’']? note|note|notes|corrections?|clarification|update[sd]?|[\w ]{0,30} update|"
    r"the latest|latest|related|related coverage|read more|more|see also|watch|video|photos?|listen|"
    r"breaking|breaking news|live|live updates|exclusive|follow [^:]{1,40} on (?:twitter|facebook|instagram))",
    re.IGNORECASE)

# -- quotations that go on from an attributed one (attributions/continued.py) ----------------------

SPEAKER_AFTER_QUOTE = re.compile(r"[,?!…]\s*(?:''|[”»\"])\s*,?\s+(?P<source>[^“”«»\"\n]{2,120}?)[\s,]*$")
SPEAKER_WORDS = 16

# -- resolving the speaker (attributions/resolving.py) --------------------------------------------

MODIFIED_AFTER = re.compile(r"\s*(?:['’]s\b|[a-z])")
MODIFIER_BEFORE = re.compile(r"\b(?:for|of|with|to|by|from|at|on|behind|against)\s+$")

# -- relative clauses set off by a comma (attributions/nesting.py) --------------------------------

RELATIVE_WH = ("which", "who", "whom")
CLAUSE_CLIMB = 3  # "taking pains to *emphasize*": the cue word may sit below the clause's own verb
SET_OFF = (",", "—", "–", "--")
OWN_CLAUSES = ("relcl",)
