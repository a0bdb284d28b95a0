"""Dates shown at their true precision: "June 2006", never "2006-06-01"."""

from __future__ import annotations

import calendar

from dateline.timex.value import TimexValue


def precision(value: str) -> str:
    """'day', 'month' or 'year' for a calendar value YYYY[-MM[-DD]]."""
    return TimexValue.parse(value).granularity or "unknown"


def display_date(value: str) -> str:
    """A calendar value for people: '2006' / 'June 2006' / 'June 3, 2006'."""
    position = TimexValue.parse(value)
    if position.year is None or position.interval is None:
        return value
    if position.month is None:
        return str(position.year)
    if position.day is None:
        return f"{calendar.month_name[position.month]} {position.year}"
    return f"{calendar.month_name[position.month]} {position.day.day}, {position.year}"
