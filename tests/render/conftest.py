"""A small hand-built timeline shared by the render tests."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.model import Article, Citation, PublicationDate, Timeline, TimelineEntry


@pytest.fixture
def timeline() -> Timeline:
    text_a = (
        "The cabinet approved the mission plan on Dec. 9, 2003. "
        "About 600 troops will depart on February third."
    )
    text_b = "Parliament passed the special law on July 26, 2003, after a long night <b>debate</b>."
    a = Article.from_raw(
        "corpus/a.txt",
        text_a,
        title="Cabinet approves plan",
        outlet="The Northern Ledger",
        text=text_a,
        published=PublicationDate(
            date(2003, 12, 10),
            date(2003, 12, 10),
            date(2003, 12, 10),
            0.9,
            ("Published: Dec. 10, 2003",),
            "header",
        ),
    )
    b = Article.from_raw(
        "corpus/b.html",
        text_b,
        title="Law passes | <script>x</script>",
        outlet="Capital Wire",
        text=text_b,
    )
    first = text_a.index("About")
    entries = (
        TimelineEntry("2003-07-26", text_b, (Citation(b.id, text_b, 0, len(text_b)),)),
        TimelineEntry(
            "2003-12-09",
            text_a[: first - 1],
            (Citation(a.id, text_a[: first - 1], 0, first - 1),),
            score=0.5,
        ),
        TimelineEntry(
            "2004-02",
            text_a[first:],
            (Citation(a.id, text_a[first:], first, len(text_a)),),
            planned=True,
        ),
    )
    return Timeline(documents=(a, b), entries=entries)
