"""Background mentions, told by how they are written: our own sentences, each with the date
it names and whether that date is the time of what the sentence reports."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dateline.events import extract_events
from dateline.events.background import is_background
from dateline.model import Article, TimeMention

Make = Callable[..., Article]

# (sentence, the date phrase, its TIMEX3 value, background?)
CASES = [
    ("Varga, who signed the accord in 1998, resigned on Tuesday.", "1998", "1998", True),
    ("The minister, whose term began in May 2003, left office.", "May 2003", "2003-05", True),
    ("The 1990 treaty still binds both governments.", "1990", "1990", True),
    ("Critics said its 2010 budget left the ports short.", "2010", "2010", True),
    ("The assembly approved a budget for 2010 on Friday.", "2010", "2010", True),
    ('"We lost everything [in 2008] and rebuilt," she said.', "2008", "2008", True),
    ("The mayor (elected in 2006) opened the bridge.", "2006", "2006", True),
    ("The bridge, completed in 1987, carries the ring road.", "1987", "1987", True),
    ("Kalas, ousted in February, went on trial on Wednesday.", "February", "2004-02", True),
    ("The wall was last inspected in 2016, when no cracks were found.", "2016", "2016", True),
    ("The ferry first sailed in May 2001, the company said.", "May 2001", "2001-05", True),
    # The story's own events keep their dates.
    ("The assembly passed the act in 1998.", "1998", "1998", False),
    ("In 2003 the army crossed the river.", "2003", "2003", False),
    ("Troops left on Tuesday (March 3) for the border.", "March 3", "2004-03-03", False),
    ("A vote is scheduled for March 3.", "March 3", "2004-03-03", False),
    ("The 2004 was a hard year for the fleet.", "2004", "2004", False),
    ("Talks stalled, and the strike began in March.", "March", "2004-03", False),
    ("In the capital, prices doubled in 2003.", "2003", "2003", False),
    ("The army withdrew, ending the siege on March 5.", "March 5", "2004-03-05", False),
    ("It was the first week in April that the rains came.", "April", "2004-04", False),
    ("Varga signed the order, which took effect on May 5.", "May 5", "2004-05-05", True),
]


def _mention(text: str, phrase: str, value: str) -> TimeMention:
    start = text.index(phrase)
    return TimeMention(start, start + len(phrase), phrase, "DATE", value)


@pytest.mark.parametrize(("text", "phrase", "value", "expected"), CASES)
def test_background_mentions_are_told_by_how_they_are_written(
    text: str, phrase: str, value: str, expected: bool
) -> None:
    assert is_background(text, _mention(text, phrase, value)) is expected


def test_an_event_dated_by_a_background_mention_is_marked(make_article: Make) -> None:
    text = "Varga, who signed the accord in 1998, resigned on Tuesday, March 2, 2004."
    article = make_article(text, {"1998": "1998", "March 2, 2004": "2004-03-02"}, "2004-03-03")
    (event,) = extract_events(article).events
    assert (event.date, event.background) == ("2004-03-02", False)
    only = "Varga, who signed the accord in 1998, has resigned."
    (event,) = extract_events(make_article(only, {"1998": "1998"}, "2004-03-03")).events
    assert (event.date, event.background) == ("1998", True)
