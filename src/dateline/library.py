"""The front door: what `import dateline` offers, and what the CLI and the web app call.

Three names cover the common jobs, with defaults for everything: `timeline(paths)` builds a
timeline one-shot, `Store(path)` keeps a growing pile in SQLite, `tag(text, anchor)` finds the
time expressions of a text. A `Timeline` renders itself (`to_json()`, `to_markdown()`, ...).
Both ways to a timeline mark wire copies first, by the same rule, so a copy never counts as a
second source.
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Callable, Iterable
from datetime import date, datetime
from pathlib import Path
from types import TracebackType
from typing import BinaryIO, TypedDict, Unpack

from dateline import tuning
from dateline.cluster.stories import Story, group_stories
from dateline.errors import InputError, StoreError
from dateline.model import Article, Curation, Failure, Timeline, TimeMention
from dateline.pipeline import (
    DECISIONS,
    IngestResult,
    TimelineQuery,
    again_after,
    ingest,
    ingest_articles,
    read_all,
    refuse,
    store_timeline,
    timeline_from_paths,
)
from dateline.select.curate import (
    as_decided,
    check_curation,
    curated_articles,
    curations_from_json,
    curations_json,
    target_article,
)
from dateline.settings import Settings
from dateline.settings import load_settings as _load_settings
from dateline.store import ArticleStore, open_store
from dateline.store.convert import copy_store
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
        raise ValueError(
            f"{value!r} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD "
            "(e.g. 2004, 2004-03, 2004-03-17)"
        ) from None
    return value


class Request(TypedDict, total=False):
    """What a timeline may be asked for, the one list of it: `timeline()`, `Store.timeline()`
    and `timeline_query()` take these keywords (`TimelineQuery` has the same fields)."""

    query: str | None  # entries whose sentences mention it (in a store: full-text search)
    date_from: str | None  # YYYY, YYYY-MM or YYYY-MM-DD
    date_to: str | None
    dates: int | None  # how many dates (default: scales with the pile)
    per_date: int | None  # entries per date
    story: int | None  # story N only, as `Store.stories()` numbers them
    who: str | None  # entries naming this person or organisation
    where: str | None  # entries naming this place
    precision: str | None  # the coarsest entry date allowed: "day", "month" or "year"


def timeline_query(**request: Unpack[Request]) -> TimelineQuery:
    """The request behind every timeline, checked: the same object from the CLI and the web."""
    for value in (request.get("date_from"), request.get("date_to")):
        if value is not None:
            calendar_date(value)
    for name in ("dates", "per_date", "story"):
        number = request.get(name)
        if isinstance(number, int) and number < 1:
            raise ValueError(f"{name} must be 1 or more, not {number}")
    checked = dataclasses.replace(TimelineQuery(), **request)
    return dataclasses.replace(checked, who=checked.who or None, where=checked.where or None)


def load_settings(config: PathLike | None = None) -> Settings:
    """Defaults, then the TOML config file's sections; a `[tuning]` key no stage has, or a
    value of the wrong kind, is a SettingsError naming the file."""
    settings = _load_settings(None if config is None else Path(config))
    tuning.check(dict(settings.tuning), f"{config}: [tuning]")
    return settings


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


def given_day(value: str) -> date:
    """The day a user gives an article (`--date`, "set date"): YYYY-MM-DD, a real day."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError(f"{value!r} is not a day; use YYYY-MM-DD (e.g. 2004-03-17)")
    return date.fromisoformat(calendar_date(value))


def _with_given_date(articles: list[Article], given: date | None) -> list[Article]:
    """The one article read, dated by the user; a date for many articles is refused."""
    if given is None or not articles:  # nothing read: its failure says why
        return articles
    if len(articles) != 1:
        raise InputError(
            "--date",
            f"gives one article its day, but {len(articles)} articles "
            "were read; give one file, or a sidecar per article",
        )
    return [dataclasses.replace(articles[0], given_date=given)]


def timeline(
    sources: Source | Iterable[Source],
    *,
    settings: Settings | None = None,
    stdin: BinaryIO | None = None,
    on_item: OnItem | None = None,
    on_done: OnDone | None = None,
    on_stage: OnStage | None = None,
    dask: str | None = None,
    given_date: date | None = None,
    **request: Unpack[Request],
) -> Timeline:
    """The timeline of files, folders ("-" for stdin) or `Article`s, with no store.

    Articles not yet processed (`Article.from_raw(...)`) go through every stage; unreadable
    files land in `Timeline.failures` and the run goes on. `query` keeps the entries whose
    sentences mention it; `story` narrows to one story as `Store.stories()` numbers them;
    `who` and `where` keep the entries naming that person or organisation, and that place.
    `given_date`: the day the one article given was published, as the user knows it.
    `dask` runs reading and the per-document stages on a Dask cluster (see `timeline_for`).
    The request's keywords are `Request`'s.
    """
    return timeline_for(
        sources,
        timeline_query(**request),
        settings=settings,
        stdin=stdin,
        on_item=on_item,
        on_done=on_done,
        on_stage=on_stage,
        dask=dask,
        given_date=given_date,
    )


def timeline_for(
    sources: Source | Iterable[Source],
    request: TimelineQuery,
    *,
    settings: Settings | None = None,
    stdin: BinaryIO | None = None,
    on_item: OnItem | None = None,
    on_done: OnDone | None = None,
    on_stage: OnStage | None = None,
    dask: str | None = None,
    given_date: date | None = None,
) -> Timeline:
    """`timeline()` for a request already built with `timeline_query` (as the CLI does);
    `on_stage(name)` is called as each stage of the run begins. With `dask` (a scheduler's
    address, or `local:N`) the files are read and processed on a Dask cluster."""
    settings = settings or Settings()
    paths, articles = _split(sources)
    if dask is not None:
        if articles or given_date is not None:
            raise ValueError("dask= takes files and folders, not Article objects or a given_date")
        from dateline.batch.dask_engine import timeline_on_dask

        return timeline_on_dask(paths, settings, dask, request, on_stage)
    failures: list[Failure] = []
    if given_date is not None:  # one article: read it whole first
        read = read_all(paths, settings, stdin, on_item)
        paths, articles = [], _with_given_date([*read.articles, *articles], given_date)
        failures = read.failures
    return timeline_from_paths(
        paths,
        settings,
        stdin=stdin,
        on_item=on_item,
        on_done=on_done,
        request=request,
        articles=articles,
        on_stage=on_stage,
        failures=failures,
    )


def tag(text: str, anchor: date | str | None = None) -> list[TimeMention]:
    """The time expressions of `text` with TIMEX3 values; relative ones resolve on `anchor`
    (a date or "YYYY-MM-DD"), and keep X placeholders without one."""
    day = date.fromisoformat(anchor) if isinstance(anchor, str) else anchor
    return _tag(text, day)


def checked_curation(db: ArticleStore, curation: Curation, settings: Settings) -> Curation:
    """`curation` checked against what it is about, the article as the user's dates leave it
    (so a pin finds the events its day gives); InputError if it cannot apply."""
    article = db.article(target_article(curation))
    about = as_decided(article, db.curations(), again_after(DECISIONS, settings))
    return check_curation(curation, about)


class Store:
    """A growing pile of articles in one SQLite file (or a Parquet dataset, a folder named
    `*.parquet`, with the `parquet` extra), processed once on the way in.

    `Store()` opens ./dateline.db (or `settings.store.path`), creating it; with
    `create=False` a missing file is a `StoreError` instead, so reading never makes one.
    Like a `sqlite3` connection it belongs to the thread that opened it, unless
    `any_thread` (a pool of reader threads, as the web app keeps, that closes it elsewhere).
    """

    def __init__(
        self,
        path: PathLike | None = None,
        *,
        settings: Settings | None = None,
        create: bool = True,
        any_thread: bool = False,
    ) -> None:
        settings = settings or Settings()
        if path is not None:
            settings = settings.with_overrides("store", path=Path(path))
        self.settings = settings
        self.path = Path(settings.store.path)
        if not create and not self.path.exists():
            raise StoreError(f"{self.path}: no store here")
        self.db = open_store(self.path, settings.dedup, any_thread=any_thread)

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    def add(
        self,
        sources: Source | Iterable[Source],
        *,
        strict: bool = False,
        stdin: BinaryIO | None = None,
        on_item: OnItem | None = None,
        on_done: OnDone | None = None,
        on_stage: OnStage | None = None,
        dask: str | None = None,
        given_date: date | None = None,
    ) -> IngestResult:
        """Read, process and store files, folders or `Article`s in one transaction.

        Adding the same content again changes nothing; a wire copy of a stored article is
        kept, marked `duplicate_of` it. With `strict`, one unreadable file stores nothing.
        With `dask` (a scheduler's address, or `local:N`) files are read and processed on a
        Dask cluster. `given_date`: the one article's day as the user knows it; it is also
        kept as the user's decision, so it holds when the article was stored before.
        """
        paths, articles = _split(sources)
        if dask is not None:
            if articles or given_date is not None:
                raise ValueError(
                    "dask= takes files and folders, not Article objects or a given_date"
                )
            from dateline.batch.dask_engine import ingest_on_dask

            return ingest_on_dask(
                self.db, paths, self.settings, dask, strict=strict, on_stage=on_stage
            )
        if given_date is None:
            return ingest(
                self.db,
                paths,
                self.settings,
                stdin=stdin,
                on_item=on_item,
                on_done=on_done,
                strict=strict,
                articles=articles,
                on_stage=on_stage,
            )
        read = read_all(paths, self.settings, stdin, on_item)  # one article: read it whole
        if strict and read.failures:
            refuse(read.failures)
        found = _with_given_date([*read.articles, *articles], given_date)
        result = ingest_articles(self.db, found, self.settings, read.failures, on_done, on_stage)
        self.curate(Curation("date", found[0].id, given_date.isoformat(), "--date"))
        return result

    def timeline(self, **request: Unpack[Request]) -> Timeline:
        """The timeline of the stored articles, asked as `dateline.timeline` is (`Request`);
        `query` first narrows them by full-text search, `story` to one story as `stories()`
        numbers them."""
        return self.timeline_for(timeline_query(**request))

    def timeline_for(self, request: TimelineQuery) -> Timeline:
        """`timeline()` for a request already built with `timeline_query`."""
        return store_timeline(self.db, self.settings, request)

    def documents(self, limit: int | None = None, offset: int = 0) -> list[Article]:
        """Every stored article, wire copies included, in the order they were first added,
        as the user's decisions leave them (deleted ones out, the user's dates set); `limit`
        and `offset` take one page of that order, counted after the deletions, so every page
        is full but the last."""
        curations = self.db.curations()
        deleted = sum(c.kind == "delete" for c in curations)
        if deleted:
            # Deleted articles may lie anywhere before or inside the page: read from the
            # start, at most that many more rows than the page needs.
            rows = -1 if limit is None else offset + limit + deleted
            kept = list(curated_articles(self.db.articles(page=(rows, 0)), curations, self._again))
            return kept[offset:] if limit is None else kept[offset : offset + limit]
        stored = (
            self.db.articles()
            if limit is None and offset == 0
            else self.db.articles(page=(-1 if limit is None else limit, offset))
        )
        return list(curated_articles(stored, curations, self._again))

    def copy_to(self, path: PathLike) -> int:
        """Copy the store, decisions and all, into a new store at `path`: a folder named
        `*.parquet` is a Parquet dataset, any other path an SQLite file (`dateline convert`).
        Returns how many articles were copied."""
        return copy_store(self.db, Path(path), self.settings.dedup)

    def count(self) -> int:
        """How many articles the store holds, wire copies included."""
        return self.db.count()

    def document(self, article_id: str) -> Article | None:
        """The stored article with this id as the user's decisions leave it, or None (also
        when the user deleted it)."""
        article = self.db.article(article_id)
        found = curated_articles([article], self.db.curations(), self._again) if article else []
        return found[0] if found else None

    def failures(self) -> list[Failure]:
        """Files that failed to read and have not been read successfully since."""
        return self.db.failures()

    def search(self, text: str) -> list[Article]:
        """Stored articles matching `text` (full-text search of title and body), best first."""
        return self.db.articles(self.db.search(text))

    def stories(self) -> list[Story]:
        """The stories of the pile, largest first, numbered from 1 in the order their first
        article was added, so adding articles never renumbers them (`timeline(story=N)`)."""
        return group_stories(self.documents())

    def curate(self, curation: Curation) -> Curation:
        """Store a decision of the user's ("hide", "pin", "edit" an entry by its key; "date",
        "delete" an article by its id); every later timeline applies it. One decision per
        kind and target: a new one replaces the old. InputError if it cannot apply."""
        if curation.kind in ("date", "delete"):
            curation = dataclasses.replace(curation, target=self._article_id(curation.target))
        return self.db.curate(checked_curation(self.db, curation, self.settings))

    def _again(self, article: Article) -> Article:
        """The stages that read the day the user gave, run again (`pipeline.again_after`)."""
        return again_after(DECISIONS, self.settings)(article)

    def _article_id(self, given: str) -> str:
        """The stored id `given` is, or the one id it begins (`dateline docs` shows 8)."""
        found = self.db.ids_starting(given) if len(given) >= 6 else []
        return found[0] if len(found) == 1 else given

    def curations(self) -> list[Curation]:
        """The user's decisions, oldest first."""
        return self.db.curations()

    def uncurate(self, curation_id: int) -> None:
        """Undo decision `curation_id` (the `id` `curations()` gives)."""
        if not self.db.uncurate(curation_id):
            raise InputError(str(curation_id), "no such decision (see `dateline curate list`)")

    def export_curations(self) -> str:
        """The decisions as a small JSON file, to keep or to load into another store."""
        return curations_json(self.curations())

    def import_curations(self, text: str, source: str = "<decisions>") -> int:
        """Load decisions `export_curations` wrote, all or none; returns how many."""
        found = curations_from_json(text, source)
        checked = [checked_curation(self.db, c, self.settings) for c in found]
        return len(self.db.curate_all(checked))
