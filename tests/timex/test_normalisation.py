"""Normalisation rules that need the text around an expression: the quarter under discussion,
the year a narrative is in, and the tense that picks a yearless date's year."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.timex import tag

FILLER = (
    " The chief executive said demand from hospitals and clinics had held up well, while"
    " orders from retail chains were weaker than planners had hoped at the start of the"
    " season, and the board repeated that it saw no need for further cuts this winter."
)


def values(text: str, anchor: date) -> dict[str, str]:
    return {m.text: m.value for m in tag(text, anchor)}


def test_the_latest_quarter_keeps_the_quarter_under_discussion() -> None:
    text = (
        "Brightwater Foods reported a second-quarter loss." + FILLER + FILLER
        + " In the latest quarter, revenue rose to $5 million from $4 million a year earlier."
    )  # fmt: skip
    found = values(text, date(2004, 8, 12))
    assert found["the latest quarter"] == "2004-Q2"
    assert found["a year earlier"] == "2003-Q2"


def test_that_year_refers_to_the_year_the_narrative_named() -> None:
    found = values("The mill opened in 1987, and later that year it hired 300 workers.",
                   date(2004, 3, 2))  # fmt: skip
    assert found["later that year"] == "1987"


def test_a_participle_after_be_does_not_make_a_date_past() -> None:
    found = values("The accord would still be signed on April 24 in Rome.", date(2004, 2, 10))
    assert found["April 24"] == "2004-04-24"


def test_capitalised_words_ending_in_ed_are_not_past_tense() -> None:
    found = values("The envoy will fly to the United States Thursday.", date(2004, 1, 21))
    assert found["Thursday"] == "2004-01-22"


def test_irregular_past_tense_points_a_bare_month_back() -> None:
    found = values("In March, the board brought in a new chief.", date(2004, 10, 28))
    assert found["March"] == "2004-03"


def test_in_recent_years_is_tagged_without_the_preposition() -> None:
    found = values("Exports have doubled in recent years, and in the past they were small.",
                   date(2004, 3, 2))  # fmt: skip
    assert found["recent years"] == "PAST_REF"
    assert found["the past"] == "PAST_REF"


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The rebels held the town for 2 1/2 years.", "2 1/2 years", "P2Y6M"),
        ("The hearing lasted an hour and a half.", "an hour and a half", "PT1H30M"),
        ("Commuters waited half an hour for a bus.", "half an hour", "PT30M"),
        ("The strike ran for three and a half weeks.", "three and a half weeks", "P3.5W"),
        ("The firm expects weak sales for a couple of years.", "a couple of years", "P2Y"),
    ],
)
def test_fractional_and_paired_durations(text: str, span: str, value: str) -> None:
    assert values(text, date(2004, 3, 2))[span] == value


def test_hours_later_stays_on_the_same_day() -> None:
    found = values("The blast came at dawn. Four hours later, the fire was out.", date(2004, 3, 2))
    assert found["Four hours later"] == "2004-03-02"


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Acme said fourth-quarter profit fell 20%.", "fourth-quarter", "2003-Q4"),
        ("Acme will close the plant in the fourth quarter.", "the fourth quarter", "2004-Q4"),
        ("Acme posted strong first-quarter sales.", "first-quarter", "2004-Q1"),
    ],
)
def test_a_yearless_quarter_not_yet_begun_is_last_years_when_reported(
    text: str, span: str, value: str
) -> None:
    assert values(text, date(2004, 1, 28))[span] == value


def test_the_following_month_counts_from_the_month_last_named() -> None:
    found = values("The strike began in March 2001. The following month, the mine shut.",
                   date(2004, 6, 1))  # fmt: skip
    assert found["The following month"] == "2001-04"


def test_the_week_of_a_date_is_that_week() -> None:
    found = values("A hearing is set for the week of March 6.", date(2000, 2, 24))
    assert found["the week of March 6"] == "2000-W10"


def test_a_figure_compared_a_year_earlier_is_the_quarter_reported() -> None:
    text = (
        "Harbor Mills said third-quarter net income rose 12%." + FILLER + FILLER
        + " Revenue climbed to $88.2 million from $80.1 million a year earlier."
        + FILLER + FILLER + " A year earlier, the weather was kinder to farmers."
    )  # fmt: skip
    mentions = [(m.text, m.value) for m in tag(text, date(2004, 10, 21))]
    assert ("a year earlier", "2003-Q3") in mentions
    assert ("A year earlier", "2003") in mentions


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The dividend is payable Jan. 2 to holders of record.", "Jan. 2", "2004-01-02"),
        ("The new tariff is effective Feb. 1 for all importers.", "Feb. 1", "2004-02-01"),
    ],
)
def test_payment_and_rule_terms_point_forward(text: str, span: str, value: str) -> None:
    assert values(text, date(2003, 11, 3))[span] == value


def test_reported_speech_after_that_does_not_set_the_weekday_direction() -> None:
    text = "Moscow issued a stern warning to its neighbours on Thursday that new sanctions could follow."
    assert values(text, date(2004, 1, 23))["Thursday"] == "2004-01-22"


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The ferry sank in July last year off the coast.", "July last year", "1998-07"),
        ("Elections are due in May next year.", "May next year", "2000-05"),
        ("The judge was attacked last Oct. 23 near his home.", "Oct. 23", "1998-10-23"),
    ],
)
def test_a_month_with_a_relative_year(text: str, span: str, value: str) -> None:
    assert values(text, date(1999, 4, 19))[span] == value


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Oil hit that price in March nineteen ninety-four.", "March nineteen ninety-four",
         "1994-03"),
        ("Prices last fell this low in the winter of nineteen eighty-six.",
         "the winter of nineteen eighty-six", "1986-WI"),
        ("The bridge opened in two thousand and one.", "two thousand and one", "2001"),
    ],
)  # fmt: skip
def test_years_said_in_words_after_months_and_seasons(text: str, span: str, value: str) -> None:
    assert values(text, date(1998, 2, 27))[span] == value


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("The levy will lapse on 14 December next year.", "14 December next year", "2005-12-14"),
        ("The pier burned on Oct. 5 last year.", "Oct. 5 last year", "2003-10-05"),
        ("Exports peaked on March 3 this year.", "March 3 this year", "2004-03-03"),
    ],
)
def test_a_day_with_last_or_next_year_is_in_that_year(text: str, phrase: str, value: str) -> None:
    assert values(text, date(2004, 12, 9))[phrase] == value
