"""An entry cites the report, not the stamp or wire dateline a page opens the sentence with."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dateline.events import extract_events
from dateline.model import Article, Sentence
from dateline.select import build_entries
from dateline.select.opening import report_of

Make = Callable[..., Article]


@pytest.mark.parametrize(
    ("text", "report"),
    [
        (
            "(Update 9:15 p.m. in Korvel, 2:15 p.m. ET) Mortar rounds hit the camp at Sabrin.",
            "Mortar rounds hit the camp at Sabrin.",
        ),
        ("(Wirepost) -- The ferry Marin sank off Holt.", "The ferry Marin sank off Holt."),
        ("KORVEL, Estmark (Wirepost) - Troops left for Mirenza.", "Troops left for Mirenza."),
        ('(Wirepost): "We will stay," the minister said.', '"We will stay," the minister said.'),
        # Brackets inside the report, or an aside opening it that the sentence goes on from.
        ("Troops (about 200 of them) left Korvel.", "Troops (about 200 of them) left Korvel."),
        ("(Korvel) is where the troops left from.", "(Korvel) is where the troops left from."),
    ],
)
def test_the_report_starts_after_the_opening(text: str, report: str) -> None:
    found = report_of(Sentence(10, 10 + len(text), text))
    assert found.text == report
    assert found.end == 10 + len(text)
    assert found.start == 10 + len(text) - len(report)


def test_an_entry_cites_the_report_by_its_own_offsets(make_article: Make) -> None:
    opened = "(Update 9:15 p.m. in Korvel) Estmark troops left Korvel for Mirenza on May 4, 2009."
    text = "Estmark sent troops abroad. " + opened
    pile = [
        extract_events(
            make_article(text, {"May 4, 2009": "2009-05-04"}, "2009-05-05", ident=f"a{i}")
        )
        for i in range(3)
    ]
    entries = build_entries(pile, dates=1)
    assert [e.summary for e in entries] == [
        "Estmark troops left Korvel for Mirenza on May 4, 2009."
    ]
    for citation in entries[0].sources:
        assert text[citation.start : citation.end] == citation.sentence
