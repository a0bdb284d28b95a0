"""Word tables the temporal grammar is built from: months, weekdays, numbers, units, periods."""

from __future__ import annotations

from dateline.english import ORDINARY_WORD_ABBREVIATIONS, WEEKDAY_ABBREVIATIONS, WEEKDAY_NAMES

# Weekdays spelled out or abbreviated, except abbreviations that are also ordinary words.
WEEKDAY_SHORT_FORMS = {
    short: number
    for short, number in WEEKDAY_ABBREVIATIONS.items()
    if short not in ORDINARY_WORD_ABBREVIATIONS
}
WEEKDAYS: dict[str, int] = {
    **{name: number for number, name in enumerate(WEEKDAY_NAMES, 1)},
    **WEEKDAY_SHORT_FORMS,
}

NUMBERS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100, "a": 1, "an": 1, "single": 1, "dozen": 12,
    "a dozen": 12, "half a": 0, "a half": 0,
}  # fmt: skip

# Words that count an unknown number of units: the TIMEX3 value gets an X ("PXY").
VAGUE_NUMBERS = ("several", "a few", "few", "many", "some", "a number of")

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty-second": 22,
    "twenty-third": 23, "twenty-fourth": 24, "twenty-fifth": 25, "twenty-sixth": 26,
    "twenty-seventh": 27, "twenty-eighth": 28, "twenty-ninth": 29, "thirtieth": 30,
    "thirty-first": 31, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "final": 4,
}  # fmt: skip

# Unit word -> (TIMEX3 duration letter, granularity). Weeks/quarters keep their own letters.
UNITS: dict[str, tuple[str, str]] = {
    "second": ("S", "second"), "minute": ("M", "minute"), "hour": ("H", "hour"),
    "day": ("D", "day"), "night": ("D", "day"), "week": ("W", "week"),
    "weekend": ("WE", "week"), "month": ("M", "month"), "quarter": ("Q", "quarter"),
    "year": ("Y", "year"), "decade": ("DE", "decade"), "century": ("CE", "century"),
}  # fmt: skip

SEASONS: dict[str, str] = {
    "spring": "SP",
    "summer": "SU",
    "fall": "FA",
    "autumn": "FA",
    "winter": "WI",
}
# The month a season ends in (winter ends in the next year's February).
SEASON_END: dict[str, int] = {"SP": 5, "SU": 8, "FA": 11, "WI": 14}

PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "overnight": "NI",
}

SETS: dict[str, str] = {
    "hourly": "PT1H", "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W",
    "monthly": "P1M", "quarterly": "P3M", "annually": "P1Y", "yearly": "P1Y",
    "semiannually": "P6M", "biannually": "P6M",
}  # fmt: skip

# Named periods news refers to instead of their years (start year, end year).
NAMED_PERIODS: dict[str, tuple[int, int]] = {
    "world war i": (1914, 1918), "world war one": (1914, 1918), "the first world war": (1914, 1918),
    "the great war": (1914, 1918), "world war ii": (1939, 1945), "world war two": (1939, 1945),
    "world war 2": (1939, 1945), "the second world war": (1939, 1945),
    "the great depression": (1929, 1939), "the korean war": (1950, 1953),
    "the vietnam war": (1955, 1975), "the cold war": (1947, 1991), "the gulf war": (1990, 1991),
    "the persian gulf war": (1990, 1991), "the iraq war": (2003, 2011),
}  # fmt: skip

# Fixed-date holidays (month, day); movable ones are computed in `calendar`.
HOLIDAYS: dict[str, tuple[int, int]] = {
    "new year's day": (1, 1), "new year's eve": (12, 31), "valentine's day": (2, 14),
    "independence day": (7, 4), "the fourth of july": (7, 4), "july fourth": (7, 4),
    "halloween": (10, 31), "veterans day": (11, 11), "christmas eve": (12, 24),
    "christmas day": (12, 25), "christmas": (12, 25), "boxing day": (12, 26),
}  # fmt: skip
MOVABLE_HOLIDAYS = ("thanksgiving day", "thanksgiving", "easter sunday", "easter", "good friday",
                    "memorial day", "labor day")  # fmt: skip
