"""TIMEX3 values as calendar values (YYYY, YYYY-MM, YYYY-MM-DD) or nothing.

A timeline can only place what has a calendar position: durations, sets, decades and
unresolved values ("XXXX-XX-XX", "PRESENT_REF") have none.
"""

from __future__ import annotations

import functools
import re
from datetime import date

from dateline.timex.value import TimexValue

_CALENDAR = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T.*)?")
_WEEK = re.compile(r"(\d{4})-W(\d{2})(?:-WE)?")
_COARSE = re.compile(r"(\d{4})-(?:Q[1-4]|H[12]|SP|SU|FA|AU|WI)")


# Kept: the same values recur in every sentence and every pass of the selection.
@functools.lru_cache(maxsize=1 << 14)
def calendar_value(value: str) -> str | None:
    """`value` reduced to its calendar part, or None when it has no calendar position."""
    match = _CALENDAR.fullmatch(value)
    if match:
        year, month, day = match.groups()
        if day:
            try:
                date(int(year), int(month), int(day))
            except ValueError:
                return None
            return f"{year}-{month}-{day}"
        if month:
            return f"{year}-{month}" if 1 <= int(month) <= 12 else None
        return year
    week = _WEEK.fullmatch(value)
    if week:
        year, number = int(week.group(1)), int(week.group(2))
        try:
            first = date.fromisocalendar(year, number, 6 if value.endswith("-WE") else 1)
            last = date.fromisocalendar(year, number, 7)
        except ValueError:
            return None
        # A week lies in a month only when it starts and ends there: "last week" from
        # Thursday 9 December 2004 (29 November - 5 December) is in 2004, not in December.
        if (first.year, first.month) == (last.year, last.month):
            return f"{first.year:04d}-{first.month:02d}"
        return f"{first.year:04d}" if first.year == last.year else None
    coarse = _COARSE.fullmatch(value)
    return coarse.group(1) if coarse else None


def granularity(value: str) -> int:
    """3 for a day, 2 for a month, 1 for a year: finer dates place an event better."""
    return TimexValue.parse(value).rank


def contains(coarse: str, fine: str) -> bool:
    """True when calendar value `fine` lies inside `coarse` ("2004" contains "2004-01-26")."""
    return fine.startswith(coarse)


def compatible(a: str, b: str) -> bool:
    """Two calendar values that may name the same time (one contains the other)."""
    return contains(a, b) or contains(b, a)
