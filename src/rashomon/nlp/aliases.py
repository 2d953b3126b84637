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
    # Newsrooms and platforms that NER takes for people ("Politico said", "Trump's Twitter").
    "Politico": ("ORG", ("POLITICO",), ()),
    "HuffPost": ("ORG", ("Huffpost", "Huffington Post", "The Huffington Post", "HuffPost Politics"), ()),
    "Twitter": ("ORG", (), ()),
    "Facebook": ("ORG", (), ()),
    "Instagram": ("ORG", (), ()),
    "YouTube": ("ORG", (), ()),
    "CNN": ("ORG", (), ("network",)),
    "MSNBC": ("ORG", (), ("network",)),
    "Fox News": ("ORG", ("Fox News Channel",), ("network",)),
    "The New York Times": ("ORG", ("New York Times", "NYT"), ("newspaper",)),
    "The Washington Post": ("ORG", ("Washington Post",), ("newspaper",)),
    "The Wall Street Journal": ("ORG", ("Wall Street Journal", "WSJ"), ("newspaper",)),
    "Breitbart": ("ORG", ("Breitbart News",), ()),
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
    "rep.", "sen.", "gov.", "pres.", "lawmaker",
    "mr.", "mrs.", "ms.",  # not an office, but evidence: Mrs. Clinton is not Mr. Clinton
)

# A description ("the Secretary General", "the diplomat") may refer to a person whose title is
# in the same group: a NATO Secretary General is "the NATO chief", a foreign minister "the diplomat".
# Words of TITLE_GROUPS that say what kind of post, not which one: "the leader" may be a president.
GENERAL_TITLES = frozenset({"leader", "chief", "head", "minister", "diplomat", "lawmaker"})

TITLE_GROUPS: tuple[frozenset[str], ...] = (
    frozenset({"secretary general", "secretary-general", "chief", "head", "leader"}),
    frozenset({"president", "leader", "head of state", "premier"}),
    frozenset({"prime minister", "premier", "leader", "head of government"}),
    frozenset({"foreign minister", "minister", "diplomat", "top diplomat", "deputy foreign minister"}),
    frozenset({"deputy foreign minister", "diplomat", "minister"}),
    frozenset({"ambassador", "envoy", "diplomat"}),
    frozenset({"spokesperson", "spokesman", "spokeswoman"}),
    frozenset({"chancellor", "leader"}),
    frozenset({"representative", "rep.", "congressman", "congresswoman", "lawmaker"}),
    frozenset({"senator", "sen.", "lawmaker"}),
    frozenset({"governor", "gov."}),
    frozenset({"president", "pres."}),
)

# One spelling of a title, so that "Pres. Obama" and "President Obama" are one form of a name.
TITLE_FORMS: dict[str, str] = {
    "pres.": "president", "rep.": "representative", "congressman": "representative",
    "congresswoman": "representative", "sen.": "senator", "gov.": "governor",
    "secretary-general": "secretary general",
}

# Words before a person's name that are not part of it ("Rep. Peter King", "President Obama"), lower
# case and without their full stop.
NAME_PREFIXES = frozenset({
    "mr", "mrs", "ms", "miss", "dr", "prof", "rev", "sir", "dame", "rep", "sen", "gov", "pres", "gen", "lt",
    "col", "capt", "sgt", "adm", "sec", "president", "senator", "governor", "representative", "congressman",
    "congresswoman", "speaker", "secretary", "judge", "justice", "mayor", "chancellor", "minister",
    "premier", "ambassador", "general", "admiral", "vice", "former", "first", "lady", "sheriff", "chief",
})

# After a surname: a generation, not a name.
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})

# Short forms of first names → the full form, so that "Joe Biden" can be "Joseph R. Biden Jr.".
FIRST_NAME_FORMS: dict[str, str] = {
    "joe": "joseph", "bill": "william", "will": "william", "bob": "robert", "rob": "robert", "mike": "michael",
    "jim": "james", "jimmy": "james", "tom": "thomas", "dick": "richard", "rick": "richard", "chuck": "charles",
    "dan": "daniel", "dave": "david", "steve": "steven", "tony": "anthony", "ben": "benjamin", "sam": "samuel",
    "chris": "christopher", "nick": "nicholas", "matt": "matthew", "pat": "patrick", "liz": "elizabeth",
    "beth": "elizabeth", "kate": "katherine", "jeff": "jeffrey", "ron": "ronald", "don": "donald",
    "newt": "newton", "mitch": "mitchell", "andy": "andrew", "greg": "gregory", "ted": "edward",
}

PERSON_PRONOUNS = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself"})

# Labels of the spaCy English model kept as entities: people, organisations, places, nationalities, events.
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "FAC"})
