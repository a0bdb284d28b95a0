"""The likeliest writing day when the text pins none: a guess for resolving "last year".

An article is written soon after the events it reports, and news returns to its own year
more than to any other. So unless the text's own words name the writing year ("last year's
2018 crop"), it is guessed as the year the text writes out most often (the latest of a tie),
and the day as the latest past date in that year, year-less ones included ("on Jan. 4",
"Monday, Oct. 26"), else the middle of the year. Never a bound; trusted only to its year.
Checked on Timeline17 and TempEval-3 articles: the most frequent year was right more often
than the latest year or the year after it.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from dateline.date.periods import Period

# How many years on a weekday-named year-less date is looked for ("Monday, Oct. 26").
WEEKDAY_YEARS = 6
# The day a guessed year is taken at: its middle, so the month is at most six out.
MIDYEAR = (7, 1)


def likeliest_day(
    periods: list[Period], year: int | None, earliest: date | None, latest: date | None
) -> date | None:
    """The likeliest writing day between `earliest` and `latest`, in `year` (guessed when
    None), or None when the text gives no year at all."""
    low, high = earliest or date.min, latest or date.max
    # Dates of unknown tense count as past, as in placing: most dates in news are.
    past = [p for p in periods if p.clue.tense <= 0]
    written = [p for p in past if p.clue.year is not None and p.sure]
    if year is None:
        counts = Counter(p.first.year for p in written if low.year <= p.first.year <= high.year)
        if not counts:
            return earliest and date(earliest.year, *MIDYEAR)
        year = max(counts, key=lambda y: (counts[y], y))
    # A bare year says nothing of the day: only dates and months inside the year place it.
    days = [p.first for p in written if p.first.year == year and p.clue.kind != "year"]
    days += [day for p in past if p.clue.year is None and (day := _in(p, year)) is not None]
    return min(max(max(days, default=date(year, *MIDYEAR)), low), high)


def _in(period: Period, year: int) -> date | None:
    """A year-less date in `year`; one naming its weekday in the first year on where it fits."""
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
