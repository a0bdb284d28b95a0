from __future__ import annotations

import dataclasses

import pytest
from cleankit import BODY, TOP, paragraphs

from dateline.clean import clean_article
from dateline.model import Article
from dateline.settings import CleanSettings

PAGE = "\n".join(
    [
        "Skip to main content",
        "News | Island life | Sport | Weather",
        "Harbour authority fines ferry operator over late sailings | The Island Times",
        "Harbour authority fines ferry operator over late sailings",
        "By RUTH CALDER, Transport Correspondent",
        "Updated 2:15 p.m. ET, Wed May 4, 2011",
        "Share",
        "",
        *[f"{p}\n" for p in BODY],
        "A ferry waits at Portree pier on Monday, March 7. (Photo: Ian Ross/Island Times)",
        "© 2011 The Island Times. All rights reserved.",
    ]
)


def _clean(text: str, **fields: object) -> Article:
    return clean_article(Article.from_raw("page.txt", text, **fields), CleanSettings())


def test_text_is_the_body_paragraphs_joined_by_blank_lines() -> None:
    assert _clean(PAGE).text == "\n\n".join(BODY)


def test_title_repeated_twice_fills_title_and_leaves_the_body() -> None:
    article = _clean(PAGE)
    assert article.title == "Harbour authority fines ferry operator over late sailings"
    assert "sailings" not in article.text.split("\n\n")[0][:60]


def test_given_title_is_kept_and_its_copies_removed() -> None:
    article = _clean(PAGE, title="Ferry operator fined")
    assert article.title == "Ferry operator fined"
    assert paragraphs(article) == BODY


def test_byline_and_date_lines_go_to_header_and_author() -> None:
    article = _clean(PAGE)
    assert article.header == (
        "By RUTH CALDER, Transport Correspondent",
        "Updated 2:15 p.m. ET, Wed May 4, 2011",
    )
    assert article.author == "Ruth Calder"


def test_caption_date_does_not_reach_text_or_header() -> None:
    article = _clean(PAGE)
    assert "March 7" not in article.text
    assert not any("March" in line for line in article.header)


def test_outlet_comes_from_copyright_line_only_when_missing() -> None:
    assert _clean(PAGE).outlet == "The Island Times"
    assert _clean(PAGE, outlet="Island Times Online").outlet == "Island Times Online"


def test_existing_author_and_header_are_kept() -> None:
    article = _clean(PAGE, author="R. Calder", header=("Filed from Portree",))
    assert article.author == "R. Calder"
    assert article.header[0] == "Filed from Portree"


def test_input_article_is_not_mutated() -> None:
    original = Article.from_raw("page.txt", PAGE)
    snapshot = dataclasses.replace(original)
    clean_article(original, CleanSettings())
    assert original == snapshot
    assert original.text == ""


def test_cleaning_is_idempotent() -> None:
    once = _clean(PAGE)
    again = clean_article(dataclasses.replace(once, raw_text=once.text), CleanSettings())
    assert again.text == once.text
    assert again.header == once.header
    assert again.title == once.title
    assert clean_article(once, CleanSettings()) == once


def test_clean_text_without_chrome_is_left_alone() -> None:
    text = "\n\n".join(BODY)
    assert _clean(text).text == text


def test_one_line_article_with_chrome_inside_is_kept_whole() -> None:
    # Some dumps store the whole page on one line; it must never be dropped as a whole.
    text = " ".join(["Video : Ferry fines", "Share |", *BODY, "© 2011 The Island Times"] * 3)
    assert _clean(text).text == text


def test_empty_and_blank_pages_give_empty_text() -> None:
    assert _clean("").text == ""
    assert _clean(" \n\n\t\n").text == ""


def test_windows_line_endings_and_odd_spacing_are_tidied_not_reworded() -> None:
    text = "\r\n".join([*TOP, "", "  The  ferry\u00a0left   late. ", "", BODY[0]])
    assert paragraphs(_clean(text)) == ["The ferry left late.", BODY[0]]


def test_boilerplate_lines_of_the_outlet_are_removed() -> None:
    line = "Island Times: independent since 1892"
    text = "\n\n".join([*TOP, *BODY[:2], line, *BODY[2:]])
    plain = clean_article(Article.from_raw("p.txt", text), CleanSettings())
    known = clean_article(
        Article.from_raw("p.txt", text),
        CleanSettings(),
        frozenset({"island times: independent since 0"}),
    )
    assert line in paragraphs(plain)
    assert paragraphs(known) == BODY


def test_plain_text_wire_copy_with_indented_paragraphs() -> None:
    text = (
        "AP-US-Ferry-Fine,0215\n"
        "Ferry operator fined over late sailings\n"
        "By RUTH CALDER\n"
        "Associated Press Writer\n"
        "\n"
        "  PORTREE, Scotland (AP) _ The harbour authority fined the island ferry\n"
        "operator on Wednesday after a third of its winter sailings left late.\n"
        "  The operator has 28 days to appeal.\n"
        "\n"
        "(Copyright 2011 by The Associated Press. All Rights Reserved.)\n"
    )
    article = _clean(text)
    assert paragraphs(article) == [
        "PORTREE, Scotland (AP) _ The harbour authority fined the island ferry operator on "
        "Wednesday after a third of its winter sailings left late.",
        "The operator has 28 days to appeal.",
    ]
    assert article.title == "Ferry operator fined over late sailings"
    assert article.author == "Ruth Calder"
    assert article.outlet == "The Associated Press"


def test_trending_list_above_the_headline_is_not_the_title() -> None:
    text = "Trending\nFerry strike called off today\n\n" + PAGE
    assert _clean(text).title == "Harbour authority fines ferry operator over late sailings"


def test_headline_with_a_full_stop_is_found_above_the_byline() -> None:
    text = "\n".join(["Ferries ran late. Here's why.", *TOP[1:], "", *BODY])
    article = _clean(text)
    assert article.title == "Ferries ran late. Here's why."
    assert paragraphs(article) == BODY


def test_market_ticker_lines_are_not_the_headline() -> None:
    text = "DOW 12,381.26 +0.45%\nS&P 500 1,320.47 +0.32%\n\n" + "\n".join([*TOP, "", *BODY])
    article = _clean(text)
    assert article.title == TOP[0]
    assert paragraphs(article) == BODY


@pytest.mark.parametrize(
    "line",
    [
        "guardian.co.uk, Friday 4 May 2011 08.15 BST",
        "Posted on May 4, 2011 at 8:15 am by Ruth Calder",
        "04.05.2011 | Author: Ruth Calder",
    ],
)
def test_dated_chrome_above_the_body_goes_to_header(line: str) -> None:
    text = "\n".join(["Island Times", "News | Sport", line, "", *[f"{p}\n" for p in BODY]])
    article = _clean(text)
    assert line in article.header
    assert line not in article.text


def test_dated_chrome_below_the_body_stays_out_of_header() -> None:
    lines = ["Island Times", *BODY, "More news", "May 6, 2011 — Ferry fares to rise in June"]
    article = _clean("\n\n".join(lines))
    assert not any("June" in line for line in article.header)


def test_publication_stamp_below_the_body_goes_to_header() -> None:
    stamp = "Story from ISLAND TIMES: Published: 2011/05/04 08:15:02 GMT"
    article = _clean("\n\n".join([*BODY, "Island Times", stamp, "© 2011 The Island Times"]))
    assert stamp in article.header
    assert "2011/05/04" not in article.text


def test_printed_page_url_goes_to_header() -> None:
    url = "Printed from: https://www.islandtimes.example/news/2011/05/04/ferry-fines"
    article = _clean("\n\n".join([*BODY, url, "© 2011 The Island Times"]))
    assert url in article.header
    assert "islandtimes" not in article.text


def test_a_body_the_reader_extracted_keeps_its_lists_and_short_lines() -> None:
    extracted = "\n".join(
        [
            BODY[0],
            "Race calendar",
            "March 3 | Interlagos",
            "April 14 | Curvelo",
            "Standings",
            BODY[1],
        ]
    )
    article = _clean(extracted, title="Harbour authority fines ferry operator", extracted=True)
    assert paragraphs(article) == [
        BODY[0],
        "Race calendar",
        "March 3 | Interlagos",
        "April 14 | Curvelo",
        "Standings",
        BODY[1],
    ]
    assert article.title == "Harbour authority fines ferry operator"
