"""An article known only to an interval still gives its events, dated to a range of days."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.events import extract_events
from dateline.model import Article, DayRange, PublicationDate
from dateline.timex import tag_article
from dateline.timex.window import MAX_RANGE_DAYS

CLIPPING = (
    "Dockers walk out at Keston\n\n"
    "The port authority said on Friday that its talks with the dockers' union had collapsed. "
    "Negotiators met again on March 3 to try once more, without success. "
    "The union's secretary, Lena Morrow, said the strike would go on."
)


def clipping(earliest: date | None, latest: date | None, day: date | None = None) -> Article:
    published = PublicationDate(day, earliest, latest, 0.5)
    article = Article.from_raw("clip.txt", CLIPPING, text=CLIPPING, published=published)
    return extract_events(tag_article(article))


def event_of(article: Article, words: str):
    return next(e for e in article.events if words in e.sentence.text)


def test_a_weekday_in_a_known_fortnight_is_a_range_of_that_weekday():
    found = clipping(date(2022, 2, 25), date(2022, 3, 11))
    friday = event_of(found, "on Friday")
    assert friday.within == DayRange("2022-02-25", "2022-03-11", weekday=5)
    assert friday.date == "2022"  # the range crosses a month: only its year is pinned
    assert friday.date_source == "range"


def test_a_yearless_date_both_ends_agree_on_is_a_day():
    found = clipping(date(2022, 2, 25), date(2022, 3, 11))
    talks = event_of(found, "March 3")
    assert talks.date == "2022-03-03"
    assert talks.within is None


def test_a_range_inside_one_month_pins_the_month():
    found = clipping(date(2022, 3, 14), date(2022, 3, 20))
    friday = event_of(found, "on Friday")
    assert friday.within == DayRange("2022-03-11", "2022-03-18", weekday=5)
    assert friday.date == "2022-03"


@pytest.mark.parametrize(
    "earliest, latest",
    [
        (None, None),  # nothing known
        (date(2022, 1, 1), None),  # open: "after 2022"
        (date(2020, 1, 1), date(2020, 1, 1).replace(year=2022)),  # wider than MAX_RANGE_DAYS
    ],
)
def test_no_narrow_interval_places_nothing_relative(earliest, latest):
    found = clipping(earliest, latest)
    assert not any("on Friday" in e.sentence.text for e in found.events)
    assert all(e.within is None for e in found.events)
    assert (date(2022, 1, 1) - date(2020, 1, 1)).days > MAX_RANGE_DAYS


def test_an_article_with_a_day_gives_exact_dates_only():
    found = clipping(date(2022, 3, 8), date(2022, 3, 8), day=date(2022, 3, 8))
    assert event_of(found, "on Friday").date == "2022-03-04"
    assert all(e.within is None for e in found.events)
