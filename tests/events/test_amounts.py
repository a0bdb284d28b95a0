"""Amounts as reporters state them: the values the words allow, and what is counted."""

from __future__ import annotations

import pytest

from dateline.events.amounts import find_amounts


@pytest.mark.parametrize(
    ("sentence", "words", "low", "high", "unit"),
    [
        ("Estmark sent 600 ground troops north.", "600 ground troops", 600, 600, "troop"),
        ("It sent six hundred soldiers.", "six hundred soldiers", 600, 600, "troop"),
        ("More than 500 troops moved.", "More than 500 troops", 500, 750, "troop"),
        ("About 1,000 troops moved.", "About 1,000 troops", 900, 1100, "troop"),
        ("Nearly 300 prisoners were freed.", "Nearly 300 prisoners", 255, 300, "prisoner"),
        ("Up to 2,000 volunteers came.", "Up to 2,000 volunteers", 1000, 2000, "volunteer"),
        ("A dozen journalists were held.", "A dozen journalists", 12, 12, "journalist"),
        ("Forty-two boats sank.", "Forty-two boats", 42, 42, "boat"),
        ("Hundreds of residents fled.", "Hundreds of residents", 200, 999, "resident"),
        ("Between 40 and 50 fishing boats were lost.", "40 and 50 fishing boats", 40, 50, "boat"),
        ("It pledged $1.5 billion.", "$1.5 billion", 1.5e9, 1.5e9, "USD"),
        ("A loan of 350 million dollars was approved.", "350 million dollars", 3.5e8, 3.5e8, "USD"),
        ("The rate rose to 5%.", "5%", 5, 5, "percent"),
        ("A 276-member contingent left.", "276-member contingent", 276, 276, "contingent"),
    ],
)
def test_amounts(sentence: str, words: str, low: float, high: float, unit: str) -> None:
    (amount,) = find_amounts(sentence)
    assert (amount.words, amount.unit) == (words, unit)
    assert amount.low == pytest.approx(low) and amount.high == pytest.approx(high)
    assert sentence[amount.start : amount.end] == words


@pytest.mark.parametrize(
    ("sentence", "units"),
    [
        ("A car bomb killed 12 people on Monday.", ["dead"]),
        ("The blast killed 12 people and wounded forty-two others.", ["dead", "injured"]),
        ("By Friday 40 were dead.", ["dead"]),
        ("Fighting wounded 35 soldiers.", ["troop"]),  # soldiers stay soldiers
        ("Floods destroyed 300 homes in Brenna.", ["home"]),
    ],
)
def test_what_is_counted(sentence: str, units: list[str]) -> None:
    assert [a.unit for a in find_amounts(sentence)] == units


def test_years_and_time_expressions_are_not_amounts() -> None:
    sentence = "In 2004 the mission began on March 3 with 600 troops."
    skip = ((sentence.index("March 3"), sentence.index("March 3") + 7),)
    assert [a.words for a in find_amounts(sentence, skip)] == ["600 troops"]


@pytest.mark.parametrize(
    ("a", "b", "meet"),
    [
        ("600 troops", "six hundred troops", True),
        ("more than 500 troops", "600 troops", True),
        ("about 1,000 troops", "1,000 troops", True),
        ("600 troops", "about 1,000 troops", False),
        ("14 hostages", "nine hostages", False),
        ("more than 500 protesters", "about 2,000 protesters", False),
    ],
)
def test_amounts_meet_only_when_both_can_be_true(a: str, b: str, meet: bool) -> None:
    (first,), (second,) = find_amounts(a), find_amounts(b)
    assert first.meets(second) is meet and second.meets(first) is meet
