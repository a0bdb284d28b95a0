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

Lists of records (`record_rows`): a deals post's product boxes, a meal plan's days, each
record repeating one line ("Buy Now") with its own lines between, are the article's too.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import accumulate, pairwise

from dateline.clean.lines import Unit

_PUNCTUATION = re.compile(r"[\w\s]+")

# A list of records repeats one line in at least this many records. On the real copied pages
# (keys sorted by name, even pages chosen on / odd checked) 3 and 4 alike: body kept 0.9671 ->
# 0.9823 / 0.9868 unchanged, chrome kept 0.0659 -> 0.0671 / 0.0743 unchanged, F1 0.9351 ->
# 0.9395 / 0.9523 unchanged (a product list the truth counts as body, 880 -> 207 shingles
# lost; a meal plan 75 -> 21); 2 let in more (even chrome 0.0708, odd 0.0770).
RECORDS = 3
# Records carry words: this many a line on average (a product's features, a meal's dishes);
# a menu repeating a section's name ("News") under each heading holds a word or two a line
# (3 to 5 alike on the real pages).
RECORD_WORDS = 3
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


def record_rows(
    units: list[Unit], keys: list[str], prose: list[bool], furniture: list[bool], stops: list[bool]
) -> set[int]:
    """Indexes of the lines of a list of records: a product's box, a day of a meal plan.

    Each record repeats one line word for word ("Buy Now", "Eat every 2-3 hours"), set apart
    from the next record by blank lines, with its own lines between: the records are the
    stretches between the repeats, the first as long as the second. A menu repeating a
    section's name holds a word or two a line, a story list's repeated tag ("Rising") sits in one
    block, comments and story lists carry date stamps and a grid of teasers its summaries
    (`stops`), and an article's paragraphs between its "Advert" slots are prose, not records.
    """
    where: dict[str, list[int]] = {}
    for i, key in enumerate(keys):
        if key and not (prose[i] or furniture[i] or stops[i]):
            where.setdefault(key, []).append(i)
    # Running counts, so that each candidate list is judged in constant time.
    ends = list(accumulate((f or s for f, s in zip(furniture, stops, strict=True)), initial=0))
    sizes = [len(unit.text.split()) for unit in units]
    words = list(accumulate(sizes, initial=0))
    paragraphs = list(
        accumulate((n if p else 0 for n, p in zip(sizes, prose, strict=True)), initial=0)
    )
    rows: set[int] = set()
    for found in where.values():
        if len(found) < RECORDS or len({units[j].block for j in found}) < len(found):
            continue
        lengths = [b - a for a, b in pairwise(found)]
        first, last = max(found[0] - lengths[0] + 1, 0), found[-1] + 1
        if (
            min(lengths) >= 2  # a record holds more than its repeated line
            and ends[last] == ends[first]
            and words[last] - words[first] >= RECORD_WORDS * (last - first)
            # not mostly paragraphs: an article between its repeated "Advert" slots
            and 2 * (paragraphs[last] - paragraphs[first]) <= words[last] - words[first]
        ):
            rows.update(j for j in range(first, last) if not prose[j])
    return rows
