"""Events of an article known only to a narrow interval: dated to a range of days.

The timex stage has read the article's relative dates on both ends of its interval
(`timex.window`): each carries the days it can be. A sentence whose event such a mention
dates, or an undated lead sentence telling the article's own news, gets them: its one day
when both ends agree, else the range (`Event.within`) with, as its `date`, what the range
pins at calendar precision: its month, else its year. Never a made-up day.
"""

from __future__ import annotations

from datetime import date

from dateline.model import DayRange


def window_range(window: tuple[date, date]) -> DayRange:
    return DayRange(window[0].isoformat(), window[1].isoformat())


def ranged_date(within: DayRange) -> str:
    """What a range pins at calendar precision: its one day, its month, or its first year."""
    if within.earliest == within.latest:
        return within.earliest
    if within.earliest[:7] == within.latest[:7]:
        return within.earliest[:7]
    return within.earliest[:4]


def overlap(first: DayRange, second: DayRange) -> bool:
    """Whether some day lies in both ranges."""
    return first.earliest <= second.latest and second.earliest <= first.latest
