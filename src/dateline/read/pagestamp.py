"""The page's own date line among every date its text writes: what a reader looks at.

A page prints its day beside the headline, in a short line, often with a publication word
and a clock time ("Von Claudia Riedler 19. Oktober 2019 00:04 Uhr"); the other dates it
writes are in the story, in comments, cookie notices, sidebars and menus, far from the
headline or in lines that say whose date they are. Each date is scored on those signals and
the best one wins. Copied pages keep their chrome, so this reads `raw_text`, the page as it
came; the clean text tells where the body starts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from dateline.model import Article
from dateline.read.pagetext import Written, written_dates
from dateline.read.pagewords import (
    ELSEWHERE,
    FOLLOWS,
    NOTICE,
    PUBLISHED,
    PUBLISHED_ONLY,
    UPDATED,
)

# How many words a short line has at most: a page prints its day on one (and the date stage
# reads a date line left at the top of the text by the same measure).
SHORT_LINE = 14
# Weights, chosen on half of `real/dates/text` (files by CRC-32 parity) by a coordinate
# search from hand-set values and held on the other half (exact day 0.82 / 0.78 there, from
# 0.81 / 0.78 for the hand-set ones). Lines from the headline: how far before and after a
# date line is looked for, its score there and the cost per line away; the cost of a date
# further into the body than that; the worth of a publication word, of a clock time and of a
# short line; the cost of a word saying the date is someone else's (a comment, a notice).
BEFORE = 8
AFTER = 12
NEAR = 5.0
PER_LINE = 0.1
LATE = 2.0
PUBLISHED_WORTH = 2.0
CLOCK_WORTH = 0.5
SHORT_WORTH = 0.5
ELSEWHERE_COST = 3.0
# Set by hand, then checked on both halves (each unchanged or up): an "updated" line, and a
# date in brackets (a note on something else: "(12 June 2024)", "[ 27. Januar 2020 ]").
UPDATED_COST = 1.0
ASIDE_COST = 2.0
# A heading of what follows the story is at most this many words.
HEADING_WORDS = 10
# How near before a date a publication word must stand for a long line to count.
WORD_REACH = 30
# A date line scoring this or more is well placed (by the headline, or naming publication):
# right on 0.93 of `real/dates/text` pages against 0.81 below it.
GOOD_SCORE = 1.0
# A short line: a date line or a byline, not a sentence of the story.
STAMP_WORDS = 12
# Another story's tile: its date, a dash and its headline ("March 30, 2019 — Ferry fares to
# rise in April"). A comment's stamp: a name and a dash before the date, "at" and a clock time
# after it ("tinaM — May 3, 2020 at 10:14 am").
_TILE = re.compile(r"\s*[—–-]\s*(?:[^\W\d_][\w'’,.:-]*\s+){2,}[^\W\d_]")
_COMMENTER = re.compile(r"^\s*[\w.@-]+(?:\s+[\w.@-]+){0,3}\s+[—–-]\s*$")
_AT_CLOCK = re.compile(r",?\s+(?:at|um|à|a las|alle)\s+\d{1,2}[:.h]\d{2}", re.IGNORECASE)
_SENTENCE_ENDS = (".", "!", "?", '"', "”")
_CLOCK = re.compile(r"(?<!\d)\d{1,2}[:h]\d{2}(?!\d)")


@dataclass(frozen=True)
class PageStamp:
    """The page's date line: its day, the line, and what the line says of itself."""

    day: date
    line: str
    score: float
    published: bool  # a publication word names it
    updated: bool  # an update word and no publication word
    repeated: int  # how many times the page writes this day


def page_stamp(article: Article, today: date | None = None) -> PageStamp | None:
    """The date line the page shows for itself, or None when it writes no usable date."""
    lines = article.raw_text.splitlines()
    # A line is judged once, however many dates it writes (a page on one line writes all).
    kinds: dict[int, str] = {}
    found = [
        w
        for w in written_dates(article.raw_text, today)
        if _stamp_like(
            w,
            lines[w.line],
            kinds.get(w.line) or kinds.setdefault(w.line, _line_kind(lines[w.line])),
        )
    ]
    if not found:
        return None
    place = _place(lines, article)
    # What follows the story (comments, more stories) never dates it.
    found = [w for w in found if _before_others(w, lines[w.line], place)]
    if not found:
        return None
    best = max(found, key=lambda w: (_score(w, lines[w.line], place), -w.line))
    line = lines[best.line].strip()
    updated = bool(UPDATED.search(line)) and not PUBLISHED.search(line)
    return PageStamp(best.day, line, _score(best, lines[best.line], place),
                     bool(PUBLISHED.search(line)), updated,
                     sum(w.day == best.day for w in found))  # fmt: skip


def _line_kind(line: str) -> str:
    """ "notice", "short" (not a sentence of the story) or "long"."""
    if NOTICE.search(line):
        return "notice"
    words = line.split()
    sentence = len(words) >= STAMP_WORDS // 2 and line.rstrip().endswith(_SENTENCE_ENDS)
    return "short" if len(words) <= SHORT_LINE and not sentence else "long"


def _stamp_like(written: Written, line: str, kind: str) -> bool:
    """A line a page's date can stand in: no notice, and short and not a sentence of the
    story, or with a publication word just before the date ("… | publié le 26/12/2020")."""
    if kind != "long":
        return kind == "short"
    return bool(PUBLISHED.search(line[max(0, written.start - WORD_REACH) : written.start]))


@dataclass(frozen=True)
class _Place:
    """Lines of the page: the headline's, and the body's first (None if unseen)."""

    headline: int
    body_start: int | None
    others_from: int | None  # the first heading of what follows the story (comments, more news)


def _place(lines: list[str], article: Article) -> _Place:
    """Where the headline (its first showing after the page title) and the body stand."""
    title = article.title.strip()
    shown = [i for i, line in enumerate(lines) if title and line.strip() == title]
    body = [s.strip() for s in article.text.splitlines() if s.strip()]
    stripped = [line.strip() for line in lines]
    start = _index(stripped, body[0]) if body else None
    later = [i for i in shown if i > 0]
    headline = (later or shown or [start if start is not None else 0])[0]
    return _Place(headline, start, _others_from(stripped, headline, start))


def _others_from(lines: list[str], headline: int, start: int | None) -> int | None:
    """The first heading of what follows the story, looked for only on a page read in order
    (headline, then body): elsewhere such a line is as likely a menu item."""
    if start is None or start <= headline:
        return None
    return next((i for i, line in enumerate(lines) if i > start and _heading_of_others(line)), None)


def _heading_of_others(line: str) -> bool:
    """A short line opening what is not the story: "42 comments", "MORE NEWS", "Guest book"."""
    return 0 < len(line.split()) <= HEADING_WORDS and bool(FOLLOWS.search(line))


def _index(lines: list[str], wanted: str) -> int | None:
    return next((i for i, line in enumerate(lines) if line == wanted), None)


def _before_others(written: Written, line: str, place: _Place) -> bool:
    """Whether a date stands before what follows the story (a heading of comments or more
    stories), and is not itself a comment stamp or another story's tile."""
    if place.others_from is not None and written.line >= place.others_from:
        return bool(PUBLISHED_ONLY.search(line))
    if PUBLISHED.search(line):
        return True
    after = line[written.end :]
    comment = _COMMENTER.match(line[: written.start]) and _AT_CLOCK.match(after)
    return not (_TILE.match(after) or comment)


def _score(written: Written, line: str, place: _Place) -> float:
    score = 0.0
    away = written.line - place.headline
    if -BEFORE <= away <= AFTER:
        score += NEAR - PER_LINE * abs(away)
    if place.body_start is not None and written.line > place.body_start + AFTER:
        score -= LATE
    published = bool(PUBLISHED.search(line))
    score += PUBLISHED_WORTH * published
    score -= UPDATED_COST * (bool(UPDATED.search(line)) and not published)
    score -= ELSEWHERE_COST * bool(ELSEWHERE.search(line))
    score -= ASIDE_COST * _aside(line, written)
    score += CLOCK_WORTH * bool(_CLOCK.search(line))
    score += SHORT_WORTH * (len(line.split()) <= STAMP_WORDS)
    return score


def _aside(line: str, written: Written) -> bool:
    """A date in brackets: a note on something else ("(12 June 2024)", "[ 27. Januar 2020 ]")."""
    before = line[: written.start].rstrip()
    return before.endswith(("(", "[")) or line[written.end :].lstrip().startswith((")", "]"))
