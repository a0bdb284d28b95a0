"""The likeliest writing day when the text pins none: a guess for resolving "last year".

News calls its own year "this year" and drops the year from this year's dates ("on Jan. 4",
"in March", "Monday, Oct. 26"), so a year it writes out for a past event is most likely an
earlier one, and a date it gives without a year most likely of the writing year. So unless
the text's own words name the writing year ("last year's 2018 crop"), it is guessed as the
year after the latest written-out year, and the day as the latest year-less past date in it
(else the middle of the year). Never a bound; trusted only to its year.
"""

from __future__ import annotations

from datetime import date

from dateline.date.periods import Period, latest_past

# How many years on a weekday-named year-less date is looked for ("Monday, Oct. 26").
WEEKDAY_YEARS = 6
# The day a guessed year is taken at: its middle, so the month is at most six out.
MIDYEAR = (7, 1)


def likeliest_day(periods: list[Period], year: int | None) -> date | None:
    """The likeliest writing day in `year` (guessed when None), or None without any year."""
    if year is None:
        written = [p for p in periods if p.clue.year is not None and p.sure]
        # Dates of unknown tense count as past, as in placing: most dates in news are.
        latest = latest_past(written, unknown_too=True)
        if latest is None:
            return None
        year = latest.last.year + 1
    yearless = [
        day
        for p in periods
        if p.clue.year is None and p.clue.tense <= 0 and (day := _in(p, year)) is not None
    ]
    return max(yearless, default=date(year, *MIDYEAR))


def _in(period: Period, year: int) -> date | None:
    """A year-less past date in `year`; one naming its weekday in the first year on that fits."""
    clue = period.clue
    for candidate in range(year, year + (WEEKDAY_YEARS if clue.weekday else 0) + 1):
        try:
            day = period.first.replace(year=candidate)
        except ValueError:
            continue
        if clue.weekday is None or day.isoweekday() == clue.weekday:
            return day
    return None


def granularity(earliest: date | None, latest: date | None) -> str:
    """How far an interval pins the writing day: "month" inside one month, else "year"."""
    if earliest and latest and (earliest.year, earliest.month) == (latest.year, latest.month):
        return "month"
    return "year"
