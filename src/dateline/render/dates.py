"""Dates shown at their true precision: "June 2006", never "2006-06-01"."""

from __future__ import annotations

import calendar
from datetime import date


def precision(value: str) -> str:
    """'day', 'month' or 'year' for a calendar value YYYY[-MM[-DD]]."""
    return {4: "year", 7: "month", 10: "day"}.get(len(value), "unknown")


def display_date(value: str) -> str:
    """A calendar value for people: '2006' / 'June 2006' / 'June 3, 2006'."""
    parts = value.split("-")
    try:
        if len(parts) == 1:
            return str(int(parts[0]))
        year, month = int(parts[0]), int(parts[1])
        if len(parts) == 2:
            return f"{calendar.month_name[month]} {year}"
        day = date(year, month, int(parts[2]))
    except (ValueError, IndexError):
        return value
    return f"{calendar.month_name[day.month]} {day.day}, {day.year}"
