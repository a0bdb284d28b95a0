"""Run the grammar's patterns only where they can match: same matches, a fraction of the time.

`finditer` tries every pattern at every word boundary, and the long optional alternations in
front of the patterns ("about the past two ...", "the week of Monday, ...") make each try slow.
Every match contains a core token (the unit word, the month name, the digits), so a cheap
search finds the cores (shared between patterns), and the pattern itself is tried with `match`
only at the few positions a match could start from: the core itself, or the few word starts
before it. Both are supersets of the true starts, and taking the first match at or after the
end of the previous one is what `finditer` does, so the matches are identical.

A new or widened grammar pattern needs its anchor here rechecked: `tests/timex/test_scan.py`
compares both routes on sentences, random word salad from the grammar's words and real text.

Cores are searched in the lowercased text, which stands for the `re.I` text only when lowering
keeps every offset and no character folds to an ASCII letter other than its own lowercase (long
s, dotless i); any other text takes the plain `finditer` route.
"""

from __future__ import annotations

import re
import string
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from dateline.english import MONTH_NAMES, WEEKDAY_NAMES
from dateline.timex.grammar import COMPILED

_WORD = re.compile(r"\w+")
# What `\w` matches among ASCII characters, by code: word starts of ASCII text are found on
# the whole array at once, the same offsets `_WORD.finditer` gives, for a tenth of the time.
_ASCII_WORD = np.zeros(128, dtype=bool)
_ASCII_WORD[[ord(c) for c in string.ascii_letters + string.digits + "_"]] = True
# Characters `re.I` matches to an ASCII letter while str.lower() leaves them non-ASCII.
_FOLDS = ("\u017f", "\u0131")


@dataclass(frozen=True)
class Anchor:
    """Where a pattern's matches can start relative to the hits of its core.

    The core is a regex or a tuple of literals (every occurrence of each, overlaps included:
    `str.find` runs a literal through the text many times faster than a regex alternation
    tries its branches). `shifts`: the match starts this many characters after the hit.
    `words`: the match starts at one of this many word starts before the word holding the hit
    (or at the hit's word); with `anywhere`, at any character from the first of those word
    starts up to the hit.
    """

    core: re.Pattern[str] | tuple[str, ...]
    lower: bool = True
    shifts: tuple[int, ...] = ()
    words: int = 0
    anywhere: bool = False


def _core(core: str) -> re.Pattern[str] | tuple[str, ...]:
    """A plain alternation of words becomes literals; anything else stays a regex."""
    return tuple(core.split("|")) if re.fullmatch(r"[a-z0-9' |.-]+", core) else re.compile(core)


def _at(core: str, *shifts: int, lower: bool = True) -> Anchor:
    return Anchor(_core(core), lower, shifts or (0,))


def _near(core: str, words: int, lower: bool = True, anywhere: bool = False) -> Anchor:
    return Anchor(_core(core), lower, (), words, anywhere)


_UNIT = "second|minute|hour|day|night|week|month|quarter|year|decade|centur"
# A month's or weekday's first three letters find every form of it the grammar reads.
_MONTH = re.compile(
    "|".join([*(n[:3].capitalize() for n in MONTH_NAMES), *(n[:3].upper() for n in MONTH_NAMES)])
)
_WEEKDAY = re.compile("|".join(n[:3].capitalize() for n in WEEKDAY_NAMES))


def _cased(core: re.Pattern[str], *shifts: int, words: int = 0) -> Anchor:
    """A case-sensitive core (month and weekday names), searched in the text itself."""
    return Anchor(core, False, shifts, words)


# Word counts are the most word starts the optional words in front of the core can add,
# counted on the pattern in `grammar` ("more than the past twenty-one and a half trading"
# is 11 in front of "years").
ANCHORS: dict[str, Anchor] = {
    "block_name": _near("day|may|spring", 1),  # every weekday name holds "day"
    "iso": _at(r"-(?=[01]\d-)", -4, lower=False),
    "compact": _at(r"\d\d{7}", lower=False),
    "slash": _at("/", -2, -1, lower=False),
    "mdy": _cased(_MONTH, words=4),
    "dmy": _cased(_MONTH, words=8),
    "month_year": _cased(_MONTH, 0),
    "month": _cased(_MONTH, 0),
    "rel_month": _cased(_MONTH, words=1),
    "month_rel": _cased(_MONTH, 0),
    "year": _at(r"1[5-9]\d\d|20\d\d", lower=False),
    "year_tail": _at("\\d[-\u2013/]\\d", 2, lower=False),
    "fiscal": _at("fiscal|fy"),
    "decade": _near(
        "0s|0's|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties",
        2,
        anywhere=True,
    ),
    "century": _near("century", 4),
    "deictic": _at("today|tonight|tomorrow|yesterday"),
    "ref": _near(
        "now|current|present|days|moment|recent|lately|past|weeks|months|years|decades"
        "|future|being|once",
        2,
    ),
    "rel_unit": _near(_UNIT, 1),
    "rel_weekday": _cased(_WEEKDAY, words=1),
    "anaphor": _near(f"{_UNIT}|morning|afternoon|evening|mon|tue|wed|thu|fri", 2),
    "rel_period": _near(f"{_UNIT}|period|half", 3),
    "year_quarter": _near("quarter|period", 3),
    "spoken_year": _near("thousand|nineteen|eighteen", 3),
    "weekend": _near("weekend", 1),
    "whole_period": _near("full|entire|whole", 1),
    "year_end": _near("end", 2),
    "year_earlier": _near("year-", 1),
    "quarter": _near("quarter|half", 7),
    "quarter_code": _at("1q|2q|3q|4q|q1|q2|q3|q4"),
    "season": _near("spring|summer|fall|autumn|winter", 1),
    "set_rate": _near(_UNIT, 2, anywhere=True),
    "duration": _near(_UNIT, 11),
    "the_duration": _near(_UNIT, 2),
    "bare_units": _at(_UNIT),
    "set_every": _at("every|each"),
    "set_word": _at(
        "hourly|daily|nightly|weekly|biweekly|monthly|quarterly|annually|yearly"
        "|semiannually|biannually"
    ),
    "set_weekday": _cased(_WEEKDAY, words=1),
    "part_of_day": _near("morning|afternoon|evening|night|midday|noon", 2),
    "clock": _near("a.m|p.m|am|pm|o'clock", 2),
    "clock24": _at(":", -2, lower=False),
    "weekday": _cased(_WEEKDAY, 0),
    "ordinal_day": _near(r"\d(?:st|nd|rd|th)", 1),
    "named": _near("war|depression", 3),
    "holiday": _near(
        "year's|valentine|independence|fourth|halloween|veterans|christmas|boxing"
        "|thanksgiving|easter|good|memorial|labor",
        1,
    ),
}


class _Text:
    """One text, its lowercased twin and its word starts, computed once for all patterns."""

    def __init__(self, text: str, low: str) -> None:
        self.text, self.low = text, low
        self._starts: list[int] | None = None
        self._found: dict[tuple[object, bool], list[int]] = {}

    @property
    def starts(self) -> list[int]:
        if self._starts is None:
            self._starts = word_starts(self.text)
        return self._starts

    def hits(self, anchor: Anchor) -> list[int]:
        """Where the core occurs; cores that share a literal or a regex share its search."""
        if isinstance(anchor.core, tuple):
            return [at for literal in anchor.core for at in self._find(literal, anchor.lower)]
        key = (anchor.core, anchor.lower)
        if key not in self._found:
            where = self.low if anchor.lower else self.text
            self._found[key] = [m.start() for m in anchor.core.finditer(where)]
        return self._found[key]

    def _find(self, literal: str, lower: bool) -> list[int]:
        key = (literal, lower)
        if key not in self._found:
            where, found = self.low if lower else self.text, []
            at = where.find(literal)
            while at >= 0:
                found.append(at)
                at = where.find(literal, at + 1)
            self._found[key] = found
        return self._found[key]

    def candidates(self, anchor: Anchor) -> list[int]:
        """Every position a match of the anchored pattern can start from, in order."""
        hits = self.hits(anchor)
        if anchor.shifts:
            return sorted({h + s for h in hits for s in anchor.shifts if h + s >= 0})
        starts = self.starts
        found: set[int] = set()
        for hit in hits:
            word = bisect_right(starts, hit) - 1
            first = max(word - anchor.words, 0)
            if anchor.anywhere:
                found.update(range(starts[first] if word >= 0 else 0, hit + 1))
            else:
                found.update(starts[first : word + 1])
                found.add(hit)
        return sorted(found)


def word_starts(text: str) -> list[int]:
    """Where each `\\w+` run of `text` starts."""
    if not text.isascii():
        return [m.start() for m in _WORD.finditer(text)]
    word = _ASCII_WORD[np.frombuffer(text.encode("ascii"), dtype=np.uint8)]
    first = word.copy()
    first[1:] &= ~word[:-1]
    starts: list[int] = np.flatnonzero(first).tolist()
    return starts


def _matches_at(pattern: re.Pattern[str], text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """What `pattern.finditer(text)` yields, given every position a match can start from."""
    resume = 0
    for start in starts:
        if start < resume:
            continue
        m = pattern.match(text, start)
        if m is not None:
            resume = m.end()
            yield m


def all_matches(text: str) -> Iterator[tuple[str, re.Match[str]]]:
    """(pattern name, match) for every pattern of the grammar, as `finditer` finds them."""
    low = text.lower()
    if len(low) != len(text) or any(c in text for c in _FOLDS):
        yield from full_scan(text)
        return
    scan = _Text(text, low)
    for name, pattern in COMPILED:
        for m in _matches_at(pattern, text, scan.candidates(ANCHORS[name])):
            yield name, m


def full_scan(text: str) -> Iterator[tuple[str, re.Match[str]]]:
    """Every pattern with `finditer` over the whole text: the reference the fast route equals."""
    for name, pattern in COMPILED:
        for m in pattern.finditer(text):
            yield name, m
