"""One description of a wire dateline, read the same way wherever a stage meets one."""

from __future__ import annotations

import pytest

from dateline.clean.datelines import (
    AGENCY_DATELINE,
    DATELINE_ALONE,
    DATELINE_END,
    DATELINE_HEAD,
    DATELINE_OPENING,
    DATELINE_PLACE,
)


@pytest.mark.parametrize(
    ("sentence", "report"),
    [
        ("BEIJING, March 3 (Reuters) - China's exports rose.", "China's exports rose."),
        ("WASHINGTON — The Senate voted.", "The Senate voted."),
        ("LONDON (AP) -- Rail workers walked out.", "Rail workers walked out."),
        ("BENGHAZI, Libya (Reuters) - Rebels held the port.", "Rebels held the port."),
        ("KORVEL, Oct. 23 (CWS) - The minister resigned.", "The minister resigned."),
        ("WASHINGTON—The Senate voted.", "The Senate voted."),
    ],
)
def test_a_dateline_opening_a_sentence_ends_at_its_dash(sentence: str, report: str) -> None:
    found = DATELINE_OPENING.match(sentence)
    assert found is not None and sentence[found.end() :] == report


@pytest.mark.parametrize(
    "sentence",
    [
        "AL-QAEDA fighters crossed the border.",  # a hyphen inside a word is no dash
        "I -- I'm going to Egypt next week.",  # a speaker's stammer in a transcript
        "The Senate voted — narrowly.",
    ],
)
def test_what_only_looks_like_a_dateline_is_not_one(sentence: str) -> None:
    assert DATELINE_OPENING.match(sentence) is None


def test_the_text_before_a_day_and_what_follows_it() -> None:
    text = "KABUL, Jan 26 (Reuters) - Afghan officials met."
    day = text.index("Jan 26")
    assert DATELINE_PLACE.match(text[:day])
    assert DATELINE_END.match(text, day + len("Jan 26"))
    assert DATELINE_PLACE.match("BENGHAZI, Libya, ")
    assert not DATELINE_PLACE.match("Officials said on ")


@pytest.mark.parametrize(
    ("line", "agency"),
    [("WASHINGTON (AP)", True), ("LONDON, Feb 3 (Reuters)", True), ("NEW YORK", False)],
)
def test_a_dateline_alone_on_its_line(line: str, agency: bool) -> None:
    found = DATELINE_ALONE.match(line)
    assert found is not None and (found["agency"] is not None) == agency


def test_a_link_label_in_brackets_is_no_agency() -> None:
    assert DATELINE_ALONE.match("FAQ (Opens in new window)") is None


def test_an_agency_dateline_inside_running_text_and_its_head() -> None:
    text = "Rebels take port BENGHAZI, Libya (Reuters) - Rebels held the port."
    found = AGENCY_DATELINE.search(text)
    assert found is not None and text[found.start() :].startswith("BENGHAZI")
    assert AGENCY_DATELINE.search("a new strain of A (H1N1) - specific vaccine") is None
    assert DATELINE_HEAD.fullmatch("OSLAND, May 4 ")
