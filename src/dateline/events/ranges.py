"""Dates an article without a day can still give: a range of days, or a day.

An article known only to lie between two days E and L has its relative dates ("on Friday",
"March 3", "yesterday") read twice, once as if written on E and once on L. Both readings
agreeing give a day; otherwise the event lies between the earlier reading's start and the
later one's end: "on Friday" in an article of 1-14 March is a Friday between 24 February and
14 March. A range wider than `MAX_RANGE_DAYS` places nothing.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from dateline.events.calendar import calendar_value
from dateline.model import Article, DayRange, TimeMention
from dateline.timex import tag

# The bar for an undated clipping's interval: about a year and a month.
MAX_RANGE_DAYS = 400
_WEEKDAY = re.compile(r"XXXX-WXX-([1-7])")


@dataclass(frozen=True)
class Ranged:
    """A mention's calendar value as read on the first day of the window, and its range."""

    value: str
    within: DayRange | None  # None: both readings agree, `value` is the date


def article_window(article: Article) -> tuple[date, date] | None:
    """(earliest, latest) of an article with no day but a closed, narrow enough interval."""
    published = article.published
    if published is None or published.date is not None:
        return None
    if published.earliest is None or published.latest is None:
        return None
    if (published.latest - published.earliest).days > MAX_RANGE_DAYS:
        return None
    return published.earliest, published.latest


def window_range(window: tuple[date, date]) -> DayRange:
    return DayRange(window[0].isoformat(), window[1].isoformat())


def ranged_mentions(article: Article, window: tuple[date, date]) -> dict[int, Ranged]:
    """Unresolved mentions of the article (by start offset) that the window places."""
    unresolved = {(t.start, t.end): t for t in article.timexes
                  if t.type in ("DATE", "TIME") and calendar_value(t.value) is None}
    if not unresolved:
        return {}
    early = {(t.start, t.end): t for t in tag(article.text, window[0])}
    late = {(t.start, t.end): t for t in tag(article.text, window[1])}
    found: dict[int, Ranged] = {}
    for span, mention in unresolved.items():
        first, last = early.get(span), late.get(span)
        low = calendar_value(first.value) if first else None
        high = calendar_value(last.value) if last else None
        if low is None or high is None or high < low:
            continue
        if low == high:
            found[span[0]] = Ranged(low, None)
        elif (within := _range(low, high, mention)) is not None:
            found[span[0]] = Ranged(low, within)
    return found


def ranged_date(within: DayRange) -> str:
    """What a range pins at calendar precision: its month, its year, or its first year."""
    if within.earliest[:7] == within.latest[:7]:
        return within.earliest[:7]
    return within.earliest[:4]


def _range(low: str, high: str, mention: TimeMention) -> DayRange | None:
    first, last = _first_day(low), _last_day(high)
    if (last - first).days > MAX_RANGE_DAYS:
        return None
    weekday = _WEEKDAY.fullmatch(mention.value)
    return DayRange(first.isoformat(), last.isoformat(), int(weekday[1]) if weekday else 0)


def _first_day(value: str) -> date:
    parts = [int(p) for p in value.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def _last_day(value: str) -> date:
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return date(*parts)
    if len(parts) == 2:
        return date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
    return date(parts[0] + 1, 1, 1) - timedelta(days=1)
