"""Word tables: the months, weekdays, seasons, number words, units, qualifiers and holidays the rules read."""

from __future__ import annotations

import re

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December")
MONTH_ABBREVIATIONS = {"Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sept": 9,
                       "Sep": 9, "Oct": 10, "Nov": 11, "Dec": 12}
MONTHS = {name.lower(): number for number, name in enumerate(MONTH_NAMES, 1)} | {
    abbreviation.lower(): number for abbreviation, number in MONTH_ABBREVIATIONS.items()}
WEEKDAYS = {  # ISO numbering, as in TimeML's XXXX-WXX-1
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
SEASON_FIRST_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}
CLOCK_WORDS = {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}
TIME_ZONES = ("EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "GMT", "UTC", "BST", "CET")

NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "dozen": 12, "couple": 2, "hundred": 100, "thousand": 1000,
}
ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}
SPOKEN_DECADES = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                  "eighties": 8, "nineties": 9}
VAGUE_AMOUNTS = ("several", "a few", "few", "some", "many", "a number of")
# unit word -> (TimeML letter, counts clock time, years per unit when written in years)
UNITS = {
    "second": ("S", True, None), "minute": ("M", True, None), "hour": ("H", True, None),
    "day": ("D", False, None), "week": ("W", False, None), "fortnight": ("W", False, None),
    "month": ("M", False, None), "quarter": ("Q", False, None), "year": ("Y", False, None),
    "decade": ("Y", False, 10), "century": ("Y", False, 100), "millennium": ("Y", False, 1000),
}
UNIT_PLURALS = {"centuries": "century", "millennia": "millennium"}
VAGUE_UNIT_LETTERS = {"decade": "E", "century": "C", "millennium": "L"}  # TimeBank's PXE, PXC, PXL
SET_ADVERBS = {
    "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W", "monthly": "P1M",
    "annually": "P1Y", "yearly": "P1Y", "hourly": "PT1H", "semiannually": "P6M",
}
REFERENCE_WORDS = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF",
    "nowadays": "PRESENT_REF", "these days": "PRESENT_REF", "at present": "PRESENT_REF",
    "the moment": "PRESENT_REF", "this moment": "PRESENT_REF", "the present": "PRESENT_REF",
    "recently": "PAST_REF", "lately": "PAST_REF", "recent": "PAST_REF", "the past": "PAST_REF",
    "the future": "FUTURE_REF", "the near future": "FUTURE_REF", "soon": "FUTURE_REF",
    "the near term": "FUTURE_REF", "the short term": "FUTURE_REF", "the long term": "FUTURE_REF",
    "as soon as possible": "FUTURE_REF",
}
QUALIFIERS = {  # words before an expression -> qualifier (TimeML's mod, in plain words)
    "early": "early", "late": "late", "mid": "mid", "middle": "mid", "beginning": "start",
    "start": "start", "end": "end", "rest": "end", "remainder": "end",
    "about": "approx", "around": "approx", "approximately": "approx", "roughly": "approx",
    "some": "approx", "nearly": "less_than", "almost": "less_than", "less than": "less_than",
    "fewer than": "less_than", "more than": "more_than",
    "at least": "equal_or_more", "up to": "equal_or_less", "at most": "equal_or_less",
}
FIXED_HOLIDAYS = {
    "new year's day": (1, 1), "new year's": (1, 1), "valentine's day": (2, 14), "may day": (5, 1),
    "independence day": (7, 4), "halloween": (10, 31), "veterans day": (11, 11),
    "christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25),
    "boxing day": (12, 26), "new year's eve": (12, 31),
}
# holiday -> (month, ISO weekday, which one: 1 first .. -1 last, days added)
WEEKDAY_HOLIDAYS = {
    "thanksgiving": (11, 4, 4, 0), "thanksgiving day": (11, 4, 4, 0), "labor day": (9, 1, 1, 0),
    "memorial day": (5, 1, -1, 0), "election day": (11, 1, 1, 1),
}
EASTER_HOLIDAYS = {"easter": 0, "easter sunday": 0, "good friday": -2, "easter monday": 1}
# How far the tense may pull a date without year away from the nearest such date: news looks back
# up to a year ("in March", said in November) but rarely names a bare date half a year ahead.
TENSE_WINDOW_DAYS = {"past": 330, "future": 200, "present": 200}
FUTURE_SIGNALS = re.compile(r"\b(?:as\s+(?:soon|early)\s+as|no\s+later\s+than)\s+$", re.I)
PREPOSITIONS_BEFORE_DATES = (
    "in", "on", "since", "until", "till", "by", "through", "throughout", "during", "from", "to",
    "of", "before", "after", "between", "and", "or", "for", "as", "at", "around", "into", "than",
)
