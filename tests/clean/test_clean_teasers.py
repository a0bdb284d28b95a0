"""Teaser tiles: a summary alone between two distinct headlines is another story's."""

from __future__ import annotations

from dateline.clean.lines import normalise_line
from dateline.clean.score import shape
from dateline.clean.teasers import teaser_summaries

GRID = [
    "SLOW BOATS",
    "Island Ferry Timetable Cut Back For The Whole Winter Season",
    "harbour.example Travel",
    "The operator blames rising fuel costs and a shortage of trained crew this year.",
    "A LONG WAIT",
    "Village Post Office Reopens After Eleven Months Of Repairs",
    "village.example Local",
    "Residents had travelled twenty miles to collect their parcels since the flood.",
    "NEW ROUTE",
    "Night Bus Returns To The Coast Road After A Public Campaign",
]
ARTICLE = [
    "Council Approves The New Harbour Wall After A Long Debate",
    "The council approved the new harbour wall on Tuesday after a long debate.",
    "Work starts in May and should take two years, the engineers told members.",
    "What The Wall Will Cost The Town Over Ten Years",
    "The bill comes to four million pounds, most of it from a national fund.",
    "Councillors asked whether the town could afford the upkeep of the wall.",
    "Where The Stone Will Come From And How It Will Arrive",
]


def _found(texts: list[str]) -> set[int]:
    return teaser_summaries([shape(t) for t in texts], [normalise_line(t) for t in texts])


def test_a_grid_of_headlines_with_one_sentence_each_is_teasers() -> None:
    assert _found(GRID) == {3, 7}


def test_subheads_over_several_paragraphs_are_the_article() -> None:
    assert _found(ARTICLE) == set()


def test_a_caption_printed_again_and_again_is_no_headline() -> None:
    caption = "Harbour Wall Works Seen From The Old Pier At Low Tide"
    texts = [caption, "The first stones went in on Monday morning before the tide.", caption]
    assert _found(texts) == set()
