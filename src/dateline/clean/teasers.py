"""Teaser tiles: a grid of other stories, each a headline over a one-sentence summary.

A "more stories" grid copied as text reads like an article cut into short sections: a kicker,
a headline in title case, a line of source and tags, then one sentence summing the story up,
again and again. What gives it away is the rhythm: each summary is the only paragraph between
two distinct headlines. An article's subheads head several paragraphs, and a photo essay's
repeated caption is one line printed many times, not a list of different headlines.

On the real copied pages (../shared/data/real/bodies) treating these summaries as gap lines,
not paragraphs, with lone lines made cheap (`segment.ALONE_COST`): chrome kept 0.091 -> 0.069
at the same body kept (keys 0-7 0.088, 8-f 0.055).
"""

from __future__ import annotations

from collections import Counter

from dateline.clean.score import Shape

# A headline of a tile: unpunctuated, this many words or more, most of them capitalised.
HEADLINE_WORDS = 5
HEADLINE_CAPITALS = 0.8
# The summary sits within this many lines under its headline, and the next headline within
# this many lines under the summary (kicker, source line).
BEFORE = 2
AFTER = 4
# A summary is a sentence of at least this many words (a paragraph) and at most this many.
SUMMARY_MIN_WORDS = 8
SUMMARY_MAX_WORDS = 45


def _headline(form: Shape) -> bool:
    return (
        not form.terminal and form.words >= HEADLINE_WORDS and form.title_ratio >= HEADLINE_CAPITALS
    )


def _paragraph(form: Shape) -> bool:
    return form.sentence and form.words >= SUMMARY_MIN_WORDS


def teaser_summaries(forms: list[Shape], keys: list[str]) -> set[int]:
    """Indexes of the lines that are the lone summary between two distinct headlines.

    `keys` are the lines' comparison forms: a headline printed twice on the page is a
    caption or a running head, not a tile's.
    """
    seen = Counter(keys)
    heads = [_headline(form) and seen[key] == 1 for form, key in zip(forms, keys, strict=True)]
    found = set()
    for i, form in enumerate(forms):
        if not _paragraph(form) or form.words > SUMMARY_MAX_WORDS:
            continue
        above = [j for j in range(max(i - BEFORE, 0), i) if heads[j]]
        below = [j for j in range(i + 1, min(i + 1 + AFTER, len(forms))) if heads[j]]
        if (
            above
            and below
            and not any(_paragraph(forms[j]) for j in range(above[-1] + 1, below[0]) if j != i)
        ):
            found.add(i)
    return found
