"""One store's contents into a new store of either kind: SQLite to Parquet and back.

Articles are copied as stored (their wire-copy links and outlets, in first-seen order), with
the read failures and the user's decisions (their ids kept, so `curate undo N` still means the
same decision). Nothing is decided again, so both stores give the same timeline.
"""

from __future__ import annotations

import itertools
import shutil
from collections.abc import Iterator
from pathlib import Path

from dateline.errors import StoreError
from dateline.model import Article
from dateline.settings import DedupSettings
from dateline.store.backends import ArticleStore, open_store

_PAGE = 2000  # articles read from the source at a time


def _pages(source: ArticleStore) -> Iterator[Article]:
    for offset in itertools.count(0, _PAGE):
        page = source.articles(page=(_PAGE, offset))
        yield from page
        if len(page) < _PAGE:
            return


def copy_store(source: ArticleStore, target: Path, dedup: DedupSettings | None = None) -> int:
    """Copy `source` into a new store at `target` (its kind chosen by the path, as `open_store`
    does); returns how many articles. A target that exists is refused; one left half-made by
    an error or an interrupt is removed."""
    if target.exists():
        raise StoreError(f"{target}: already exists; convert into a new path")
    try:
        with open_store(target, dedup) as copy:
            return copy.copy_in(_pages(source), source.failures(), source.curations())
    except BaseException:
        _remove(target)
        raise


def _remove(target: Path) -> None:
    if target.is_dir():
        shutil.rmtree(target, ignore_errors=True)
        return
    for leftover in (target, Path(f"{target}-wal"), Path(f"{target}-shm")):
        leftover.unlink(missing_ok=True)
