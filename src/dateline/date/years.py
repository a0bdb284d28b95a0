"""The year an article was written in, and the years of the dates it gives without one.

News copy drops the year from recent dates ("on Jan. 4"), so a year has to come from
elsewhere: a relative year word next to a written one ("last year's 2018 harvest" was written
in 2019, "ten years ago, on March 11, 2004" in 2014), or else the latest written-out year of
the past events the article reports.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, timedelta

from dateline.date.clues import Clue

_RELATIVE_YEAR = {"last": 1, "this": 0, "next": -1}
_SENTENCE_END = re.compile(r"[.!?]\s")

# How far (characters) after a relative year word the year it names may come: "last year's
# drought-hit 2018 crop" is about 20. Nothing that joins or contrasts may come between ("in
# 1999 and again last year" names two different years).
NEAR = 30
_JOINERS = re.compile(r"[,;()]|\b(?:and|or|but|than|from|to|since|versus|vs)\b", re.I)
# How far an "N years ago" may sit from the date it counts back to (the date often follows in
# the next sentence: "...ten years ago. At 7:37 a.m. on March 11, 2004, ...").
AGO_NEAR = 200
# How long after the latest dated event a year-less past date may fall: news rarely reports
# a year-less "on Jan. 4" more than half a year after the last date it gives in full.
PAST_REACH = timedelta(days=183)


def _written(clue: Clue) -> bool:
    return clue.kind in ("day", "month", "year") and clue.year is not None


def document_year(text: str, clues: list[Clue]) -> int | None:
    """The writing year when relative words pin it, else None."""
    written = [c for c in clues if _written(c)]
    votes: Counter[int] = Counter()
    for clue in clues:
        if clue.kind == "relyear":
            named = _named_year(text, clue, written)
            if named is not None:
                votes[named + _RELATIVE_YEAR[clue.word]] += 1
        elif clue.kind == "ago":
            # Only a full date counts back: "ten years ago, on March 11, 2004". "Four years
            # ago" next to a bare year is usually a comparison, not an anniversary.
            # A year still to come is another event's anniversary ("on March 1, 2011 ...
            # founded 200 years ago").
            days = [c for c in written if c.kind == "day" and c.tense < 0]
            for other in _near(clue, days, AGO_NEAR):
                if other.year + clue.years_ago <= date.today().year:  # type: ignore[operator]
                    votes[other.year + clue.years_ago] += 1  # type: ignore[operator]
                break
    if not votes:
        return None
    best = max(votes.values())
    return max(year for year, count in votes.items() if count == best)


def _named_year(text: str, clue: Clue, written: list[Clue]) -> int | None:
    """The year written right after "last year's"/"this year's", naming the same year."""
    for other in written:
        if other.mention.start < clue.mention.end:
            continue
        between = text[clue.mention.end : other.mention.start]
        if len(between) <= NEAR and not _JOINERS.search(between):
            return None if _SENTENCE_END.search(between) else other.year
    return None


def _near(clue: Clue, others: list[Clue], reach: int) -> list[Clue]:
    """`others` within `reach` characters of `clue`, nearest first."""

    def gap(other: Clue) -> int:
        a, b = clue.mention, other.mention
        return max(a.start - b.end, b.start - a.end, 0)

    return sorted((o for o in others if gap(o) <= reach), key=gap)


def place_year(clue: Clue, reference: tuple[date, date] | None, year: int | None) -> int | None:
    """The year of a year-less date clue.

    With the writing year known, that year. Otherwise relative to the latest dated event
    (`reference`, its first and last day): a past date falls at most `PAST_REACH` after that
    event ("in August 2003 ... on Jan. 4" is Jan. 4, 2004), a future one on or after it.
    """
    if year is not None:
        return year
    if reference is None or clue.month is None:
        return None
    first, last = reference
    day = clue.day or 1
    if clue.tense > 0:
        for candidate in (first.year, first.year + 1):
            when = _on(candidate, clue.month, day)
            if when is not None and when >= first:
                return candidate
        return first.year + 1
    limit = last + PAST_REACH
    for candidate in (limit.year, limit.year - 1):
        when = _on(candidate, clue.month, day)
        if when is not None and when <= limit:
            return candidate
    return limit.year - 1


def _on(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
