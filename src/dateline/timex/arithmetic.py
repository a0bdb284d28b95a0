"""Calendar arithmetic on anchors and TIMEX3 value strings at each granularity."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from dateline.timex.lexicon import HOLIDAYS, SEASON_END


def day_value(d: date) -> str:
    return d.isoformat()


def week_value(d: date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + n
    return index // 12, index % 12 + 1


def quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def add_quarters(year: int, quarter: int, n: int) -> tuple[int, int]:
    index = year * 4 + (quarter - 1) + n
    return index // 4, index % 4 + 1


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def shift(anchor: date, unit: str, n: int) -> tuple[str, str]:
    """The period `n` units away from `anchor`, as (TIMEX3 value, granularity)."""
    if unit in ("day", "night"):
        return day_value(anchor + timedelta(days=n)), "day"
    if unit in ("week", "weekend"):
        return week_value(anchor + timedelta(weeks=n)), "week"
    if unit == "month":
        return month_value(*add_months(anchor.year, anchor.month, n)), "month"
    if unit == "quarter":
        year, q = add_quarters(anchor.year, quarter_of(anchor), n)
        return f"{year}-Q{q}", "quarter"
    if unit == "decade":
        return f"{(anchor.year + 10 * n) // 10:03d}", "decade"
    if unit == "century":
        return f"{(anchor.year + 100 * n) // 100:02d}", "century"
    return f"{anchor.year + n:04d}", "year"


def weekday_near(anchor: date, weekday: int, direction: int) -> date:
    """The `weekday` (1=Mon) before (-1), after (+1) or in the week of (0) `anchor`."""
    delta = weekday - anchor.isoweekday()
    if direction < 0:
        return anchor + timedelta(days=delta - 7 if delta >= 0 else delta)
    if direction > 0:
        return anchor + timedelta(days=delta + 7 if delta <= 0 else delta)
    return anchor + timedelta(days=delta)


def season_year(anchor: date, season: str, direction: int) -> int:
    """Year of the last (-1), next (+1) or current (0) `season` seen from `anchor`."""
    end = SEASON_END[season]
    month = anchor.month if not (season == "WI" and anchor.month <= 2) else anchor.month + 12
    base = anchor.year if not (season == "WI" and anchor.month <= 2) else anchor.year - 1
    if direction < 0:
        return base if month > end else base - 1
    if direction > 0:
        return base + 1 if month >= end - 2 else base
    return base


def month_year(anchor: date, month: int, direction: int) -> int:
    """Year of the last (-1), next (+1) or nearest-in-tense (0) `month` seen from `anchor`."""
    if direction < 0:
        return anchor.year if month < anchor.month else anchor.year - 1
    if direction > 0:
        return anchor.year if month > anchor.month else anchor.year + 1
    return anchor.year


def easter(year: int) -> date:
    """Gregorian Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month = (h + ell - 7 * m + 114) // 31
    day = (h + ell - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
    last = date(year, month, calendar.monthrange(year, month)[1])
    return last - timedelta(days=(last.isoweekday() - weekday) % 7)


def holiday(name: str, year: int) -> date:
    """The date of a named holiday in `year`."""
    key = name.lower()
    if key in HOLIDAYS:
        month, day = HOLIDAYS[key]
        return date(year, month, day)
    if key.startswith("thanksgiving"):
        return _nth_weekday(year, 11, 4, 4)
    if key.startswith("easter"):
        return easter(year)
    if key == "good friday":
        return easter(year) - timedelta(days=2)
    if key == "memorial day":
        return _nth_weekday(year, 5, 1, -1)
    return _nth_weekday(year, 9, 1, 1)  # labor day
