"""Where the article lies in a page: a stretch of prose grown from a seed paragraph.

A copied page is mostly short link lines (menus, story lists, footers) around one stretch of
paragraphs. Each line is worth the prose it carries, or costs something when it carries none.
From a seed paragraph (the first ones under the headline, else the start of the page's densest
stretch) the body grows both ways over any lines between paragraphs (list items, table rows,
subheads, a lone "Advertisement") and stops where the lines since the last paragraph cost more
than `GAP_LIMIT`: a menu, a "most read" list, a share bar, a run of comment stamps; unless
dense prose worth more than the gap follows (the article resuming after an inline box).

The constants were chosen on the real copied pages of ../shared/data/real/bodies (keys 0-7 to
choose, 8-f to check; both halves moved the same way): see each one.
"""

from __future__ import annotations

import re

from dateline.clean.lines import ends_sentence

# Han, kana: one character carries about as much as a word of a spaced script.
# A paragraph may close with an emoji where a full stop would be ("...known to the world 🙂"):
# blogs sign off that way; a short line so closed ("Come aboard 😀") is still no sentence.
# Real copied pages sorted by name, even (chosen on) / odd: body kept 0.9665 -> 0.9671 /
# 0.9868 unchanged, chrome kept 0.0659 / 0.0743 both unchanged, F1 0.9343 -> 0.9351 / 0.9523
# unchanged (3 such lines in the 119 pages, all of them body).
_EMOJI_END = re.compile(r"\w\W*[\U0001F300-\U0001FAFF]\s*$")
_IDEOGRAPHS = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")

# A paragraph: a line ending a sentence with at least this many words (5 and 3 kept more
# teasers: F1 0.890 and 0.882 against 0.897).
PROSE_WORDS = 8
# What a line without prose costs (2 and 5 both did worse on the real pages), a line with a
# date in it (a comment's or a story list's stamp; 3 let comment threads in), and a line of
# furniture words: that times its place in a run, so a share bar of four costs 6+12+18+24 and
# a lone "Advertisement" only 6 (3 let more share bars through).
GAP_COST = 3.0
# An item of a list the article introduces counts for a little (any value from 0.5 to 3 did
# the same: body kept 0.918 -> 0.930, all on keys 8-f).
LIST_ITEM = 1.0
# Copied text sets block elements (paragraphs, subheads, a recipe's steps) apart by blank
# lines and prints a menu's or a list's items on consecutive lines. A line alone in its block
# costs 1 (3 left a recipe at 8% of its body and a press release at 80%; real copied pages:
# body kept 0.947 -> 0.970, F1 0.929 -> 0.932, chrome kept 0.065 -> 0.069 with the teaser
# rule; keys 0-7 body kept 0.939 -> 0.982, F1 0.932 -> 0.940; 8-f body kept 0.956 -> 0.956,
# F1 0.925 -> 0.925, chrome 0.050 -> 0.055; 2 kept neither page).
ALONE_COST = 1.0
DATE_COST = 10.0
FURNITURE_COST = 6.0
# The body ends where the lines since its last paragraph cost more than this. 20 with the
# resumption below (chosen on keys 0-7 for chrome kept, 0.121 -> 0.082, F1 0.923 -> 0.926;
# on 8-f chrome 0.052 -> 0.048, F1 0.912 -> 0.913); 12-15 cut bodies at their inline boxes
# (hand-written body kept 0.9965), 30-45 let story lists in (keys 0-7 chrome 0.12).
GAP_LIMIT = 20.0
# Seeds: the paragraphs among this many lines under the headline; the first whose stretch
# holds this share of the largest one's prose wins, so a comment thread longer than the
# article does not (0.1-0.3 alike; 0.6 and above took the comments).
SEED_REACH = 20
# A body holding this many date stamps after its first paragraph ends before the first:
# they stamp a comment thread or a story list (5 and 6 alike, F1 0.912 -> 0.916, chrome kept
# 0.102 -> 0.081, keys 0-7 0.921 -> 0.923 and 8-f 0.905 -> 0.909; 3 cut live updates and
# embedded posts: keys 0-7 0.907).
MAX_STAMPS = 5
# Past the gap after its last paragraph the body goes on when the next stretch is worth 1.5
# times the gap's cost and is dense prose (85% of its value; comment threads with their name
# and date lines are not): an inline "Most read" box. F1 0.900 -> 0.912 (keys 0-7: 0.908 ->
# 0.921, 8-f: 0.893 -> 0.905); a looser density (0.7) let comment threads in.
JUMP = 1.5
JUMP_DENSITY = 0.85
SEED_SHARE = 0.3
# Which repeat of the headline heads the article: the first whose grown body holds this share
# of the prose of the largest (the 20 lines under each, as before, chose a gallery's repeat
# of the headline over the article's own). With the gallery's echoes below (a line the page
# prints twice is no seed, and a stretch of such lines no end of the body), real copied pages
# sorted by name, even (chosen on) / odd: body kept 0.9619 -> 0.9665 / 0.9868 -> 0.9868,
# chrome kept 0.0643 -> 0.0659 / 0.0743 -> 0.0743, F1 0.9331 -> 0.9343 / 0.9523 -> 0.9523.
HEADED_SHARE = 0.5
# The body's edges: where the article's last paragraph is not where its chrome starts. Past
# the last paragraph the body takes the lines up to the first line where the page's chrome
# starts (chrome words, a publication stamp, a teaser's summary), at most TAIL_REACH of them,
# judged then as lines inside the body: a show's details after a blog's sign-off, an embedded
# post's byline. Above the first paragraph, up to LEAD_REACH lines under the headline that
# are no byline, date, furniture or wordless line (a share price) are the article's own and
# kept (a standfirst or a table's heading without a full stop). Real copied pages sorted
# by name, even (chosen on) / odd:
# body kept 0.9865 -> 0.9906 / 0.9868 -> 0.9912, F1 0.9411 -> 0.9366 / 0.9523 -> 0.9486,
# chrome kept 0.0671 -> 0.0797 / 0.0743 -> 0.0900. Chosen on the even pages with the tail
# ending at furniture only: reaches of 4 and 6 kept less (even 0.9893), 16 no more; a tail
# kept like a list's items rather than judged (even F1 0.9320), one ending at any date line
# (even body 0.9893) or judged as a caption is (even 0.9887) did worse; a lead of 1 kept less
# (even 0.9893), 3 no more.
TAIL_REACH = 8
LEAD_REACH = 2


def size(text: str) -> float:
    """Length in words, counting an ideograph as half a word."""
    ideographs = len(_IDEOGRAPHS.findall(text))
    return len(text.split()) + ideographs / 2


def is_prose(text: str) -> bool:
    """A paragraph: a sentence of some length, or as long a line closed by an emoji."""
    closed = ends_sentence(text) or _EMOJI_END.search(text) is not None
    return closed and size(text) >= PROSE_WORDS


def line_values(
    texts: list[str],
    furniture: list[bool],
    dated: list[bool],
    listed: set[int],
    alone: list[bool],
    teasers: set[int],
) -> list[float]:
    """What each line adds to a stretch: its prose, or minus its cost; an item of a list the
    article introduces ("Tour dates:") adds a little, a line set apart by blank lines costs
    little, and a teaser's summary counts as no prose."""
    values = []
    run = 0
    for i, (text, chrome, date) in enumerate(zip(texts, furniture, dated, strict=True)):
        run = run + 1 if chrome else 0
        if i in teasers:
            values.append(-GAP_COST)
        elif i in listed:
            values.append(LIST_ITEM)
        elif chrome:
            values.append(-FURNITURE_COST * run)
        elif date:
            values.append(-DATE_COST)
        else:
            values.append(size(text) if is_prose(text) else -(ALONE_COST if alone[i] else GAP_COST))
    return values


def body_span(
    values: list[float], start: int = 0, echoes: frozenset[int] = frozenset()
) -> tuple[int, int] | None:
    """First and last line of the body at or after `start` (the line under the headline).

    None when the page has no paragraph there.
    """
    dense = densest_span(values, start)
    if dense is None:
        return None
    seeds = [dense[0]]
    if start > 0:
        reach = range(start, min(len(values), start + SEED_REACH))
        seeds = [i for i in reach if values[i] > 0 and i not in echoes]
    spans = [_grown(values, seed, start, echoes) for seed in seeds or [dense[0]]]
    prose = [sum(v for v in values[a : b + 1] if v > 0) for a, b in spans]
    return next(span for span, total in zip(spans, prose, strict=True)
                if total >= SEED_SHARE * max(prose))  # fmt: skip


def headed_span(
    values: list[float], headlines: list[int], echoes: frozenset[int] = frozenset()
) -> tuple[int, tuple[int, int] | None]:
    """The line under the repeat of the headline that heads the article, and its body: the
    first repeat whose body holds `HEADED_SHARE` of the prose of the largest (a gallery
    may repeat the headline over the rest of the article)."""
    if not headlines:
        return 0, body_span(values, 0, echoes)
    found = [(i + 1, body_span(values, i + 1, echoes)) for i in headlines]
    prose = [_prose(values, span) for _, span in found]
    return next(
        top_span
        for top_span, total in zip(found, prose, strict=True)
        if total >= HEADED_SHARE * max(prose)
    )


def _prose(values: list[float], span: tuple[int, int] | None) -> float:
    return 0.0 if span is None else sum(v for v in values[span[0] : span[1] + 1] if v > 0)


def _grown(values: list[float], seed: int, start: int, echoes: frozenset[int]) -> tuple[int, int]:
    last = _reach(values, seed, 1, len(values))
    while True:  # past an inline box ("Most read", a gallery) when the article goes on
        after = _resumed(values, last, echoes)
        if after is None:
            break
        last = after
    return _reach(values, seed, -1, start - 1), last


def _resumed(values: list[float], last: int, echoes: frozenset[int]) -> int | None:
    """The end of a dense prose stretch after the gap that follows `last`, if that stretch
    is worth more than JUMP times the gap's cost (None: the body ends at `last`). The gap may
    hold stretches of lines the page prints elsewhere too (`echoes`: a gallery's captions,
    printed under each photo and again in its viewer): the article resumes past them."""
    gap, start = 0.0, last + 1
    while True:
        nxt = next((i for i in range(start, len(values)) if values[i] > 0), None)
        if nxt is None:
            return None
        gap -= sum(values[start:nxt])
        end = _reach(values, nxt, 1, len(values))
        stretch = values[nxt : end + 1]
        prose = sum(v for v in stretch if v > 0)
        cost = -sum(v for v in stretch if v < 0)
        if prose >= JUMP_DENSITY * (prose + cost) and prose >= JUMP * gap:
            return end
        if any(v > 0 and i not in echoes for i, v in enumerate(stretch, nxt)):
            return None
        gap += cost
        start = end + 1


def _reach(values: list[float], seed: int, step: int, stop: int) -> int:
    """The last paragraph reached from `seed` going by `step` before the cost of the lines
    since the last paragraph runs over `GAP_LIMIT`."""
    last, debt, i = seed, 0.0, seed + step
    while i != stop and debt <= GAP_LIMIT:
        if values[i] > 0:
            last, debt = i, 0.0
        else:
            debt -= values[i]
        i += step
    return last


def tail_end(ends: list[bool], teasers: set[int], last: int) -> int:
    """The body's last line: past its last paragraph `last`, up to `TAIL_REACH` lines
    before the first line where the page's chrome starts (`ends`: furniture, a teaser's
    summary); none when that line sums up another story (the lines before it are its tile)."""
    for i in range(last + 1, min(len(ends), last + 1 + TAIL_REACH)):
        if ends[i]:
            return i - 1 if i not in teasers else last
    return min(len(ends), last + 1 + TAIL_REACH) - 1


def lead_lines(stops: list[bool], first: int, top: int) -> list[int]:
    """Up to `LEAD_REACH` lines right above the first paragraph `first` and not above `top`
    (the line under the headline), up to the first byline, date or furniture line (`stops`)."""
    found: list[int] = []
    for i in range(first - 1, max(top, first - LEAD_REACH) - 1, -1):
        if stops[i]:
            break
        found.append(i)
    return found


def densest_span(values: list[float], start: int = 0) -> tuple[int, int] | None:
    """The stretch at or after `start` with the largest total value (None: no paragraph)."""
    best: tuple[float, int, int] | None = None
    total, begin = 0.0, start
    for i in range(start, len(values)):
        if total <= 0:
            total, begin = 0.0, i
        total += values[i]
        if total > 0 and (best is None or total > best[0]):
            best = (total, begin, i)
    return (best[1], best[2]) if best else None


def before_stamps(values: list[float], dated: list[bool], span: tuple[int, int]) -> tuple[int, int]:
    """The span cut before its date stamps when it holds several after its first paragraph:
    they stamp comments or listed stories, not the article (whose own date is above it)."""
    first, last = span
    stamps = [i for i in range(first + 1, last + 1) if dated[i]]
    if len(stamps) < MAX_STAMPS:
        return span
    end = max((i for i in range(first, stamps[0]) if values[i] > 0), default=first)
    return first, end
