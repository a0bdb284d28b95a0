"""TIMEX3 values reduced to the calendar values a timeline can place."""

from __future__ import annotations

import pytest

from dateline.events.calendar import calendar_value


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2004-01-26", "2004-01-26"),
        ("2004-01-26T14:30", "2004-01-26"),
        ("2004-02-30", None),  # no such day
        ("2004-13", None),
        ("2004-01", "2004-01"),
        ("2004", "2004"),
        ("2004-Q1", "2004"),
        ("2004-SU", "2004"),
        ("2004-W03", "2004-01"),  # 12-18 January
        ("2004-W50", "2004-12"),  # 6-12 December
        ("2004-W49", "2004"),  # 29 November - 5 December: in 2004, not in either month
        ("2004-W48-WE", "2004-11"),  # a weekend, 27-28 November
        ("2004-W53", None),  # 27 December 2004 - 2 January 2005
        ("2004-W54", None),
        ("P1Y", None),
        ("XXXX-12-14", None),
        ("PRESENT_REF", None),
    ],
)
def test_calendar_value(value: str, expected: str | None) -> None:
    assert calendar_value(value) == expected
