"""Lists the article itself introduces: "The tour dates:" and the lines under it.

Copied text gives a list one line per item with no blank line between items, where paragraphs
stand apart; a paragraph ending in a colon announces what follows. The items are kept as body
however short or unpunctuated they are (a race calendar, tour dates, a table's rows), which a
menu under no such paragraph is not. A short line standing alone between the colon and the
items (a subhead of the list, "KIND OF SCARY") belongs to the list too.
"""

from __future__ import annotations

from dateline.clean.lines import Unit


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
