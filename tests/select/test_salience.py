"""Date salience: distinct articles naming a date, coarse dates discounted, ranges."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dateline.model import Article
from dateline.select.salience import date_salience, in_range

Make = Callable[..., Article]


def test_an_article_repeating_a_date_counts_once(make_article: Make) -> None:
    text = "The vote was on May 5, 2010. Results of the May 5, 2010 vote came later."
    first = make_article(text, {"May 5, 2010": "2010-05-05"}, "2010-05-20", ident="a")
    second = make_article(
        text.replace("May 5, 2010", "June 1, 2010"),
        {"June 1, 2010": "2010-06-01"},
        "2010-06-20",
        ident="b",
    )
    third = make_article(
        "Turnout on May 5, 2010 was high.", {"May 5, 2010": "2010-05-05"}, "2010-05-21", ident="c"
    )
    salience = date_salience([first, second, third])
    assert salience["2010-05-05"] == 2.0
    assert salience["2010-06-01"] == 1.0


def test_month_mentions_weigh_less_than_day_mentions(make_article: Make) -> None:
    a = make_article("Prices rose in May 2010.", {"May 2010": "2010-05"}, "2010-06-20")
    b = make_article("Prices fell on June 3, 2010.", {"June 3, 2010": "2010-06-03"}, "2010-06-20")
    salience = date_salience([a, b])
    assert salience["2010-05"] < salience["2010-06-03"]


@pytest.mark.parametrize(
    ("value", "start", "end", "inside"),
    [
        ("2010-05-05", "2010-05-01", "2010-05-31", True),
        ("2010-06-01", "2010-05-01", "2010-05-31", False),
        ("2010-05", "2010-05-20", None, True),
        ("2010", None, "2009-12-31", False),
        ("2009", None, None, True),
    ],
)
def test_in_range(value: str, start: str | None, end: str | None, inside: bool) -> None:
    assert in_range(value, start, end) is inside


def test_a_named_day_with_many_reports_the_next_day_gains(make_article: Make) -> None:
    named = [
        make_article("The dam broke on June 3, 2010.", {"June 3, 2010": "2010-06-03"},
                     "2010-06-20", ident="a"),
        make_article("The vote was on June 5, 2010.", {"June 5, 2010": "2010-06-05"},
                     "2010-06-20", ident="b"),
    ]
    reports = [
        make_article(f"Report {i} on the flood.", None, "2010-06-04", ident=f"r{i}")
        for i in range(3)
    ]
    salience = date_salience([*named, *reports])
    assert salience["2010-06-03"] > salience["2010-06-05"]
    assert "2010-06-04" not in salience  # publication alone does not make a date
