"""When an article was written, from its text alone.

An article is written on or after the events it reports in the past tense and before the
ones it announces in the future tense, so the dated past mentions give the earliest day and
the dated future ones the latest. A point estimate needs more: a wire dateline ("KABUL,
Jan 26 (Reuters) -"), an anniversary ("ten years ago, on March 11, 2004"), "today" next to a
date, or the latest full date plus the weekdays the text names (see `point`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from dateline.clean.datelines import DATELINE_PLACE
from dateline.date.bounds import Bound, clip, narrowest, single_year
from dateline.date.clues import Clue, clues_from
from dateline.date.furniture import line_of
from dateline.date.guess import granularity, likeliest_day
from dateline.date.periods import Period, latest_past, place
from dateline.date.point import weekday_point
from dateline.date.years import document_year
from dateline.model import TimeMention

# How far into the text a dateline may open (characters); a date alone on its line counts
# only in the first third of that.
DATELINE_REACH = 600
# How near (characters) "today"/"tonight" must be to a weekday-named date to say it is today.
TODAY_NEAR = 250
# How near "ten years ago" must be to the full date it counts back from.
ANNIVERSARY_NEAR = 200

# How many years after the latest dated event a year-less dateline is looked for, and how
# much less likely each further year is: a story is written soon after what it dates.
DATELINE_YEARS = 6
YEAR_DECAY = 0.3
# The weekday a lead names is the writing day in 71% of Timeline17 articles, the day before in
# 20%, and one of the other five days otherwise.
LEAD_SAME_DAY = 0.71
LEAD_DAY_BEFORE = 0.2
LEAD_ELSEWHERE = 0.09 / 5

# Confidence of each kind of point, and of an interval without one: about the share of exact
# days each kind gave on 560 Timeline17 articles (latest date 35/50, "today" date 12/14,
# year-less dateline 3/3, moved by weekdays 0/5 there though right on AP-style copy);
# datelines with a year and anniversaries are rare there and set by hand.
DATELINE_CONFIDENCE = 0.85
YEARLESS_DATELINE_CONFIDENCE = 0.5
TODAY_CONFIDENCE = 0.8
LATEST_DATE_CONFIDENCE = 0.7
ANNIVERSARY_CONFIDENCE = 0.6
WEEKDAY_CONFIDENCE = 0.3
INTERVAL_CONFIDENCE = 0.1


@dataclass(frozen=True)
class Estimate:
    point: date | None
    earliest: date | None
    latest: date | None
    confidence: float
    evidence: tuple[str, ...] = ()
    likeliest: date | None = None  # see `PublicationDate.likeliest`
    granularity: str = ""


NOTHING = Estimate(None, None, None, 0.0)


def estimate_from_text(
    text: str, mentions: list[TimeMention], bounds: Sequence[Bound] = ()
) -> Estimate:
    """The writing day of `text` as an interval and a point, from its tagged mentions, inside
    `bounds` (what is known beside the text: the world, the pile; see `bounds`).

    Without a point, the likeliest day is still guessed (see `guess`), for resolving "last
    year": inside the year the text's own words give, else from its dates.
    """
    clues = clues_from(text, mentions)
    within = narrowest(bounds)
    year = document_year(text, clues) or single_year(within)
    found = _inside(_estimate(text, clues, year), within)
    if found.point is not None:
        return dataclasses.replace(found, likeliest=found.point, granularity="day")
    day = likeliest_day(place(clues, year), year, found.earliest, found.latest)
    if day is None:
        return found
    return dataclasses.replace(
        found, likeliest=day, granularity=granularity(found.earliest, found.latest)
    )


def _inside(found: Estimate, within: Bound | None) -> Estimate:
    """`found` narrowed to `within`; a point outside it is dropped, the interval clipped."""
    if within is None:
        return found
    earliest, latest = clip(found.earliest, found.latest, within)
    point = found.point
    if point is not None and not (earliest or date.min) <= point <= (latest or date.max):
        point = None
    confidence = found.confidence if point is not None else min(found.confidence,
                                                               INTERVAL_CONFIDENCE)  # fmt: skip
    return Estimate(point, earliest, latest, confidence, (*found.evidence, within.evidence))


def _estimate(text: str, clues: list[Clue], year: int | None) -> Estimate:
    """The interval and point the clues give when the writing year is `year` (or unknown)."""
    periods = place(clues, year)
    if (dateline := _dateline(text, periods)) and (
        dated := _dateline_day(dateline, periods, clues)
    ):
        day, confidence = dated
        line = line_of(text, dateline.clue.mention.start)
        return Estimate(day, day, day, confidence, (line,))
    decided_by = latest_past(periods)
    earliest = decided_by.first if decided_by else None
    if year is not None:
        earliest = max(earliest or date.min, date(year, 1, 1))
    latest = _upper_bound(periods, earliest, year)
    if earliest and latest and latest < earliest:
        latest = None  # the writing year came out before a dated event: trust neither
    evidence = [decided_by.clue.mention.text] if decided_by else []
    for found in (_today(clues, periods), _anniversary(clues, periods)):
        if found and (earliest or date.min) <= found[0] <= (latest or date.max):
            day, confidence, why = found
            return Estimate(day, earliest, latest, confidence, (*evidence, why))
    if earliest is None:
        return NOTHING if latest is None else Estimate(None, None, latest, INTERVAL_CONFIDENCE)
    if decided_by is None or not _pins_a_day(decided_by, earliest, periods):
        return Estimate(None, earliest, latest, INTERVAL_CONFIDENCE, tuple(evidence))
    point, weekdays = weekday_point(earliest, latest, clues, decided_by.clue.weekday is not None)
    confidence = WEEKDAY_CONFIDENCE if weekdays else LATEST_DATE_CONFIDENCE
    return Estimate(point, earliest, latest, confidence, (*evidence, *weekdays))


def _pins_a_day(decided_by: Period, earliest: date, periods: list[Period]) -> bool:
    """True when the earliest day is a full date that is also the latest the text gives.

    A birth date followed by decades of years says nothing about the writing day.
    """
    return decided_by.first == earliest == decided_by.last and not any(
        p.sure and p.first.year > earliest.year and p.clue.tense <= 0 for p in periods
    )


def _upper_bound(periods: list[Period], earliest: date | None, year: int | None) -> date | None:
    """The last possible writing day: the end of the soonest future period after `earliest`."""
    ends = [
        p.last for p in periods if p.clue.tense > 0 and p.sure and p.last >= (earliest or date.min)
    ]
    if year is not None:
        ends.append(date(year, 12, 31))
    return min(ends, default=None)


def _dateline(text: str, periods: list[Period]) -> Period | None:
    """A day given where wire copy puts its dateline, or on a line of its own at the top."""
    for period in periods:
        start = period.clue.mention.start
        if start > DATELINE_REACH or period.first != period.last:
            continue
        before = text[text.rfind("\n", 0, start) + 1 : start]
        alone = line_of(text, start).strip() == period.clue.mention.text.strip()
        if DATELINE_PLACE.match(before) or (alone and start <= DATELINE_REACH // 3):
            return period
    return None


def _dateline_day(
    dateline: Period, periods: list[Period], clues: list[Clue]
) -> tuple[date, float] | None:
    """The dateline's day. Without a year: on or after every dated event reported (the story
    is written after them), soon after rather than years on, and in a year where the weekday
    the lead names ("BRUSSELS, February 10 -- ... said on Wednesday") is that day or the one
    before; with less confidence."""
    if dateline.sure:
        return dateline.first, DATELINE_CONFIDENCE
    written = [p.first for p in periods if p.clue.year is not None and p.clue.tense <= 0]
    if not written:
        return None
    reference = max(written)
    # The lead names the dateline day's events by weekday, so the first weekday counts.
    after = [
        c for c in clues if c.kind == "weekday" and c.mention.start > dateline.clue.mention.start
    ]
    lead = after[0].weekday if after else None
    best: tuple[float, date] | None = None
    for offset in range(DATELINE_YEARS + 1):
        try:
            day = dateline.first.replace(year=reference.year + offset)
        except ValueError:
            continue
        if day < reference:
            continue
        likelihood = YEAR_DECAY**offset * _lead_fit(lead, day)
        if best is None or likelihood > best[0]:
            best = (likelihood, day)
    if best is None:
        return None
    same_day = lead is not None and best[1].isoweekday() == lead
    return best[1], YEARLESS_DATELINE_CONFIDENCE if same_day else YEARLESS_DATELINE_CONFIDENCE / 2


def _lead_fit(lead: int | None, day: date) -> float:
    """How often a lead names `lead`'s weekday when written on `day`."""
    if lead is None:
        return 1.0
    if day.isoweekday() == lead:
        return LEAD_SAME_DAY
    if (day - timedelta(days=1)).isoweekday() == lead:
        return LEAD_DAY_BEFORE
    return LEAD_ELSEWHERE


def _today(clues: list[Clue], periods: list[Period]) -> tuple[date, float, str] | None:
    """A weekday-named date next to "today"/"tonight": writers spell out the day they mean."""
    todays = [
        c.mention.start for c in clues if c.kind == "deictic" and c.word in ("today", "tonight")
    ]
    for period in periods:
        clue = period.clue
        if clue.weekday is None or period.first != period.last or not period.sure:
            continue
        if any(abs(at - clue.mention.start) <= TODAY_NEAR for at in todays):
            return period.first, TODAY_CONFIDENCE, clue.mention.text
    return None


def _anniversary(clues: list[Clue], periods: list[Period]) -> tuple[date, float, str] | None:
    """ "Ten years ago ... on March 11, 2004": the writing day is that date ten years on,
    never a day still to come ("on March 1, 2011 ... 200 years ago" counts back from another
    event than the one beside it)."""
    today = date.today()
    for clue in clues:
        if clue.kind != "ago":
            continue
        for period in periods:
            other = period.clue
            near = abs(other.mention.start - clue.mention.start) <= ANNIVERSARY_NEAR
            if other.kind == "day" and other.tense < 0 and near:
                try:
                    day = period.first.replace(year=period.first.year + clue.years_ago)
                except ValueError:
                    continue
                if day > today:
                    continue
                return day, ANNIVERSARY_CONFIDENCE, clue.mention.text
    return None
