"""Dates an article states about itself: its header lines and its URL.

The cleaner moves byline and date lines ("Published: Feb. 3, 2004 10:31 AM") out of the body
into `Article.header`. A page often shows several dates there; the publication line beats a
plain date line, which beats an "updated"/"last modified" one (an update comes after the
article was written). The date expressions come from the tagger; only what is particular to
headers and URLs is matched here: URL paths (`/2004/01/26/`), numeric day-first dates
("17/10/2013"), which the tagger reads month-first, and year-first ones ("2009/06/09").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from dateline.date.furniture import is_caption
from dateline.read.pagestamp import SHORT_LINE
from dateline.read.pagetext import listed_stamps
from dateline.timex import tag

_PUBLISHED = re.compile(
    r"\b(?:published|posted|first published|created|filed|issued|released|dated?)\b", re.I
)
_UPDATED = re.compile(r"\b(?:updated|modified|revised|edited|amended)\b", re.I)
_URL_DAY = re.compile(
    r"(?<!\d)((?:19|20)\d\d)(?:([/_-])(0?[1-9]|1[0-2])\2(0?[1-9]|[12]\d|3[01])|"
    r"(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01]))(?=[/._-]|$)"
)
_URL_MONTH = re.compile(r"/((?:19|20)\d\d)/(0?[1-9]|1[0-2])/")
_DAY_FIRST = re.compile(r"(?<![\d/.])(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)\d\d)(?![\d/.])")
_YEAR_FIRST = re.compile(r"(?<![\d/.])((?:19|20)\d\d)[/.](\d{1,2})[/.](\d{1,2})(?![\d/.])")
_DAY_VALUE = re.compile(r"^(\d{4}|XXXX)-(\d{2})-(\d{2})")
_WEEKDAY_NAME = re.compile(r"\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\b")
_URL = re.compile(r"\b(?:https?://|www\.)\S+", re.I)
# Text run together without line breaks: how far in a publication word is looked for, and
# how much text either side of it is read as its date line.
STAMP_REACH = 400
STAMP_SPAN = 40
_STAMP_WORD = re.compile(r"\b(?:published|posted|last updated|updated)\b", re.I)
# A page's own stamp printed without a publication word: a full date naming its weekday, then
# a clock time ("WASHINGTON | Sat Aug 20, 2011 10:14pm BST"). Events are not reported so.
_MONTH_WORD = r"[A-Z][a-z]{2,8}\.?"
_CLOCK_STAMP = re.compile(
    rf"\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?\s*,?\s+"
    rf"(?:{_MONTH_WORD}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH_WORD})\s*,?\s*\d{{4}}\s*,?\s*"
    r"(?:at\s+)?\d{1,2}[:.]\d{2}"
)
# How many lines at the top of the text may be a date line left in (how short they are is
# the page stamp's `SHORT_LINE`).
TOP_LINES = 12


@dataclass(frozen=True)
class Stated:
    """A day an article states for itself; `year` is None when the line left it out."""

    year: int | None
    month: int
    day: int
    line: str
    updated: bool = False

    def on(self, year: int) -> date | None:
        try:
            return date(year, self.month, self.day)
        except ValueError:
            return None


def header_date(lines: tuple[str, ...]) -> Stated | None:
    """The publication day the header lines state, preferring a "published" line."""
    best: tuple[int, Stated] | None = None
    for line in lines:
        stated = _line_date(line)
        if stated is None:
            continue
        rank = 2 if _PUBLISHED.search(line) else (0 if stated.updated else 1)
        rank = rank * 2 + (stated.year is not None)
        if best is None or rank > best[0]:
            best = (rank, stated)
    return best[1] if best else None


def title_stamp(title: str) -> tuple[str, ...]:
    """The title when it is really a date line ("Posted 2019-08-21 by ...", "THE LEDGER —
    Thursday, November 8, 2012 — Page A3"), which a cleaner may take for the headline."""
    if _PUBLISHED.search(title) or _UPDATED.search(title):
        return (title,)
    for mention in tag(title, None):
        # A full date that names its weekday is how a page prints its own date.
        if re.match(r"\d{4}-\d{2}-\d{2}", mention.value) and _WEEKDAY_NAME.search(mention.text):
            return (title,)
    return ()


def top_lines(text: str) -> tuple[str, ...]:
    """Short lines before the body starts: a date line the cleaner left in reads as a header."""
    lines = []
    for line in text.splitlines()[:TOP_LINES]:
        words = line.split()
        if len(words) > SHORT_LINE:
            if line.rstrip().endswith((".", "!", "?", '"', "”")):
                break  # the first paragraph: the body has begun
            continue  # a standfirst
        if words and not is_caption(line):
            lines.append(line.strip())
    head = text[:STAMP_REACH]
    return (*lines, *_stamps(head, text)) if "\n" not in head else tuple(lines)


def _stamps(head: str, text: str) -> list[str]:
    """Publication words with the text around them, and weekday-named dates with a clock time,
    from text whose lines were run together ("6 January 2011 Last updated at 12:07",
    "updated : Thu Mar 18 2010 09:39", "MANILA | Thu May 14 , 2009 10:59 am BST"); none
    beside one of a list's stamps (`pagetext.listed_stamps`)."""
    listed = [span for span in listed_stamps(text) if span[0] < len(head)]

    def free(start: int, end: int) -> bool:
        return not any(first < end and start < last for first, last in listed)

    around = [
        (max(0, found.start() - STAMP_SPAN), found.end() + STAMP_SPAN)
        for found in _STAMP_WORD.finditer(head)
    ]
    # Tokenised copy spaces its commas ("Apr 27 , 2009"), which would cut the year off.
    return [head[start:end] for start, end in around if free(start, end)] + [
        re.sub(r"\s+,", ",", found.group(0))
        for found in _CLOCK_STAMP.finditer(head)
        if free(*found.span())
    ]


def text_urls(text: str) -> list[str]:
    """URLs standing on a line of their own or after a label ("Printed from: https://...")."""
    found = []
    for line in text.splitlines():
        if len(line.split()) <= SHORT_LINE:
            found.extend(_URL.findall(line))
    return found


def _line_date(line: str) -> Stated | None:
    updated = bool(_UPDATED.search(line)) and not _PUBLISHED.search(line)
    for url in _URL.findall(line):
        if day_in_url := url_day(url):
            return Stated(day_in_url.year, day_in_url.month, day_in_url.day, line, updated)
    if (found := _YEAR_FIRST.search(line)) and (
        numeric := date_or_none(*(int(g) for g in found.groups()))
    ):
        return Stated(numeric.year, numeric.month, numeric.day, line, updated)
    if found := _DAY_FIRST.search(line):
        first, second, year = (int(g) for g in found.groups())
        day, month = (first, second) if first > 12 or second <= 12 else (second, first)
        if date_or_none(year, month, day):
            return Stated(year, month, day, line, updated)
    for mention in tag(line, None):
        if value := _DAY_VALUE.match(mention.value):
            written_year, written_month, written_day = value.groups()
            parsed = None if written_year == "XXXX" else int(written_year)
            return Stated(parsed, int(written_month), int(written_day), line, updated)
    return None


def url_day(url: str) -> date | None:
    """The day a URL path gives (`/2004/01/26/`, `2004-01-26`, `/20040126`), if any."""
    for found in _URL_DAY.finditer(url):
        year = int(found.group(1))
        month = int(found.group(3) or found.group(5))
        day = int(found.group(4) or found.group(6))
        if parsed := date_or_none(year, month, day):
            return parsed
    return None


def url_month(url: str) -> tuple[int, int] | None:
    """The (year, month) of a `/2004/01/` URL path without a day."""
    found = _URL_MONTH.search(url)
    return (int(found.group(1)), int(found.group(2))) if found else None


def date_or_none(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
