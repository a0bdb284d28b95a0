"""The body as a prose stretch: growth over gaps, stops, inline boxes, seeds, date stamps."""

from __future__ import annotations

import pytest

from dateline.clean.lines import Unit, normalise_line
from dateline.clean.lists import introduced_items, record_rows, table_rows
from dateline.clean.segment import (
    ALONE_COST,
    DATE_COST,
    FURNITURE_COST,
    GAP_COST,
    LEAD_REACH,
    LIST_ITEM,
    TAIL_REACH,
    before_stamps,
    body_span,
    headed_span,
    is_prose,
    lead_lines,
    line_values,
    size,
    tail_end,
)

P = 20.0  # a paragraph of twenty words
G = -GAP_COST  # a short line without prose


def test_lines_are_worth_their_prose_or_cost_something() -> None:
    texts = [
        "The council approved the new harbour wall on Tuesday after a long debate.",
        "Share",
        "Share",
        "Updated May 4, 2011",
        "Home",
        "Ferry times:",
        "Serves four",
        "The mayor says the wall will stand for a hundred years at least.",
    ]
    values = line_values(
        texts,
        [False, True, True, False, False, False, False, False],
        [False, False, False, True, False, False, False, False],
        {4},
        [False] * 6 + [True, False],
        {7},
    )
    assert values[0] == size(texts[0]) == 13
    assert values[1:3] == [-FURNITURE_COST, -2 * FURNITURE_COST]  # a run costs more and more
    assert values[3] == -DATE_COST
    assert values[4] == LIST_ITEM
    assert values[5] == -GAP_COST  # a sentence end, but too short for a paragraph
    assert values[6] == -ALONE_COST < 0  # set apart by blank lines: a subhead, a step
    assert values[7] == -GAP_COST  # a teaser's summary is no paragraph of the article


def test_a_page_of_steps_each_set_apart_stays_one_body() -> None:
    steps = [-ALONE_COST] * 3 + [12.0]  # "Meal 1", "Eat every 2-3 hours", a dish, a sentence
    assert body_span([P, *(steps * 8), *([G] * 8)]) == (0, 32)


@pytest.mark.parametrize(
    ("text", "prose"),
    [
        ("The ferry left Portree an hour late on Monday morning.", True),
        ("Ferry left late", False),
        ("Read the full story about the harbour and its ferries here", False),  # no sentence end
        ("港の新しい防波堤は火曜日の議会で承認され、工事は来月から始まる。", True),
        ("बंदरगाह की नई दीवार को मंगलवार को परिषद ने मंज़ूरी दी और काम अगले महीने शुरू होगा।", True),
        ("We will keep the ferry running for the island all winter long 🙂", True),
        ("Come aboard the ferry 😀", False),  # closed by an emoji, but too short
    ],
)
def test_paragraphs_in_any_script(text: str, prose: bool) -> None:
    assert is_prose(text) is prose


def test_body_grows_over_list_items_and_subheads_between_paragraphs() -> None:
    values = [G] * 5 + [P, G, G, P, G, P, P] + [G] * 15
    assert body_span(values) == (5, 11)


def test_body_stops_at_a_long_run_of_link_lines() -> None:
    values = [P, P, P] + [G] * 11 + [P]  # a "most read" list, then a stray teaser
    assert body_span(values) == (0, 2)


def test_body_resumes_after_an_inline_box_when_the_article_goes_on() -> None:
    box = [G] * 12
    assert body_span([P, P, *box, P, P, P]) == (0, 16)


def test_a_comment_thread_is_not_the_article_resumed() -> None:
    comment = [G, -DATE_COST, 15.0]  # "name says:", a time stamp, the comment
    values = [P, P, P, *([-FURNITURE_COST] * 5), *(comment * 6)]
    assert body_span(values) == (0, 2)


def test_body_resumes_past_a_gallery_that_prints_its_captions_twice() -> None:
    caption = 20.0  # a caption under the photo, printed again in the gallery's viewer
    gallery = [-FURNITURE_COST * n for n in range(1, 7)]  # "Photo: ...", "Image 1 of 4", "Close"
    viewer = [-FURNITURE_COST, G, -FURNITURE_COST, -2 * FURNITURE_COST]  # "1 / 4", "Back"
    values = [G, P, P, caption, caption, *gallery, caption, caption, *viewer, *([P] * 12)]
    echoes = frozenset({3, 4, 11, 12})
    assert body_span(values, 1, echoes) == (1, len(values) - 1)
    assert body_span(values, 1) == (11, 28)  # captions seen once: the lead is lost
    # A longer lead, then one stretch of its own past the gap: a teaser seen once stops the
    # body; printed twice on the page, the same line is crossed.
    tile = [G, *([P] * 6), *gallery, 20.0, *viewer, *([P] * 12)]
    assert body_span(tile, 1) == (1, 6)
    assert body_span(tile, 1, frozenset({13})) == (1, len(tile) - 1)


def test_the_headline_repeat_over_most_of_the_article_heads_it() -> None:
    # The headline over the lead, again in a gallery, then the rest: the lead's body resumes.
    values = [G, P, P, *([-FURNITURE_COST] * 6), G, *([P] * 12)]
    assert headed_span(values, [0, 9]) == (1, (1, 21))
    # The headline in a trending box above, over one teaser: the article's repeat heads it.
    trending = [G, 12.0, *(-FURNITURE_COST * n for n in range(1, 26)), G, *([P] * 10)]
    assert headed_span(trending, [0, 27]) == (28, (28, 37))
    assert headed_span(trending, []) == (0, (28, 37))


def test_body_starts_under_the_headline_even_when_the_footer_is_longer() -> None:
    values = [G, P, P, *([G] * 40), 80.0, 80.0]  # a long legal notice below the menus
    assert body_span(values, start=1) == (1, 2)
    assert body_span(values) == (43, 44)  # no headline: the densest stretch


def test_no_paragraph_means_no_span() -> None:
    assert body_span([G, G, -DATE_COST]) is None


def test_date_stamps_end_the_body_before_the_first_of_them() -> None:
    values = [P, P, P, -DATE_COST, 10.0] * 1 + [-DATE_COST, 10.0] * 5
    dated = [v == -DATE_COST for v in values]
    assert before_stamps(values, dated, (0, len(values) - 1)) == (0, 2)
    few = [P, -DATE_COST, P, -DATE_COST, P]  # an article's own time stamps stay
    assert before_stamps(few, [v == -DATE_COST for v in few], (0, 4)) == (0, 4)


def test_the_body_ends_where_the_chrome_starts_not_at_its_last_paragraph() -> None:
    # Last paragraph at 2; the page's chrome (a share bar) starts at 5.
    ends = [False, False, False, False, False, True, True]
    assert tail_end(ends, set(), 2) == 4
    assert tail_end([False] * 30, set(), 2) == 2 + TAIL_REACH  # no end in sight: a reach
    assert tail_end([False, False, False, True], set(), 3) == 3
    # A teaser's summary at 5: the lines before it are its tile (kicker, headline), not ours.
    assert tail_end(ends, {5}, 2) == 2


def test_the_lines_leading_into_the_first_paragraph_stop_at_the_byline() -> None:
    # Headline at 0 (the body may start at 1), byline at 1, a standfirst at 2, paragraph at 3.
    stops = [True, True, False, False]
    assert lead_lines(stops, 3, 1) == [2]
    assert lead_lines([False] * 10, 9, 0) == list(range(8, 8 - LEAD_REACH, -1))
    assert lead_lines([False] * 4, 3, 3) == []  # nothing above the line under the headline


def _units(lines: list[str]) -> list[Unit]:
    units, block = [], 0
    for text in lines:
        if not text:
            block += 1
            continue
        units.append(Unit(text, block, len(units)))
    return units


def test_a_list_a_paragraph_introduces_is_found_up_to_the_next_paragraph() -> None:
    lines = [
        "The ferry will call at these ports from June, the operator said:",
        "Portree -- daily",
        "Uig -- Monday to Friday",
        "Tarbert -- weekends",
        "",
        "Tickets go on sale next week at the harbour office and online.",
        "Home",
        "Sport",
    ]
    units = _units(lines)
    prose = [is_prose(u.text) for u in units]
    assert introduced_items(units, prose, [False] * len(units)) == {1, 2, 3}


def test_a_menu_under_no_colon_is_no_list() -> None:
    units = _units(["Tickets go on sale next week at the harbour office.", "", "Home", "Sport"])
    prose = [is_prose(u.text) for u in units]
    assert introduced_items(units, prose, [False] * len(units)) == set()


def test_a_block_of_rows_holding_figures_is_a_table() -> None:
    rows = ["Round 1: 10 March -- Portree", "Round 2: 8 April -- Uig", "Round 3: 22 April -- Tarbert",
            "Round 4: 6 May -- Stornoway"]  # fmt: skip
    units = _units(["Race calendar", *rows, "", "News", "Sport", "Weather", "Island life"])
    prose = [False] * len(units)
    assert table_rows(units, prose, [False] * len(units)) == {0, 1, 2, 3, 4}


def test_a_block_of_rows_punctuated_alike_is_a_table_even_in_words() -> None:
    rows = ["Portree (North): third visit", "Uig (West): first visit", "Tarbert (Harris): fifth visit",
            "Stornoway (Lewis): second visit", "Broadford (Skye): no visit yet"]  # fmt: skip
    menu = ["News", "Sport", "Weather", "Island life", "Sign in / Register"]
    units = _units([*rows, "", *menu])
    prose = [False] * len(units)
    assert table_rows(units, prose, [False] * len(units)) == {0, 1, 2, 3, 4}


def _records(lines: list[str], stamped: str = "") -> set[int]:
    units = _units(lines)
    prose = [is_prose(u.text) for u in units]
    keys = [normalise_line(u.text) for u in units]
    dated = [bool(stamped) and stamped in u.text for u in units]
    return record_rows(units, keys, prose, [False] * len(units), dated)


def _box(name: str, price: str, features: list[str]) -> list[str]:
    return [name, "", *features, "", f"{name} (2019 model)", price, "Ships from the harbour shop",
            "Buy now", ""]  # fmt: skip


def test_a_list_of_records_each_repeating_a_line_is_the_articles() -> None:
    boxes = [
        *_box("Harbour lamp", "£30", ["Bright enough for a quay", "Runs a week on one charge"]),
        *_box("Ferry flask", "£12", ["Keeps tea hot through a crossing", "Fits a cup holder"]),
        *_box("Tide clock", "£45", ["Shows high and low water", "Set once a year"]),
    ]
    lines = ["Here are this year's best gifts for anyone who lives by the sea.", "", *boxes]
    found = _records(lines)
    assert found == set(range(1, len(_units(lines))))  # every box, from its name on
    assert _records([*lines, "Posted 2 days ago"], stamped="Posted") == found


def test_repeats_of_a_menu_a_story_tag_or_an_advert_slot_make_no_records() -> None:
    menu = ["News", "Politics", "Sport", "", "News", "Fashion", "Beauty", "", "News", "Homes",
            "Gardens", ""]  # fmt: skip
    assert _records(menu) == set()  # a word or two a line: a menu's items
    tags = ["Ferry fares rise again", "Rising", "Council votes on the harbour wall", "Rising",
            "A new café opens on the quay", "Rising"]  # fmt: skip
    assert _records(tags) == set()  # one block: a story list
    comments = ["Mairi", "Reply", "1 May 2019", "", "Iain", "Reply", "2 May 2019", "", "Ann",
                "Reply", "3 May 2019"]  # fmt: skip
    assert _records(comments, stamped="May 2019") == set()
    paragraph = "The council approved the new harbour wall on Tuesday after a long debate."
    article = [paragraph, "", "Advert", "", paragraph, "", "Advert", "", paragraph, "", "Advert"]
    assert _records(article) == set()
