"""Tables of names, titles and descriptions: data that the entity rules read, kept here to extend."""

from __future__ import annotations

# canonical name → (label, other names it goes by, descriptions that refer back to it in a text)
KNOWN_ENTITIES: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    "NATO": ("ORG", ("North Atlantic Treaty Organization", "North Atlantic Treaty Organisation",
                     "North Atlantic Alliance", "Atlantic Alliance", "OTAN"), ("alliance", "bloc")),
    "European Union": ("ORG", ("EU", "E.U."), ("bloc", "union")),
    "United Nations": ("ORG", ("UN", "U.N."), ()),
    "UN Security Council": ("ORG", ("United Nations Security Council", "U.N. Security Council"), ("council",)),
    "OSCE": ("ORG", ("Organization for Security and Co-operation in Europe",
                     "Organization for Security and Cooperation in Europe"), ()),
    "Kremlin": ("ORG", (), ()),
    "Russian Foreign Ministry": ("ORG", ("Russian Ministry of Foreign Affairs", "Foreign Ministry of Russia",
                                         "Ministry of Foreign Affairs of Russia",
                                         "Ministry of Foreign Affairs of the Russian Federation"), ("ministry",)),
    "United States": ("GPE", ("US", "U.S.", "USA", "U.S.A.", "America", "United States of America"), ()),
    "United Kingdom": ("GPE", ("UK", "U.K.", "Britain", "Great Britain"), ()),
    "Soviet Union": ("GPE", ("USSR", "U.S.S.R.", "the Soviet Union"), ()),
    "Russia": ("GPE", ("Russian Federation",), ()),
    "Kyiv": ("GPE", ("Kiev",), ()),
    "dpa": ("ORG", ("Deutsche Presse-Agentur", "German Press Agency", "DPA"), ("agency",)),
    "Reuters": ("ORG", (), ("agency",)),
    "Associated Press": ("ORG", ("AP",), ("agency",)),
    "Agence France-Presse": ("ORG", ("AFP",), ("agency",)),
}

# Words that, before or in apposition to a person's name, give their office. Multi-word first.
TITLES: tuple[str, ...] = (
    "secretary general", "secretary-general", "deputy foreign minister", "foreign minister",
    "prime minister", "defence minister", "defense minister", "vice president", "press secretary",
    "national security adviser", "minister", "president", "chancellor", "ambassador", "envoy",
    "spokesperson", "spokesman", "spokeswoman", "senator", "governor", "mayor", "chairman",
    "chairwoman", "chair", "director", "commander", "general", "admiral", "king", "queen", "pope",
    "speaker", "premier", "leader", "chief", "head", "diplomat", "official", "representative",
    "congressman", "congresswoman", "candidate", "nominee", "judge", "attorney general",
)

# A description ("the Secretary General", "the diplomat") may refer to a person whose title is
# in the same group: a NATO Secretary General is "the NATO chief", a foreign minister "the diplomat".
TITLE_GROUPS: tuple[frozenset[str], ...] = (
    frozenset({"secretary general", "secretary-general", "chief", "head", "leader"}),
    frozenset({"president", "leader", "head of state", "premier"}),
    frozenset({"prime minister", "premier", "leader", "head of government"}),
    frozenset({"foreign minister", "minister", "diplomat", "top diplomat", "deputy foreign minister"}),
    frozenset({"deputy foreign minister", "diplomat", "minister"}),
    frozenset({"ambassador", "envoy", "diplomat"}),
    frozenset({"spokesperson", "spokesman", "spokeswoman"}),
    frozenset({"chancellor", "leader"}),
)

PERSON_PRONOUNS = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself"})

# Labels of the spaCy English model kept as entities: people, organisations, places, nationalities, events.
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "FAC"})
