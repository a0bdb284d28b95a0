"""What the time expressions of an article's text say about when it was written.

The tagger (`dateline.timex.tag`, run without an anchor) finds the expressions; here each one
becomes a `Clue`: a calendar period when its year is written out, a month and day waiting for
a year, a bare weekday, or a word relative to the writing day ("yesterday", "last year").
Expressions in page furniture that reached the clean text are dropped (see `furniture`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dateline.date.furniture import is_dated_entry, is_furniture, line_of
from dateline.date.tense import tense_of
from dateline.english import WEEKDAY_NAMES as WEEKDAYS
from dateline.model import TimeMention
from dateline.timex.lexicon import NUMBERS

_WEEKDAY_WORD = re.compile(
    r"\b(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|satur|sun)(?:day)?)\b(?!-)", re.I
)
_REL_WEEKDAY = {"last": -1, "past": -1, "next": 1, "coming": 1}
_DEICTIC = re.compile(r"\b(today|tonight|yesterday|tomorrow)\b", re.I)
_REL_YEAR = re.compile(r"^(last|this|next)\s+year\b", re.I)
_YEARS_AGO = re.compile(r"\b(\d{1,3}|[a-z]+)\s+years?\s+ago$", re.I)

_DAY = re.compile(r"^(\d{4}|XXXX)-(\d{2})-(\d{2})")
_MONTH = re.compile(r"^(\d{4}|XXXX)-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")

# Months each season or quarter spans, for the loose periods they name.
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 12)}


@dataclass(frozen=True)
class Clue:
    """One time expression read as evidence about the writing day.

    `kind` is "day", "month", "year" (a period with its year), "monthday"/"monthonly"
    (month known, year not), "weekday", "deictic", "relyear" or "ago"; `tense` is -1 when the
    sentence looks back (past), +1 when it looks forward.
    """

    mention: TimeMention
    kind: str
    tense: int
    year: int | None = None
    month: int | None = None
    day: int | None = None
    last_month: int | None = None  # the end month of a season or quarter
    word: str = ""  # the weekday, deictic or relative-year word, lower case
    years_ago: int = 0  # for "ago": how many years back ("ten years ago")
    weekday: int | None = None  # 1-7 when a date names its weekday ("Tuesday, June 29")


def clues_from(text: str, mentions: list[TimeMention]) -> list[Clue]:
    """The clues of the mentions in `text`, dropping those in furniture lines."""
    clues = []
    # Each line is judged once: a long one holding many mentions (a whole article without
    # line breaks) is not read again for each.
    furniture: dict[int, bool] = {}
    for mention in mentions:
        line_start = text.rfind("\n", 0, mention.start) + 1
        if line_start not in furniture:
            furniture[line_start] = is_furniture(line_of(text, mention.start))
        if furniture[line_start] or is_dated_entry(text, mention):
            continue
        clue = _clue(text, mention)
        if clue is not None:
            clues.append(clue)
    return clues


def _clue(text: str, mention: TimeMention) -> Clue | None:
    value = mention.value
    tense = tense_of(text, mention.start, mention.end)
    if found := _DAY.match(value):
        year, month, day = found.groups()
        named = _WEEKDAY_WORD.search(mention.text)
        weekday = _weekday_number(named.group(0)) if named else None
        kind, parsed = ("monthday", None) if year == "XXXX" else ("day", int(year))
        return Clue(mention, kind, tense, parsed, int(month), int(day), weekday=weekday)
    if found := _MONTH.match(value):
        year, month = found.groups()
        if year == "XXXX":
            return Clue(mention, "monthonly", tense, month=int(month))
        return Clue(mention, "month", tense, int(year), int(month))
    if found := _YEAR.match(value):
        return Clue(mention, "year", tense, int(found.group(1)))
    if found := _SEASON.match(value):
        first, last = _SEASON_MONTHS[found.group(2)]
        return Clue(mention, "month", tense, int(found.group(1)), first, last_month=last)
    if found := _QUARTER.match(value):
        first = 3 * int(found.group(2)) - 2
        return Clue(mention, "month", tense, int(found.group(1)), first, last_month=first + 2)
    return _word_clue(mention, tense)


def _word_clue(mention: TimeMention, tense: int) -> Clue | None:
    words = mention.text.lower()
    if found := _DEICTIC.search(words):
        return Clue(mention=mention, kind="deictic", tense=tense, word=found.group(1))
    if (found := _YEARS_AGO.search(words)) and (count := _count(found.group(1))):
        return Clue(mention=mention, kind="ago", tense=-1, years_ago=count)
    if found := _REL_YEAR.match(words):
        return Clue(mention=mention, kind="relyear", tense=tense, word=found.group(1).lower())
    if mention.type in ("DATE", "TIME") and not re.search(r"\b(?:every|each)\b", words):
        found = _WEEKDAY_WORD.search(words)
        if found:
            tense = _REL_WEEKDAY.get(words.split()[0], tense)
            number = _weekday_number(found.group(0))
            return Clue(mention=mention, kind="weekday", tense=tense, word=WEEKDAYS[number - 1],
                        weekday=number)  # fmt: skip
    return None


def _count(word: str) -> int | None:
    """A small count written in digits or words ("10", "ten")."""
    return int(word) if word.isdigit() else NUMBERS.get(word.lower())


def _weekday_number(word: str) -> int:
    """1 (Monday) to 7 (Sunday) for a weekday name or abbreviation."""
    prefix = word.lower()[:3]
    return next(i for i, name in enumerate(WEEKDAYS, 1) if name.startswith(prefix))
