"""Find the headline in page text and recognise its copies.

Pages print the headline more than once (the window title "Headline - Outlet", the <h1>, a
share box), so a headline seen twice near the top is the surest sign; failing that, the line
above the body sharing most words with the window title, the headline over the byline, or the
first headline-shaped line above the body (`pick_headline`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from itertools import pairwise

from dateline.clean.lines import normalise_line
from dateline.clean.score import Shape
from dateline.clean.segment import is_prose, size

# "Headline | Outlet", "Headline - Outlet", "Headline :: Outlet": the outlet part is short.
_WORD = re.compile(r"\w+")
_OUTLET_SUFFIX = re.compile(r"\s+(?:[|–—-]|::)\s+[^|–—]{2,40}$")


def title_key(text: str) -> str:
    """Comparison form of a headline with any " | Outlet" suffix dropped."""
    return normalise_line(_OUTLET_SUFFIX.sub("", text))


# A line in title case is a headline even when it ends with a full stop ("Stock Is Falling
# After Its Earnings Release. Why You Shouldn't Worry."): sentences of a story are not
# capitalised word by word. Real copied pages: titles 114 -> 115 of 119 (odd pages 57 -> 58,
# even unchanged at 57), chrome kept 0.0691 -> 0.0689, body kept unchanged.
TITLE_CASE = 0.8


def looks_like_headline(text: str, form: Shape) -> bool:
    """Headline shape: a few words, no closing full stop (unless in title case), not a
    fragment of a menu."""
    words = sum(1 for word in text.split() if sum(c.isalpha() for c in word) >= 2)
    return (
        words >= 3  # "DOW 12,381.26 +0.45%" is a ticker, not a headline
        and form.words <= 30
        and 15 <= len(text) <= 220
        and (not text.rstrip("\"'”’").endswith(".") or form.title_ratio >= TITLE_CASE)
        and not form.separators
        and text[:1].isupper() | text[:1].isdigit() | (text[:1] in "\"“‘'")
    )


# Separators between a window title's parts: "Headline | Section | Outlet".
_TITLE_PARTS = re.compile(r"\s+(?:[|–—·»/-]|::|--)\s+|\s*[|｜]\s*")
# A headline names something: a single word is a section, not a story.
HEADLINE_MIN_WORDS = 3
# A reworded headline ("Set 50th Anniversary Tour" for the window's "Set 2020 Tour") shares
# this share of its words with a key of four words or more, adding at most three (chosen on
# the real copied pages: exact matches only found 0.82 of the headlines, these 0.88; 0.6
# took breadcrumbs and comment headers "6 thoughts on <headline>").
NEAR_MIN_WORDS = 4
NEAR_SHARE = 0.7
NEAR_ADDED = 3
# The window title's headline is looked for this far down the page: past any menu.
WINDOW_REACH = 2000  # 400 missed one under 600 menu lines
# Which repeat of the headline heads the article: the first with half as much prose among
# the 20 lines under it as the repeat with most (a "trending" list may repeat it above, a
# gallery or comment box below). Half rather than the most: headline as title 0.916 ->
# 0.924 (one page of keys 0-7; body unchanged).
UNDER_HEADLINE = 20
HEADLINE_SHARE = 0.5


def window_keys(first_line: str) -> tuple[str, ...]:
    """Comparison forms the page's headline may take, from its window title (the first line
    of a copied page), surest first: the whole line, the line up to its last part (the
    outlet) as the window writes it, separators and all ("Dare 3 / October pack"), the first
    part, then the other parts. Parts under three words name an outlet or a section."""
    return _window_keys(first_line, HEADLINE_MIN_WORDS)


# The cleaner asks three times per page (two headline searches and the echo), and a page
# copied as one line is all window title: each part normalised was a third of cleaning it.
@functools.lru_cache(maxsize=4)
def _window_keys(first_line: str, min_words: float) -> tuple[str, ...]:
    parts = [p for p in _TITLE_PARTS.split(first_line) if p.strip()]
    # A cut with text after it; measured once, as a slice per separator is quadratic on a
    # page that is one long line.
    end = len(first_line.rstrip())
    cuts = [m.start() for m in _TITLE_PARTS.finditer(first_line) if m.end() < end]
    ordered = [first_line, first_line[: cuts[-1]] if cuts else "", *parts]
    keys = [normalise_line(text) for text in ordered]
    return tuple(dict.fromkeys(k for k in keys if size(k) >= min_words))


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text))


def _forms(line: str) -> tuple[str, str]:
    """The comparison forms of a line: whole, and without an " | Outlet" suffix."""
    form = normalise_line(line)
    return form, title_key(line) if _OUTLET_SUFFIX.search(line) else form


def repeats_key(forms: tuple[str, str], key: str, exact: bool) -> bool:
    """Whether a line (its `_forms`) repeats a window-title key: word for word, or (not
    `exact`) reworded a little ("Set 50th Anniversary Tour" for "Set 2020 Tour"): most words
    shared, few added."""
    if key in forms:
        return True
    if exact or size(key) < NEAR_MIN_WORDS:
        return False
    mine, theirs = _words(forms[0]), _words(key)
    return (
        2 * len(mine & theirs) >= NEAR_SHARE * (len(mine) + len(theirs))
        and len(mine - theirs) <= NEAR_ADDED
    )


def window_headlines(texts: list[str], reworded: bool = True) -> list[int]:
    """Indexes of the lines that repeat the surest key of the page's window title found
    again below it: the headline rather than the outlet's name."""
    keys = window_keys(texts[0]) if texts else ()
    if not keys:
        return []
    longest = 3 * max(map(len, keys))  # a paragraph never repeats a title: skip it cheaply
    forms = {
        i: _forms(texts[i])
        for i in range(1, min(len(texts), WINDOW_REACH))
        if len(texts[i]) <= longest
    }
    passes = [(True, key) for key in keys] + [(False, key) for key in keys if reworded]
    for exact, key in passes:
        found = [
            i
            for i, mine in forms.items()
            if len(texts[i]) <= 3 * len(key) and repeats_key(mine, key, exact)
        ]
        if found:
            return found
    return []


def headline_line(texts: list[str], reworded: bool) -> int | None:
    """The line that repeats the window title with the most prose under it (None: none)."""
    found = window_headlines(texts, reworded)
    if not found:
        return None
    prose = [_prose_under(texts, i) for i in found]
    return next(
        i for i, under in zip(found, prose, strict=True) if under >= HEADLINE_SHARE * max(prose)
    )


def _prose_under(texts: list[str], i: int) -> float:
    return sum(size(text) for text in texts[i + 1 : i + 1 + UNDER_HEADLINE] if is_prose(text))


def same_title(text: str, title: str) -> bool:
    """Whether a line is a copy of the headline (possibly with the outlet appended)."""
    key, line = title_key(title), normalise_line(text)
    return bool(key) and (line == key or title_key(text) == key or line == normalise_line(title))


def pick_title(candidates: list[str]) -> str:
    """The headline among headline-shaped lines above the body ("" when there is none)."""
    seen: dict[str, str] = {}
    for text in candidates:
        key = title_key(text)
        if key in seen:
            return min(seen[key], text, key=len)
        seen[key] = text
    return candidates[0] if candidates else ""


# Failing a repeat, the headline is the headline-shaped line among the 60 above the body that
# shares most words with the window title (its outlet part left out, as pages word the two
# differently): two words of three letters or more, and a fifth of both lines' words (Dice).
# On the real copied pages headline as title 0.908 -> 0.941 (keys 0-7, chosen on: 52 -> 54
# of 56; 8-f: 56 -> 58 of 63); a share of 0.3 found 53 of 56, 0.4 none more. Most words
# shared wins, then the larger share: the share alone let a three-word menu item sharing two
# words beat a headline sharing three (titles 113 -> 114 of 119: even pages 56 -> 57, odd
# unchanged at 57).
ECHO_MIN_SHARED = 2
ECHO_SHARE = 0.2
ECHO_REACH = 60


def _content_words(text: str) -> set[str]:
    return {word for word in _WORD.findall(normalise_line(text)) if len(word) >= 3}


def window_echo(texts: list[str], candidates: list[int]) -> int | None:
    """Among `candidates`, the line sharing most words with the window title's headline, the
    larger share of its words breaking ties (None: none is like it)."""
    keys = window_keys(texts[0]) if texts else ()
    if not keys:
        return None
    theirs = _content_words(keys[1] if len(keys) > 1 else keys[0])
    best: tuple[int, float, int] | None = None
    for i in candidates:
        mine = _content_words(texts[i])
        shared = len(mine & theirs)
        share = 2 * shared / (len(mine) + len(theirs)) if mine else 0.0
        if (
            shared >= ECHO_MIN_SHARED
            and share >= ECHO_SHARE
            and (best is None or (shared, share) > best[:2])
        ):
            best = (shared, share, i)
    return None if best is None else best[2]


# How far down the page a headline is looked for when no body anchor is found.
TITLE_WINDOW = 15
# Failing the window title, the headline is the topmost headline-shaped line among the four
# over the byline/date lines nearest above the body, within 30 lines of it (real copied
# pages: headline as title 0.882 -> 0.916; two lines instead of four found 0.924 there but
# stopped at a standfirst or summary bullets on the hand-written pages, 0.76 of them).
HEADER_ABOVE_BODY = 30
HEADLINE_OVER_HEADER = 4


@dataclass(frozen=True)
class PageLines:
    """What the headline search needs to know of each line of a page."""

    texts: list[str]
    forms: list[Shape]
    header: list[bool]  # a byline or date line
    furniture: list[bool]  # holds chrome words ("Subscribe", "Most read")
    repeated: list[bool]  # printed on many of the outlet's pages
    listed: set[int]  # under a "Trending"-type heading, in its own block

    def plain(self, i: int) -> bool:
        return not self.header[i] and not self.repeated[i] and not self.furniture[i]

    def headline_shaped(self, i: int) -> bool:
        return looks_like_headline(self.texts[i], self.forms[i])


def pick_headline(page: PageLines, first: int, anchor: int | None) -> str:
    """The line repeating the window title, else the one echoing its words above the body
    (line `first`), else the headline over the byline or date line above the body, else the
    first headline-shaped line above the first body anchor ("" when there is none)."""
    named = headline_line(page.texts, reworded=True)
    if named is None:
        named = window_echo(page.texts, _echo_candidates(page, first))
    if named is not None:
        return page.texts[named]
    return _over_header(page, first) or _first_headline(
        page, TITLE_WINDOW if anchor is None else anchor
    )


def _echo_candidates(page: PageLines, first: int) -> list[int]:
    """Lines above the body that could be its headline: a few words, no furniture."""
    return [
        i
        for i in range(max(first - ECHO_REACH, 1), first)
        if page.plain(i) and page.headline_shaped(i)
    ]


def _over_header(page: PageLines, first: int) -> str:
    """The headline over the byline/date lines nearest above the body: the topmost of the
    headline-shaped lines right over them (a standfirst or summary bullets sit between)."""
    for i in range(first - 1, max(first - HEADER_ABOVE_BODY, 0), -1):
        if page.header[i]:
            return _climb(page, i)
    return ""


def _climb(page: PageLines, header: int) -> str:
    found = ""
    for j in range(header - 1, max(header - 1 - HEADLINE_OVER_HEADER, -1), -1):
        if page.header[j] or page.forms[j].words <= 2:  # "By", a bare name: the byline's parts
            continue
        if j in page.listed or page.furniture[j] or page.repeated[j]:
            break
        if not page.headline_shaped(j):
            break
        found = page.texts[j]
    return found


def _first_headline(page: PageLines, top: int) -> str:
    candidates = [
        page.texts[i]
        for i in range(min(top, len(page.texts)))
        if i not in page.listed and page.plain(i) and page.headline_shaped(i)
    ]
    return pick_title(candidates) or _above_byline(page, top)


def _above_byline(page: PageLines, top: int) -> str:
    """Fallback headline: the line right above the first byline or date line.

    Used only when no line has headline shape, e.g. "Evictions rose. Here's where."
    """
    for previous, i in pairwise(range(min(top, len(page.texts)))):
        if page.header[i]:
            form = page.forms[previous]
            fits = 3 <= form.words <= 30 and not page.furniture[previous]
            return page.texts[previous] if fits and not page.header[previous] else ""
    return ""
