"""`TimexValue`: a TIMEX3 value's calendar position, read once instead of by string length."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from dateline.events.calendar import calendar_value
from dateline.render.precision import display_date, precision
from dateline.timex import TimexValue, tag

SRC = Path(__file__).resolve().parents[2] / "src" / "dateline"


@pytest.mark.parametrize(
    ("value", "granularity", "day", "interval"),
    [
        ("2004-03-17", "day", date(2004, 3, 17), (date(2004, 3, 17), date(2004, 3, 17))),
        ("2004-03-17T10:30", "day", date(2004, 3, 17), (date(2004, 3, 17), date(2004, 3, 17))),
        ("2004-02", "month", None, (date(2004, 2, 1), date(2004, 2, 29))),
        ("2004", "year", None, (date(2004, 1, 1), date(2004, 12, 31))),
        ("2004-W12", "year", None, (date(2004, 1, 1), date(2004, 12, 31))),
        ("P3D", "", None, None),
        ("XXXX-XX-XX", "", None, None),
        ("PRESENT_REF", "", None, None),
        ("2004-02-30", "day", None, None),
        ("2004-13", "month", None, None),
    ],
)
def test_parse_names_the_calendar_position(value, granularity, day, interval) -> None:
    found = TimexValue.parse(value)
    assert (found.granularity, found.day, found.interval) == (granularity, day, interval)
    assert found.rank == {"day": 3, "month": 2, "year": 1, "": 0}[granularity]


def test_it_agrees_with_the_tagger_and_the_renderers() -> None:
    text = (
        "The bridge closed on March 3, 2004, reopened in June 2005 and was sold in 2006; "
        "repairs take three weeks."
    )
    values = [m.value for m in tag(text, date(2007, 1, 1))]
    calendar = [v for v in map(calendar_value, values) if v]
    assert [TimexValue.parse(v).granularity for v in calendar] == ["day", "month", "year"]
    assert [precision(v) for v in calendar] == ["day", "month", "year"]
    assert [display_date(v) for v in calendar] == ["March 3, 2004", "June 2005", "2006"]
    assert TimexValue.parse(next(v for v in values if v.startswith("P"))).granularity == ""


# "Is it a day?" read from a calendar value's length: `len(value) == 10`, `{10: ...}[len(v)]`.
_BY_LENGTH = re.compile(r"len\([\w.]*(?:value|date)\)\s*(?:==|!=)\s*(?:10|7)\b|\.get\(len\(")


def test_no_module_reads_a_values_granularity_from_its_length() -> None:
    """Issue 13: `len(value) == 10` meant "is a day" in about twelve places."""
    found = [
        f"{path.relative_to(SRC)}:{number}"
        for path in SRC.rglob("*.py")
        if path.name != "value.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if _BY_LENGTH.search(line)
    ]
    assert found == []
