"""Time expressions of an article known only to lie between two days.

An article with no day but a narrow interval [E, L] has its relative dates ("on Friday",
"March 3", "yesterday") read twice, as if written on E and as if written on L. The mention
keeps its unresolved value (what the date stage reads it by) and gets the days between the
earlier reading's first day and the later one's last day (`TimeMention.within`): "on Friday"
in an article of 25 February to 11 March 2022 is a Friday between 25 February and 11 March;
"March 3" there is the one day 3 March 2022. Only day, month and year readings are placed;
an interval wider than `MAX_RANGE_DAYS` places nothing.
"""

from __future__ import annotations

import calendar
import dataclasses
import re
from datetime import date, timedelta

from dateline.model import Article, DayRange, TimeMention

# About a year and a month: the bar issue 11 sets for an undated clipping's interval.
MAX_RANGE_DAYS = 400
_CALENDAR = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T.*)?")
_WEEKDAY = re.compile(r"XXXX-WXX-([1-7])")


def article_window(article: Article) -> tuple[date, date] | None:
    """(earliest, latest) of an article with no day but a closed, narrow enough interval."""
    published = article.published
    # The pile's likely month is a guess from similar articles, not a bound the article
    # gives: reading "in August" inside it would turn the guess into dates.
    if published is None or published.date is not None or published.method == "pile":
        return None
    if published.earliest is None or published.latest is None:
        return None
    if not 0 <= (published.latest - published.earliest).days <= MAX_RANGE_DAYS:
        return None
    return published.earliest, published.latest


def in_window(
    bare: list[TimeMention],
    early: list[TimeMention],
    late: list[TimeMention],
    window: tuple[date, date],
) -> list[TimeMention]:
    """The mentions of a text tagged with no anchor (`bare`), each relative one with the days
    its readings on the window's first day (`early`) and last (`late`) allow."""
    first = {(m.start, m.end): m for m in early}
    last = {(m.start, m.end): m for m in late}
    anchor = f"{window[0].isoformat()}/{window[1].isoformat()}"
    found = []
    for mention in bare:
        span = (mention.start, mention.end)
        low, high = first.get(span), last.get(span)
        within = None
        if low is not None and high is not None and mention.value != low.value:
            within = _range(low.value, high.value, mention.value)
        found.append(
            dataclasses.replace(mention, within=within, anchor=anchor) if within else mention
        )
    return found


def _range(low: str, high: str, bare: str) -> DayRange | None:
    first, last = _first_day(low), _last_day(high)
    if first is None or last is None or not 0 <= (last - first).days <= MAX_RANGE_DAYS:
        return None
    weekday = _WEEKDAY.fullmatch(bare)
    return DayRange(first.isoformat(), last.isoformat(), int(weekday[1]) if weekday else 0)


def _parts(value: str) -> tuple[int, int | None, int | None] | None:
    match = _CALENDAR.fullmatch(value)
    if match is None:
        return None
    year, month, day = match.groups()
    return int(year), int(month) if month else None, int(day) if day else None


def _first_day(value: str) -> date | None:
    parts = _parts(value)
    if parts is None:
        return None
    year, month, day = parts
    try:
        return date(year, month or 1, day or 1)
    except ValueError:
        return None


def _last_day(value: str) -> date | None:
    parts = _parts(value)
    if parts is None:
        return None
    year, month, day = parts
    try:
        if day is not None and month is not None:
            return date(year, month, day)
        if month is not None:
            return date(year, month, calendar.monthrange(year, month)[1])
        return date(year + 1, 1, 1) - timedelta(days=1)
    except ValueError:
        return None
