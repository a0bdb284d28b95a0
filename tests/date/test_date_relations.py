"""A relative time phrase plus the day the corpus gives its event → the writing days."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.pile.relations import refers_back, window_for
from dateline.timex import tag


def _window(sentence: str, phrase: str, day: date) -> tuple[date | None, date | None] | None:
    mention = next(m for m in tag(sentence, None) if m.text == phrase)
    found = window_for(sentence, mention, sentence, day)
    return None if found is None else (found.earliest, found.latest)


@pytest.mark.parametrize(
    ("sentence", "phrase", "day", "expected"),
    [
        # A done Thursday: written that Thursday or in the six days after.
        ("The council voted on Thursday to close the port.", "Thursday",
         date(2004, 12, 9), (date(2004, 12, 9), date(2004, 12, 15))),
        # A Thursday phrase cannot name a Monday event: no window at all.
        ("The council voted on Thursday to close the port.", "Thursday",
         date(2004, 12, 6), None),
        # "next Tuesday" lies ahead: written in the two weeks before it.
        ("The permit would have lapsed next Tuesday.", "next Tuesday",
         date(2004, 12, 14), (date(2004, 12, 1), date(2004, 12, 13))),
        ("The permit lapses next Tuesday.", "next Tuesday", date(2004, 12, 14),
         (date(2004, 12, 1), date(2004, 12, 13))),
        # Counted to now: seven weeks after, give or take half a week.
        ("It comes only seven weeks after a fire gutted the depot.", "seven weeks",
         date(2004, 10, 22), (date(2004, 12, 7), date(2004, 12, 13))),
        # Between two past events the span says nothing of the writing day.
        ("Crews left seven weeks after a fire gutted the depot.", "seven weeks",
         date(2004, 10, 22), None),
        ("The ferry sank three days ago.", "three days ago", date(2010, 5, 2),
         (date(2010, 5, 5), date(2010, 5, 5))),
        ("Bells rang today, exactly one year after the flood.", "one year",
         date(2004, 10, 19), (date(2005, 10, 19), date(2005, 10, 19))),
        # Anniversaries are counted to the day however they are put...
        ("Sirens sounded because a year ago today the dam burst.", "a year ago",
         date(2004, 10, 19), (date(2005, 10, 19), date(2005, 10, 19))),
        ("It is now two years to the day since the dam burst.", "two years",
         date(2004, 10, 19), (date(2006, 10, 19), date(2006, 10, 19))),
        # ...while a plain "a year ago" is rounded.
        ("The dam burst a year ago.", "a year ago", date(2004, 10, 19),
         (date(2005, 9, 19), date(2005, 11, 18))),
        ("Ministers met yesterday in the capital.", "yesterday", date(2011, 3, 1),
         (date(2011, 3, 2), date(2011, 3, 2))),
        ("Prices fell last month across the region.", "last month", date(2009, 1, 20),
         (date(2009, 2, 1), date(2009, 2, 28))),
        ("The vote took place last week.", "last week", date(2010, 6, 16),
         (date(2010, 6, 21), date(2010, 6, 27))),
        ("Many arrived in January of last year.", "January of last year", date(2004, 1, 19),
         (date(2005, 1, 1), date(2005, 12, 31))),
        # A month-day without a year must meet the same month-day.
        ("The spill began on April 20.", "April 20", date(2010, 4, 20),
         (date(2010, 4, 20), date(2010, 10, 20))),
        ("The spill began on April 20.", "April 20", date(2010, 4, 21), None),
    ],
)  # fmt: skip
def test_window_for(sentence: str, phrase: str, day: date,
                    expected: tuple[date, date] | None) -> None:  # fmt: skip
    assert _window(sentence, phrase, day) == expected


@pytest.mark.parametrize(
    ("sentence", "phrase", "back"),
    [
        ("Police said the pair was seized last Monday.", "last Monday", True),
        ("The ferry sank three days ago.", "three days ago", True),
        ("Bells rang today, exactly one year after the flood.", "one year", True),
        # The article's own news, or a span between two past events, or no event at all.
        ("The pair was freed on Monday.", "Monday", False),
        ("The talks lasted three days.", "three days", False),
        ("Ministers met yesterday in the capital.", "yesterday", False),
    ],
)  # fmt: skip
def test_refers_back(sentence: str, phrase: str, back: bool) -> None:
    mention = next(m for m in tag(sentence, None) if m.text == phrase)
    assert refers_back(sentence, mention) is back
