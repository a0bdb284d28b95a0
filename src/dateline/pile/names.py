"""The names an article gives: what tells two reports of one story from two of one topic.

A minister's name is in every report of a story, a hostage's in the few about the
kidnapping; either way two articles naming the same person or place are about the same
things far more often than two that merely share words.
"""

from __future__ import annotations

import re

# A name: two or more capitalised words in a row ("Nora Falk", "Prime Minister Anders Holm").
_NAME_RUN = re.compile(r"\b(?:[A-Z][a-z]?\.|[A-Z][\w'’-]*)(?: (?:[A-Z][a-z]?\.|[A-Z][\w'’-]*))+")
_LOWER_WORD = re.compile(r"\b[a-z][\w'’-]*")


def names(text: str) -> set[str]:
    """The names in `text`, each as its last two words ("Anders Holm" for "Prime Minister
    Anders Holm"); a capitalised word the text also writes in lower case ("Three" beside
    "the three") is a sentence start, not part of a name."""
    lower = {w.lower() for w in _LOWER_WORD.findall(text)}
    found = set()
    for run in _NAME_RUN.findall(text):
        words: list[str] = []
        for word in [*run.split(), ""]:
            if word and word.lower() not in lower:
                words.append(word)
                continue
            if len(words) >= 2:
                found.add(" ".join(words[-2:]))
            words = []
    return found
