"""When a text was written, from its own words: one table per kind of evidence."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.date import infer_publication_date
from dateline.model import Article, PublicationDate


def infer(text: str) -> PublicationDate:
    return infer_publication_date(Article.from_raw("test.txt", text, text=text))


# Text -> the exact writing day the text pins.
POINTS = [
    # Wire dateline with a year.
    (
        "LONDON, March 3, 2010 (AFP) - Cabin crew will strike later this month, their union "
        "said on Wednesday.",
        date(2010, 3, 3),
    ),
    # Wire dateline without a year: the year comes from the dated events reported.
    (
        "KABUL, Jan 26 (Reuters) - NATO on Monday ordered 600 more troops north. The alliance "
        "took command of the peacekeeping force in August 2003.",
        date(2004, 1, 26),
    ),
    # Year-less dateline after a background year: the year in which the dateline's day is the
    # weekday the lead names.
    (
        "BRUSSELS, February 10 (Xinhua) -- NATO will admit three new members in March, an "
        "official said on Wednesday. The three were invited at a summit in Madrid in July 1997.",
        date(1999, 2, 10),
    ),
    # Year-less dateline the day after the lead's weekday: the news came the day before, so
    # the nearest year stands (2009, five years on, is the first where the 27th is a Friday).
    (
        "NAIROBI, March 27 (AFP) - Engineers switched on the city's new water plant on Friday. "
        "The old pumping station was looted in April 2003.",
        date(2004, 3, 27),
    ),
    # A trial that began on a dated Monday; the verdict came "on Thursday" the next week.
    (
        "A jury found the former treasurer guilty on Thursday. The trial began on Sept. 28, "
        "2015, and heard from two former priests.",
        date(2015, 10, 8),
    ),
    # The latest full date in the past tense, nothing else to go on.
    (
        "The council approved the budget on March 2, 2017, after a long debate. It had "
        "rejected an earlier plan in 2016.",
        date(2017, 3, 2),
    ),
    # "Ten years ago" counted back from a full date: an anniversary piece.
    (
        "Church bells rang across the city to remember the victims killed exactly ten years "
        "ago. The first bomb exploded on March 11, 2004, at 7:37 a.m.",
        date(2014, 3, 11),
    ),
    # A weekday-named date next to "tonight": the year comes from the weekday.
    (
        "The council will vote tonight on rental limits. The meeting begins at 7 p.m. "
        "Tuesday, June 29, at City Hall. The rules would take effect on Jan. 1, 2022.",
        date(2021, 6, 29),
    ),
]


@pytest.mark.parametrize(("text", "expected"), POINTS)
def test_text_pins_the_day(text: str, expected: date) -> None:
    found = infer(text)
    assert found.date == expected
    assert found.method == "content"
    assert found.earliest is None or found.earliest <= expected
    assert found.latest is None or expected <= found.latest
    assert found.evidence


# Text -> (earliest, latest) when the text bounds but does not pin the day.
BOUNDS = [
    # Dated past event and a dated future one: written in between.
    (
        "Early voting began on Oct. 10, 2018, and more than 400,000 people have voted. "
        "Officials said results will be certified on Nov. 19, 2018.",
        date(2018, 10, 10),
        date(2018, 11, 19),
    ),
    # "last year's 2018 crop" was written in 2019.
    (
        "The co-op will pay members an early dividend after this summer's wheat harvest came "
        "in at nearly double last year's drought-hit 2018 crop.",
        date(2019, 1, 1),
        date(2019, 12, 31),
    ),
    # Only background years: written some time after the latest of them.
    (
        "The mill was built in 1931 and closed in 1999. Its owners sold it in 2003.",
        date(2003, 1, 1),
        None,
    ),
]


@pytest.mark.parametrize(("text", "earliest", "latest"), BOUNDS)
def test_text_bounds_the_day(text: str, earliest: date, latest: date | None) -> None:
    found = infer(text)
    assert (found.earliest, found.latest) == (earliest, latest)
    if found.date is None:
        assert found.confidence < 0.5
    else:
        assert earliest <= found.date <= (latest or found.date)


def test_no_dates_means_no_interval_and_no_confidence() -> None:
    found = infer("The mayor said on Monday that the bridge would reopen soon.")
    assert (found.date, found.earliest, found.latest) == (None, None, None)
    assert found.confidence == 0.0
    assert found.method == "none"


def test_interval_is_open_when_only_a_lower_bound_is_known() -> None:
    found = infer("The library, which opened in 1998, was renovated in 2007.")
    assert found.date is None
    assert found.earliest == date(2007, 1, 1)
    assert found.latest is None


# Chrome that reaches the clean text must not decide: the later dates are all traps.
TRAPS = [
    "Photo: Crowds at the festival on Aug. 3, 2019. (File photo)",
    "© 2024 Coastal Post. All rights reserved.",
    "Copyright 2021 Valley Gazette",
    "March 30, 2019 — Ferry fares to rise in April",
    "tinaM — May 3, 2020 at 10:14 am",
]


@pytest.mark.parametrize("trap", TRAPS)
def test_chrome_dates_do_not_win(trap: str) -> None:
    text = (
        "The state completed the purchase of the marsh on Feb. 7, 2006, ending a "
        "developer's plan for a golf resort.\n" + trap + "\n"
    )
    found = infer(text)
    assert found.date == date(2006, 2, 7)
    assert found.latest is None or found.latest < date(2007, 1, 1)


def test_future_dates_bound_from_above_not_below() -> None:
    found = infer(
        "The line carried its first test train on Dec. 6, 2010. Passenger service will "
        "begin on March 14, 2011."
    )
    assert found.earliest == date(2010, 12, 6)
    assert found.latest == date(2011, 3, 14)


# Text -> likeliest day when no day is pinned: a guess for resolving "last year", trusted only
# to its year. The year the text writes out most often (the latest of a tie), the day the
# latest past date in it, year-less ones included.
GUESSES = [
    # Only a written-out past year: its middle.
    (
        "Sales rose 5 percent in 1997, the company said on Tuesday.",
        date(1997, 7, 1),
    ),
    # The most frequent year not before the latest past one, not the latest year given.
    (
        "The plant opened in 2004. It won an award in 2011, and its founder died in 2011. "
        "Its 2014 budget is $4 million.",
        date(2011, 7, 1),
    ),
    # A year-less past date in the year (a tie between years goes to the later one).
    (
        "The plant opened in 2009 and expanded in March 2015. On Oct. 4 it cut 300 jobs, the "
        "company said.",
        date(2015, 10, 4),
    ),
    # A year-less date naming its weekday: the first year on where the weekday fits.
    (
        "The party was founded in 1994. Its leader said in a speech on Monday, Oct. 26, that "
        "it would contest every seat.",
        date(1998, 10, 26),
    ),
    # The text's own words name the year ("last year's 2018 crop"): a day inside it.
    (
        "The co-op said on Wednesday that this summer's wheat harvest came in at nearly double "
        "last year's drought-hit 2018 crop.",
        date(2019, 7, 1),
    ),
]


@pytest.mark.parametrize(("text", "likeliest"), GUESSES)
def test_likeliest_day_when_no_day_is_pinned(text: str, likeliest: date) -> None:
    found = infer(text)
    assert found.date is None
    assert (found.likeliest, found.granularity) == (likeliest, "year")
    assert found.confidence < 0.5
    assert found.earliest is None or found.earliest <= found.likeliest


def test_likeliest_stays_inside_the_interval() -> None:
    found = infer(
        "Early voting began on Oct. 10, 2018. Officials said results will be certified on "
        "Nov. 19, 2018."
    )
    assert found.earliest is not None and found.latest is not None
    assert found.earliest <= found.likeliest <= found.latest  # type: ignore[operator]


def test_pinned_day_is_also_the_likeliest() -> None:
    found = infer("The council approved the budget on March 2, 2017, after a long debate.")
    assert (found.likeliest, found.granularity) == (found.date, "day")


def test_no_year_at_all_means_no_guess() -> None:
    found = infer("The mayor said on Monday, Oct. 26, that the bridge would reopen soon.")
    assert (found.date, found.likeliest, found.granularity) == (None, None, "")


def test_an_anniversary_never_places_the_writing_day_after_today() -> None:
    # "Two hundred years ago" counts back from the founding, not from the rally beside it.
    found = infer(
        "Thousands rallied in the square on March 1, 2011. The town's founders laid out that "
        "square 200 years ago, and it has hosted protests ever since."
    )
    assert found.date is None or found.date <= date.today()
    assert found.likeliest is None or found.likeliest <= date.today()
