"""Uploads ingest in the background, one at a time, each in a child process; the user's
decisions are written on the same writer thread, between uploads.

The app's writes all go through the one writer thread here, which runs each upload's
`ingest` in a child process: reading and processing a big crawl then costs the server's
request threads nothing (no shared interpreter lock), a stop ends it at once (the child is
killed and SQLite rolls its open transaction back), and the child dies with the server even
after `kill -9` (the parent-death signal). Progress comes back over a pipe, so the page can
show it; an upload past `max_articles` stops before anything of it is stored.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field, replace
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from dateline.batch.pool import die_with_parent
from dateline.errors import DatelineError
from dateline.model import Article, Failure
from dateline.pipeline import ingest
from dateline.settings import Settings

# An upload is one person's file, not a collection: 10k articles take 42 s end to end
# (docs/benchmarks), so this keeps one upload under half a minute. `dateline add` has no cap.
MAX_UPLOAD_ARTICLES = 5_000
# Progress messages per upload are throttled to one per this many read items.
_PROGRESS_EVERY = 25
_STOP_WAIT = 5.0
# Scheduling priority of an upload's ingest (0 normal, 19 lowest): low enough that request
# threads win the CPU from it and its pool on a two-core machine (bench/load.py).
_BACKGROUND_NICENESS = 10


@dataclass(frozen=True)
class Job:
    """An upload's state as the API shows it."""

    id: str
    file: str
    path: str
    status: str = "queued"  # queued, reading, processing, done, failed, stopped
    read: int = 0
    processed: int = 0
    total: int = 0
    added: int = 0
    duplicate: int = 0
    failures: tuple[dict[str, str], ...] = ()
    error: str = ""
    undated: int = 0  # articles added without a publication day
    undated_events: int = 0  # sentences naming a time nothing dates

    @property
    def finished(self) -> bool:
        return self.status in ("done", "failed", "stopped")


@dataclass
class _Queued:
    job_id: str
    path: Path
    name: str


@dataclass
class _Write:
    """A small write (a user's decision) for the writer thread, with its answer's future."""

    work: Callable[[Any], Any]  # called with the writer's `Store`
    answer: Future[Any]


@dataclass
class IngestJobs:
    """The writer thread and the uploads it has queued, run and finished."""

    db_path: Path
    settings: Settings
    max_articles: int = MAX_UPLOAD_ARTICLES
    on_change: Callable[[], None] | None = None  # on the writer thread, after each upload
    _jobs: dict[str, Job] = field(default_factory=dict)
    _queue: queue.Queue[_Queued | _Write | None] = field(default_factory=queue.Queue)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    _stopping: threading.Event = field(default_factory=threading.Event)
    _child: Any = None
    _thread: threading.Thread | None = None

    def submit(self, path: Path, name: str) -> Job:
        job = Job(id=f"u{next(self._ids)}", file=name, path=str(path))
        with self._lock:
            self._jobs[job.id] = job
            self._start_writer()
        self._queue.put(_Queued(job.id, path, name))
        return job

    def write(self, work: Callable[[Any], Any]) -> Future[Any]:
        """Run `work(store)` on the writer thread, after the uploads queued before it."""
        answer: Future[Any] = Future()
        with self._lock:
            self._start_writer()
        self._queue.put(_Write(work, answer))
        return answer

    def _start_writer(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="dateline-writer", daemon=True)
            self._thread.start()

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def close(self) -> None:
        """Stop: the running upload is killed (its batch rolls back), queued ones are dropped."""
        self._stopping.set()
        self._queue.put(None)
        child = self._child
        if child is not None and child.is_alive():
            child.kill()
        if self._thread is not None:
            self._thread.join(timeout=_STOP_WAIT)

    def _update(self, job_id: str, **changes: Any) -> None:
        with self._lock:
            self._jobs[job_id] = replace(self._jobs[job_id], **changes)

    def _run(self) -> None:
        while not self._stopping.is_set():
            item = self._queue.get()
            if item is None or self._stopping.is_set():
                break
            if isinstance(item, _Write):
                self._write(item)
            else:
                self._ingest(item)
        while not self._queue.empty():
            left = self._queue.get_nowait()
            if isinstance(left, _Write):
                left.answer.set_exception(DatelineError("the server stopped first"))
        with self._lock:
            for job_id, job in self._jobs.items():
                if not job.finished:
                    self._jobs[job_id] = replace(
                        job, status="stopped", error="the server stopped first"
                    )

    def _write(self, item: _Write) -> None:
        from dateline.store import open_store

        try:
            with open_store(self.db_path, self.settings.dedup) as store:
                item.answer.set_result(item.work(store))
        except Exception as exc:
            item.answer.set_exception(exc)
        finally:
            if self.on_change is not None:
                self.on_change()

    def _ingest(self, item: _Queued) -> None:
        # Spawned, not forked: the server has threads. Not a daemon, so it may have a pool.
        context = multiprocessing.get_context("spawn")
        receive, send = context.Pipe(duplex=False)
        child = context.Process(
            target=ingest_in_child,
            name="dateline-upload",
            args=(
                self.db_path,
                item.path,
                item.name,
                self.settings,
                self.max_articles,
                send,
                os.getpid(),
            ),
        )
        self._child = child
        child.start()
        send.close()
        if self._stopping.is_set():  # close() came between the queue and the start
            child.kill()
        self._follow(item.job_id, receive, child)
        child.join(timeout=_STOP_WAIT)
        self._child = None
        if self.on_change is not None:
            self.on_change()

    def _follow(self, job_id: str, receive: Connection, child: Any) -> None:
        """Relay the child's messages to the job until it reports an end or dies."""
        while True:
            try:
                message = receive.recv()
            except (EOFError, OSError):
                child.join(timeout=_STOP_WAIT)  # so its exit code is known
                stopped = self._stopping.is_set()
                self._update(
                    job_id,
                    status="stopped" if stopped else "failed",
                    error="the server stopped first"
                    if stopped
                    else f"the upload's process ended unexpectedly ({child.exitcode})",
                )
                return
            kind, values = message
            self._update(job_id, **values)
            if kind == "end":
                return


class _TooMany(Exception):
    """The upload holds more articles than one upload may add."""


def ingest_in_child(
    db_path: Path,
    path: Path,
    name: str,
    settings: Settings,
    max_articles: int,
    send: Connection,
    server: int,
) -> None:
    """The child process: ingest one upload, sending progress and the result to the server."""
    die_with_parent(server)
    # Background work: the server's request threads come first for the CPU (its pool too).
    os.nice(_BACKGROUND_NICENESS)
    from dateline.store import open_store

    read = 0

    def on_item(item: Article | Failure) -> None:
        nonlocal read
        read += isinstance(item, Article)
        if read > max_articles:
            raise _TooMany
        if read % _PROGRESS_EVERY == 0:
            send.send(("progress", {"status": "reading", "read": read}))

    def on_done(done: int, total: int) -> None:
        if done % _PROGRESS_EVERY == 0 or done == total:
            send.send(("progress", {"status": "processing", "processed": done, "total": total}))

    try:
        with open_store(db_path, settings.dedup) as store:
            result = ingest(store, [path], settings, on_item=on_item, on_done=on_done)
        send.send(
            (
                "end",
                {
                    "status": "done",
                    "read": read,
                    "added": result.added.added,
                    "duplicate": result.added.duplicate,
                    "undated": result.undated,
                    "undated_events": result.events.undated,
                    "failures": tuple(
                        {"source": f.source, "reason": f.reason} for f in result.failures
                    ),
                },
            )
        )
    except _TooMany:
        send.send(
            (
                "end",
                {
                    "status": "failed",
                    "error": (
                        f"{name}: over {max_articles:,} articles in one upload; nothing was stored "
                        "(add big collections with `dateline add`)"
                    ),
                },
            )
        )
    except DatelineError as exc:
        send.send(("end", {"status": "failed", "error": str(exc)}))
    except MemoryError:
        send.send(
            (
                "end",
                {
                    "status": "failed",
                    "error": f"{name}: out of memory; nothing was stored (split the file)",
                },
            )
        )
    except Exception as exc:
        send.send(
            ("end", {"status": "failed", "error": f"{name}: internal error ({type(exc).__name__})"})
        )
    finally:
        send.close()
