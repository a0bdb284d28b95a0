"""Two-digit years: against the anchor when there is one, else against today."""

from __future__ import annotations

from datetime import date

from dateline.timex import tag


def values(text: str, anchor: date | None) -> list[str]:
    return [m.value for m in tag(text, anchor) if m.type == "DATE"]


def test_without_an_anchor_a_two_digit_year_is_the_recent_one() -> None:
    assert values("Updated 11/08/23 5:19pm", None) == ["2023-11-08"]
    assert values("By Staff Reports - 11/20/19", None) == ["2019-11-20"]
    assert values("The mill closed on 3/4/98.", None) == ["1998-03-04"]


def test_with_an_anchor_the_anchor_decides() -> None:
    assert values("The mill closed on 3/4/98.", date(2001, 5, 1)) == ["1998-03-04"]
    assert values("The mill closed on 3/4/05.", date(2001, 5, 1)) == ["2005-03-04"]
    assert values("The mill closed on 3/4/35.", date(2001, 5, 1)) == ["1935-03-04"]
