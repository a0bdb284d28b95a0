"""Full dates as pages write them, in the languages of real pages, and which one is the page's."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.model import Article
from dateline.read.pagestamp import page_stamp
from dateline.read.pagetext import listed_stamps, written_dates

TODAY = date(2026, 12, 2)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Von Claudia Riedler 19. Oktober 2019 00:04 Uhr", date(2019, 10, 19)),
        ("/ martes 17 de marzo de 2020", date(2020, 3, 17)),
        ("Publicado el 2 de abril de 2020", date(2020, 4, 2)),
        ("Mis à jour le 26 décembre 2020 à 21:00", date(2020, 12, 26)),
        ("Aktualisiert am 11.02.2020, 17:29 Uhr", date(2020, 2, 11)),
        ("Melanie Earley 15:35, Oct 29 2020", date(2020, 10, 29)),
        ("Wed 29th April 2020 | 03:32 PM", date(2020, 4, 29)),
        ("Danmark - 10. marts 2020 kl. 20:00", date(2020, 3, 10)),
        ("30 Ekim 2020 Cuma 18:28", date(2020, 10, 30)),
        ("3 декабря 2020, 18:47", date(2020, 12, 3)),
        ("公開日 2022年3月4日", date(2022, 3, 4)),
        ("2020-03-08T18:30:30.077Z", date(2020, 3, 8)),
        ("Council Approves Bridge Repairs - 2011-03-14", date(2011, 3, 14)),
    ],
)
def test_written_date_in_each_form(line: str, expected: date) -> None:
    assert [w.day for w in written_dates(line, TODAY)] == [expected]


def test_two_digit_years_land_in_the_plausible_century() -> None:
    text = "The story as posted\nBy Staff Reports - 11/20/19\nUpdated 11/08/23 5:19pm\n"
    assert [w.day for w in written_dates(text, TODAY)] == [date(2019, 11, 20), date(2023, 11, 8)]
    assert written_dates("Founded 12.05.98", TODAY)[0].day == date(1998, 5, 12)


def test_slashed_dates_follow_the_page() -> None:
    english = "Updated 11/8/2023 and the mayor said the vote was for the bridge."
    assert written_dates(english, TODAY)[0].day == date(2023, 11, 8)
    german = "Aktualisiert 11/8/2023. Der Bürgermeister sagte, die Brücke sei sicher."
    assert written_dates(german, TODAY)[0].day == date(2023, 8, 11)
    shown = "Updated 11/8/2023\nComments closed 25/12/2023 for the whole of the page."
    assert written_dates(shown, TODAY)[0].day == date(2023, 8, 11)


def test_a_weekday_or_a_year_alone_is_not_a_full_date() -> None:
    assert written_dates("today (Thursday 2 November) and all of 2006", TODAY) == []


def page(text: str, title: str, body: str) -> Article:
    return Article.from_raw("page.txt", text, title=title, text=body)


BODY = (
    "The harbour board voted on Tuesday to dredge the east channel, ending a dispute with the "
    "ferry operators that had run since the spring floods."
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # The byline beside the headline beats a cookie notice and a comment stamp.
        ("Harbour Gazette\nPrivacy Policy: effective May 23rd, 2018\nDredging approved\n"
         f"By Ann Lee | 14 March 2022 09:10\n{BODY}\n3 comments\nbob — 2 May 2023 at 10:14 am",
         date(2022, 3, 14)),
        # A headline ending in its date.
        (f"Council Approves Bridge Repairs - 2011-03-14\n{BODY}", date(2011, 3, 14)),
        # "Published" beats a sidebar tile nearer the headline.
        ("Dredging approved\nMost popular\nFerry fares rise (12 June 2021)\n"
         f"Veröffentlicht am 3. Juli 2021\n{BODY}", date(2021, 7, 3)),
    ],
)  # fmt: skip
def test_the_page_stamp_is_the_date_line_by_the_headline(raw: str, expected: date) -> None:
    title = raw.splitlines()[2] if raw.startswith("Harbour") else raw.splitlines()[0]
    found = page_stamp(page(raw, title, BODY), TODAY)
    assert found is not None and found.day == expected


def test_comments_sidebars_and_notices_never_decide() -> None:
    raw = (
        f"Dredging approved\n{BODY}\nMore news\nMarch 30, 2006 — Ferry fares to rise\n"
        "Photo taken Dec. 1, 2005\n42 comments\ntinaM — May 3, 2012 at 10:14 am"
    )
    assert page_stamp(page(raw, "Dredging approved", BODY), TODAY) is None


def test_a_sentence_of_the_story_is_not_a_date_line() -> None:
    raw = f"Dredging approved\nThe state bought the marsh on Feb. 7, 2006, the board said.\n{BODY}"
    assert page_stamp(page(raw, "Dredging approved", BODY), TODAY) is None


def test_stamps_repeated_in_one_shape_are_a_lists() -> None:
    text = (
        "Posted 4 May 2021 08:30\nThe council met.\n"
        "At 10:02 5th May 2021, reader1 wrote: yes.\nAt 11:40 6th May 2021, reader2 wrote: no."
    )
    assert [text[a:b] for a, b in listed_stamps(text, TODAY)] == ["5th May 2021", "6th May 2021"]


def test_a_single_stamp_is_not_listed() -> None:
    text = "Mon Sep 12, 2011 6:01 pm EDT (Reuters) - on September 3, 2011"
    assert listed_stamps(text, TODAY) == []


def test_a_page_stamp_and_one_comment_are_not_a_list() -> None:
    text = (
        "CAIRO | Tue May 10, 2011 1:18 pm EDT CAIRO - The council met. Comments: "
        "fair enough May 10, 2011 7:09 pm EDT -- Report as abuse"
    )
    assert listed_stamps(text, TODAY) == []
