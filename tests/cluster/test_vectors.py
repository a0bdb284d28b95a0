"""Content words for TF-IDF: the fast route for ASCII text gives what token-by-token gives."""

from __future__ import annotations

import re

import pytest

from dateline.cluster.vectors import STOPWORDS, terms

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+|\d[\d,.]*")


def _one_by_one(text: str) -> list[str]:
    words = []
    for token in _WORD.findall(text):
        word = token.lower().removesuffix("'s").strip("'-.,")
        if len(word) > 2 and word not in STOPWORDS:
            words.append(word)
    return words


@pytest.mark.parametrize(
    "text",
    [
        "The Council's vote on Monday: 1,200 troops -- O'Neill's 'plan' was rejected.",
        "IT'S THE U.S.-led coalition's 3.5% rise, and the mayor's office said so.",
        "İstanbul's governor met KELVIN \u212aelvin in Ağustos; ٣٤ people were hurt.",
        "",
    ],
)
def test_terms_are_lowered_content_words(text: str) -> None:
    assert terms(text) == _one_by_one(text)


def test_terms_drop_stopwords_and_short_words() -> None:
    assert terms("The mayor said it was the biggest flood since 1953, with 40 dead") == [
        "mayor",
        "biggest",
        "flood",
        "1953",
        "dead",
    ]
