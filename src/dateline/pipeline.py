"""Wires the stages: per-document stages are mapped, cross-document stages reduce.

Per-document stages are plain functions `Article -> Article`, declared with what they need and
what they fill, and checked once when the pipeline is built; so the same stage list runs in a
loop, a process pool or a Dask worker. Cross-document stages (boilerplate pre-pass, duplicates,
event merging and selection) run once over the whole set.
"""

from __future__ import annotations

import dataclasses
import functools
import gc
import itertools
import os
import pickle
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO, Generic, TypeVar

from dateline import tuning
from dateline.batch.forked import InForks
from dateline.batch.pool import BudgetPool, Task, finished, on_article, over_budget
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
from dateline.pile.comments import stamp_keys
from dateline.pile.reports import corpus_dates
from dateline.read import read_paths
from dateline.select import build_entries, changes, naming
from dateline.select.curate import curated_articles, curated_entries
from dateline.settings import Settings
from dateline.store import AddResult, ArticleStore
from dateline.timex import tag_article

_T = TypeVar("_T")
ARTICLE_FIELDS = frozenset(f.name for f in dataclasses.fields(Article))


def _checked(name: str, *fields: frozenset[str]) -> None:
    """A contract may name only `Article`'s fields: a typo is an error when it is declared."""
    unknown = frozenset().union(*fields) - ARTICLE_FIELDS
    if unknown:
        raise ValueError(f"stage {name!r} names {sorted(unknown)}, which Article does not have")


# What a reader fills in; every later need must be met by these or by an earlier stage.
READER_FILLS = frozenset(
    {
        "id",
        "source",
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
_checked("read", READER_FILLS)


@dataclass(frozen=True)
class Stage:
    """A per-document stage and its contract with the stages around it."""

    name: str
    run: Callable[[Article], Article]
    needs: frozenset[str]
    fills: frozenset[str]

    def __post_init__(self) -> None:
        _checked(self.name, self.needs, self.fills)


@dataclass(frozen=True)
class Pipeline:
    stages: tuple[Stage, ...]
    given: frozenset[str] = READER_FILLS  # what the articles hold before the first stage
    tuning: tuple[tuple[str, float], ...] = ()  # the run's `[tuning]`, set in each worker

    def __post_init__(self) -> None:
        available = set(self.given)
        for stage in self.stages:
            missing = stage.needs - available
            if missing:
                raise ValueError(
                    f"stage {stage.name!r} needs {sorted(missing)}, which no earlier stage fills"
                )
            available |= stage.fills

    def __call__(self, article: Article) -> Article:
        tuning.apply(self.tuning)
        for stage in self.stages:
            article = stage.run(article)
        return article

    def within(self, article: Article, seconds: float) -> Article | Failure:
        """The stages over `article`, or a Failure naming it once they have taken longer
        than `seconds` (0: no limit), checked between stages: no signal, so it holds in a
        loop, a pool's worker and a Dask worker's thread alike."""
        tuning.apply(self.tuning)
        started = time.monotonic()
        for stage in self.stages:
            article = stage.run(article)
            if seconds and time.monotonic() - started > seconds:
                return over_budget(article.source, seconds, f"the {stage.name} stage ended past it")
        return article

    def through(self, name: str) -> Pipeline:
        """The stages up to and including `name`: what an evaluation of that stage runs."""
        names = [stage.name for stage in self.stages]
        if name not in names:
            raise ValueError(f"no stage {name!r} (stages: {', '.join(names)})")
        return Pipeline(self.stages[: names.index(name) + 1], self.given, self.tuning)

    def reading(self, changed: frozenset[str]) -> Pipeline:
        """The stages to run again on an article a later step changed `changed` of: from the
        first stage that reads one of them on (none if no stage reads them)."""
        first = next(
            (i for i, stage in enumerate(self.stages) if stage.needs & changed), len(self.stages)
        )
        return Pipeline(self.stages[first:], ARTICLE_FIELDS, self.tuning)

    def again(self, article: Article) -> Article:
        """The stages run again on `article`, what they filled before cleared first."""
        cleared = {name: _EMPTY[name] for stage in self.stages for name in stage.fills}
        return self(dataclasses.replace(article, **cleared))


# Each field's value before any stage filled it.
_EMPTY: dict[str, Any] = {
    f.name: f.default for f in dataclasses.fields(Article) if f.default is not dataclasses.MISSING
}


@dataclass(frozen=True)
class CrossStage:
    """A cross-document stage: it reads the whole pile, after the per-document stages.

    What it fills, the per-document stages that read it run again on the articles it
    changed (`Pipeline.reading`), here in the pipeline, never inside the stage.
    """

    name: str
    needs: frozenset[str]
    fills: frozenset[str]

    def __post_init__(self) -> None:
        _checked(self.name, self.needs, self.fills)


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
        ),
        tuning=settings.tuning,
    )


# The user's decisions (select/curate.py): a day the user gave, an article deleted.
DECISIONS = CrossStage("decisions", frozenset({"id"}), frozenset({"given_date"}))
DUPLICATES = CrossStage(
    "duplicates",
    frozenset({"id", "text", "published", "outlet"}),
    frozenset({"duplicate_of", "outlets"}),
)
CORPUS_DATES = CrossStage(
    "date from the corpus",
    frozenset({"text", "sentences", "timexes", "events", "published"}),
    frozenset({"published"}),
)
STORIES = CrossStage("stories", frozenset({"id", "text", "events", "published"}), frozenset())
SELECT = CrossStage(
    "select",
    frozenset({"id", "text", "sentences", "events", "published", "duplicate_of", "outlets"}),
    frozenset(),
)
CROSS_DOCUMENT_STAGES = (DECISIONS, DUPLICATES, CORPUS_DATES, STORIES, SELECT)


def _declared() -> tuple[str, ...]:
    """Every stage of a run in order, its needs met by the reader or an earlier stage."""
    document = document_pipeline(Settings())
    available = set(READER_FILLS).union(*(stage.fills for stage in document.stages))
    for stage in CROSS_DOCUMENT_STAGES:
        missing = stage.needs - available
        if missing:
            raise ValueError(f"stage {stage.name!r} needs {sorted(missing)}, filled by no stage")
        available |= stage.fills
    names = [stage.name for stage in document.stages]
    return (*names, *(stage.name for stage in CROSS_DOCUMENT_STAGES))


# The stages of a run, declared above and checked once, when the pipeline is imported.
STAGES = _declared()


def again_after(stage: CrossStage, settings: Settings) -> Callable[[Article], Article]:
    """What runs again on an article `stage` changed: the per-document stages reading what
    it fills (for a new day: the time phrases and events, resolved on it)."""
    return document_pipeline(settings).reading(stage.fills).again


def corpus_dated(articles: Sequence[Article], settings: Settings) -> dict[int, Article]:
    """The articles corpus dating changes (`pile.reports.corpus_dates`), by position, with
    the stages that read their new day run again."""
    return corpus_dates(articles, again_after(CORPUS_DATES, settings))


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
    failures: list[Failure] | None = None,
    through: str | None = None,
) -> list[Article]:
    """Clean, date, tag and find events in every article not through the stages yet,
    keeping input order: `stream_processed` into a list, for a pile that fits in memory.

    `on_done(done, total)` is called as articles finish, for a progress bar; an article
    over its time budget goes to `failures` (without it, stops the run with its one line);
    `through` stops after that stage (an evaluation of the date stage needs no events), None
    runs them all.
    """
    return list(
        stream_processed(
            articles, settings, _unchanged, workers, on_done, failures=failures, through=through
        )
    )


def _unchanged(article: Article) -> Article:
    return article


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
    precision: str | None = None  # the coarsest entry date allowed: "day", "month" or "year"


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
    tuning.apply(settings.tuning)
    articles = curated_articles(articles, curations, again_after(DECISIONS, settings))
    articles = replaced(articles, corpus_dated(articles, settings))
    if request.story is not None:
        articles = story_articles(articles, request.story)
    entries = build_entries(
        articles,
        dates=request.dates if request.dates is not None else settings.select.dates,
        per_date=request.per_date if request.per_date is not None else settings.select.per_date,
        query=request.query,
        date_from=request.date_from,
        date_to=request.date_to,
        precision=request.precision,
        weights=tuning.weights(settings),
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
    the writing and memory holds a batch, not the pile. An article over its time budget is
    one more failure, and nothing of it is stored.
    """
    done, languages = Spool(), Counter[str]()
    undated, events = 0, EventCounts(0, 0, 0)
    over: list[Failure] = []
    try:
        for stored in stream_processed(
            articles, settings, _stored_form, default_workers(), on_done, on_stage, over
        ):
            done.append_pickled(stored.pickled)
            languages[stored.language] += 1
            undated += stored.undated
            events = events + stored.events
        if on_stage is not None:
            on_stage("writing to the store")
        failures = [*failures, *over]
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
        # numbered as `stories` does
        stored = curated_articles(store.articles(), curations, again_after(DECISIONS, settings))
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
    corpus = spool_pile(items, settings, default_workers(), on_done, on_stage, failures)
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


# Per-article passes of the cross-document stages that read only the article's own text,
# nothing the pile decides: answered as each article leaves the per-document stages, while
# it is in hand, rather than in a pass that loads the whole pile again (`Corpus.each`).
ANSWERED_IN_HAND: tuple[Callable[[Article], Any], ...] = (stamp_keys,)


def pile_columns() -> Columns:
    """The columns a processed pile keeps, with the passes answered in hand."""
    return Columns(answered=ANSWERED_IN_HAND)


@dataclass
class _Pile:
    """What marking duplicates needs of each spooled article, by position: all it keeps."""

    columns: Columns = field(default_factory=pile_columns)
    days: list[date] = field(default_factory=list)
    outlets: list[tuple[str, ...]] = field(default_factory=list)
    signatures: list[Signature | None] = field(default_factory=list)

    def add(self, summary: Summary) -> None:
        self.columns.add(summary.id, summary.published, summary.language, summary.answers)
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
    answers: tuple[Any, ...]  # of `ANSWERED_IN_HAND`, in order


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
        tuple(find(article) for find in ANSWERED_IN_HAND),
    )


@dataclass(frozen=True)
class _Finisher(Generic[_T]):
    """The document pipeline, then `finish` of its result, in a worker process."""

    pipeline: Pipeline
    finish: Callable[[Article], _T]
    seconds: float  # the article's time budget

    def __call__(self, article: Article) -> _T | Failure:
        done = self.pipeline.within(article, self.seconds)
        return done if isinstance(done, Failure) else self.finish(done)


def stream_processed(
    items: Iterable[Article],
    settings: Settings,
    finish: Callable[[Article], _T],
    workers: int = 1,
    on_done: Callable[[int, int], None] | None = None,
    on_stage: Callable[[str], None] | None = None,
    failures: list[Failure] | None = None,
    through: str | None = None,
) -> Iterator[_T]:
    """`finish(article)` of every article of `items` through the per-document stages (those
    not through them yet, `is_processed`), in order, in bounded memory; each article over
    its time budget (`settings.read.article_seconds`) into `failures` instead (without it,
    the run stops with that one line: never a silent drop).

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
        for done in _processed(raw, boilerplate, settings, workers, on_done, finish, through):
            if not isinstance(done, Failure):
                yield done
            elif failures is None:
                raise InputError(done.source, done.reason)
            else:
                failures.append(done)
    finally:
        raw.close()


def spool_pile(
    items: Iterable[Article],
    settings: Settings,
    workers: int = 1,
    on_done: Callable[[int, int], None] | None = None,
    on_stage: Callable[[str], None] | None = None,
    failures: list[Failure] | None = None,
) -> Corpus:
    """Every article of `items` through the per-document stages, spooled to disk, with its
    near-duplicates marked: the pile as a lazy `Corpus` for the cross-document stages.

    Each article is spooled as it leaves the stages (`stream_processed`) with only its id,
    day, outlets and MinHash signature kept; duplicates are then found from those alone.
    """
    done, pile = Spool(), _Pile()
    finish = functools.partial(summarise, num_perm=settings.dedup.num_perm)
    for summary in stream_processed(items, settings, finish, workers, on_done, on_stage, failures):
        done.append_pickled(summary.pickled)
        pile.add(summary)
    if on_stage is not None:
        on_stage("finding near-duplicates")
    ids = pile.columns.ids
    found = canonicals(ids, pile.days, pile.signatures, settings.dedup)
    marks = duplicate_marks(ids, pile.days, pile.outlets, found)
    return done.corpus(pile.columns, InForks(workers)).with_marks(marks)


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
    through: str | None,
) -> Iterator[_T | Failure]:
    """`finish` of every spooled article through the stages, in spool order, batch by batch."""
    made: dict[str, _Finisher[_T]] = {}

    def worker(key: str) -> _Finisher[_T]:
        if key not in made:
            lines = boilerplate.get(key, frozenset())
            stages = document_pipeline(settings, lines)
            pipeline = stages.through(through) if through else stages
            made[key] = _Finisher(pipeline, finish, settings.read.article_seconds)
        return made[key]

    total, done = len(raw), 0
    with _batch_pool(workers if total >= 2 * workers else 1, settings) as pool:
        pending: list[tuple[list[int], Task[_T]]] = []
        for first in range(0, total, BATCH):
            batch = [raw.load(i) for i in range(first, min(total, first + BATCH))]
            submitted = _submit_batch(pool, first, batch, worker, finish)
            if pending:
                for summary in _in_order(pool, pending):
                    done += 1
                    if on_done is not None:
                        on_done(done, total)
                    yield summary
            pending = submitted
        for summary in _in_order(pool, pending):
            done += 1
            if on_done is not None:
                on_done(done, total)
            yield summary


# Articles per call in a worker: enough to make the call's overhead small.
_CHUNK = 16


def _submit_batch(
    pool: BudgetPool,
    first: int,
    batch: list[Article],
    worker: Callable[[str], _Finisher[_T]],
    finish: Callable[[Article], _T],
) -> list[tuple[list[int], Task[_T]]]:
    """One batch to the pool, in chunks of one outlet group (they share its pipeline);
    each chunk with its indices in the batch (`first` is the batch's place in the run)."""
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
                task = finished([finish(a) for a in articles])
            else:
                run = functools.partial(_run_chunk, worker(key))
                task = pool.submit(run, [first + i for i in chunk], articles)
            submitted.append((chunk, task))
    return submitted


def _run_chunk(
    worker: _Finisher[_T], positions: list[int], articles: list[Article]
) -> list[_T | Failure]:
    """In a worker: each article through the stages, the parent told which one it is on."""
    done = []
    for position, article in zip(positions, articles, strict=True):
        on_article(position)
        done.append(worker(article))
    on_article(None)
    return done


def _in_order(pool: BudgetPool, submitted: list[tuple[list[int], Task[_T]]]) -> list[_T | Failure]:
    """A batch's results in batch order, once all its chunks are done."""
    slots: dict[int, _T | Failure] = {}
    for chunk, task in submitted:
        found: list[_T | Failure] = pool.result(task)
        slots.update(zip(chunk, found, strict=True))
    return [slots[index] for index in range(len(slots))]


@contextmanager
def _batch_pool(workers: int, settings: Settings) -> Iterator[BudgetPool]:
    """A pool of `workers` processes for the whole run (or this process alone for one),
    stopped at once if the run ends early."""
    if workers <= 1:
        yield BudgetPool(1, settings.read.article_seconds)
        return
    # Forked workers share the parent's pages until one is written, and a collection writes to
    # every object it walks: frozen, the parent's objects are not walked, so not copied into
    # each worker.
    gc.freeze()
    enabled = gc.isenabled()
    pool = BudgetPool(workers, settings.read.article_seconds)
    # The parent then only unpickles results, which makes no cycles: with the collector off
    # it does not walk the growing results again and again (4x faster at 10k articles).
    gc.disable()
    try:
        yield pool
    except BrokenProcessPool:
        pool.stop_now()
        raise DatelineError(
            "a worker process died (out of memory?); free memory or give fewer files at once"
        ) from None
    except BaseException:
        pool.stop_now()
        raise
    else:
        pool.shutdown()
    finally:
        if enabled:
            gc.enable()
        gc.unfreeze()
