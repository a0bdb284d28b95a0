"""Two piles of five undated clippings, each on one story (our own writing).

`clippings/` (a leak at a dam, 2019) is the pile the rules were worked out on; `heldout/` (a
ferry aground, 2022) was written and frozen before they changed, in other words, to show they
hold on a story nobody tuned on. Each pile is read, cleaned, dated and made into a timeline
by the product's front door, as a user would. Only one clipping of each dates itself (its
headline ends in its date); the others are dated by reasoning across the pile: a year-less
wire dateline read in the pile's year, a weekday a span lands on ("two weeks earlier", "two
weeks after she ran aground") from a report of the earlier event, "last month's leak" from a
report of the leak, the day after a lead that runs into the night, else the neighbours' day
moved to the lead's weekday.

Goals (issue 11): 3 of 5 exact, 5 of 5 inside a closed interval of at most 400 days, every
true event on the timeline (issue 12: on its date), the approximate ones marked. The floors
below are what each pile reaches now; the held-out pile misses one clipping's interval and two
of its events (`MISSED`), because its "last month's grounding" shares no word with the reports
of the ferry striking the rocks.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

import dateline

HERE = Path(__file__).resolve().parent
INTERVAL_DAYS = 400


@dataclass(frozen=True)
class Pile:
    folder: str
    exact: int  # clippings dated to their true day, at least
    inside: int  # clippings whose closed interval of <= 400 days holds their true day
    wire: str  # the clipping dated by its year-less wire dateline alone
    on_day: tuple[str, ...]  # true events on the timeline on their own day or month
    approximate: tuple[str, ...]  # true events on the timeline only as a marked range


PILES = [
    Pile("clippings", 4, 5, "cws-minister-drain.txt",
         ("2019-03-13", "2019-03-14", "2019-03-15", "2019-03-18", "2019-03-27", "2019-04"),
         ("2019-04-15",)),
    Pile("heldout", 4, 4, "nws-tow-plan.txt",
         ("2022-10-04", "2022-10-05", "2022-10-07", "2022-10-18"), ()),
]  # fmt: skip
# The held-out pile's true events the timeline misses today (README there): the hearings of
# 2022-11-14 sit on the pile's guess of 2022-10-10 instead, and the coastguard's plan of
# 2022-10-10 gives way to them there.
MISSED = {"heldout": ("2022-10-10", "2022-11-14")}


def _truth(folder: Path) -> dict[str, date]:
    lines = (folder / "dates.tsv").read_text(encoding="utf-8").splitlines()
    return {name: date.fromisoformat(day) for name, day in (line.split("\t") for line in lines)}


@pytest.mark.parametrize("pile", PILES, ids=lambda pile: pile.folder)
def test_the_pile_dates_its_clippings_and_keeps_its_events(pile: Pile) -> None:
    folder = HERE / pile.folder
    truth = _truth(folder)
    timeline = dateline.timeline(sorted(folder.glob("*.txt")), dates=20)
    published = {Path(a.source).name: a.published for a in timeline.documents}
    assert set(published) == set(truth)
    exact = [name for name, day in truth.items() if published[name].date == day]  # type: ignore[union-attr]
    assert len(exact) >= pile.exact, exact
    assert pile.wire in exact  # the year-less wire dateline, in the pile's year
    inside = [
        name
        for name, day in truth.items()
        if (found := published[name]) is not None
        and found.earliest is not None
        and found.latest is not None
        and found.earliest <= day <= found.latest
        and (found.latest - found.earliest).days <= INTERVAL_DAYS
    ]
    assert len(inside) >= pile.inside, sorted(set(truth) - set(inside))
    days = {entry.date for entry in timeline.entries if not entry.approximate}
    assert set(pile.on_day) <= days, sorted(days)
    for day in pile.approximate:
        assert any(
            entry.within.earliest <= day <= entry.within.latest
            for entry in timeline.entries
            if entry.within is not None
        ), day


GOAL = [
    pytest.param("clippings", id="clippings"),
    pytest.param("heldout", id="heldout", marks=pytest.mark.xfail(
        strict=True, reason="last month's grounding shares no word with its reports")),
]  # fmt: skip


@pytest.mark.parametrize("folder", GOAL)
def test_the_goal_of_issue_11_in_full(folder: str) -> None:
    """3 of 5 exact, 5 of 5 inside a closed interval of at most 400 days, and every true
    event of the pile's README on the timeline on its day, or in a marked range holding it."""
    pile = next(p for p in PILES if p.folder == folder)
    truth = _truth(HERE / folder)
    timeline = dateline.timeline(sorted((HERE / folder).glob("*.txt")), dates=20)
    published = [a.published for a in timeline.documents]
    assert sum(p is not None and p.date in truth.values() for p in published) >= 3
    assert all(
        p is not None and p.earliest and p.latest and (p.latest - p.earliest).days <= INTERVAL_DAYS
        for p in published
    )
    days = {entry.date for entry in timeline.entries if not entry.approximate}
    ranges = [entry.within for entry in timeline.entries if entry.within is not None]
    for day in (*pile.on_day, *pile.approximate, *MISSED.get(folder, ())):
        assert day in days or any(r.earliest <= day <= r.latest for r in ranges), day
