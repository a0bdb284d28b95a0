"""The splitter on our own news-like text: boundaries, abbreviations, exact offsets."""

from __future__ import annotations

import pytest

from dateline.events import split_sentences

CASES = [
    ("Troops landed. They met no resistance.", ["Troops landed.", "They met no resistance."]),
    ("Mr. Koizumi spoke on Feb. 3 in Tokyo.", ["Mr. Koizumi spoke on Feb. 3 in Tokyo."]),
    (
        "Col. Sato and Lt. Gen. Ito flew out. The plane left.",
        ["Col. Sato and Lt. Gen. Ito flew out.", "The plane left."],
    ),
    (
        "George W. Bush visited. He stayed an hour.",
        ["George W. Bush visited.", "He stayed an hour."],
    ),
    ("The U.S. Army agreed. The U.N. did not.", ["The U.S. Army agreed.", "The U.N. did not."]),
    (
        "Aid came from the U.S. The rest came later.",
        ["Aid came from the U.S.", "The rest came later."],
    ),
    (
        "Growth was 3.5 percent. It fell to 2.1 percent.",
        ["Growth was 3.5 percent.", "It fell to 2.1 percent."],
    ),
    ('"We will go," he said. "Soon."', ['"We will go," he said.', '"Soon."']),
    ("He waited... Nothing happened.", ["He waited...", "Nothing happened."]),
    ("Why now? Nobody knows!", ["Why now?", "Nobody knows!"]),
    (
        "Sales at Acme Inc. rose. Acme Inc. said so.",
        ["Sales at Acme Inc. rose.", "Acme Inc. said so."],
    ),
    ("Shares of Acme Inc. The firm fell.", ["Shares of Acme Inc.", "The firm fell."]),
    ("It opened at 9 a.m. on Monday.", ["It opened at 9 a.m. on Monday."]),
    ("First paragraph here.\n\nSecond one here.", ["First paragraph here.", "Second one here."]),
    (
        "Headline Without Stop\nThe body starts here.",
        ["Headline Without Stop", "The body starts here."],
    ),
    (
        "Key points:\n- troops deployed\n- aid pledged",
        ["Key points:", "- troops deployed", "- aid pledged"],
    ),
    (
        "a long line that is wrapped by the sender's mail program at a fixed width and so\n"
        "continues here.",
        [
            "a long line that is wrapped by the sender's mail program at a fixed width and so\n"
            "continues here."
        ],
    ),
    ("Talks ended . '' Next came a vote .", ["Talks ended . ''", "Next came a vote ."]),
    (
        "Rebels hold the port 20 killed since Tuesday (CNN) -- Rebels held the port on Friday.",
        [
            "Rebels hold the port 20 killed since Tuesday",
            "(CNN) -- Rebels held the port on Friday.",
        ],
    ),
    (
        "Photo: the harbour at dawn TARSEL, Mirenza (Reuters) - The ferry sailed. It was late.",
        [
            "Photo: the harbour at dawn",
            "TARSEL, Mirenza (Reuters) - The ferry sailed.",
            "It was late.",
        ],
    ),
    ("The figure (AP) was wrong. Fine.", ["The figure (AP) was wrong.", "Fine."]),
    # A page's time stamp closes its heading; the story starts after it.
    (
        "Ferry strike ends Crews return to work Monday 14 March 2005 17.14 GMT The ferry crews "
        "went back to work yesterday.",
        [
            "Ferry strike ends Crews return to work Monday 14 March 2005 17.14 GMT",
            "The ferry crews went back to work yesterday.",
        ],
    ),
    (
        "Tue Oct 4, 2011 8:36 am TARSEL (Reuters) - The port reopened.",
        ["Tue Oct 4, 2011 8:36 am", "TARSEL (Reuters) - The port reopened."],
    ),
    # Page items separated by spaced vertical bars are units of their own; the bars go.
    (
        "TARSEL | Tue Oct 4, 2011 8:36 am | TARSEL (Reuters) - The port reopened on Tuesday.",
        ["TARSEL", "Tue Oct 4, 2011 8:36 am", "TARSEL (Reuters) - The port reopened on Tuesday."],
    ),
    ("Home | World | Europe", ["Home", "World", "Europe"]),
    ("The ratio x|y was small.", ["The ratio x|y was small."]),
    (
        "12 May 2011 Last updated at 04:27 GMT Rain fell on the valley.",
        ["12 May 2011 Last updated at 04:27 GMT", "Rain fell on the valley."],
    ),
    # So does a photo credit glued to the story.
    (
        "Crews at the dock. Photograph: Ana Ruiz/AP The ferry sailed at dawn.",
        ["Crews at the dock.", "Photograph: Ana Ruiz/AP", "The ferry sailed at dawn."],
    ),
    (
        "Photograph: Ana Ruiz/AFP/Getty Images Rain fell. Photograph: PA It stopped.",
        ["Photograph: Ana Ruiz/AFP/Getty Images", "Rain fell.", "Photograph: PA", "It stopped."],
    ),
    ("Photograph: Ana Ruiz The ferry sailed.", ["Photograph: Ana Ruiz The ferry sailed."]),
    # Times in the story's own prose do not cut it.
    (
        "The polls closed at 8:46 p.m. Eastern time on Nov. 8, 2011. Shares rose 12.07 in 2011 "
        "Trading was quiet.",
        [
            "The polls closed at 8:46 p.m. Eastern time on Nov. 8, 2011.",
            "Shares rose 12.07 in 2011 Trading was quiet.",
        ],
    ),
    ("   ", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_split(text: str, expected: list[str]) -> None:
    assert [s.text for s in split_sentences(text)] == expected


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_offsets_are_exact(text: str, expected: list[str]) -> None:
    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip()


def test_page_without_punctuation_is_cut_into_bounded_pieces() -> None:
    text = " ".join(["menu item"] * 1000)
    pieces = split_sentences(text)
    assert len(pieces) > 1
    assert all(len(p.text) <= 1500 and text[p.start : p.end] == p.text for p in pieces)
