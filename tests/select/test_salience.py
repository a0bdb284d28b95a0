"""Date salience: distinct articles naming a date, coarse dates discounted, late mentions
counted up, quiet stretches weighed against busy ones, ranges."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date

import pytest

from dateline.model import Article
from dateline.select.salience import (
    date_salience,
    in_range,
    mention_salience,
    publication_density,
)
from dateline.select.weights import WEIGHTS

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
    salience = mention_salience([first, second, third])
    assert salience["2010-05-05"] == 2.0
    assert salience["2010-06-01"] == 1.0


def test_a_day_named_a_month_later_counts_more(make_article: Make) -> None:
    soon = make_article(
        "The dam broke on May 5, 2010.", {"May 5, 2010": "2010-05-05"}, "2010-05-20", ident="a"
    )
    later = make_article(
        "Since the dam broke on May 5, 2010, the valley has emptied.",
        {"May 5, 2010": "2010-05-05"},
        "2010-06-30",
        ident="b",
    )
    assert mention_salience([soon])["2010-05-05"] == 1.0
    assert mention_salience([later])["2010-05-05"] == WEIGHTS.late


def test_a_day_named_in_a_quiet_stretch_outweighs_one_named_as_often_in_a_busy_one(
    make_article: Make,
) -> None:
    def named(day: str, phrase: str, ident: str) -> Article:
        return make_article(f"The talks of {phrase} failed.", {phrase: day}, day, ident=ident)

    quiet = [named("2010-02-10", "Feb. 10, 2010", f"q{i}") for i in range(2)]
    busy = [named("2010-06-10", "June 10, 2010", f"b{i}") for i in range(2)]
    crowd = [
        make_article(f"Flood report {i}.", None, f"2010-06-{8 + i % 5:02d}", ident=f"c{i}")
        for i in range(20)
    ]
    salience = date_salience([*quiet, *busy, *crowd])
    # Named as often, and the busy day even has more reports the day after it...
    assert mention_salience([*quiet, *busy]) == {"2010-02-10": 2.0, "2010-06-10": 2.0}
    # ...but the quiet day stands out from its stretch.
    assert salience["2010-02-10"] > salience["2010-06-10"]


def test_publication_density_is_a_smoothed_count_of_articles_around_each_day() -> None:
    published = Counter({date(2010, 6, 10): 4, date(2010, 6, 11): 2})
    density = publication_density(
        [date(2010, 6, 10), date(2010, 6, 24), date(2011, 1, 1)], published
    )
    assert 5.9 < density[date(2010, 6, 10)] <= 6.0  # the day itself and its neighbour
    assert 0.5 < density[date(2010, 6, 24)] < 4.0  # two weeks on: fading
    assert density[date(2011, 1, 1)] == 0.0  # out of reach
    assert publication_density([], published) == {}


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
        make_article(
            "The dam broke on June 3, 2010.",
            {"June 3, 2010": "2010-06-03"},
            "2010-06-20",
            ident="a",
        ),
        make_article(
            "The vote was on June 5, 2010.", {"June 5, 2010": "2010-06-05"}, "2010-06-20", ident="b"
        ),
    ]
    reports = [
        make_article(f"Report {i} on the flood.", None, "2010-06-04", ident=f"r{i}")
        for i in range(3)
    ]
    salience = date_salience([*named, *reports])
    assert salience["2010-06-03"] > salience["2010-06-05"]
    assert "2010-06-04" not in salience  # publication alone does not make a date
