"""Dates shown at their true precision: "June 2006", never "2006-06-01"; a day known only to a
range as that range ("a Friday between 25 Feb and 11 Mar 2022"), marked approximate."""

from __future__ import annotations

import calendar
from datetime import date

from dateline.model import DayRange, TimelineEntry
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


def short_day(value: str) -> str:
    """'2022-02-25' as '25 Feb 2022'."""
    day = date.fromisoformat(value)
    return f"{day.day} {calendar.month_abbr[day.month]} {day.year}"


def range_text(within: DayRange) -> str:
    """What is known of a day in a range: 'a Friday between 25 Feb and 11 Mar 2022'."""
    first, last = short_day(within.earliest), short_day(within.latest)
    if first[-4:] == last[-4:]:
        first = first[:-5]
    which = f"a {calendar.day_name[within.weekday - 1]}" if 1 <= within.weekday <= 7 else "a day"
    return f"{which} between {first} and {last}"


def entry_display(entry: TimelineEntry) -> str:
    """An entry's date for people: its range when only that is known, never a made-up day."""
    return range_text(entry.within) if entry.within else display_date(entry.date)


def entry_marks(entry: TimelineEntry) -> list[str]:
    """The words every format puts beside an entry's date: approximate, planned, and the
    user's decisions."""
    marks = ["approximate"] if entry.approximate else []
    if entry.planned:
        marks.append("planned")
    marks.extend(f"{decision} by you" for decision in entry.decided)
    return marks
