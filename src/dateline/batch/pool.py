"""The process pool the per-document stages run in, with a clock on every article.

Each worker checks the article's time budget between stages (`Pipeline.within`), which
needs no signal and works the same in a loop, this pool and a Dask worker. A stage can
also stall inside one call, where no check runs: so each worker writes, in memory shared
with the parent, which article it is on and since when, and the parent, while it waits for
results, kills a worker that has been on one article past its budget and a grace second.
The pool breaks when a worker dies; the parent then starts a new one and hands it every
chunk that had not come back, less the article that stalled, which becomes a `Failure`.
A chunk's results come back whole or not at all, so nothing of a killed worker's work is
kept. Workers also die with the run that started them (`die_with_parent`).
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from dateline.model import Article, Failure

_R = TypeVar("_R")
_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
# The parent lets a worker run this long past an article's budget before killing it: the
# worker's own check between stages ends most overruns without losing its chunk's work.
GRACE = 1.0
# How often the waiting parent reads the workers' clocks.
POLL = 0.25


def over_budget(source: str, seconds: float, where: str) -> Failure:
    """The one line an article over its time budget is reported with."""
    return Failure(
        source,
        f"not processed: its stages took more than {seconds:g} s ({where}); "
        "raise [read] article_seconds to allow more",
    )


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


class Clocks:
    """Per worker, in shared memory: its pid, the article it is on (a position in the run)
    and since when (`time.monotonic`, one clock for every process; 0 when idle)."""

    def __init__(self, workers: int) -> None:
        self.pids = multiprocessing.RawArray(ctypes.c_long, workers)
        self.positions = multiprocessing.RawArray(ctypes.c_long, workers)
        self.started = multiprocessing.RawArray(ctypes.c_double, workers)
        self.taken = multiprocessing.Value(ctypes.c_int, 0)

    def overdue(self, seconds: float) -> list[tuple[int, int]]:
        """(pid, position) of each worker on one article for longer than `seconds`."""
        now, found = time.monotonic(), []
        for slot in range(len(self.pids)):
            position, started = self.positions[slot], self.started[slot]
            if started and now - started > seconds and position == self.positions[slot]:
                found.append((self.pids[slot], position))
        return found


# The worker's slot in the pool's `Clocks`: set once by `_start_worker`, in the worker only.
_slot: list[tuple[Clocks, int]] = []


def _start_worker(parent: int, clocks: Clocks) -> None:
    """A pool worker's start: it dies with the parent, speaks only through its results
    (a worker that outlives a stopped parent for a moment would print its own traceback on
    the user's terminal) and takes its slot in the clocks."""
    die_with_parent(parent)
    if not os.environ.get("DATELINE_DEBUG"):
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - for its life
    with clocks.taken.get_lock():
        slot = clocks.taken.value
        clocks.taken.value += 1
    clocks.pids[slot] = os.getpid()
    _slot.append((clocks, slot))


def on_article(position: int | None) -> None:
    """Tell the parent which article this worker is on now (None: none); nothing outside
    a pool's worker."""
    if not _slot:
        return
    clocks, slot = _slot[0]
    if position is None:
        clocks.started[slot] = 0.0
    else:
        clocks.started[slot] = 0.0
        clocks.positions[slot] = position
        clocks.started[slot] = time.monotonic()


@dataclass
class Task(Generic[_R]):
    """A chunk of articles for one call of `run` in a worker, by their positions in the run;
    `failed` holds those taken out of it, by index in the chunk."""

    run: Callable[[list[int], list[Article]], list[_R | Failure]]
    positions: list[int]
    articles: list[Article]
    future: Future[list[_R | Failure]] = field(default_factory=Future)
    failed: dict[int, Failure] = field(default_factory=dict)

    def left(self) -> tuple[list[int], list[Article]]:
        """The positions and articles still to run."""
        kept = [i for i in range(len(self.positions)) if i not in self.failed]
        return [self.positions[i] for i in kept], [self.articles[i] for i in kept]

    def merged(self, results: Sequence[_R | Failure]) -> list[_R | Failure]:
        """The chunk's results in its order, the failures taken out put back in place."""
        if not self.failed:
            return list(results)
        found = iter(results)
        return [self.failed.get(i) or next(found) for i in range(len(self.positions))]


def finished(results: list[_R]) -> Task[_R]:
    """A task already done here (articles through the stages before)."""
    task: Task[_R] = Task(_done, [], [])
    task.future.set_result(list(results))
    return task


def _done(positions: list[int], articles: list[Article]) -> list[Any]:
    return []


def _succeeded(future: Future[Any]) -> bool:
    return future.done() and not future.cancelled() and future.exception() is None


class BudgetPool:
    """Worker processes that run `Task`s, killing and replacing one stuck on an article
    for longer than `seconds` (0: no limit); with one worker or fewer, this process alone."""

    def __init__(self, workers: int, seconds: float) -> None:
        self.workers, self.seconds = workers, seconds
        self._open: list[Task[Any]] = []
        self._killed: dict[int, str] = {}  # position of a killed worker's article -> its stage
        self._pool: ProcessPoolExecutor | None = None
        self._clocks: Clocks | None = None
        if workers > 1:
            self._start()

    def _start(self) -> None:
        self._clocks = Clocks(self.workers)
        self._pool = ProcessPoolExecutor(
            max_workers=self.workers,
            initializer=_start_worker,
            initargs=(os.getpid(), self._clocks),
        )

    def submit(
        self,
        run: Callable[[list[int], list[Article]], list[_R | Failure]],
        positions: list[int],
        articles: list[Article],
    ) -> Task[_R]:
        task: Task[_R] = Task(run, positions, articles)
        if self._pool is None:
            task.future.set_result(run(positions, articles))
            return task
        try:
            task.future = self._pool.submit(run, positions, articles)
        except BrokenProcessPool:
            if not self._killed:
                raise
            self._restart()
            task.future = self._pool.submit(run, positions, articles)
        self._open.append(task)
        return task

    def result(self, task: Task[_R]) -> list[_R | Failure]:
        """The task's results in its order, once done; while waiting, the workers' clocks
        are read and a stuck worker killed, its pool replaced."""
        while True:
            try:
                found = task.future.result(timeout=POLL if self.seconds else None)
            except TimeoutError:
                self._kill_overdue()
                continue
            except BrokenProcessPool:
                if not self._killed:
                    raise  # not ours: out of memory, most likely
                self._restart()
                continue
            if task in self._open:
                self._open.remove(task)
            return task.merged(found)

    def _kill_overdue(self) -> None:
        assert self._clocks is not None
        for pid, position in self._clocks.overdue(self.seconds + GRACE):
            if position in self._killed:
                continue
            self._killed[position] = "stopped in the middle of a stage"
            with contextlib.suppress(ProcessLookupError):  # it has just ended
                os.kill(pid, signal.SIGKILL)

    def _restart(self) -> None:
        """A new pool for every open task, the killed workers' articles taken out as
        failures."""
        self.stop_now()
        for task in self._open:
            for index, position in enumerate(task.positions):
                if position in self._killed:
                    source = task.articles[index].source
                    task.failed[index] = over_budget(source, self.seconds, self._killed[position])
        self._killed.clear()
        self._start()
        assert self._pool is not None
        for task in self._open:
            if _succeeded(task.future):
                continue
            positions, articles = task.left()
            if positions:
                task.future = self._pool.submit(task.run, positions, articles)
            else:
                task.future = Future()
                task.future.set_result([])

    def stop_now(self) -> None:
        """End the workers at once instead of letting each finish its chunk."""
        if self._pool is None:
            return
        # concurrent.futures has no public way to stop a running worker before Python 3.14.
        workers = list((getattr(self._pool, "_processes", None) or {}).values())
        self._pool.shutdown(wait=False, cancel_futures=True)
        for process in workers:
            process.kill()
        for process in workers:
            process.join(timeout=5)

    def shutdown(self) -> None:
        if self._pool is not None:
            self._pool.shutdown()
