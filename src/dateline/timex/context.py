"""What every resolver shares: the result type, the reading context and word lookups.

Deictic expressions resolve against the article date (`Context.anchor`); anaphoric ones
against the latest date the text itself gave (`Context.ref`), falling back to the anchor.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from dateline.english import MONTHS
from dateline.timex import arithmetic as cal
from dateline.timex.direction import direction
from dateline.timex.lexicon import (
    NUMBERS,
    ORDINALS,
    UNITS,
    VAGUE_NUMBERS,
    WEEKDAYS,
)


@dataclass(frozen=True)
class Resolution:
    type: str
    value: str
    granularity: str = ""
    modifier: str = ""


@dataclass
class Context:
    text: str
    anchor: date | None
    ref: date | None = None  # the latest explicit day-level date in the text
    last_day: date | None = None  # the latest day the text talked about, however named
    ref_year: int | None = None  # the latest year the text named explicitly
    ref_month: tuple[int, int] | None = None  # the latest month the text named explicitly
    quarter: tuple[int, int] | None = None  # the latest quarter the text talked about
    quarter_end: int = -(10**9)  # where that quarter was mentioned

    def talk_quarter(self, quarter: tuple[int, int], end: int) -> tuple[int, int]:
        """Make `quarter` the topic from `end` on; "a year earlier" then means it a year back."""
        self.quarter, self.quarter_end = quarter, end
        return quarter

    def near_quarter(self, position: int) -> tuple[int, int] | None:
        """The quarter talked about just before `position` ("a year ago" then means it).

        A figure compared with "a year earlier" ("from $93 million a year earlier") keeps
        comparing the quarter the report is about, however far back that was named.
        """
        if self.quarter is None:
            return None
        if position - self.quarter_end < QUARTER_REACH:
            return self.quarter
        return (
            self.quarter if COMPARISON.search(self.text, max(0, position - 60), position) else None
        )

    @property
    def base(self) -> date | None:
        return self.ref or self.anchor

    @property
    def told(self) -> date | None:
        """The day the narrative is on: "that night" and "two weeks earlier" count from the
        day the text last talked about ("on Wednesday"), however named."""
        return self.last_day or self.base


# How far (characters) a quarter stays the topic for "a year earlier": about two sentences.
QUARTER_REACH = 250
# A figure compared with an earlier one: "from $4.1 million", "compared with 62 cents".
COMPARISON = re.compile(
    r"\b(?:from|with|than|versus|vs\.)\s+(?:a\s+(?:loss|profit)\s+of\s+)?[$#£€]?\s?\d[\d.,]*"
    r"(?:\s+(?:million|billion|cents?|percent|%))?(?:,?\s+or\s+[$]?[\d.]+\s+(?:cents?\s+)?a\s+share)?,?\s+$"
)
Handler = Callable[[re.Match[str], Context], Resolution | None]
M = re.Match[str]
PERIOD_MOD = {"early": "START", "mid": "MID", "late": "END"}
# Words after which a bare month name is a month, not a verb or a name ("in May", "since March").
PERIOD_WORDS = re.compile(
    r"(?:in|since|until|till|by|of|through|from|to|during|before|after|last|next|this|early|late"
    r"|mid|each|every|between|and|or|the|until|on|for)\s+$", re.I
)  # fmt: skip


def norm(word: str) -> str:
    return " ".join(word.lower().rstrip(".").split())


def month_number(word: str) -> int:
    return MONTHS[norm(word)]


def weekday_number(word: str) -> int:
    key = norm(word)
    return WEEKDAYS[key[:-1] if key.endswith("s") and key[:-1] in WEEKDAYS else key]


def count_of(word: str) -> int | None:
    """The count a number word or digits stand for; None for vague counts ("several")."""
    key = norm(word).replace("-", " ")
    if key.startswith("half "):
        return 0  # "half an hour": no whole units, the half is added by the caller
    if key.startswith(("a couple", "couple")):
        return 2  # TimeML counts "a couple of years" as two (P2Y)
    if key in VAGUE_NUMBERS:
        return None
    if key.replace(".", "").isdigit():
        return int(float(key))
    if key in NUMBERS:
        return NUMBERS[key]
    parts = key.split()
    if len(parts) == 2 and parts[0] in NUMBERS and parts[1] in NUMBERS:
        return NUMBERS[parts[0]] + NUMBERS[parts[1]]
    return None


def day_number(word: str) -> int:
    key = norm(word)
    if key in ORDINALS:
        return ORDINALS[key]
    return int(re.sub(r"\D", "", key))


def year_number(word: str, anchor: date | None) -> int:
    """The year of "1994", "'94" or, as transcripts write it, "nineteen ninety-four"."""
    digits = word.strip("'")
    if not digits.isdigit():
        words = [w for w in re.split(r"[\s-]+", word.lower()) if w not in ("and", "hundred")]
        head = 2000 if words[:2] == ["two", "thousand"] else NUMBERS[words[0]] * 100
        return head + sum(NUMBERS[w] for w in words[(2 if head == 2000 else 1) :])
    if len(digits) == 4:
        return int(digits)
    # Without an anchor a two-digit year is read against today: "11/08/23" is 2023, not 1923,
    # and no more than a year ahead ("'98" stays 1998).
    reference = anchor or date.today()
    year = (reference.year // 100) * 100 + int(digits)
    if year > reference.year + (20 if anchor else 1):
        year -= 100
    return year


def tense_year(ctx: Context, m: M, month: int, day: int | None = None) -> int:
    """The year of a yearless date: the nearest one, unless the tense points the other way.

    A day-level date keeps the nearest year when it is within two months of the article;
    a bare month follows the tense ("in January" told in the past is the last January).
    """
    assert ctx.anchor is not None
    anchor = ctx.anchor
    options = [
        (
            abs(
                _month_index(y, month, day or 15)
                - _month_index(anchor.year, anchor.month, anchor.day)
            ),
            y,
        )
        for y in (anchor.year - 1, anchor.year, anchor.year + 1)
    ]
    nearest = min(options)[1]
    if month == anchor.month or min(options)[0] < 2.0:
        return nearest
    sign = direction(ctx.text, m.start(), m.end(), default=0)
    if sign < 0:
        return anchor.year if month < anchor.month else anchor.year - 1
    if sign > 0:
        return anchor.year if month > anchor.month else anchor.year + 1
    return nearest


def _month_index(year: int, month: int, day: int) -> float:
    return year * 12 + month + day / 31


def placeholder(unit: str) -> str:
    return {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX", "quarter": "XXXX-QX",
            "decade": "XXX", "century": "XX"}.get(unit, "XXXX")  # fmt: skip


def last_quarter(ctx: Context) -> tuple[int, int] | None:
    """The quarter a financial report most likely means: the last one completed."""
    if ctx.anchor is None:
        return None
    return cal.add_quarters(ctx.anchor.year, cal.quarter_of(ctx.anchor), -1)


def day_of(word: str | None, m: M, ctx: Context) -> str:
    """The day a time of day belongs to, from the word next to it ("Friday", "yesterday"),
    or after it ("at noon on Friday")."""
    if word is None and (on := _ON_WEEKDAY.match(ctx.text, m.end())) is not None:
        word = on["wd"]
    key = norm(word or "")
    if ctx.anchor is None:
        if key in WEEKDAYS:
            return f"XXXX-WXX-{WEEKDAYS[key]}"
        return "XXXX-XX-XX"
    if key in WEEKDAYS:
        return weekday_date(WEEKDAYS[key], m, ctx).isoformat()
    offset = {"yesterday": -1, "tomorrow": 1, "last": -1}.get(key, 0)
    return (ctx.anchor + timedelta(days=offset)).isoformat()


# "at noon on Friday", "at 10 a.m. on Tuesday": the weekday after a time of day is its day.
_ON_WEEKDAY = re.compile(
    r"\s+on\s+(?P<wd>" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\b", re.I
)


def weekday_date(wd: int, m: M, ctx: Context) -> date:
    assert ctx.anchor is not None
    if wd == ctx.anchor.isoweekday():
        return ctx.anchor
    way = direction(ctx.text, m.start(), m.end())
    # Within news a bare weekday is this week's: never more than six days away.
    return cal.weekday_near(ctx.anchor, wd, way)


_LONG_UNITS = {"DE": (10, "Y"), "CE": (100, "Y"), "Q": (3, "M"), "WE": (2, "D")}


def duration_value(count: int | None, unit: str) -> str:
    """TIMEX3 duration value: P3Y, PT2H, P10Y for a decade, PXY for an unknown count."""
    letter, _ = UNITS[unit]
    prefix = "PT" if letter in ("S", "H") or (letter == "M" and unit == "minute") else "P"
    if letter in _LONG_UNITS:
        factor, letter = _LONG_UNITS[letter]
        if count is None:
            return {"DE": "PXE", "CE": "PXC", "Q": "PXQ", "WE": "PXWE"}[UNITS[unit][0]]
        return f"{prefix}{count * factor}{letter}"
    return f"{prefix}{'X' if count is None else count}{letter}"


def unit_name(word: str) -> str:
    key = word.lower()
    if key in ("centurie", "centuries"):
        return "century"
    return key[:-1] if key.endswith("s") and key[:-1] in UNITS else key
