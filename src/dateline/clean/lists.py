"""Lists and tables of the article itself: "The tour dates:" and the lines under it.

Copied text gives a list one line per item with no blank line between items, where paragraphs
stand apart; a paragraph ending in a colon announces what follows. The items are kept as body
however short or unpunctuated they are (a race calendar, tour dates, a table's rows), which a
menu under no such paragraph is not. A short line standing alone between the colon and the
items (a subhead of the list, "KIND OF SCARY") belongs to the list too.

A block of rows that mostly hold figures (dates, scores, quantities) or mostly carry the same
punctuation ("Uig (West): first visit") is a table or a schedule even with no paragraph
announcing it; menus and story lists are plain words. On the real copied pages figures took
F1 0.922 -> 0.929 and body kept 0.943 -> 0.947, chrome kept unchanged (keys 0-7: F1
unchanged, body kept 0.937 -> 0.939; 8-f: F1 0.914 -> 0.925); no page lost. Rows
punctuated alike: F1 0.932 -> 0.933, body kept 0.970 -> 0.971, chrome unchanged (8-f F1 0.925
-> 0.926 from two pages; keys 0-7 have no such list and are unchanged).
"""

from __future__ import annotations

import re
from collections import Counter

from dateline.clean.lines import Unit

_PUNCTUATION = re.compile(r"[\w\s]+")

# A table: a block of at least this many lines, none a paragraph or furniture, this share of
# them holding a figure (4 and 6 rows did the same).
TABLE_ROWS = 4
TABLE_FIGURES = 0.8


def article_lists(units: list[Unit], prose: list[bool], furniture: list[bool]) -> set[int]:
    """Indexes of the lines of lists a paragraph introduces and of tables of figures."""
    return introduced_items(units, prose, furniture) | table_rows(units, prose, furniture)


def table_rows(units: list[Unit], prose: list[bool], furniture: list[bool]) -> set[int]:
    """Indexes of the lines of blocks of rows that mostly hold figures."""
    blocks: dict[int, list[int]] = {}
    for i, unit in enumerate(units):
        blocks.setdefault(unit.block, []).append(i)
    rows: set[int] = set()
    for members in blocks.values():
        if len(members) < TABLE_ROWS or any(prose[j] or furniture[j] for j in members):
            continue
        figures = sum(any(c.isdigit() for c in units[j].text) for j in members)
        if figures >= TABLE_FIGURES * len(members) or _parallel(units, members):
            rows.update(members)
    return rows


def _parallel(units: list[Unit], members: list[int]) -> bool:
    """Most rows punctuated alike ("Uig (West): first visit"): one record per
    line, as a table prints them; a menu's or a story list's lines carry no such marks."""
    marks = Counter(_PUNCTUATION.sub("", units[j].text) for j in members)
    common, count = marks.most_common(1)[0]
    return bool(common) and count >= TABLE_FIGURES * len(members)


def introduced_items(units: list[Unit], prose: list[bool], furniture: list[bool]) -> set[int]:
    """Indexes of the lines of lists introduced by a paragraph ending with a colon."""
    sizes: dict[int, int] = {}
    for unit in units:
        sizes[unit.block] = sizes.get(unit.block, 0) + 1
    items: set[int] = set()
    for i, unit in enumerate(units):
        if prose[i] and unit.text.endswith(":"):
            items.update(_items_after(units, i, prose, furniture, sizes))
    return items


def _items_after(
    units: list[Unit], intro: int, prose: list[bool], furniture: list[bool], sizes: dict[int, int]
) -> list[int]:
    found: list[int] = []
    for j in range(intro + 1, len(units)):
        if prose[j] or furniture[j] or not _in_list(units, j, sizes, bool(found)):
            break
        found.append(j)
    return found


def _in_list(units: list[Unit], j: int, sizes: dict[int, int], started: bool) -> bool:
    """Part of the list: its block of several lines, or a lone line heading the next such
    block. A block of several lines right after another is the page's next menu."""
    block = units[j].block
    if sizes[block] > 1:
        new_block = units[j - 1].block != block
        return not (started and new_block and sizes[units[j - 1].block] > 1)
    following = units[j + 1].block if j + 1 < len(units) else None
    return following is not None and following != block and sizes[following] > 1
