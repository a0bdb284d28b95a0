"""The Datewise reference method on our own small pile: its date ranking, its undated leads,
its keyword filter."""

from __future__ import annotations

from collections.abc import Callable

from dateline.model import Article
from dateline.select.datewise import datewise

Make = Callable[..., Article]


def _pile(make_article: Make) -> list[Article]:
    return [
        make_article(
            "The ferry Marin sank off Holt on March 3, 2009, with 40 people aboard. "
            "Rescue boats reached the Marin wreck on March 4, 2009.",
            {"March 3, 2009": "2009-03-03", "March 4, 2009": "2009-03-04"},
            "2009-03-05",
            ident="a",
        ),
        make_article(
            "Divers searched the Marin wreck on March 3, 2009 and found the hull torn. "
            "Harbour officials said the ferry was overloaded when it left Holt.",
            {"March 3, 2009": "2009-03-03"},
            "2009-03-06",
            ident="b",
        ),
        make_article(
            "The Holt council met on March 3, 2009 about the town's budget and schools. "
            "A dock strike began on March 9, 2009 in the capital.",
            {"March 3, 2009": "2009-03-03", "March 9, 2009": "2009-03-09"},
            "2009-03-10",
            ident="c",
        ),
    ]


def test_days_rank_by_the_sentences_that_date_them(make_article: Make) -> None:
    entries = datewise(_pile(make_article), dates=1)
    assert [e.date for e in entries] == ["2009-03-03"]


def test_undated_leads_speak_for_their_day_and_the_day_before(make_article: Make) -> None:
    named = make_article(
        "Rescue boats reached the Marin wreck on March 4, 2009, in fog and cold rain off Holt.",
        {"March 4, 2009": "2009-03-04"},
        "2009-03-08",
        ident="a",
    )
    lead = make_article(
        "Rescue boats reached the Marin wreck. Crews checked every deck.",
        None,
        "2009-03-05",
        ident="b",
    )
    entries = datewise([named, lead], dates=1, per_date=2)
    assert {e.date for e in entries} == {"2009-03-04"}
    assert "b" in {c.document for e in entries for c in e.sources}
    # A day only leads speak for is never ranked: the ranking counts dated sentences.
    assert datewise([lead], dates=1) == ()


def test_a_day_with_no_keyword_sentence_gives_way(make_article: Make) -> None:
    # March 9 is named once, March 4 once; only March 4's sentence holds "ferry" or "marin".
    entries = datewise(_pile(make_article), dates=2, keywords=["Marin", "ferry"])
    assert [e.date for e in entries] == ["2009-03-03", "2009-03-04"]
    assert all("marin" in e.summary.lower() or "ferry" in e.summary.lower() for e in entries)
    unfiltered = datewise(_pile(make_article), dates=3)
    assert "2009-03-09" in {e.date for e in unfiltered}


def test_a_sentence_is_dated_by_its_first_time_expression(make_article: Make) -> None:
    # "2008" comes first: the sentence names no day for Datewise, as news-tls reads it.
    text = "After the 2008 floods, the dyke was raised on May 2, 2009 by the army."
    article = make_article(text, {"2008": "2008", "May 2, 2009": "2009-05-02"}, "2009-06-20")
    assert datewise([article], dates=1) == ()
