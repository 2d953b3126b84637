"""Within an event and across a story: what the accounts share and how they differ.

    units.py          an attribution's content cut into sentences and clauses
    quote_groups.py   the quote-groups stage: one utterance across articles, its renderings grouped
    differences.py    how two renderings differ: negation, number, name, speaker, and their word diff

Facts (one claim, each outlet's wording) and divergences join these as stages of their own.
"""
