"""A TIMEX3 value's calendar position, parsed once: which year, month and day it names.

Values are strings ("2004-03-17", "2004-03", "2004-W12", "P3D", "XXXX-XX-XX"); what they mean
on the calendar was read back from them by hand in many places (`len(value) == 10` for "is a
day"). `TimexValue.parse` reads the calendar part a value starts with, and says what it is.
"""

from __future__ import annotations

import calendar
import functools
import re
from dataclasses import dataclass
from datetime import date

_CALENDAR_PART = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")
# How finely each granularity places a thing: finer dates place an event better.
_RANK = {"day": 3, "month": 2, "year": 1, "": 0}


@dataclass(frozen=True)
class TimexValue:
    """The year, month and day a value names: "2004-03-17T10:30" names the day 2004-03-17,
    "2004-03" a month, "2004" and "2004-W12" the year 2004 as far as the calendar goes;
    "P3D", "XXXX-XX-XX" and "PRESENT_REF" name no year (`year` is None)."""

    year: int | None = None
    month: int | None = None
    day_of_month: int | None = None

    @classmethod
    def parse(cls, value: str) -> TimexValue:
        return _parsed(value)

    @property
    def granularity(self) -> str:
        """ "day", "month", "year", or "" for a value with no year."""
        if self.year is None:
            return ""
        if self.day_of_month is not None:
            return "day"
        return "month" if self.month is not None else "year"

    @property
    def rank(self) -> int:
        """3 for a day, 2 for a month, 1 for a year, 0 for none."""
        return _RANK[self.granularity]

    @property
    def day(self) -> date | None:
        """The day it names, or None when it names none (or no real one: "2004-02-30")."""
        if self.year is None or self.month is None or self.day_of_month is None:
            return None
        try:
            return date(self.year, self.month, self.day_of_month)
        except ValueError:
            return None

    @property
    def interval(self) -> tuple[date, date] | None:
        """The first and last day it covers, or None when it names no real time."""
        if self.year is None:
            return None
        try:
            if self.day_of_month is not None:
                day = self.day
                return None if day is None else (day, day)
            if self.month is not None:
                last = calendar.monthrange(self.year, self.month)[1]
                return date(self.year, self.month, 1), date(self.year, self.month, last)
            return date(self.year, 1, 1), date(self.year, 12, 31)
        except (ValueError, calendar.IllegalMonthError):
            return None


# Kept: a pile names the same few hundred values over and over (a 2,000-article pile parsed
# 200,000 of them, in the tagger, the events and the selection), and a value never changes.
@functools.lru_cache(maxsize=1 << 14)
def _parsed(value: str) -> TimexValue:
    match = _CALENDAR_PART.match(value)
    if match is None:
        return TimexValue()
    year, month, day = (int(part) if part else None for part in match.groups())
    return TimexValue(year, month, day)
