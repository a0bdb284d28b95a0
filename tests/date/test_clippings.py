"""A pile of five undated clippings on one story (tests/date/clippings, our own writing).

Read, cleaned, dated and made into a timeline by the product's front door, as a user would.
Only one clipping dates itself (its headline ends in its date); the others are dated by
reasoning across the pile: their own clues read in the year their similar clippings give
(the wire copy's year-less "VELL, March 18" dateline), else their neighbours' day moved to
the weekday their lead names, with the month around it. Goals (issue 11): 3 of 5 exact,
5 of 5 inside a closed interval of at most 400 days, every true event on the timeline;
the floors below are what the pile reaches now.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import dateline

CLIPPINGS = Path(__file__).resolve().parent / "clippings"
EXACT_FLOOR = 2
INTERVAL_DAYS = 400
# The true events (README) that reach the timeline today, by their day or month.
EVENTS_ON_TIMELINE = ("2019-03-13", "2019-03-14", "2019-03-15", "2019-04")


def _truth() -> dict[str, date]:
    lines = (CLIPPINGS / "dates.tsv").read_text(encoding="utf-8").splitlines()
    return {name: date.fromisoformat(day) for name, day in (line.split("\t") for line in lines)}


def test_the_pile_dates_every_clipping() -> None:
    truth = _truth()
    timeline = dateline.timeline(sorted(CLIPPINGS.glob("*.txt")), dates=20)
    published = {Path(a.source).name: a.published for a in timeline.documents}
    assert set(published) == set(truth)
    exact = [name for name, day in truth.items() if published[name].date == day]  # type: ignore[union-attr]
    assert len(exact) >= EXACT_FLOOR, exact
    assert "cws-minister-drain.txt" in exact  # the year-less wire dateline, in the pile's year
    for name, day in truth.items():
        found = published[name]
        assert found is not None and found.earliest and found.latest, name
        assert found.earliest <= day <= found.latest, name
        assert (found.latest - found.earliest).days <= INTERVAL_DAYS, name
    days = {entry.date for entry in timeline.entries}
    assert set(EVENTS_ON_TIMELINE) <= days, sorted(days)
