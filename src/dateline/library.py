"""The front door: what `import dateline` offers, and what the CLI and the web app call.

Three names cover the common jobs, with defaults for everything: `timeline(paths)` builds a
timeline one-shot, `Store(path)` keeps a growing pile in SQLite, `tag(text, anchor)` finds the
time expressions of a text. A `Timeline` renders itself (`to_json()`, `to_markdown()`, ...).
Both ways to a timeline mark wire copies first, by the same rule, so a copy never counts as a
second source.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from datetime import date, datetime
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

from dateline.cluster.stories import Story, group_stories
from dateline.errors import InputError, StoreError
from dateline.model import Article, Failure, Timeline, TimeMention
from dateline.pipeline import (
    IngestResult,
    TimelineQuery,
    ingest,
    store_timeline,
    timeline_from_paths,
)
from dateline.settings import Settings
from dateline.store import Store as ArticleStore
from dateline.timex import tag as _tag

PathLike = str | os.PathLike[str]
Source = PathLike | Article
OnItem = Callable[[Article | Failure], None]
OnDone = Callable[[int, int], None]
OnStage = Callable[[str], None]

_DATE_FORMATS = {4: "%Y", 7: "%Y-%m", 10: "%Y-%m-%d"}


def calendar_date(value: str) -> str:
    """`value` if it is a real calendar year, month or day (YYYY[-MM[-DD]]), else ValueError."""
    try:
        if not value.isascii() or len(value) not in _DATE_FORMATS:
            raise ValueError
        datetime.strptime(value, _DATE_FORMATS[len(value)])
    except ValueError:
        raise ValueError(f"{value!r} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD "
                         "(e.g. 2004, 2004-03, 2004-03-17)") from None
    return value


def timeline_query(*, query: str | None = None, date_from: str | None = None,
                   date_to: str | None = None, dates: int | None = None,
                   per_date: int | None = None, story: int | None = None) -> TimelineQuery:
    """The request behind every timeline, checked: the same object from the CLI and the web."""
    for value in (date_from, date_to):
        if value is not None:
            calendar_date(value)
    for name, number in (("dates", dates), ("per_date", per_date), ("story", story)):
        if number is not None and number < 1:
            raise ValueError(f"{name} must be 1 or more, not {number}")
    return TimelineQuery(query=query, date_from=date_from, date_to=date_to, dates=dates,
                         per_date=per_date, story=story)


def _split(sources: Source | Iterable[Source]) -> tuple[list[str | Path], list[Article]]:
    """Paths (checked to exist; "-" is stdin) and articles, each in the order given."""
    items = [sources] if isinstance(sources, str | os.PathLike | Article) else list(sources)
    paths: list[str | Path] = []
    articles: list[Article] = []
    for item in items:
        if isinstance(item, Article):
            articles.append(item)
            continue
        if os.fspath(item) != "-" and not os.path.lexists(item):
            raise InputError(os.fsdecode(item), "no such file or folder")
        paths.append(item if isinstance(item, str) else Path(item))
    return paths, articles


def timeline(sources: Source | Iterable[Source], *, query: str | None = None,
             date_from: str | None = None, date_to: str | None = None,
             dates: int | None = None, per_date: int | None = None, story: int | None = None,
             settings: Settings | None = None, stdin: BinaryIO | None = None,
             on_item: OnItem | None = None, on_done: OnDone | None = None,
             on_stage: OnStage | None = None, dask: str | None = None) -> Timeline:
    """The timeline of files, folders ("-" for stdin) or `Article`s, with no store.

    Articles not yet processed (`Article.from_raw(...)`) go through every stage; unreadable
    files land in `Timeline.failures` and the run goes on. `query` keeps the entries whose
    sentences mention it; `story` narrows to one story as `Store.stories()` numbers them.
    `dask` runs reading and the per-document stages on a Dask cluster (see `timeline_for`).
    """
    request = timeline_query(query=query, date_from=date_from, date_to=date_to, dates=dates,
                             per_date=per_date, story=story)
    return timeline_for(sources, request, settings=settings, stdin=stdin, on_item=on_item,
                        on_done=on_done, on_stage=on_stage, dask=dask)


def timeline_for(sources: Source | Iterable[Source], request: TimelineQuery, *,
                 settings: Settings | None = None, stdin: BinaryIO | None = None,
                 on_item: OnItem | None = None, on_done: OnDone | None = None,
                 on_stage: OnStage | None = None, dask: str | None = None) -> Timeline:
    """`timeline()` for a request already built with `timeline_query` (as the CLI does);
    `on_stage(name)` is called as each stage of the run begins. With `dask` (a scheduler's
    address, or `local:N`) the files are read and processed on a Dask cluster."""
    settings = settings or Settings()
    paths, articles = _split(sources)
    if dask is not None:
        if articles:
            raise ValueError("dask= takes files and folders, not Article objects")
        from dateline.batch.dask_engine import timeline_on_dask

        return timeline_on_dask(paths, settings, dask, request, on_stage)
    return timeline_from_paths(paths, settings, stdin=stdin, on_item=on_item, on_done=on_done,
                               request=request, articles=articles, on_stage=on_stage)


def tag(text: str, anchor: date | str | None = None) -> list[TimeMention]:
    """The time expressions of `text` with TIMEX3 values; relative ones resolve on `anchor`
    (a date or "YYYY-MM-DD"), and keep X placeholders without one."""
    day = date.fromisoformat(anchor) if isinstance(anchor, str) else anchor
    return _tag(text, day)


class Store:
    """A growing pile of articles in one SQLite file, processed once on the way in.

    `Store()` opens ./dateline.db (or `settings.store.path`), creating it; with
    `create=False` a missing file is a `StoreError` instead, so reading never makes one.
    """

    def __init__(self, path: PathLike | None = None, *, settings: Settings | None = None,
                 create: bool = True) -> None:
        settings = settings or Settings()
        if path is not None:
            settings = settings.with_overrides("store", path=Path(path))
        self.settings = settings
        self.path = Path(settings.store.path)
        if not create and not self.path.exists():
            raise StoreError(f"{self.path}: no store here")
        self.db = ArticleStore(self.path, settings.dedup)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    def add(self, sources: Source | Iterable[Source], *, strict: bool = False,
            stdin: BinaryIO | None = None, on_item: OnItem | None = None,
            on_done: OnDone | None = None, on_stage: OnStage | None = None,
            dask: str | None = None) -> IngestResult:
        """Read, process and store files, folders or `Article`s in one transaction.

        Adding the same content again changes nothing; a wire copy of a stored article is
        kept, marked `duplicate_of` it. With `strict`, one unreadable file stores nothing.
        With `dask` (a scheduler's address, or `local:N`) files are read and processed on a
        Dask cluster.
        """
        paths, articles = _split(sources)
        if dask is not None:
            if articles:
                raise ValueError("dask= takes files and folders, not Article objects")
            from dateline.batch.dask_engine import ingest_on_dask

            return ingest_on_dask(self.db, paths, self.settings, dask, strict=strict,
                                  on_stage=on_stage)
        return ingest(self.db, paths, self.settings, stdin=stdin, on_item=on_item,
                      on_done=on_done, strict=strict, articles=articles, on_stage=on_stage)

    def timeline(self, *, query: str | None = None, date_from: str | None = None,
                 date_to: str | None = None, dates: int | None = None,
                 per_date: int | None = None, story: int | None = None) -> Timeline:
        """The timeline of the stored articles; `query` first narrows them by full-text
        search, `story` to one story as `stories()` numbers them."""
        request = timeline_query(query=query, date_from=date_from, date_to=date_to,
                                 dates=dates, per_date=per_date, story=story)
        return self.timeline_for(request)

    def timeline_for(self, request: TimelineQuery) -> Timeline:
        """`timeline()` for a request already built with `timeline_query`."""
        return store_timeline(self.db, self.settings, request)

    def documents(self) -> list[Article]:
        """Every stored article, wire copies included, in the order they were first added."""
        return self.db.articles()

    def failures(self) -> list[Failure]:
        """Files that failed to read and have not been read successfully since."""
        return self.db.failures()

    def search(self, text: str) -> list[Article]:
        """Stored articles matching `text` (full-text search of title and body), best first."""
        return self.db.articles(self.db.search(text))

    def stories(self) -> list[Story]:
        """The stories of the pile, largest first, numbered from 1 (`timeline(story=N)`)."""
        return group_stories(self.documents())

