"""A pile of clippings about one story, each naming background years on the way: the
timeline holds the story's own events, never the years it only mentions."""

from __future__ import annotations

from collections.abc import Callable

from dateline.events import extract_events
from dateline.model import Article
from dateline.select import build_entries
from dateline.timex import tag_article

Make = Callable[..., Article]

# Our own clippings about a port strike; every background year is written one of the four
# ways `events.background` knows, and is named by more articles than any single strike day.
CLIPPINGS = [
    (
        "Dock workers in Halvard walked out on March 3, 2009, closing the port. "
        "The union, which signed the 1990 treaty with the port board, said the deal was dead.",
        "2009-03-04",
    ),
    (
        "The Halvard port strike entered its second week on March 10, 2009. "
        "Union leader Ola Brand, who in 1998 led the last strike, said on March 10, 2009 that "
        "talks had failed.",
        "2009-03-11",
    ),
    (
        "Ships queued outside Halvard on March 10, 2009 as the strike went on. "
        '"We were promised [in 2008] that pay would rise," one docker said of the 1990 treaty '
        "terms.",
        "2009-03-12",
    ),
    (
        "The port board offered a pay rise on March 20, 2009, and the strike ended. "
        "The board's budget for 2010 sets aside money for the rise, as the 1990 treaty asks.",
        "2009-03-21",
    ),
    (
        "Halvard's port reopened on March 23, 2009 after the strike. "
        "Brand, who in 1998 led the last strike, called the deal fair; the board's budget for "
        "2010 was approved on March 23, 2009 too.",
        "2009-03-24",
    ),
]
BACKGROUND = {"1990", "1998", "2008", "2010"}


def _pile(make_article: Make) -> list[Article]:
    return [
        extract_events(tag_article(make_article(text, None, published, ident=f"c{i}")))
        for i, (text, published) in enumerate(CLIPPINGS)
    ]


def test_background_years_do_not_become_entries(make_article: Make) -> None:
    entries = build_entries(_pile(make_article), dates=8)
    dates = {e.date for e in entries}
    assert not dates & BACKGROUND, dates
    assert {"2009-03-03", "2009-03-10", "2009-03-20", "2009-03-23"} <= dates


def test_the_tagger_finds_the_background_years(make_article: Make) -> None:
    # The test above means something only if the years are tagged and dated.
    pile = _pile(make_article)
    named = {t.value for a in pile for t in a.timexes}
    assert named >= BACKGROUND
