"""Dated clues placed in the calendar, year-less ones included.

A date without its year ("on Jan. 4") is placed after the latest dated event the text
reports; a date that names its weekday ("Tuesday, June 29") is placed in the nearby year where
that day is that weekday, which is decisive evidence on its own.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from dateline.date.clues import Clue
from dateline.date.years import place_year

# How many years a bare year may lie beyond every other year of the text and still count.
OUTLIER_GAP = 10
# How many years either side of the years a text gives a weekday-named date is looked for.
WEEKDAY_YEARS = 3


@dataclass(frozen=True)
class Period:
    """A clue placed in the calendar: the days it covers."""

    clue: Clue
    first: date
    last: date
    # False for a year-less date placed by guesswork; such a date may be a year out, so it
    # never bounds the writing day.
    sure: bool = True


def place(clues: list[Clue], year: int | None) -> list[Period]:
    """The dated clues in the calendar, in text order."""
    written = []
    for clue in clues:
        span = span_of(clue, clue.year) if clue.kind in ("day", "month", "year") else None
        if span is not None:
            written.append(Period(clue, *span))
    # Placing needs only a likely reading, so dates of unknown tense count (most are past).
    latest = max((p for p in written if p.clue.tense <= 0), key=lambda p: p.first, default=None)
    reference = (latest.first, latest.last) if latest else None
    hint = max((p.first.year for p in written), default=year)
    periods = list(written)
    for clue in clues:
        if clue.kind not in ("monthday", "monthonly"):
            continue
        by_weekday = _weekday_year(clue, year or hint)
        placed = by_weekday or place_year(clue, reference, year)
        span = span_of(clue, placed)
        if span is not None:
            periods.append(Period(clue, *span, sure=year is not None or by_weekday is not None))
    return sorted(periods, key=lambda p: p.clue.mention.start)


def _weekday_year(clue: Clue, hint: int | None) -> int | None:
    """The year near `hint` in which a weekday-named year-less date falls on that weekday."""
    if clue.weekday is None or clue.day is None or clue.month is None or hint is None:
        return None
    for distance in range(WEEKDAY_YEARS + 1):
        for year in (hint - distance, hint + distance):
            try:
                if date(year, clue.month, clue.day).isoweekday() == clue.weekday:
                    return year
            except ValueError:
                continue
    return None


def latest_past(periods: list[Period], unknown_too: bool = False) -> Period | None:
    """The latest period reported in the past tense: the writing day is on or after it.

    A bare year far after every other year the text gives is left out: more often a number
    read as a year ("resolution 2042", "2028 adults were polled") than the news. With
    `unknown_too`, periods of unknown tense count as past (for a guess, never a bound).
    """
    years = {p.first.year for p in periods}
    tenses = (-1, 0) if unknown_too else (-1,)
    past = sorted((p for p in periods if p.clue.tense in tenses and p.sure), key=lambda p: p.first)
    while past:
        best = past.pop()
        others = years - {best.first.year}
        if best.clue.kind != "year" or not others or best.first.year <= max(others) + OUTLIER_GAP:
            return best
    return None


def span_of(clue: Clue, year: int | None) -> tuple[date, date] | None:
    """The first and last day of a clue's period in `year`."""
    if year is None or not 1 <= year <= 9999:
        return None
    try:
        if clue.day is not None and clue.month is not None:
            day = date(year, clue.month, clue.day)
            return day, day
        if clue.month is not None:
            last_month = clue.last_month or clue.month
            last = calendar.monthrange(year, last_month)[1]
            return date(year, clue.month, 1), date(year, last_month, last)
    except ValueError:
        return None
    return date(year, 1, 1), date(year, 12, 31)
