"""Busy stretches get their due: timeline dates shared out among the months of the story.

Ranking days by salience alone hands the timeline to the few days everyone names and
starves a stretch the story reported day by day (a two-month trial, a campaign, a war's
first weeks), where each day is named by fewer articles but the stretch as a whole by many.
So dates are taken in the order that shares seats out among months in proportion to how
much of the story's reporting names each month (the Sainte-Laguë divisor method, with a
month's summed salience as its votes), each month's seats going to its most salient days.
"""

from __future__ import annotations

from collections import defaultdict


def apportioned(salience: dict[str, float], allowed: list[str], share: float) -> list[str]:
    """`allowed` calendar values by salience times the divisor method's quotient, raised to
    `share` (0: salience alone, 1: the order the divisor method over months seats them)."""
    months: defaultdict[str, list[str]] = defaultdict(list)
    for value in sorted(allowed, key=lambda v: (-salience[v], v)):
        months[value[:7]].append(value)
    votes = {month: sum(salience[v] for v in values) for month, values in months.items()}
    quotient = {
        value: votes[month] / (2 * rank + 1)
        for month, values in months.items()
        for rank, value in enumerate(values)
    }
    return sorted(
        allowed,
        key=lambda v: (-(salience[v] ** (1 - share)) * quotient[v] ** share, -salience[v], v),
    )
