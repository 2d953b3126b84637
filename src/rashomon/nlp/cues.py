"""Cue words of attribution: verbs of saying, reporting and believing, and their inflected forms (data)."""

from __future__ import annotations

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
_IRREGULAR = {
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



_DOUBLED = frozenset({"admit", "commit", "regret", "plan", "stop", "quip", "refer", "slam", "dub", "prefer",
                      "stun", "upset"})


def inflections(lemma: str) -> set[str]:
    """The forms a regular English verb takes: says, said, saying (irregular ones from the table)."""
    forms = {lemma, *_IRREGULAR.get(lemma, ())}
    forms.add(lemma + "es" if lemma.endswith(("s", "sh", "ch", "x", "z", "o")) else
              lemma[:-1] + "ies" if lemma.endswith("y") and lemma[-2] not in "aeiou" else lemma + "s")
    if lemma not in _IRREGULAR:
        forms.add(_past(lemma))
    forms.add(_present_participle(lemma))
    return forms


def _past(lemma: str) -> str:
    if lemma.endswith("e"):
        return lemma + "d"
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ied"
    if lemma in _DOUBLED:
        return lemma + lemma[-1] + "ed"
    return lemma + "ed"


def _present_participle(lemma: str) -> str:
    if lemma.endswith("ie"):
        return lemma[:-2] + "ying"
    if lemma.endswith("e") and not lemma.endswith(("ee", "ye", "oe")):
        return lemma[:-1] + "ing"
    if lemma in _DOUBLED:
        return lemma + lemma[-1] + "ing"
    return lemma + "ing"


CUE_FORMS: dict[str, str] = {form: lemma for lemma in (*STANCE_VERBS, *NAMING_VERBS, *SPEECH_VERBS)
                             for form in inflections(lemma)}
STANCE = frozenset(STANCE_VERBS) - frozenset(SPEECH_VERBS)
NAMING = frozenset(NAMING_VERBS)
EXPERIENCER_FORMS = frozenset(form for lemma in EXPERIENCER_VERBS for form in inflections(lemma))
