"""A pile of clippings each known only to a fortnight still gives its events: on the timeline,
each as the range of days its article allows, marked approximate.

The pile is tests/date/clippings (our own writing); each clipping is given the interval of
six days either side of its true day (dates.tsv), as a date stage that cannot pin the day
would leave it.
"""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from pathlib import Path

import pytest

from dateline.events import extract_events
from dateline.model import Article, PublicationDate, Timeline
from dateline.pipeline import build_timeline, process
from dateline.read import read_paths
from dateline.settings import Settings
from dateline.timex import tag_article

CLIPPINGS = Path(__file__).resolve().parents[1] / "date" / "clippings"


def within_a_fortnight(article: Article, truth: date) -> Article:
    interval = PublicationDate(None, truth - timedelta(days=6), truth + timedelta(days=6), 0.5)
    undated = dataclasses.replace(article, published=interval, sentences=(), events=())
    return extract_events(tag_article(undated))


@pytest.fixture(scope="module")
def built() -> Timeline:
    truth = {
        name: date.fromisoformat(day)
        for name, day in (
            line.split("\t") for line in (CLIPPINGS / "dates.tsv").read_text().split("\n") if line
        )
    }
    read = [a for a in read_paths(sorted(CLIPPINGS.glob("*.txt"))) if isinstance(a, Article)]
    pile = [within_a_fortnight(a, truth[Path(a.source).name]) for a in process(read, Settings())]
    return build_timeline(pile, Settings())


@pytest.mark.parametrize(
    "words, day",
    [
        ("seeping through the eastern wall", "2019-03-13"),  # "on Wednesday"
        ("said on Thursday that the leak", "2019-03-14"),
        ("pumping water out of the reservoir", "2019-03-15"),  # "on Friday"
        ("began going home on Wednesday", "2019-03-27"),
    ],
)
def test_every_weekday_event_is_on_the_timeline_as_a_range_holding_its_day(
    built: Timeline, words: str, day: str
) -> None:
    entry = next(e for e in built.entries if words in e.summary)
    assert entry.within is not None and entry.approximate
    assert entry.within.earliest <= day <= entry.within.latest
    assert date.fromisoformat(day).isoweekday() == entry.within.weekday
    assert len(entry.date) < 10  # never shown as a day


def test_no_entry_claims_a_day_the_text_does_not_give(built: Timeline) -> None:
    for entry in built.entries:
        if len(entry.date) == 10:
            assert entry.within is None
            cited = entry.sources[0].sentence
            assert any(word in cited for word in ("March", "April", "2019")), cited


def test_ranged_entries_sort_by_their_first_day(built: Timeline) -> None:
    order = [e.sort_date for e in built.entries]
    assert order == sorted(order)
