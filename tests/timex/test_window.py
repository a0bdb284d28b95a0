"""Relative dates of an article known only to an interval: the one day both ends agree on,
else a range of days, never a made-up day."""

from __future__ import annotations

from datetime import date

from dateline.model import Article, DayRange, PublicationDate
from dateline.timex import tag_article

TEXT = (
    "The port authority said on Friday that the talks had collapsed. Negotiators met "
    "again on March 3. The strike began on Feb. 20, 2022, and the union said yesterday "
    "it would go on."
)


def tagged(earliest: date, latest: date) -> dict[str, tuple[str, DayRange | None]]:
    article = Article.from_raw(
        "clip.txt", TEXT, text=TEXT, published=PublicationDate(None, earliest, latest, 0.5)
    )
    return {m.text: (m.value, m.within) for m in tag_article(article).timexes}


def test_both_ends_agree_a_day_differ_a_range() -> None:
    """Values stay unresolved (the date stage reads them so); the days go on `within`."""
    found = tagged(date(2022, 2, 25), date(2022, 3, 11))
    assert found["March 3"] == ("XXXX-03-03", DayRange("2022-03-03", "2022-03-03"))
    assert found["Feb. 20, 2022"] == ("2022-02-20", None)
    assert found["Friday"] == ("XXXX-WXX-5", DayRange("2022-02-25", "2022-03-11", 5))
    assert found["yesterday"] == ("XXXX-XX-XX", DayRange("2022-02-24", "2022-03-10"))


def test_an_interval_wider_than_the_limit_leaves_them_unresolved() -> None:
    found = tagged(date(2021, 1, 1), date(2022, 3, 11))
    assert found["Friday"] == ("XXXX-WXX-5", None)
    assert found["March 3"] == ("XXXX-03-03", None)
