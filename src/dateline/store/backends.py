"""Which store a path names, and what every store offers the library.

A laptop keeps its pile in one SQLite file (`dateline.db`); a cluster keeps it as a Parquet
dataset, a folder whose name ends in `.parquet`, that other engines can read too. The path is
the one switch: `--db pile.parquet` is the dataset, any other path an SQLite file.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from types import TracebackType
from typing import Protocol

from dateline.errors import StoreError
from dateline.model import Article, Curation, Failure
from dateline.settings import DedupSettings
from dateline.store.dedup import AddResult


class ArticleStore(Protocol):
    """What `dateline.Store`, the pipeline and the web app ask of a store."""

    path: Path

    def __enter__(self) -> ArticleStore: ...

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None: ...

    def close(self) -> None: ...

    def add(self, articles: Iterable[Article], failures: Iterable[Failure] = ()) -> AddResult:
        """Add a batch, all or nothing, by content id, marking wire copies (`store.dedup`)."""
        ...

    def articles(
        self,
        ids: Iterable[str] | None = None,
        include_duplicates: bool = True,
        page: tuple[int, int] | None = None,
    ) -> list[Article]: ...

    def article(self, article_id: str) -> Article | None: ...

    def ids_starting(self, prefix: str, limit: int = 2) -> list[str]: ...

    def search(self, query: str, limit: int | None = None) -> list[str]: ...

    def failures(self) -> list[Failure]: ...

    def count(self, include_duplicates: bool = True) -> int: ...

    def version(self) -> tuple[int, ...]: ...

    def curate(self, curation: Curation) -> Curation: ...

    def curate_all(self, curations: Iterable[Curation]) -> list[Curation]: ...

    def uncurate(self, curation_id: int) -> bool: ...

    def curations(self) -> list[Curation]: ...

    def copy_in(
        self,
        articles: Iterable[Article],
        failures: Sequence[Failure],
        curations: Sequence[Curation],
    ) -> int:
        """Another store's contents as they are, into this new one (`convert`)."""
        ...


def is_parquet_path(path: Path | str) -> bool:
    """Whether `path` names a Parquet dataset: a folder whose name ends in `.parquet`."""
    return Path(path).suffix == ".parquet"


def open_store(
    path: Path | str, dedup: DedupSettings | None = None, *, any_thread: bool = False
) -> ArticleStore:
    """The store at `path`, created when missing: a Parquet dataset or an SQLite file."""
    if not is_parquet_path(path):
        from dateline.store.store import Store

        return Store(path, dedup, any_thread=any_thread)
    try:
        from dateline.store.parquet import ParquetStore
    except ImportError as exc:
        raise StoreError(
            f"{path}: a Parquet store needs pip install 'dateline[parquet]' ({exc})"
        ) from None
    return ParquetStore(path, dedup, any_thread=any_thread)
