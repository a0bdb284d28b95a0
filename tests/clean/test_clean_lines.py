from __future__ import annotations

import re

import pytest

from dateline.clean import normalise_line
from dateline.clean.lines import ends_sentence, split_units, tidy


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("  Comments (12) ", "comments (0"),
        ("COMMENTS (40)", "comments (0"),
        ("• Share this story »", "share this story"),
        ("Sign\u00a0up   for our newsletter", "sign up for our newsletter"),
        ("", ""),
    ],
)
def test_normalise_line(line: str, expected: str) -> None:
    assert normalise_line(line) == expected


def test_tidy_collapses_spaces_and_drops_invisible_characters() -> None:
    assert tidy("  Fire\u200b crews\t\tarrived\u00a0early ") == "Fire crews arrived early"


@pytest.mark.parametrize(
    "line",
    [
        "Fire crews arrived",
        " Fire  crews ",
        "Fire\tcrews",
        "Fire \t crews",
        "\x0bFire\x1c",
        "Fire\u3000 crews\u00ad",
        "Fire\ncrews",
        "",
        "   ",
        "Fire \u200b crews",
    ],
)
def test_tidy_is_every_space_run_made_one_space(line: str) -> None:
    invisible = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
    runs = re.sub(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+", " ", line.translate(invisible))
    assert tidy(line) == runs.strip()


def test_hard_wrapped_paragraphs_become_one_unit_each() -> None:
    text = (
        "The mayor said on Monday that the bridge would reopen to traffic\n"
        "within a month, once engineers had finished checking the bearings\n"
        "and the new deck surface had cured.\n"
        "\n"
        "Repairs have cost about $2 million so far, according to the city's\n"
        "public works department, which expects no further closures.\n"
    )
    units = [u.text for u in split_units(text)]
    assert units == [
        "The mayor said on Monday that the bridge would reopen to traffic within a month, once "
        "engineers had finished checking the bearings and the new deck surface had cured.",
        "Repairs have cost about $2 million so far, according to the city's public works "
        "department, which expects no further closures.",
    ]


def test_menu_lines_stay_separate_units() -> None:
    units = split_units("Home\nWorld\nBusiness\n\nThe strike ended on Friday.")
    assert [u.text for u in units] == ["Home", "World", "Business", "The strike ended on Friday."]
    assert [u.block for u in units] == [0, 0, 0, 1]


def test_lowercase_continuation_joins_a_broken_line() -> None:
    units = split_units(
        "Officials said the evacuation order covering the valley would\nremain in place."
    )
    assert [u.text for u in units] == [
        "Officials said the evacuation order covering the valley would remain in place."
    ]


def test_indented_line_opens_a_new_paragraph_in_wrapped_text() -> None:
    text = (
        "   The council met for six hours on Tuesday and voted to keep the\n"
        "pool open through the summer, reversing a decision made in March.\n"
        "   Swimmers who had protested outside the town hall cheered as the\n"
        "result was announced shortly before midnight on the same evening.\n"
    )
    assert len(split_units(text)) == 2


@pytest.mark.parametrize(
    ("text", "ends"),
    [
        ("We hope to see you on the pier next summer! 🙂", True),
        ("The ferry is back on time. 👍🏽", True),
        ("Come aboard ❤️", False),
        ("बंदरगाह की नई दीवार को मंज़ूरी मिली।", True),
        ("Island life", False),
    ],
)
def test_a_sentence_may_close_with_emoji(text: str, ends: bool) -> None:
    assert ends_sentence(text) is ends
