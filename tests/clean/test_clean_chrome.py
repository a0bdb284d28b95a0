"""Tables of chrome lines that must go and body lines (traps included) that must stay."""

from __future__ import annotations

import pytest
from cleankit import BODY, page, paragraphs

CHROME = [
    ("Skip to main content", "top"),
    ("Home | World | Business | Sport | Weather", "top"),
    ("Story Tools", "top"),
    ("Share", "middle"),
    ("Print this article", "middle"),
    ("Email to a friend", "end"),
    ("Advertisement", "middle"),
    ("Story continues below advertisement", "middle"),
    ("VIDEO: Ferry passengers stranded overnight", "middle"),
    ("Watch: The harbour master explains the fines", "middle"),
    ("READ MORE: Island ferry timetable cut again", "middle"),
    ("Click here to sign up for breaking news alerts.", "end"),
    ("Sign up for our free morning newsletter to get the day's top stories.", "end"),
    ("Subscribe to the Island Times for just $1 a week", "end"),
    ("A ferry waits at the pier in Portree on Tuesday. AP Photo/Ian Ross", "middle"),
    ("Passengers queue for the 7 a.m. sailing (Photo: Reuters)", "middle"),
    ("The ferry Hebridean Star leaves port on Monday. Photograph: Ian Ross/Getty Images", "middle"),
    ("Image caption The operator has 28 days to appeal", "middle"),
    ("© 2011 The Island Times. All rights reserved.", "end"),
    ("Copyright 2011 The Associated Press. All rights reserved.", "end"),
    ("Terms of Use | Privacy Policy | Cookie Settings", "end"),
    ("We use cookies to improve your experience on our site.", "top"),
    ("Ruth Calder is a reporter covering transport for the Island Times.", "end"),
    ("Contact the newsroom at news@islandtimes.example or call 555-0100.", "end"),
    ("Island Times staff contributed to this report.", "end"),
    ("Reporting by Ruth Calder; Editing by Tom Innes", "end"),
    ("Related Topics", "end"),
    ("Comments (14)", "end"),
    ("Follow us on Twitter @islandtimes", "end"),
    ("Tags: ferries, transport, islands", "end"),
    ("3 min read", "top"),
    ("Illustration by Mara Keller", "middle"),
    ("This article appears in the May 2011 print edition.", "end"),
    ("Get our best stories in your inbox every Sunday.", "end"),
    ("Media playback is unsupported on your device", "middle"),
    (
        "We use cookies to give you the best experience. By continuing you agree to our use "
        "of cookies.",
        "top",
    ),
    ("Eds: Updates with comment from harbour authority.", "top"),
]


@pytest.mark.parametrize(("line", "where"), CHROME)
def test_chrome_line_is_removed(clean, line: str, where: str) -> None:
    article = clean(page(line, where))
    assert line not in article.text
    assert paragraphs(article) == BODY


BODY_TRAPS = [
    '"Click here and you lose your savings," the fraud officer warned the meeting.',
    "Click here.",
    "Photo identification will be needed to board from next month, the operator said.",
    "No one was hurt.",
    '"Never again," she said.',
    "It did not.",
    "By Tuesday, the backlog of stranded cars had cleared.",
    "Share prices in the operator's parent company fell 4 percent.",
    "Subscribers to the season ticket scheme will get a refund.",
    "The company's privacy policy was not part of the inquiry, Mackay said.",
    "Why now?",
    "Print on demand has kept the island's bookshop alive, its owner said.",
    "Maria Lopez was a reporter for the Island Times until 2001, her sister said.",
    "Save the ferry campaigners met on Thursday.",
]


@pytest.mark.parametrize("line", BODY_TRAPS)
@pytest.mark.parametrize("where", ["middle", "end"])
def test_body_line_is_kept(clean, line: str, where: str) -> None:
    article = clean(page(line, where))
    assert line in paragraphs(article)
    assert set(BODY) <= set(paragraphs(article))


def test_headline_list_under_a_heading_is_removed(clean) -> None:
    text = page(
        "Most Read\nFerry strike called off\nNew pier opens in Uig\nStorm warning for Minch"
    )
    assert paragraphs(clean(text)) == BODY


def test_run_of_short_menu_lines_is_removed(clean) -> None:
    text = "News\nSport\nWeather\nTravel\nOpinion\n\n" + page("", "end")
    assert paragraphs(clean(text)) == BODY


def test_story_highlights_are_removed(clean) -> None:
    text = (
        "Story highlights\nFerry operator fined £40,000\n"
        "A third of winter sailings left late\n\n" + page("", "end")
    )
    assert paragraphs(clean(text)) == BODY


def test_dateline_opening_is_body(clean) -> None:
    line = "WASHINGTON (AP) — The Senate voted 61-39 on Thursday to extend the program."
    assert line in paragraphs(clean(page(line, "middle")))


def test_pull_quote_repeating_the_body_is_removed(clean) -> None:
    assert (
        paragraphs(clean(page('"Islanders have been patient for long enough"', "middle"))) == BODY
    )


def test_question_teasers_under_a_heading_are_removed(clean) -> None:
    text = page("More on this story\nWho runs the island ferries?\nWhy are sailings late?", "end")
    assert paragraphs(clean(text)) == BODY
