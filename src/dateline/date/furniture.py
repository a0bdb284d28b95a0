"""Page furniture that may reach the clean text and carries other days' dates.

The cleaner removes captions, credits, comment stamps and "more news" lists, but the date
stage must not be decided by one it missed: a caption from another day, a sidebar headline
dated next month, a reader comment posted two years later.
"""

from __future__ import annotations

import re

from dateline.model import TimeMention

# Lines that carry other days' dates: captions, credits, comment stamps, story lists.
_FURNITURE = re.compile(
    r"^\W*(?:photo|picture|image|caption|file photo|photograph|credit|radar image|video"
    r"|related|see also|more news|more stories|most (?:read|viewed|popular)|trending"
    r"|read (?:more|next)|you might|sidebar|inside"
    r"|guest ?book|entry posted|posted by|comments?\b)"
    r"|\bcopyright\b|©|\ball rights reserved\b|\bsays:\s|\bphoto taken\b"
    # A credit in brackets is short: "(AP Photo/Jane Roe)". Bounded, so a long line full of
    # brackets and "file" is read in linear time, not one scan to its end per bracket.
    r"|\((?:[\w ]{1,40} )?(?:photo|file|handout)[^)]{0,120}\)",
    re.I,
)
_CLOCK = re.compile(
    r"\b\d{1,2}:\d{2}\b|\b\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.m\.|[ap]m\b|GMT|UTC|BST|[ECMP][SD]T)",
    re.I,
)
_PUBLICATION_WORD = re.compile(r"\b(?:published|posted on|updated|filed|issued)\b", re.I)
# What follows the date of a list entry that starts with it ("March 30, 2006 — Ferry fares
# to rise", "Thu 14 Jul 2016: Theresa May's cabinet").
_ENTRY_SEPARATOR = re.compile(r"\s*(?:[-–—|:]\s|\|)")
_WEEKDAY_ABBREVIATION = re.compile(r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\w{0,6}\.?,?", re.I)


def line_of(text: str, offset: int) -> str:
    """The line of `text` holding character `offset`."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return text[start : end if end >= 0 else len(text)]


def is_furniture(line: str) -> bool:
    """True for caption, credit, comment and story-list lines: their dates are not ours."""
    return is_caption(line) or is_stamp(line)


def is_caption(line: str) -> bool:
    """A caption, credit, copyright or story-list line."""
    return bool(_FURNITURE.search(line))


def is_stamp(line: str) -> bool:
    """A short line with a clock time and no publication word: a comment or post stamp."""
    return (
        len(line.split()) <= 10 and bool(_CLOCK.search(line)) and not _PUBLICATION_WORD.search(line)
    )


def is_dated_entry(text: str, mention: TimeMention) -> bool:
    """True when `mention` opens its line as the date of a list entry."""
    line_start = text.rfind("\n", 0, mention.start) + 1
    before = text[line_start : mention.start].strip()
    return (not before or bool(_WEEKDAY_ABBREVIATION.fullmatch(before))) and bool(
        _ENTRY_SEPARATOR.match(text, mention.end)
    )
