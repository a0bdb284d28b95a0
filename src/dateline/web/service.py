"""The web app's one door to the store: reads from a pool of connections, one writer.

As Datasette does, reads run on a few threads, each with its own SQLite connection (WAL lets
them read while a batch is written), and every write goes through the one writer of
`jobs.IngestJobs`. A slow request (a cold timeline) no longer holds up the quick ones, and an
upload being ingested holds up none. Timelines and stories are cached per store version;
concurrent requests for the same cold entry build it once.
"""

from __future__ import annotations

import asyncio
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar, cast

from dateline.cluster.stories import group_stories
from dateline.model import Article, Failure, Timeline
from dateline.pipeline import TimelineQuery, build_timeline
from dateline.settings import Settings
from dateline.store import Store
from dateline.web.jobs import MAX_UPLOAD_ARTICLES, IngestJobs, Job
from dateline.web.uploads import save_upload
from dateline.web.view import StoryRef

T = TypeVar("T")
# Distinct searches kept built; a user types a handful, and each holds a whole timeline.
CACHED_TIMELINES = 16
# Reader threads, each with a connection: CPU-bound work shares one interpreter lock, so more
# threads only add memory; four let quick reads pass a slow one.
READERS = 4


class StoreService:
    """Store reads on a pool of threads, writes through one writer, caches per store version."""

    def __init__(self, db_path: Path, settings: Settings,
                 max_articles: int = MAX_UPLOAD_ARTICLES) -> None:
        self.db_path = db_path
        self.settings = settings
        self._readers = ThreadPoolExecutor(max_workers=READERS,
                                           thread_name_prefix="dateline-read")
        self._local = threading.local()
        self._stores: list[Store] = []
        self._lock = threading.Lock()
        self._cache: OrderedDict[Hashable, Any] = OrderedDict()
        self._flights: dict[Hashable, threading.Lock] = {}
        self._save_lock = threading.Lock()
        self.jobs = IngestJobs(db_path, settings, max_articles, on_change=self._forget)

    async def call(self, work: Callable[[], T]) -> T:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._readers, work)

    def close(self) -> None:
        self.jobs.close()
        self._readers.shutdown(wait=True, cancel_futures=True)
        with self._lock:
            stores, self._stores = self._stores, []
        for store in stores:
            store.close()

    # Everything below runs on a reader thread.

    def store(self) -> Store:
        """This thread's own connection to the store."""
        found: Store | None = getattr(self._local, "store", None)
        if found is None:
            found = Store(self.db_path, self.settings.dedup, any_thread=True)
            self._local.store = found
            with self._lock:
                self._stores.append(found)
        return found

    def _version(self) -> int:
        # `dateline add` may write to the same file while the app runs: the count changes.
        return self.store().count()

    def _cached(self, key: Hashable, build: Callable[[], T]) -> T:
        """The cached value for `key`, built once however many threads ask at the same time."""
        with self._lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return cast(T, self._cache[key])
            flight = self._flights.setdefault(key, threading.Lock())
        with flight:
            with self._lock:
                if key in self._cache:
                    return cast(T, self._cache[key])
            value = build()
            with self._lock:
                self._cache[key] = value
                self._flights.pop(key, None)
                while len(self._cache) > CACHED_TIMELINES + 2:
                    self._cache.popitem(last=False)
        return value

    def _forget(self) -> None:
        with self._lock:
            self._cache.clear()

    def articles(self) -> list[Article]:
        return self._cached(("articles", self._version()), self.store().articles)

    def stories(self) -> list[StoryRef]:
        def build() -> list[StoryRef]:
            articles = self.articles()
            found = group_stories(articles) if articles else []
            return [StoryRef(f"s{s.id}", s.label, tuple(s.article_ids)) for s in found]
        return self._cached(("stories", self._version()), build)

    def timeline(self, request: TimelineQuery) -> Timeline:
        def build() -> Timeline:
            articles = self.articles()
            if request.query:
                articles = self.store().articles(self.store().search(request.query))
            return build_timeline(articles, self.settings, request)
        return self._cached(("timeline", self._version(), repr(request)), build)

    def document(self, article_id: str) -> Article | None:
        return self.store().article(article_id)

    def failures(self) -> list[Failure]:
        return self.store().failures()

    def search(self, query: str) -> list[str]:
        return self.store().search(query)

    def upload(self, folder: Path, name: str, data: bytes) -> Job:
        """Keep the file and queue it for the writer; its progress is `jobs.get(job.id)`."""
        with self._save_lock:  # two uploads of one name must not pick the same free name
            path = save_upload(folder, name, data)
        return self.jobs.submit(path, name)


def failures_json(failures: tuple[Failure, ...] | list[Failure]) -> list[dict[str, Any]]:
    return [{"source": f.source, "reason": f.reason} for f in failures]
