"""Lines whose dates are not the article's: captions, credits, comment stamps, story lists."""

from __future__ import annotations

import pytest

from dateline.date.furniture import is_dated_entry, is_furniture
from dateline.model import TimeMention


@pytest.mark.parametrize(
    ("line", "furniture"),
    [
        ("Photo: Traffic crosses the bridge. (Courier file photo, June 4, 1998)", True),
        ("Caption: Students at the outdoor center in a 2012 photo.", True),
        ("© 2011 Riverside Courier. All rights reserved.", True),
        ("Copyright 2018 Valley Gazette", True),
        ("GoThunder88 says: March 14, 2019 at 8:12 am", True),
        ("tinaM — May 3, 2012 at 10:14 am", True),
        ("Most viewed", True),
        ("Published: Feb. 3, 2004 10:31 AM", False),
        ("The council voted on Feb. 3, 2004 to replace the bridge.", False),
        ("Talks resumed at 10:30 a.m. on Monday after a weekend break in Geneva.", False),
    ],
)
def test_is_furniture(line: str, furniture: bool) -> None:
    assert is_furniture(line) is furniture


@pytest.mark.parametrize(
    ("text", "phrase", "entry"),
    [
        ("MORE NEWS\nMarch 30, 2006 — Ferry fares to rise in April\n", "March 30, 2006", True),
        ("Thu 14 Jul 2016: Theresa May's cabinet\n", "14 Jul 2016", True),
        ("On March 30, 2006 — a Thursday — the ferry sank.\n", "March 30, 2006", False),
        ("March 30, 2006 was the day the ferry sank.\n", "March 30, 2006", False),
    ],
)
def test_is_dated_entry(text: str, phrase: str, entry: bool) -> None:
    start = text.index(phrase)
    mention = TimeMention(start, start + len(phrase), phrase, "DATE", "2006-03-30")
    assert is_dated_entry(text, mention) is entry
