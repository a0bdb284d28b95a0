"""Wires the stages: per-document stages are mapped, cross-document stages reduce.

Per-document stages are plain functions `Article -> Article`, declared with what they need and
what they fill, and checked once when the pipeline is built; so the same stage list runs in a
loop, a process pool or a Dask worker. Cross-document stages (boilerplate pre-pass, duplicates,
event merging and selection) run once over the whole set.
"""

from __future__ import annotations

import ctypes
import dataclasses
import functools
import gc
import itertools
import os
import pickle
import signal
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO, Generic, TypeVar

from dateline.batch.spool import Columns, Corpus, Spool
from dateline.clean import boilerplate_key, clean_article, repeated_lines
from dateline.clean.language import tag_language, untagged
from dateline.cluster.duplicates import (
    canonicals,
    dedup_text,
    duplicate_marks,
    outlets_of,
    written,
)
from dateline.cluster.minhash import Signature, signature
from dateline.cluster.stories import group_stories
from dateline.date import date_article
from dateline.date.corpus import corpus_dates
from dateline.errors import DatelineError, InputError
from dateline.events import extract_events
from dateline.events.undated import EventCounts, undated_events
from dateline.model import (
    Article,
    Curation,
    Failure,
    PublicationDate,
    Timeline,
    headers,
    replaced,
    subset,
)
from dateline.read import read_paths
from dateline.select import build_entries, changes, naming
from dateline.select.curate import curated_articles, curated_entries
from dateline.settings import Settings
from dateline.store import AddResult, ArticleStore
from dateline.timex import tag_article

_T = TypeVar("_T")
_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
# What a reader fills in; every later need must be met by these or by an earlier stage.
READER_FILLS = frozenset(
    {
        "raw_text",
        "title",
        "outlet",
        "author",
        "url",
        "metadata_date",
        "metadata_sources",
        "given_date",
    }
)


@dataclass(frozen=True)
class Stage:
    """A per-document stage and its contract with the stages around it."""

    name: str
    run: Callable[[Article], Article]
    needs: frozenset[str]
    fills: frozenset[str]


@dataclass(frozen=True)
class Pipeline:
    stages: tuple[Stage, ...]

    def __post_init__(self) -> None:
        available = set(READER_FILLS)
        for stage in self.stages:
            missing = stage.needs - available
            if missing:
                raise ValueError(
                    f"stage {stage.name!r} needs {sorted(missing)}, which no earlier stage fills"
                )
            available |= stage.fills

    def __call__(self, article: Article) -> Article:
        for stage in self.stages:
            article = stage.run(article)
        return article


def document_pipeline(settings: Settings, boilerplate: frozenset[str] = frozenset()) -> Pipeline:
    """clean → language → date → tag time → find events, for one article."""
    clean = functools.partial(clean_article, settings=settings.clean, boilerplate=boilerplate)
    return Pipeline(
        (
            Stage(
                "clean",
                clean,
                frozenset({"raw_text"}),
                frozenset({"text", "title", "author", "outlet", "header"}),
            ),
            Stage("language", tag_language, frozenset({"text"}), frozenset({"language"})),
            Stage(
                "date",
                date_article,
                frozenset(
                    {
                        "text",
                        "header",
                        "metadata_date",
                        "metadata_sources",
                        "url",
                        "raw_text",
                        "title",
                        "given_date",
                    }
                ),
                frozenset({"published"}),
            ),
            Stage("timex", tag_article, frozenset({"text", "published"}), frozenset({"timexes"})),
            Stage(
                "events",
                extract_events,
                frozenset({"text", "timexes", "published"}),
                frozenset({"sentences", "events"}),
            ),
        )
    )


@dataclass
class ReadResult:
    articles: list[Article] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)


def read_all(
    paths: Iterable[str | Path],
    settings: Settings,
    stdin: BinaryIO | None = None,
    on_item: Callable[[Article | Failure], None] | None = None,
) -> ReadResult:
    result = ReadResult()
    for item in read_paths(paths, settings.read, stdin=stdin):
        if isinstance(item, Failure):
            result.failures.append(item)
        else:
            result.articles.append(item)
        if on_item is not None:
            on_item(item)
    return result


def process(
    articles: Iterable[Article],
    settings: Settings,
    workers: int = 1,
    on_done: Callable[[int, int], None] | None = None,
) -> list[Article]:
    """Clean, date, tag and find events in every article not through the stages yet,
    keeping input order: `stream_processed` into a list, for a pile that fits in memory.

    `on_done(done, total)` is called as articles finish, for a progress bar.
    """
    return list(stream_processed(articles, settings, _unchanged, workers, on_done))


def _unchanged(article: Article) -> Article:
    return article


def die_with_parent(parent: int) -> None:
    """A worker (pool initializer) or child never outlives the run that started it, even a
    `kill -9` of it.

    Linux kills it when its parent dies (PR_SET_PDEATHSIG); elsewhere a thread watches the
    parent's pid. Ctrl+C reaches the whole process group: the parent alone handles it.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    else:
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # the parent died before the signal was asked for
        os._exit(1)


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)


def _stop_now(pool: ProcessPoolExecutor) -> None:
    """End the pool's workers at once instead of letting each finish its chunk."""
    # concurrent.futures has no public way to stop a running worker before Python 3.14.
    workers = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in workers:
        process.kill()
    for process in workers:
        process.join(timeout=5)


def default_workers() -> int:
    return max(1, min(4, os.cpu_count() or 1))


@dataclass(frozen=True)
class TimelineQuery:
    """What the user asked of the timeline: the same object from the CLI and the web app."""

    query: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    dates: int | None = None
    per_date: int | None = None
    story: int | None = None
    who: str | None = None  # only entries naming this person or organisation
    where: str | None = None  # only entries naming this place


def story_articles(articles: Sequence[Article], number: int) -> Sequence[Article]:
    """The articles of story `number`, as `dateline stories` numbers them (copies included)."""
    found = group_stories(articles)
    story = next((s for s in found if s.id == number), None)
    if story is None:
        raise DatelineError(f"no story {number}: there are {len(found)} (see `dateline stories`)")
    members = set(story.article_ids)
    return subset(articles, (i for i, a in enumerate(articles) if a.id in members))


def build_timeline(
    articles: Sequence[Article],
    settings: Settings,
    request: TimelineQuery = TimelineQuery(),
    failures: Sequence[Failure] = (),
    curations: Sequence[Curation] = (),
) -> Timeline:
    """The timeline of already processed articles, the user's decisions applied.

    Undated articles are first dated from the others (`date_from_corpus`), once: a second
    pass would let newly dated articles date others, and errors compound.
    """
    articles = curated_articles(articles, curations)
    articles = replaced(articles, corpus_dates(articles))
    if request.story is not None:
        articles = story_articles(articles, request.story)
    entries = build_entries(
        articles,
        dates=request.dates if request.dates is not None else settings.select.dates,
        per_date=request.per_date if request.per_date is not None else settings.select.per_date,
        query=request.query,
        date_from=request.date_from,
        date_to=request.date_to,
    )
    if curations:
        entries = curated_entries(
            entries, articles, curations, (request.date_from, request.date_to)
        )
    entries = naming(entries, request.who, request.where)
    moving = changes(entries, articles)
    cited = {c.document for e in entries for c in e.sources} | {
        c.document for e in entries for d in e.disagreements for c in d.claims
    }
    shown = subset(
        articles,
        (i for i, a in enumerate(headers(articles)) if a.id in cited or a.duplicate_of is None),
    )
    documents = shown if isinstance(shown, Corpus) else tuple(shown)
    return Timeline(documents=documents, entries=entries, failures=tuple(failures), changes=moving)


@dataclass(frozen=True)
class IngestResult:
    added: AddResult
    failures: tuple[Failure, ...]
    untagged: Counter[str]  # articles per language the later stages can't read yet
    undated: int  # articles of the batch left without a publication day
    events: EventCounts  # the batch's events, dated, dated to a range, and undated


def ingest(
    store: ArticleStore,
    paths: Iterable[str | Path],
    settings: Settings,
    *,
    stdin: BinaryIO | None = None,
    on_item: Callable[[Article | Failure], None] | None = None,
    on_done: Callable[[int, int], None] | None = None,
    strict: bool = False,
    articles: Iterable[Article] = (),
    on_stage: Callable[[str], None] | None = None,
) -> IngestResult:
    """Read (then `articles`), process and add one batch to the store in a single
    transaction, in bounded memory.

    With `strict`, any unreadable file stops the batch before anything is stored.
    """
    failures: list[Failure] = []

    def items() -> Iterator[Article]:
        yield from _read(paths, settings, stdin, on_item, failures)
        if strict and failures:  # the reading pre-pass ends before any article is stored
            refuse(failures)
        yield from articles

    return ingest_articles(store, items(), settings, failures, on_done, on_stage)


def ingest_articles(
    store: ArticleStore,
    articles: Iterable[Article],
    settings: Settings,
    failures: Sequence[Failure] = (),
    on_done: Callable[[int, int], None] | None = None,
    on_stage: Callable[[str], None] | None = None,
) -> IngestResult:
    """Add articles to the store in one transaction, running the per-document stages on those
    not through them yet (`is_processed`).

    The processed articles wait in a disk spool, so the transaction lasts only as long as
    the writing and memory holds a batch, not the pile.
    """
    done, languages = Spool(), Counter[str]()
    undated, events = 0, EventCounts(0, 0, 0)
    try:
        for stored in stream_processed(
            articles, settings, _stored_form, default_workers(), on_done, on_stage
        ):
            done.append_pickled(stored.pickled)
            languages[stored.language] += 1
            undated += stored.undated
            events = events + stored.events
        if on_stage is not None:
            on_stage("writing to the store")
        added = store.add(iter(done.corpus()), failures)
    finally:
        done.close()
    return IngestResult(
        added, tuple(failures), untagged(list(languages.elements())), undated, events
    )


def refuse(failures: Sequence[Failure]) -> None:
    """A strict batch with unreadable files stores nothing: the first one, and how many."""
    first = failures[0]
    raise InputError(
        first.source, f"{first.reason} ({len(failures)} file(s) failed; nothing was stored)"
    )


@dataclass(frozen=True)
class _Stored:
    """What crosses back from a worker for the store: the article pickled, and what the
    run reports of it (its language, whether it has no day, its events' counts)."""

    pickled: bytes
    language: str
    undated: bool
    events: EventCounts


def _stored_form(article: Article) -> _Stored:
    return _Stored(
        pickle.dumps(article, protocol=pickle.HIGHEST_PROTOCOL),
        article.language,
        article.published is None or article.published.date is None,
        undated_events([article]),
    )


def is_processed(article: Article) -> bool:
    """Whether the per-document stages ran: the date stage always fills `published`."""
    return article.published is not None


def store_timeline(
    store: ArticleStore, settings: Settings, request: TimelineQuery = TimelineQuery()
) -> Timeline:
    """The timeline of the stored articles; a query first narrows them by full-text search.

    A story keeps the number `dateline stories` gives it over the whole store, query or not.
    """
    curations = store.curations()
    if not request.query:
        return build_timeline(store.articles(), settings, request, curations=curations)
    found = store.articles(store.search(request.query))
    if request.story is not None:
        stored = curated_articles(store.articles(), curations)  # numbered as `stories` does
        members = {a.id for a in story_articles(stored, request.story)}
        found = [a for a in found if a.id in members]
        request = dataclasses.replace(request, story=None)
    return build_timeline(found, settings, request, curations=curations)


def timeline_from_paths(
    paths: Iterable[str | Path],
    settings: Settings,
    *,
    stdin: BinaryIO | None = None,
    on_item: Callable[[Article | Failure], None] | None = None,
    on_done: Callable[[int, int], None] | None = None,
    request: TimelineQuery = TimelineQuery(),
    articles: Iterable[Article] = (),
    on_stage: Callable[[str], None] | None = None,
    failures: Sequence[Failure] = (),
) -> Timeline:
    """One-shot: files in (then `articles`), timeline out, no store; `failures`: files
    that could not be read before.

    The pile streams through a disk spool (`spool_pile`), so memory holds what the
    cross-document stages keep, not the pile.
    """
    failures = list(failures)
    items = itertools.chain(_read(paths, settings, stdin, on_item, failures), articles)
    corpus = spool_pile(items, settings, default_workers(), on_done, on_stage)
    if on_stage is not None:
        on_stage("choosing dates and entries")
    return build_timeline(corpus, settings, request, failures)


def _read(
    paths: Iterable[str | Path],
    settings: Settings,
    stdin: BinaryIO | None,
    on_item: Callable[[Article | Failure], None] | None,
    failures: list[Failure],
) -> Iterator[Article]:
    """The articles of `paths`, as they are read; each unreadable file into `failures`."""
    for item in read_paths(paths, settings.read, stdin=stdin):
        if on_item is not None:
            on_item(item)
        if isinstance(item, Failure):
            failures.append(item)
        else:
            yield item


# Articles handed to the workers at a time; two batches are in flight, so the workers never
# wait for the parent, and what is in flight stays a few MB of text.
BATCH = 512


@dataclass
class _Pile:
    """What marking duplicates needs of each spooled article, by position: all it keeps."""

    columns: Columns = field(default_factory=Columns)
    days: list[date] = field(default_factory=list)
    outlets: list[tuple[str, ...]] = field(default_factory=list)
    signatures: list[Signature | None] = field(default_factory=list)

    def add(self, summary: Summary) -> None:
        self.columns.add(summary.id, summary.published, summary.language)
        self.days.append(summary.day)
        self.outlets.append(summary.outlets)
        self.signatures.append(summary.signature)


@dataclass(frozen=True)
class Summary:
    """One processed article as it leaves a worker (a process of the pool or of a Dask
    cluster): pickled whole for the spool, plus the compact state the run keeps of it."""

    pickled: bytes
    id: str
    day: date
    outlets: tuple[str, ...]
    signature: Signature | None
    published: PublicationDate | None
    language: str


def summarise(article: Article, num_perm: int) -> Summary:
    """`article` (through the per-document stages) as its `Summary`."""
    return Summary(
        pickle.dumps(article, protocol=pickle.HIGHEST_PROTOCOL),
        article.id,
        written(article),
        tuple(outlets_of(article)),
        signature(dedup_text(article), num_perm),
        article.published,
        article.language,
    )


@dataclass(frozen=True)
class _Finisher(Generic[_T]):
    """The document pipeline, then `finish` of its result, in a worker process."""

    pipeline: Pipeline
    finish: Callable[[Article], _T]

    def __call__(self, article: Article) -> _T:
        return self.finish(self.pipeline(article))


def stream_processed(
    items: Iterable[Article],
    settings: Settings,
    finish: Callable[[Article], _T],
    workers: int = 1,
    on_done: Callable[[int, int], None] | None = None,
    on_stage: Callable[[str], None] | None = None,
) -> Iterator[_T]:
    """`finish(article)` of every article of `items` through the per-document stages (those
    not through them yet, `is_processed`), in order, in bounded memory.

    The raw articles are spooled to disk while the outlets' repeated lines are counted (that
    pre-pass needs the whole pile before any article is cleaned); then they stream through
    the workers in batches. `finish` runs in the worker, so what crosses back is its result:
    a pickled article and the little the run keeps of it.
    """
    stage = on_stage or (lambda name: None)
    raw = Spool()
    try:
        stage("reading")
        boilerplate = repeated_lines(_spooled(items, raw), settings.clean)
        stage("processing")
        yield from _processed(raw, boilerplate, settings, workers, on_done, finish)
    finally:
        raw.close()


def spool_pile(
    items: Iterable[Article],
    settings: Settings,
    workers: int = 1,
    on_done: Callable[[int, int], None] | None = None,
    on_stage: Callable[[str], None] | None = None,
) -> Corpus:
    """Every article of `items` through the per-document stages, spooled to disk, with its
    near-duplicates marked: the pile as a lazy `Corpus` for the cross-document stages.

    Each article is spooled as it leaves the stages (`stream_processed`) with only its id,
    day, outlets and MinHash signature kept; duplicates are then found from those alone.
    """
    done, pile = Spool(), _Pile()
    finish = functools.partial(summarise, num_perm=settings.dedup.num_perm)
    for summary in stream_processed(items, settings, finish, workers, on_done, on_stage):
        done.append_pickled(summary.pickled)
        pile.add(summary)
    if on_stage is not None:
        on_stage("finding near-duplicates")
    ids = pile.columns.ids
    found = canonicals(ids, pile.days, pile.signatures, settings.dedup)
    marks = duplicate_marks(ids, pile.days, pile.outlets, found)
    return done.corpus(pile.columns).with_marks(marks)


def _spooled(items: Iterable[Article], raw: Spool) -> Iterator[Article]:
    """Each article spooled; those not processed yet passed on (to the pre-pass)."""
    for article in items:
        raw.append(article)
        if not is_processed(article):
            yield article


def _processed(
    raw: Spool,
    boilerplate: dict[str, frozenset[str]],
    settings: Settings,
    workers: int,
    on_done: Callable[[int, int], None] | None,
    finish: Callable[[Article], _T],
) -> Iterator[_T]:
    """`finish` of every spooled article through the stages, in spool order, batch by batch."""
    made: dict[str, _Finisher[_T]] = {}

    def worker(key: str) -> _Finisher[_T]:
        if key not in made:
            lines = boilerplate.get(key, frozenset())
            made[key] = _Finisher(document_pipeline(settings, lines), finish)
        return made[key]

    total, done = len(raw), 0
    with _batch_pool(workers if total >= 2 * workers else 1) as pool:
        pending: list[tuple[list[int], Future[list[_T]]]] = []
        for first in range(0, total, BATCH):
            batch = [raw.load(i) for i in range(first, min(total, first + BATCH))]
            submitted = _submit_batch(pool, batch, worker, finish)
            if pending:
                for summary in _in_order(pending):
                    done += 1
                    if on_done is not None:
                        on_done(done, total)
                    yield summary
            pending = submitted
        for summary in _in_order(pending):
            done += 1
            if on_done is not None:
                on_done(done, total)
            yield summary


# Articles per call in a worker: enough to make the call's overhead small.
_CHUNK = 16


def _submit_batch(
    pool: Executor,
    batch: list[Article],
    worker: Callable[[str], _Finisher[_T]],
    finish: Callable[[Article], _T],
) -> list[tuple[list[int], Future[list[_T]]]]:
    """One batch to the pool, in chunks of one outlet group (they share its pipeline);
    each chunk with its indices in the batch."""
    groups: dict[str, list[int]] = {}
    for index, article in enumerate(batch):
        key = "" if is_processed(article) else boilerplate_key(article)
        groups.setdefault(key, []).append(index)
    submitted = []
    for key, indices in groups.items():
        for start in range(0, len(indices), _CHUNK):
            chunk = indices[start : start + _CHUNK]
            articles = [batch[i] for i in chunk]
            if is_processed(articles[0]):  # already through the stages: finished here
                future: Future[list[_T]] = Future()
                future.set_result([finish(a) for a in articles])
            else:
                future = pool.submit(_run_chunk, worker(key), articles)
            submitted.append((chunk, future))
    return submitted


def _run_chunk(worker: _Finisher[_T], articles: list[Article]) -> list[_T]:
    return [worker(article) for article in articles]


def _in_order(submitted: list[tuple[list[int], Future[list[_T]]]]) -> list[_T]:
    """A batch's results in batch order, once all its chunks are done."""
    slots: dict[int, _T] = {}
    for chunk, future in submitted:
        slots.update(zip(chunk, future.result(), strict=True))
    return [slots[index] for index in range(len(slots))]


class _Inline(Executor):
    """An executor that runs each call at once, in this process: the pool of one worker."""

    def submit(self, fn: Callable[..., _T], /, *args: Any, **kwargs: Any) -> Future[_T]:
        future: Future[_T] = Future()
        future.set_result(fn(*args, **kwargs))
        return future


@contextmanager
def _batch_pool(workers: int) -> Iterator[Executor]:
    """A pool of `workers` processes for the whole run (or this process alone for one),
    stopped at once if the run ends early."""
    if workers <= 1:
        yield _Inline()
        return
    # Forked workers share the parent's pages until one is written, and a collection writes to
    # every object it walks: frozen, the parent's objects are not walked, so not copied into
    # each worker.
    gc.freeze()
    enabled = gc.isenabled()
    pool = ProcessPoolExecutor(
        max_workers=workers, initializer=die_with_parent, initargs=(os.getpid(),)
    )
    # The parent then only unpickles results, which makes no cycles: with the collector off
    # it does not walk the growing results again and again (4x faster at 10k articles).
    gc.disable()
    try:
        yield pool
    except BrokenProcessPool:
        _stop_now(pool)
        raise DatelineError(
            "a worker process died (out of memory?); free memory or give fewer files at once"
        ) from None
    except BaseException:
        _stop_now(pool)
        raise
    else:
        pool.shutdown()
    finally:
        if enabled:
            gc.enable()
        gc.unfreeze()
