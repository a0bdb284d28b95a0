"""Find and normalise every time expression of a text (the `tag` entry point).

Two passes: all patterns propose spans and the longest non-overlapping ones win (ties go to
the earlier pattern in the grammar); then the winners are resolved left to right, so an
explicit date can become the reference for "the next day" further on.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date

from dateline.model import Article, TimeMention
from dateline.timex.grammar import COMPILED, MOD_VALUES, MODIFIER
from dateline.timex.resolve import HANDLERS, Context, Resolution
from dateline.timex.scan import all_matches
from dateline.timex.value import TimexValue
from dateline.timex.window import article_window, in_window

_PRIORITY = {name: i for i, (name, _) in enumerate(COMPILED)}
# Patterns whose value is an explicit calendar day: they move the narrative reference.
_EXPLICIT = {"iso", "compact", "slash", "mdy", "dmy", "holiday"}
# Patterns that name a year outright: "that year" refers back to the latest of them.
_NAMES_YEAR = _EXPLICIT | {"year", "month_year", "fiscal"}
# Patterns that name a month: "the following month" counts from the latest of them.
_NAMES_MONTH = _EXPLICIT | {"month", "month_year", "rel_month", "month_rel"}
# Granularities a period modifier ("late", "the end of") can attach to.
_MODIFIABLE = {"month", "year", "season", "quarter", "decade", "century", "week", "half"}

Candidate = tuple[int, int, str, re.Match[str]]


def _candidates(text: str) -> list[Candidate]:
    found: list[Candidate] = []
    for name, m in all_matches(text):
        start, end = m.span("span") if "span" in m.re.groupindex else m.span()
        if end > start:
            found.append((start, end, name, m))
    return found


def _select(found: list[Candidate], length: int) -> list[Candidate]:
    """Longest candidates first; a character can belong to one mention only."""
    chosen: list[Candidate] = []
    taken = bytearray(length)
    for cand in sorted(found, key=lambda c: (c[0] - c[1], _PRIORITY[c[2]], c[0])):
        start, end = cand[0], cand[1]
        if any(taken[start:end]):
            continue
        taken[start:end] = b"\x01" * (end - start)
        chosen.append(cand)
    return sorted(chosen, key=lambda c: c[0])


def _with_modifier(text: str, start: int, floor: int, res: Resolution) -> tuple[int, str]:
    """Extend a period leftwards over "late", "the end of", "mid-" and take its TIMEX3 mod."""
    if res.type != "DATE" or res.granularity not in _MODIFIABLE or res.modifier:
        return start, res.modifier
    window = text[max(floor, start - 24) : start]
    m = MODIFIER.search(window)
    if m is None:
        return start, res.modifier
    word = " ".join(m["mod"].lower().split())
    return start - len(window) + m.start("mod"), MOD_VALUES.get(word, "")


def tag(text: str, anchor: date | None = None) -> list[TimeMention]:
    """Every time expression of `text` with its TIMEX3 type and value, in text order.

    Offsets index `text`. Without an anchor, relative expressions keep X placeholders.
    """
    ctx = Context(text, anchor)
    mentions: list[TimeMention] = []
    floor = 0
    for start, end, name, match in _select(_candidates(text), len(text)):
        if name.startswith("block"):
            floor = end
            continue
        res = HANDLERS[name](match, ctx)
        if res is None:
            continue
        start, modifier = _with_modifier(text, start, floor, res)
        floor = end
        named = TimexValue.parse(res.value)
        if name in _EXPLICIT and res.granularity == "day" and named.day is not None:
            ctx.ref = named.day
        if named.day is not None and res.type in ("DATE", "TIME"):
            ctx.last_day = named.day
        if name in _NAMES_YEAR and named.year is not None:
            ctx.ref_year = named.year
        if name in _NAMES_MONTH and named.year is not None and named.month is not None:
            ctx.ref_month = (named.year, named.month)
        mentions.append(
            TimeMention(
                start=start,
                end=end,
                text=text[start:end],
                type=res.type,
                value=res.value,
                granularity=res.granularity,
                anchor=anchor.isoformat() if anchor and name not in _EXPLICIT else None,
                modifier=modifier,
            )
        )
    return mentions


def tag_article(article: Article) -> Article:
    """The article with `timexes` set, anchored on its publication date when known, and on
    both ends of its interval when only a narrow one is (`window.py`)."""
    anchor = article.published.date if article.published else None
    window = article_window(article) if anchor is None else None
    if window is None:
        return dataclasses.replace(article, timexes=tuple(tag(article.text, anchor)))
    mentions = in_window(
        tag(article.text), tag(article.text, window[0]), tag(article.text, window[1]), window
    )
    return dataclasses.replace(article, timexes=tuple(mentions))
