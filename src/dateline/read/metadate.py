"""Publication dates as metadata writes them: ISO stamps, "Feb. 26, 2004", "26 February 2004".

Small and strict on purpose: a metadata date is trusted downstream, so anything ambiguous
("03/04/2004") or partial ("2004-02") gives None rather than a guess. The date written is the
publisher's local date, so a time zone never moves it to another day.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

from dateline.english import MONTHS

_MONTHS = MONTHS
_MONTH = r"(?P<month>[a-z]{3,9})\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"

_PATTERNS = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        # 2004-02-26, 2004-02-26T10:00:00Z, 2004/02/26 10:00, 2004.02.26
        r"^(?P<year>\d{4})(?P<sep>[-/.])(?P<month>\d{1,2})(?P=sep)(?P<day>\d{1,2})(?:$|[T\s_])",
        # 20040226, 20040226T100000Z
        r"^(?P<year>\d{4})(?P<month>\d{2})(?P<day>\d{2})(?:$|T)",
        # Feb. 26, 2004 / Thursday, February 26 2004 / Feb 26th, 2004 10:00 AM
        rf"^(?:[a-z]+,?\s+)?{_MONTH}\s+{_DAY},?\s+{_YEAR}\b",
        # 26 February 2004 / Thu, 26 Feb 2004 10:00:00 GMT / 26-Feb-2004
        rf"^(?:[a-z]+,?\s+)?{_DAY}[\s-]+(?:of\s+)?{_MONTH}[\s,-]+{_YEAR}\b",
        # 26/02/2004 or 02/26/2004: kept only when the day is unambiguous (> 12)
        r"^(?P<first>\d{1,2})[/.-](?P<second>\d{1,2})[/.-](?P<year>\d{4})$",
    )
)

_MIN_YEAR = 1800
_MAX_YEAR = 2100
# JSON dumps sometimes store Unix time; past this many it must be milliseconds. Below
# _MIN_TIMESTAMP (1973) a number is more likely a bare year or an id than a timestamp.
_MILLISECONDS_FROM = 10**11
_MIN_TIMESTAMP = 10**8


def parse_date(value: object) -> date | None:
    """A calendar date from a metadata value (string, Unix timestamp or date), else None."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return _from_timestamp(value)
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    if text.isdigit() and len(text) in (10, 13):
        return _from_timestamp(int(text))
    for pattern in _PATTERNS:
        match = pattern.match(text)
        if match:
            return _from_match(match.groupdict())
    return None


def _from_match(parts: dict[str, str]) -> date | None:
    if "first" in parts:
        first, second = int(parts["first"]), int(parts["second"])
        if first > 12 >= second:
            day, month = first, second
        elif second > 12 >= first:
            day, month = second, first
        else:
            return None
        return _valid(int(parts["year"]), month, day)
    month_text = parts["month"]
    named = month_text.isdigit() or month_text.lower() in _MONTHS
    if not named:
        return None
    month = int(month_text) if month_text.isdigit() else _MONTHS[month_text.lower()]
    return _valid(int(parts["year"]), month, int(parts["day"]))


def _valid(year: int, month: int, day: int) -> date | None:
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _from_timestamp(value: float) -> date | None:
    if abs(value) < _MIN_TIMESTAMP:
        return None
    seconds = value / 1000 if abs(value) >= _MILLISECONDS_FROM else value
    try:
        moment = datetime.fromtimestamp(seconds, tz=UTC)
    except (OverflowError, OSError, ValueError):
        return None
    return _valid(moment.year, moment.month, moment.day)
