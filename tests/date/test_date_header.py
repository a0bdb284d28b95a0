"""Dates an article states about itself: header lines, top-of-text date lines, URLs."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.date.header import (
    header_date,
    text_urls,
    title_stamp,
    top_lines,
    url_day,
    url_month,
)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Published: Feb. 3, 2004 10:31 AM", date(2004, 2, 3)),
        ("Posted on March 12, 2019 at 6:05 pm by Dan Kowalski", date(2019, 3, 12)),
        ("By Priya Raman | April 3, 2021", date(2021, 4, 3)),
        ("Published 17/10/2013", date(2013, 10, 17)),
        ("Filed 2016-07-04T18:20:00Z", date(2016, 7, 4)),
        ("Page last updated at 14:22 GMT, Tuesday, 9 June 2009", date(2009, 6, 9)),
        ("THE MORNING LEDGER — Thursday, November 8, 2012 — Page A3", date(2012, 11, 8)),
        ("Story from BBC NEWS: Published: 2009/06/09 14:22:51 GMT", date(2009, 6, 9)),
        ("12.03.2015 | Author: Marta Lepik", date(2015, 3, 12)),
        ("guardian.co.uk, Friday 7 January 2011 19.02 GMT", date(2011, 1, 7)),
    ],
)
def test_header_line_gives_its_day(line: str, expected: date) -> None:
    stated = header_date((line,))
    assert stated is not None
    assert stated.on(stated.year or 0) == expected


def test_publication_line_beats_updated_line() -> None:
    lines = ("Last modified on Wed 6 Jul 2016 09.12 BST", "Published: 4 July 2016")
    stated = header_date(lines)
    assert stated is not None
    assert (stated.year, stated.month, stated.day) == (2016, 7, 4)
    assert not stated.updated


def test_updated_line_alone_is_marked_updated() -> None:
    stated = header_date(("Updated March 3, 2010",))
    assert stated is not None and stated.updated


def test_header_without_a_date_gives_nothing() -> None:
    assert header_date(("By Karen Ostrowski, Courier Staff Writer", "Local news")) is None


def test_header_day_without_year_keeps_year_open() -> None:
    stated = header_date(("KABUL, Jan 26 (Reuters)",))
    assert stated is not None
    assert stated.year is None and (stated.month, stated.day) == (1, 26)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.northtribune.com/news/2007/05/14/harbor-dredging-plan", date(2007, 5, 14)),
        ("https://example.org/2004/1/26/story.html", date(2004, 1, 26)),
        ("https://example.org/world/2011-09-14-greece-aid", date(2011, 9, 14)),
        ("https://example.org/archive/20130907/match-report", date(2013, 9, 7)),
        ("https://example.org/news/world-12345678", None),
        ("https://example.org/2004/13/45/not-a-date", None),
    ],
)
def test_url_day(url: str, expected: date | None) -> None:
    assert url_day(url) == expected


def test_url_month_without_day() -> None:
    assert url_month("https://example.org/2019/03/thunder-playoffs") == (2019, 3)


def test_top_lines_stop_at_the_body_and_skip_captions() -> None:
    text = (
        "Local news\n"
        "Photo: The old bridge in 1998 (file photo)\n"
        "Published: Feb. 3, 2004\n"
        "The council voted on Monday to replace the Mill Street bridge after a long fight.\n"
        "Jan. 12, 2004\n"
    )
    assert top_lines(text) == ("Local news", "Published: Feb. 3, 2004")


def test_text_urls_only_from_short_lines() -> None:
    text = "Body text here.\nPrinted from: https://example.org/2007/05/14/story\n"
    assert text_urls(text) == ["https://example.org/2007/05/14/story"]


def test_top_lines_find_a_stamp_in_text_run_together() -> None:
    text = (
        "Storm toll rises 6 January 2011 Last updated at 12:07 GMT The death toll from the "
        "floods rose on Thursday to 12, officials said."
    )
    stated = header_date(top_lines(text))
    assert stated is not None
    assert stated.on(stated.year or 0) == date(2011, 1, 6)


@pytest.mark.parametrize(
    "head",
    [
        "WASHINGTON | Sat Aug 20, 2011 10:14pm BST WASHINGTON (Reuters) - A plane crashed",
        "MANILA | Thu May 14 , 2009 10:59 am BST MANILA -LRB- Reuters -RRB- - Trade in fakes",
    ],
)
def test_top_lines_find_a_weekday_date_with_a_clock_time_run_together(head: str) -> None:
    text = head + " on Saturday after a show, killing the pilot, authorities said in 1998."
    stated = header_date(top_lines(text))
    assert stated is not None and stated.year is not None
    assert stated.on(stated.year) in (date(2011, 8, 20), date(2009, 5, 14))


def test_a_weekday_date_without_a_clock_time_is_not_a_stamp() -> None:
    text = "The bridge opened on Sat Aug 20, 2011 after two years of work, officials said."
    assert header_date(top_lines(text)) is None


@pytest.mark.parametrize(
    ("title", "is_stamp"),
    [
        ("Posted 2019-08-21 by Jordan Ellis", True),
        ("Page last updated at 14:22 GMT, Tuesday, 9 June 2009", True),
        ("THE MORNING LEDGER — Thursday, November 8, 2012 — Page A3", True),
        ("Remembering the victims of March 11, 2004", False),
        ("Council backs new bridge", False),
    ],
)
def test_title_that_is_a_date_line(title: str, is_stamp: bool) -> None:
    assert bool(title_stamp(title)) == is_stamp
