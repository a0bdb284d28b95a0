"""Full dates written in a page's text, in the forms and languages pages print them.

"19. Oktober 2019 00:04 Uhr", "martes 17 de marzo de 2020", "Oct 29 2020", "2022年3月4日",
"11.02.2020, 17:29 Uhr", "11/08/23 5:19pm", "2020-03-08T18:30". Only dates with a day, a
month and a year: a page states its own day in full. Two-digit years fall in the century that
puts them at most a year ahead of today. Slashed dates are read day-first or month-first as
the page itself shows ("25/12/2020" anywhere on it means day-first), else as its language
does (month-first in English).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from dateline.read.pagewords import MONTH_PATTERN, MONTHS

_YEAR = r"((?:19|20)\d\d)"
_ISO = re.compile(rf"(?<![\d.])(?:{_YEAR})([-/.])(\d{{1,2}})\2(\d{{1,2}})(?![\d])")
_CJK = re.compile(rf"{_YEAR}\s*[年년]\s*(\d{{1,2}})\s*[月월]\s*(\d{{1,2}})")
_NUMERIC = re.compile(r"(?<![\d.:/])(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?![\d:]|[./-]\d)")
_MONTH = rf"(?<![^\W\d_])({MONTH_PATTERN})(?![^\W\d_])\.?"
_DAY_MONTH_YEAR = re.compile(
    rf"(?<!\d)(\d{{1,2}})(?:\.|st|nd|rd|th|er|º)?\s*(?:de\s+|of\s+)?{_MONTH},?\s*"
    rf"(?:de\s+|del\s+)?{_YEAR}(?!\d)",
    re.IGNORECASE,
)
_MONTH_DAY_YEAR = re.compile(
    rf"{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+{_YEAR}(?!\d)", re.IGNORECASE
)
# Every form above holds a digit: a line without one holds no date (most lines of a page).
_DIGIT = re.compile(r"\d")
_ENGLISH = re.compile(r"\b(?:the|and|of|to|is|for|with|that)\b")
# Share of a page's words that are these English function words when the page is English
# (about 0.15 in news; under 0.03 in German, French or Spanish pages).
ENGLISH_SHARE = 0.06
# Two-digit years reach this far past the current year before they fall a century back.
YEARS_AHEAD = 1
# A clock time written beside a date, before it ("At 00:13 30th Apr 2009") or after it
# ("Thu Jun 16 2011 19:15:00", "May 3, 2020 at 10:14 am").
_CLOCK = r"\d{1,2}[:.h]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\b\.?)?"
_CLOCK_BEFORE = re.compile(rf"{_CLOCK}(?:\s+[A-Z]{{2,4}})?[\s,]*(?:on\s+)?$", re.IGNORECASE)
_CLOCK_AFTER = re.compile(rf"[\s,]*(?:at\s+|-\s+)?{_CLOCK}", re.IGNORECASE)
_ANY_CLOCK = re.compile(_CLOCK, re.IGNORECASE)
# A stamp's date is within this many characters of its clock: a clock, its zone and "on" fit
# in the 30 before the date, a date is written in under 40, and a clock after it follows it.
CLOCK_REACH = 70
# The word right before a date is part of its shape ("Tue May 10, 2011 1:18 pm" is not
# written as "May 10, 2011 7:09 pm" is).
_WORD_BEFORE = re.compile(r"[^\W\d_]+\.?,?\s+$")


@dataclass(frozen=True)
class Written:
    """A full date written on line `line` (0-based) of the page text."""

    day: date
    line: int
    start: int
    end: int


def written_dates(text: str, today: date | None = None) -> list[Written]:
    """Every full date in `text`, in reading order."""
    today = today or date.today()
    month_first = _month_first(text)
    found: list[Written] = []
    for number, line in enumerate(text.splitlines()):
        if _DIGIT.search(line):
            found.extend(_in_line(line, number, month_first, today))
    return found


def listed_stamps(text: str, today: date | None = None) -> list[tuple[int, int]]:
    """Where `text` writes a date with a clock time that is one of several distinct ones of
    the same shape (the clock, the date and the word before it): a page's own stamp is
    written once, while a list of stories, videos or comments stamps each item alike
    ("updated: Thu Jun 16 2011 19:15 … updated: Fri Aug 26 2011 18:31", "At 00:13 30th Apr
    2009, … wrote"), often long after the page was written. Spans of the dates, as offsets
    into `text`."""
    offsets = [0]
    for line in text.splitlines(keepends=True):
        offsets.append(offsets[-1] + len(line))
    return sorted(
        (offsets[w.line] + w.start, offsets[w.line] + w.end) for w in listed_dates(text, today)
    )


def listed_dates(text: str, today: date | None = None) -> list[Written]:
    """The dates of `listed_stamps`, in reading order. Two distinct stamps of one shape have
    a clock each, on their own lines: a page with fewer than two clocks has no list (most
    have none), and only the lines holding a clock are read."""
    clocks = _ANY_CLOCK.finditer(text)
    if next(clocks, None) is None or next(clocks, None) is None:
        return []
    by_shape: dict[str, dict[str, list[Written]]] = {}
    lines = text.splitlines()
    for written in _near_clocks(text, lines, today or date.today()):
        line = lines[written.line]
        # A clock, its zone and "on" fit in 30 characters.
        before = _CLOCK_BEFORE.search(line, max(0, written.start - 30), written.start)
        after = _CLOCK_AFTER.match(line, written.end)
        if before is None and after is None:
            continue
        word = _WORD_BEFORE.search(line, max(0, written.start - 15), written.start)
        first = before.start() if before else word.start() if word else written.start
        stamp = line[first : after.end() if after else written.end]
        by_shape.setdefault(_shape(stamp), {}).setdefault(stamp, []).append(written)
    return sorted(
        (
            written
            for stamps in by_shape.values()
            if len(stamps) > 1
            for found in stamps.values()
            for written in found
        ),
        key=lambda w: (w.line, w.start),
    )


def _near_clocks(text: str, lines: list[str], today: date) -> list[Written]:
    """The full dates of `text` (split into `lines`) that lie within CLOCK_REACH characters
    of a clock: a run of text copied onto one line can be a whole page, and a stamp's date
    is beside its clock."""
    month_first: bool | None = None  # read from the whole page only when a stretch needs it
    found: list[Written] = []
    for number, line in enumerate(lines):
        stretches: list[tuple[int, int]] = []
        for clock in _ANY_CLOCK.finditer(line):
            start, end = max(0, clock.start() - CLOCK_REACH), clock.end() + CLOCK_REACH
            if stretches and start <= stretches[-1][1]:
                stretches[-1] = (stretches[-1][0], end)
            else:
                stretches.append((start, end))
        for start, end in stretches:
            stretch = line[start:end]
            if month_first is None and _NUMERIC.search(stretch):
                month_first = _month_first(text)
            found.extend(
                Written(w.day, number, w.start + start, w.end + start)
                for w in _in_line(stretch, number, bool(month_first), today)
            )
    return found


def _shape(stamp: str) -> str:
    """How a stamp is written, whatever it says: each run of digits one sign, each word one
    sign by its case ("Sun Jul 29 2012 08:01" and "Thu Jun 16 2011 19:15" share one)."""
    digits = re.sub(r"\d+", "9", stamp)
    return re.sub(r"[^\W\d_]+", lambda word: "A" if word[0][0].isupper() else "a", digits)


def _in_line(line: str, number: int, month_first: bool, today: date) -> list[Written]:
    spans: list[tuple[int, int, date | None]] = []
    for match in _ISO.finditer(line):
        spans.append((*match.span(), _day(match[1], match[3], match[4])))
    for match in _CJK.finditer(line):
        spans.append((*match.span(), _day(match[1], match[2], match[3])))
    for match in _DAY_MONTH_YEAR.finditer(line):
        spans.append((*match.span(), _named(match[3], match[2], match[1])))
    for match in _MONTH_DAY_YEAR.finditer(line):
        spans.append((*match.span(), _named(match[3], match[1], match[2])))
    for match in _NUMERIC.finditer(line):
        spans.append((*match.span(), _numeric(match, month_first, today)))
    kept: list[Written] = []
    covered = 0  # end of the kept spans so far: in start order, overlap is start < covered
    for start, end, day in sorted(spans, key=lambda s: (s[0], -s[1])):
        if day is not None and start >= covered:
            kept.append(Written(day, number, start, end))
            covered = max(covered, end)
    return kept


def _numeric(match: re.Match[str], month_first: bool, today: date) -> date | None:
    first, second = int(match[1]), int(match[3])
    year = _full_year(match[4], today)
    if (match[2] == "/" and month_first and first <= 12) or first <= 12 < second:
        first, second = second, first
    return _valid(year, second, first)


def _full_year(written: str, today: date) -> int:
    """ "23" -> 2023 and "98" -> 1998 (from 2026): at most YEARS_AHEAD past this year."""
    if len(written) == 4:
        return int(written)
    year = today.year // 100 * 100 + int(written)
    return year if year <= today.year + YEARS_AHEAD else year - 100


def _month_first(text: str) -> bool:
    """Whether the page writes slashed dates month first: as its own unambiguous ones do,
    else as English does."""
    first_big = second_big = 0
    for match in _NUMERIC.finditer(text):
        if match[2] == "/":
            first_big += int(match[1]) > 12
            second_big += int(match[3]) > 12
    if first_big != second_big:
        return second_big > first_big
    words = text.lower().split()
    return bool(words) and len(_ENGLISH.findall(" ".join(words))) / len(words) >= ENGLISH_SHARE


def _named(year: str, month: str, day: str) -> date | None:
    number = MONTHS.get(month.lower().rstrip("."))
    return _valid(int(year), number, int(day)) if number else None


def _day(year: str, month: str, day: str) -> date | None:
    return _valid(int(year), int(month), int(day))


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
