"""The Dask engine: `dateline timeline PATHS --dask SCHEDULER`, the one-shot timeline with
reading and the per-document stages spread over a Dask cluster.

The inputs become partitions (runs of files in the order the one-machine path reads them);
the per-document stages map over them unchanged, on the workers. The cross-document work that
needs the whole pile is written as Dask group-bys: each outlet's repeated lines (the cleaner's
pre-pass) grouped by outlet, near-duplicates found by grouping band keys, so only the few
articles that share a band send their signature back. The processed articles then stream,
a partition at a time, into this machine's disk spool, and dates and entries are chosen there
exactly as `pipeline.timeline_from_paths` chooses them: the same files give the same
timeline (`tests/batch/test_dask_engine.py`).

Dask is imported only here, and this module only when `--dask` is given: the `dask` extra.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import pickle
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

from dateline import tuning
from dateline.batch.spool import Columns, Corpus, Mark, Spool, marked
from dateline.clean import boilerplate_key
from dateline.clean.language import untagged
from dateline.clean.repeated import LineSets, group_repeated, line_sets
from dateline.cluster.duplicates import canonicals, duplicate_marks
from dateline.cluster.minhash import Signature, band_keys
from dateline.errors import DatelineError, InputError
from dateline.events.undated import EventCounts, undated_events
from dateline.model import Article, Failure, PublicationDate, Timeline
from dateline.pipeline import (
    IngestResult,
    Summary,
    TimelineQuery,
    build_timeline,
    document_pipeline,
    pile_columns,
    refuse,
    summarise,
)
from dateline.read import read_paths
from dateline.read.inputs import walk
from dateline.settings import ReadSettings, Settings
from dateline.store import ArticleStore

# Partitions per worker: enough that a slow partition does not leave the others idle.
PARTITIONS_PER_WORKER = 8
# Input bytes per partition at most (a file is never split): what one task reads and holds
# (about 5,000 articles of the piles `bench/scale.py` makes, 6 KB of JSON each).
PARTITION_BYTES = 32 * 2**20
# Memory of each worker a LocalCluster starts (`local:N`): the machine's, shared among them.
# Past Dask's spill share of it (0.6) a worker moves the partitions it holds to its disk. A
# fixed 2 GiB got the one worker of `local:1` killed at 50,000 articles (1.3 GiB of it
# unmanaged: the processed articles being pickled), and its partitions lost with it.
WORKER_MEMORY = "auto"
# Partitions of processed articles on their way back here at once (`_spool`).
AHEAD = 2
# (partition number, index in it): an article's place in the pile, the order it is read in.
Place = tuple[int, int]


@contextmanager
def connect(scheduler: str) -> Iterator[Any]:
    """A Dask client: `local:N` starts a LocalCluster of N one-thread worker processes for
    the run; anything else is a scheduler's address (tcp://host:8786)."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise DatelineError("--dask needs Dask: pip install 'dateline[dask]'") from None
    if scheduler.startswith("local:"):
        workers = scheduler.removeprefix("local:")
        if not workers.isdigit() or int(workers) < 1:
            raise DatelineError(f"--dask {scheduler}: local:N needs a number of workers, 1 or more")
        with (
            LocalCluster(
                n_workers=int(workers),
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                memory_limit=WORKER_MEMORY,
            ) as cluster,
            Client(cluster) as client,
        ):
            yield client
        return
    try:
        client = Client(scheduler, timeout="10s")
    except (OSError, TimeoutError, ValueError) as exc:
        raise DatelineError(f"--dask {scheduler}: cannot reach the scheduler ({exc})") from None
    with client:
        yield client


def timeline_on_dask(
    paths: Iterable[str | Path],
    settings: Settings,
    scheduler: str,
    request: TimelineQuery | None = None,
    on_stage: Callable[[str], None] | None = None,
) -> Timeline:
    """`pipeline.timeline_from_paths` with reading and the per-document stages on Dask."""
    stage = on_stage or (lambda name: None)
    items = inputs(paths)
    with connect(scheduler) as client:
        parts, failures = _read(client, items, settings, stage)
        done = _processed(client, parts, settings, stage, failures)
        stage("finding near-duplicates")
        marks, columns, offsets = _marks(client, done, settings)
        stage("bringing the processed pile back")
        spool = _spool(client, done)
        stage("choosing dates and entries")
        workers = OnWorkers(client, done, offsets, settings.tuning)
        corpus = spool.corpus(columns, workers).with_marks(marks)
        timeline = build_timeline(corpus, settings, request or TimelineQuery(), failures)
    documents = timeline.documents
    if isinstance(documents, Corpus):
        timeline = dataclasses.replace(timeline, documents=documents.here())
    return timeline


class OnWorkers:
    """A corpus's per-article passes (`model.each`) run on the workers that hold its
    processed articles (each partition's pickles, kept there since the stages ran): each
    partition's task loads the articles the view asks for, marked as the corpus marks them,
    and sends back only what the pass keeps of each; the answers are put in view order here.
    Articles the corpus replaced (dated from the corpus) are few and run here."""

    def __init__(
        self,
        client: Any,
        parts: list[Any],
        offsets: Sequence[int],
        overrides: tuple[tuple[str, float], ...],
    ) -> None:
        from distributed import futures_of

        self.client, self.overrides = client, overrides
        self.parts = [futures_of(part)[0] for part in parts]  # persisted: one future each
        self.offsets = np.asarray(offsets, dtype=np.int64)

    def __call__(
        self, corpus: Corpus, find: Callable[..., Any], extra: Sequence[Any] | None
    ) -> list[Any]:
        found: list[Any] = [None] * len(corpus)
        asked: dict[int, list[int]] = {}  # partition -> indices in the view
        numbers = np.searchsorted(self.offsets, corpus.positions, side="right") - 1
        for index, (position, number) in enumerate(
            zip(corpus.positions.tolist(), numbers.tolist(), strict=True)
        ):
            article = corpus.replaced.get(position)
            if article is not None:
                found[index] = find(article) if extra is None else find(article, extra[index])
            else:
                asked.setdefault(number, []).append(index)
        [shipped] = self.client.scatter([find], broadcast=True, hash=False)
        tasks = []
        for number, indices in asked.items():
            start = int(self.offsets[number])
            picks = [
                (int(corpus.positions[i]) - start, corpus.marks.get(int(corpus.positions[i])))
                for i in indices
            ]
            more = None if extra is None else [extra[i] for i in indices]
            tasks.append(
                self.client.submit(
                    _each_in_part,
                    self.parts[number],
                    picks,
                    shipped,
                    more,
                    self.overrides,
                    pure=False,
                )
            )
        for indices, answers in zip(asked.values(), self.client.gather(tasks), strict=True):
            for index, answer in zip(indices, answers, strict=True):
                found[index] = answer
        return found


def _each_in_part(
    summaries: list[Summary],
    picks: list[tuple[int, Mark | None]],
    find: Callable[..., Any],
    extra: list[Any] | None,
    overrides: tuple[tuple[str, float], ...],
) -> list[Any]:
    """`OnWorkers`' task: `find` of the picked articles of one partition."""
    tuning.apply(overrides)
    found = []
    for number, (index, mark) in enumerate(picks):
        article = marked(pickle.loads(summaries[index].pickled), mark)
        found.append(find(article) if extra is None else find(article, extra[number]))
    return found


def ingest_on_dask(
    store: ArticleStore,
    paths: Iterable[str | Path],
    settings: Settings,
    scheduler: str,
    *,
    strict: bool = False,
    on_stage: Callable[[str], None] | None = None,
) -> IngestResult:
    """`pipeline.ingest` with reading and the per-document stages on Dask: the processed
    articles come back through the disk spool into one store transaction (the store finds
    their near-duplicates among the stored ones itself)."""
    stage = on_stage or (lambda name: None)
    items = inputs(paths)
    with connect(scheduler) as client:
        parts, failures = _read(client, items, settings, stage)
        if strict and failures:
            refuse(failures)
        spool = _spool(client, _processed(client, parts, settings, stage, failures))
    stage("writing to the store")
    languages: Counter[str] = Counter()
    undated, events = 0, EventCounts(0, 0, 0)

    def counted() -> Iterator[Article]:
        nonlocal undated, events
        for article in spool.corpus():
            languages[article.language] += 1
            undated += article.published is None or article.published.date is None
            events = events + undated_events([article])
            yield article

    try:
        added = store.add(counted(), failures)
    finally:
        spool.close()
    return IngestResult(
        added, tuple(failures), untagged(list(languages.elements())), undated, events
    )


def _read(
    client: Any, items: list[str | Failure], settings: Settings, stage: Callable[[str], None]
) -> tuple[list[Any], list[Failure]]:
    """The inputs as partitions, each read on a worker for its failures and its articles'
    line sets (what the repeated-lines pass needs), kept there; the failures, here. The
    articles themselves are let go: processing reads its partition again (reading is 1-2 %
    of a partition's time), so the raw pile is never held on the workers."""
    from dask import delayed

    stage("reading")
    runs = _partitions(items, _worker_count(client))
    scans = client.persist([delayed(_scan)(run, settings.read, n) for n, run in enumerate(runs)])
    failures = [
        f
        for part in client.gather(client.compute([delayed(_first)(scan) for scan in scans]))
        for f in part
    ]
    return list(zip(runs, scans, strict=True)), failures


def _processed(
    client: Any,
    parts: list[Any],
    settings: Settings,
    stage: Callable[[str], None],
    failures: list[Failure],
) -> list[Any]:
    """Each partition through the per-document stages, kept on the workers; the articles
    over their time budget into `failures`, here. `parts` is emptied once the repeated lines
    are found, so the workers let their line sets go."""
    from dask import delayed

    stage("finding each outlet's repeated lines")
    runs, scans = [run for run, _ in parts], [scan for _, scan in parts]
    parts.clear()
    boilerplate = client.scatter(_repeated_lines(scans, settings), broadcast=True)
    del scans
    stage("processing")
    done = list(client.persist([_process_part(run, boilerplate, settings) for run in runs]))
    _wait(done)  # so each stage's time is its own
    failures.extend(
        f for part in client.gather(client.compute([_failures_of(p) for p in done])) for f in part
    )
    return list(client.persist([delayed(_summaries)(part) for part in done]))


def inputs(paths: Iterable[str | Path]) -> list[str | Failure]:
    """The files `paths` stand for, folders walked as the one-machine reader walks them; an
    unreadable folder's Failure keeps its place."""
    found: list[str | Failure] = []
    for item in paths:
        if str(item) == "-":
            raise InputError("-", "standard input cannot be spread over a cluster; give files")
        path = Path(item)
        if path.is_dir():
            found.extend(f if isinstance(f, Failure) else str(f) for f in walk(path))
        else:
            found.append(str(path))
    return found


def _wait(futures: list[Any]) -> None:
    from distributed import wait as until_done

    until_done(futures)


def _worker_count(client: Any) -> int:
    return max(1, len(client.scheduler_info().get("workers", {})))


def _partitions(items: list[str | Failure], workers: int) -> list[list[str | Failure]]:
    """Runs of consecutive inputs of about equal bytes (`balanced_runs`), a task's each:
    `PARTITIONS_PER_WORKER` per worker, more when that would pass `PARTITION_BYTES`, so a
    task holds a bounded share of the pile however large it is."""
    sizes = [_size(item) for item in items]
    count = max(workers * PARTITIONS_PER_WORKER, -(-sum(sizes) // PARTITION_BYTES))
    return [items[start:end] for start, end in balanced_runs(sizes, count)]


def balanced_runs(sizes: Sequence[int], count: int) -> list[tuple[int, int]]:
    """At most `count` runs (start, end) of consecutive items, cut where the running total
    of `sizes` crosses each equal share: a partition's time grows with its bytes, and the
    run ends when its largest partition does (equal numbers of files left one worker with
    7 of 50 files while the other had 1)."""
    total = sum(sizes) or 1
    runs: list[tuple[int, int]] = []
    start = done = 0
    for index, size in enumerate(sizes):
        done += size
        if index + 1 < len(sizes) and done * count < total * (len(runs) + 1):
            continue
        runs.append((start, index + 1))
        start = index + 1
    return runs


def _size(item: str | Failure) -> int:
    """An input's bytes on disk (at least 1, so empty files and failures still count)."""
    if isinstance(item, Failure):
        return 1
    try:
        return max(1, Path(item).stat().st_size)
    except OSError:
        return 1


def _read_part(items: list[str | Failure], settings: ReadSettings) -> list[Article | Failure]:
    read: list[Article | Failure] = []
    for item in items:
        if isinstance(item, Failure):
            read.append(item)
        else:
            read.extend(read_paths([item], settings))
    return read


def _scan(
    items: list[str | Failure], settings: ReadSettings, number: int
) -> tuple[list[Failure], list[tuple[str, Place, LineSets]]]:
    """A partition read for its failures and each article's outlet key and line sets."""
    read = _read_part(items, settings)
    records = [
        (boilerplate_key(a), (number, i), line_sets(a.raw_text))
        for i, a in enumerate(_articles(read))
    ]
    return [r for r in read if isinstance(r, Failure)], records


def _first(pair: tuple[Any, Any]) -> Any:
    return pair[0]


def _second(pair: tuple[Any, Any]) -> Any:
    return pair[1]


def _failures_of(part: Any) -> Any:
    from dask import delayed

    return delayed(lambda read: [r for r in read if isinstance(r, Failure)])(part)


def _repeated_lines(scans: list[Any], settings: Settings) -> dict[str, frozenset[str]]:
    """The cleaner's pre-pass as a group-by: each outlet's documents' line sets gathered by
    outlet, in pile order, and its repeated lines found where the group lands."""
    import dask.bag as db
    from dask import delayed

    lines = db.from_delayed([delayed(_second)(scan) for scan in scans])
    clean = settings.clean

    def repeated(group: tuple[str, list[tuple[str, Place, LineSets]]]) -> tuple[str, Any]:
        key, records = group
        return key, group_repeated([sets for _, _, sets in sorted(records, key=_place)], clean)

    return dict(lines.groupby(lambda record: record[0]).map(repeated).compute())


def _place(record: tuple[Any, Place, Any]) -> Place:
    return record[1]


def _articles(read: list[Article | Failure]) -> list[Article]:
    return [a for a in read if isinstance(a, Article)]


def _process_part(run: list[str | Failure], boilerplate: Any, settings: Settings) -> Any:
    """The per-document stages over one partition, read again, unchanged: each article's
    `Summary`, or its Failure when over its time budget (checked between stages: Dask runs
    tasks in threads, where no signal reaches and no stage can be stopped from outside)."""
    from dask import delayed

    def process(
        items: list[str | Failure],
        repeated: dict[str, frozenset[str]],
    ) -> list[Summary | Failure]:
        read = _read_part(items, settings.read)
        num_perm, seconds = settings.dedup.num_perm, settings.read.article_seconds
        pipelines = {key: document_pipeline(settings, lines) for key, lines in repeated.items()}
        empty = document_pipeline(settings)
        done = (
            pipelines.get(boilerplate_key(a), empty).within(a, seconds) for a in _articles(read)
        )
        return [d if isinstance(d, Failure) else summarise(d, num_perm) for d in done]

    return delayed(process)(run, boilerplate)


def _marks(
    client: Any,
    done: list[Any],
    settings: Settings,
) -> tuple[dict[int, tuple[str | None, tuple[str, ...] | None]], Columns, list[int]]:
    """Near-duplicates by a group-by of band keys: only the articles that share a band send
    their signatures here; with them, the small fields of every article, and where each
    partition starts in the pile."""
    from dask import delayed

    threshold = settings.dedup.near_duplicate_threshold
    columns = client.gather(client.compute([delayed(_columns)(part) for part in done]))
    offsets = list(itertools.accumulate((len(c) for c in columns), initial=0))
    ids = [row[0] for c in columns for row in c]
    days = [row[1] for c in columns for row in c]
    outlets = [row[2] for c in columns for row in c]
    small = pile_columns()
    for c in columns:
        for article_id, _, _, published, language, answers in c:
            small.add(article_id, published, language, answers)
    shared = _shared_keys(client, done, threshold, offsets)
    wanted: dict[int, list[int]] = {}
    for position in shared:
        number = bisect.bisect_right(offsets, position) - 1
        wanted.setdefault(number, []).append(position - offsets[number])
    signatures: list[Signature | None] = [None] * len(ids)
    for number, found in zip(
        wanted,
        client.gather(
            client.compute([delayed(_signatures_at)(done[n], wanted[n]) for n in wanted])
        ),
        strict=True,
    ):
        for index, sig in zip(wanted[number], found, strict=True):
            signatures[offsets[number] + index] = sig
    found = canonicals(ids, days, signatures, settings.dedup, shared)
    return duplicate_marks(ids, days, outlets, found), small, offsets


def _spool(client: Any, done: list[Any]) -> Spool:
    """The processed pile spooled here, a partition at a time, in pile order: the next
    `AHEAD` partitions are on their way while one is written, so the transfer does not
    wait on the disk, nor more than those partitions wait in memory here."""
    from dask import delayed

    spool = Spool()
    coming = [client.compute(delayed(_pickles)(part)) for part in done[:AHEAD]]
    for number in range(len(done)):
        if number + AHEAD < len(done):
            coming.append(client.compute(delayed(_pickles)(done[number + AHEAD])))
        for pickled in coming.pop(0).result():
            spool.append_pickled(pickled)
    return spool


def _summaries(done: list[Summary | Failure]) -> list[Summary]:
    return [s for s in done if isinstance(s, Summary)]


def _columns(
    summaries: list[Summary],
) -> list[tuple[str, date, tuple[str, ...], PublicationDate | None, str, tuple[Any, ...]]]:
    return [(s.id, s.day, s.outlets, s.published, s.language, s.answers) for s in summaries]


def _pickles(summaries: list[Summary]) -> list[bytes]:
    return [s.pickled for s in summaries]


def _signatures_at(summaries: list[Summary], indices: list[int]) -> list[Signature | None]:
    return [summaries[i].signature for i in indices]


def _shared_keys(
    client: Any, done: list[Any], threshold: float, offsets: Sequence[int]
) -> dict[int, list[int]]:
    """Each position's band keys that another article holds too, in band order: the
    (key, band, position) rows of every partition shuffled by key into one bucket per worker,
    and each bucket's repeated (band, key) pairs found where it lands. Rows travel as numpy
    arrays: as a bag of Python tuples the group-by took 20 s of a 50,000-article run, and
    longer with two workers than with one."""
    from dask import delayed

    buckets = _worker_count(client)
    rows = [
        delayed(_band_rows, nout=buckets)(part, offsets[n], threshold, buckets)
        for n, part in enumerate(done)
    ]
    repeated = client.gather(
        client.compute(
            [delayed(_repeated_rows)([part[b] for part in rows]) for b in range(buckets)]
        )
    )
    return _shared_by_position(repeated)


def _shared_by_position(repeated: list[np.ndarray]) -> dict[int, list[int]]:
    """The buckets' repeated (key, band, position) rows as each position's keys, in band
    order."""
    found: dict[int, list[tuple[int, int]]] = {}
    for key, band, position in np.concatenate(repeated).tolist():
        found.setdefault(position, []).append((band, key))
    return {position: [key for _, key in sorted(keys)] for position, keys in found.items()}


def _band_rows(
    summaries: list[Summary], offset: int, threshold: float, buckets: int
) -> tuple[np.ndarray, ...]:
    """A partition's (key, band, position) rows, one array per bucket (by key)."""
    rows = np.array(
        [
            (key, band, offset + i)
            for i, s in enumerate(summaries)
            if s.signature is not None
            for band, key in enumerate(band_keys(s.signature, threshold))
        ],
        dtype=np.int64,
    ).reshape(-1, 3)
    bucket = rows[:, 0] % buckets
    order = np.argsort(bucket, kind="stable")
    ends = np.searchsorted(bucket[order], np.arange(1, buckets))
    return tuple(np.split(rows[order], ends))


def _repeated_rows(parts: list[np.ndarray]) -> np.ndarray:
    """The rows of one bucket whose (band, key) another row holds too."""
    rows = np.concatenate(parts)
    rows = rows[np.lexsort((rows[:, 1], rows[:, 0]))]
    same = (rows[1:, 0] == rows[:-1, 0]) & (rows[1:, 1] == rows[:-1, 1])
    repeated = np.zeros(len(rows), dtype=bool)
    repeated[1:] |= same
    repeated[:-1] |= same
    return rows[repeated]
