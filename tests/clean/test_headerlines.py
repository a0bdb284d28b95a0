from __future__ import annotations

import pytest

from dateline.clean.headerlines import (
    byline_author,
    copyright_owner,
    is_dated_header,
    is_header_line,
    is_page_url,
    is_publication_stamp,
)


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("By Jane Doe", "Jane Doe"),
        ("By JANE DOE, Associated Press Writer", "Jane Doe"),
        ("By Jane Doe and John Roe", "Jane Doe and John Roe"),
        ("By the WNN Wire Staff", "WNN Wire Staff"),
        ("Jane Doe, Staff Writer", "Jane Doe"),
        ("By Jane Doe | Published 3 Feb 2004", "Jane Doe"),
        ("Published: Feb. 3, 2004 10:31 AM", ""),
        ("Updated 2:15 p.m. ET, Mon February 2, 2004", ""),
        ("Saturday 25 April 2009 22.09 BST", ""),
        ("Posted Feb 3, 2011 at 6:00 PM", ""),
        ("2004-02-03T10:31:00Z", ""),
        ("3 hours ago", ""),
        ("WASHINGTON (AP) —", ""),
        ("LONDON, Feb 3 (Reuters) -", ""),
        ("30.11.2004 | Jonas Vik", "Jonas Vik"),
        ("20.10.2004 | Sofie Aune and Courier staff", "Sofie Aune and Courier staff"),
    ],
)
def test_header_lines(line: str, author: str) -> None:
    assert is_header_line(line)
    assert byline_author(line) == author


@pytest.mark.parametrize(
    "line",
    [
        "By comparison, the Exxon Valdez spilled 11 million gallons.",
        "By Tuesday, the leak had spread to the marshes.",
        "By Friday, BP said the cap was holding.",
        "WORLD",
        "The vote was held on February 3, 2004, in the capital.",
        "WASHINGTON (AP) — The Senate voted on Thursday.",
        "Home | World | Business",
        "Jane Doe",
    ],
)
def test_not_header_lines(line: str) -> None:
    assert not is_header_line(line)


@pytest.mark.parametrize(
    ("line", "owner"),
    [
        ("© 2004 The Daily Courier. All rights reserved.", "The Daily Courier"),
        ("Copyright 2004 The Associated Press. All rights reserved.", "The Associated Press"),
        ("(c) 2010 Reuters", "Reuters"),
        ("Copyright © 2011 Cable News Network, Inc.", "Cable News Network"),
        ("© Copyright 2009 Guardian News and Media Limited", "Guardian News and Media"),
        ("All rights reserved.", ""),
        ("© 2004", ""),
    ],
)
def test_copyright_owner(line: str, owner: str) -> None:
    assert copyright_owner(line) == owner


@pytest.mark.parametrize(
    "line",
    [
        "Posted on March 12, 2019 at 6:05 pm by Dan Kowalski",
        "guardian.co.uk, Friday 7 January 2011 19.02 GMT",
        "12.03.2015 | Author: Marta Lepik",
        "Posted at 2014-04-19 10:22 KST",
        "Page last updated at 14:22 GMT, Tuesday, 9 June 2009 15:22 UK",
        "THE MORNING LEDGER — Thursday, November 8, 2012 — Page A3",
    ],
)
def test_dated_header_lines(line: str) -> None:
    assert is_dated_header(line)


@pytest.mark.parametrize(
    "line",
    [
        "March 30, 2006 — Ferry fares to rise in April",  # a story-list entry
        "Photo: the pier on March 7, 2011",
        "Copyright 2010 The Island Times, March 3",
        "Elections 2018",
        "The vote was held on February 3, 2004, in the capital.",
        "Breaking News: Storm watch issued for the Outer Banks",
    ],
)
def test_not_dated_header_lines(line: str) -> None:
    assert not is_dated_header(line)


def test_publication_stamps() -> None:
    assert is_publication_stamp("Story from BBC NEWS: Published: 2009/06/09 14:22:51 GMT")
    assert is_publication_stamp("This article was first published on 4 May 2011")
    assert not is_publication_stamp("Published by Flash Newspapers Ltd")
    assert not is_publication_stamp("Entry posted Dec. 2, 2008")  # a guest-book entry
    assert not is_publication_stamp("Sidebar: How to read the polls (updated Nov. 5, 2018)")
    assert not is_publication_stamp("Published May 3, 2011: Ferry fares to rise after a row")


def test_page_url_lines() -> None:
    assert is_page_url("Printed from: https://www.example.com/news/2007/05/14/harbor-plan")
    assert is_page_url("Find this article at: www.example.com/2008/01/02/story")
    assert not is_page_url("Read more: https://www.example.com/2012/01/01/other-story")
    assert not is_page_url("See https://www.example.com/2007/05/14/x for the plan.")
