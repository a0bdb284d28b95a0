"""The most likely writing day after the latest dated event, placed by the weekdays named.

News names the days of the last week by weekday ("on Monday ordered") and older days by
date, so the writing day is soon after the latest dated event, on a day from which each past
weekday mentioned is a day or two back and each future one a few days ahead.
"""

from __future__ import annotations

from datetime import date, timedelta

from dateline.date.clues import Clue

# How many days after the latest dated event the writing day is looked for. Two weeks covers
# "on Thursday" after a trial that began "on Sept. 28"; the costs pick inside it.
SEARCH_DAYS = 14
# Style guides (AP and most papers) use the weekday for the past seven days and the date
# beyond, so a bare date next to bare weekdays is usually at least this many days old.
WEEKDAY_HORIZON = 6
# Costs, set by hand on our undated set and checked on Timeline17 articles: a past weekday
# 0, 1, 2... days back (news mostly reports the same or the next day, rarely three or more
# days on), a future one per day ahead, a dated event within the weekday horizon, and each
# day after the latest dated event.
GAP_COST = (0.0, 0.2, 0.8, 1.4, 2.0, 2.6, 3.2)
FUTURE_WEIGHT = 0.1
STALE_WEIGHT = 1.0
DRIFT_WEIGHT = 0.2


def weekday_point(
    earliest: date, latest: date | None, clues: list[Clue], dated_with_weekday: bool
) -> tuple[date, list[str]]:
    """The likeliest writing day from `earliest` on, and the weekday phrases that placed it.

    `dated_with_weekday` says the latest dated event named its weekday too ("Friday 8 May
    2009"): a page's own date line or an event of this week, so the writing day is that day
    and the weekdays mentioned are the days before it.
    """
    weekdays = [c for c in clues if c.kind == "weekday"]
    if not weekdays or dated_with_weekday:
        return earliest, []
    best, best_cost = earliest, float("inf")
    for offset in range(SEARCH_DAYS):
        day = earliest + timedelta(days=offset)
        if latest is not None and day > latest:
            break
        cost = _weekday_cost(day, weekdays) + DRIFT_WEIGHT * offset
        cost += STALE_WEIGHT * max(0, WEEKDAY_HORIZON - offset)
        if cost < best_cost:
            best, best_cost = day, cost
    return best, [c.mention.text for c in weekdays]


def _weekday_cost(day: date, weekdays: list[Clue]) -> float:
    cost = 0.0
    today = day.isoweekday()
    for clue in weekdays:
        if clue.weekday is None:
            continue
        if clue.tense < 0:
            cost += GAP_COST[(today - clue.weekday) % 7]
        elif clue.tense > 0:
            cost += FUTURE_WEIGHT * ((clue.weekday - today) % 7)
    return cost
