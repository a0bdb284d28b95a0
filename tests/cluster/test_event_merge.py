"""Merging reports of one event: compatible dates and close wording, copies not counted."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dateline.cluster.events import merge_articles
from dateline.events import extract_events
from dateline.model import Article

Make = Callable[..., Article]

TROOPS = "Japan sent 600 ground troops to southern Iraq on January 26, 2004."
TROOPS_AGAIN = "On January 26, 2004, 600 Japanese ground troops were sent to southern Iraq."
TROOPS_MONTH = "In January 2004 Japan sent ground troops to southern Iraq."
AID = "Japan pledged $350 million in reconstruction aid on January 26, 2004."
DAYS = {"January 26, 2004": "2004-01-26", "January 2004": "2004-01", "March 2, 2004": "2004-03-02"}


def _events(make: Make, *texts: str) -> list[Article]:
    built = []
    for index, text in enumerate(texts):
        dates = {phrase: value for phrase, value in DAYS.items() if phrase in text}
        built.append(extract_events(make(text, dates, ident=f"n{index}")))
    return built


@pytest.mark.parametrize(
    ("texts", "groups"),
    [
        ((TROOPS, TROOPS_AGAIN), [["n0", "n1"]]),
        ((TROOPS, TROOPS_MONTH), [["n0", "n1"]]),
        ((TROOPS, AID), [["n0"], ["n1"]]),
        ((TROOPS, TROOPS.replace("January 26", "March 2")), [["n0"], ["n1"]]),
        ((TROOPS, TROOPS_AGAIN, AID), [["n0", "n1"], ["n2"]]),
    ],
)
def test_merge(make_article: Make, texts: tuple[str, ...], groups: list[list[str]]) -> None:
    merged = merge_articles(_events(make_article, *texts))
    assert sorted(sorted(g.articles) for g in merged) == groups


def test_group_takes_the_finest_date(make_article: Make) -> None:
    (group,) = merge_articles(_events(make_article, TROOPS_MONTH, TROOPS))
    assert group.date == "2004-01-26"


def test_copies_do_not_count_as_sources(make_article: Make) -> None:
    original, again = _events(make_article, TROOPS, TROOPS_AGAIN)
    copy = extract_events(
        make_article(
            TROOPS, {"January 26, 2004": "2004-01-26"}, ident="c", duplicate_of=original.id
        )
    )
    (group,) = merge_articles([original, again, copy])
    assert len(group.events) == 3
    assert sorted(group.articles) == ["n0", "n1"]


def test_lead_details_join_the_report_they_continue(make_article: Make) -> None:
    text = (
        "Floods swept through the valley on Saturday. Two bridges collapsed. "
        "Rescue teams reached the town on Saturday night. Boats ferried families out. "
        "The storm of 1998 was worse. Farmers fear for the harvest. "
        "A dam was opened on March 5."
    )
    dates = {
        "Saturday": "2005-03-05",
        "Saturday night": "2005-03-05TNI",
        "1998": "1998",
        "March 5": "2005-03-05",
    }
    built = make_article(text, dates, "2005-03-07")
    groups = merge_articles([extract_events(built)])
    assert sorted([e.sentence.text for e in g.events] for g in groups) == [
        ["A dam was opened on March 5."],
        [
            "Floods swept through the valley on Saturday.",
            "Two bridges collapsed.",
            "Rescue teams reached the town on Saturday night.",
            "Boats ferried families out.",
        ],
        ["The storm of 1998 was worse."],
    ]
    flood = next(g for g in groups if len(g.events) == 4)
    # Details do not move the centre: the entry still reads as the report that dates it.
    assert sorted(flood.vector) == ["floods", "swept", "valley"]


def test_coarse_reports_join_but_do_not_move_the_centre(make_article: Make) -> None:
    (group,) = merge_articles(_events(make_article, TROOPS, TROOPS_MONTH))
    assert len(group.events) == 2
    alone = merge_articles(_events(make_article, TROOPS))[0]
    assert sorted(group.vector) == sorted(alone.vector)


def test_details_of_a_capped_report_are_dropped_with_it(
    make_article: Make, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("dateline.cluster.events.MAX_BUCKET", 1)
    text = "Floods hit the valley on Saturday. Two bridges collapsed."
    first = extract_events(make_article(text, {"Saturday": "2005-03-05"}, "2005-03-07", "a"))
    other = "Fires hit the hills on Saturday. Crews were sent."
    second = extract_events(make_article(other, {"Saturday": "2005-03-05"}, "2005-03-07", "b"))
    (group,) = merge_articles([first, second])
    assert len(group.events) == 2 and len(set(group.articles)) == 1
