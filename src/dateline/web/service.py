"""The web app's one door to the store: reads from a pool of connections, one writer.

As Datasette does, reads run on a few threads, each with its own SQLite connection (WAL lets
them read while a batch is written), and every write goes through the one writer of
`jobs.IngestJobs`. A slow request (a cold timeline) no longer holds up the quick ones, and an
upload being ingested holds up none. Timelines and stories are cached per store version;
concurrent requests for the same cold entry build it once (see `_cached`).
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar, cast

from dateline.cluster.stories import Story
from dateline.library import Store, TimelineQuery, checked_curation
from dateline.model import Article, Curation, Failure, Timeline
from dateline.settings import Settings
from dateline.store import ArticleStore
from dateline.web.jobs import MAX_UPLOAD_ARTICLES, IngestJobs, Job
from dateline.web.uploads import save_upload

T = TypeVar("T")
# Views kept built: a user's handful of searches, each a timeline and its JSON, and the lists.
CACHED_VIEWS = 40
# Reader threads, each with a connection: CPU-bound work shares one interpreter lock, so more
# threads only add memory; four let quick reads pass a slow one.
READERS = 4


@dataclass
class Building:
    """A view still being built: since when, and over how many stored articles."""

    started: float
    future: Future[bytes]
    version: Hashable  # the store's version when it started
    articles: int | None = None

    def progress(self) -> dict[str, Any]:
        return {
            "status": "building",
            "articles": self.articles,
            "seconds": round(time.monotonic() - self.started, 1),
        }


class StoreService:
    """Store reads on a pool of threads, writes through one writer, caches per store version."""

    def __init__(
        self, db_path: Path, settings: Settings, max_articles: int = MAX_UPLOAD_ARTICLES
    ) -> None:
        self.db_path = db_path
        self.settings = settings
        self.max_articles = max_articles
        self._local = threading.local()
        self._stores: list[Store] = []
        self._lock = threading.Lock()
        self._cache: OrderedDict[Hashable, tuple[Hashable, Any]] = OrderedDict()
        self._flights: dict[Hashable, threading.Lock] = {}
        self._save_lock = threading.Lock()
        self._building: dict[Hashable, Building] = {}
        self._start()

    def _start(self) -> None:
        # Threads start on first use, so a fresh pool and writer cost nothing until then.
        self._readers = ThreadPoolExecutor(max_workers=READERS, thread_name_prefix="dateline-read")
        self._local = threading.local()
        self.jobs = IngestJobs(
            self.db_path, self.settings, self.max_articles, on_change=self._forget
        )

    async def call(self, work: Callable[[], T]) -> T:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._readers, work)

    async def soon(
        self, key: Hashable, build: Callable[[], bytes], wait: float | None
    ) -> bytes | Building:
        """A view's body if it is ready within `wait` seconds (None: when it is), else how
        far its build has got.

        The build goes on after the wait (one per key, however many ask) and its answer waits
        for the next ask, so the page can say "building…" with progress and ask again instead
        of holding a request open.
        """
        version = self._version()
        with self._lock:
            building = self._building.get(key)
            if building is not None and building.future.done():
                del self._building[key]  # its answer goes to this ask; the next builds anew
                if building.version == version:
                    return building.future.result()
                building = None  # built before the store changed: build again
            if building is None:
                building = self._start_building(key, build, version)
        try:
            found = await asyncio.wait_for(
                asyncio.shield(asyncio.wrap_future(building.future)), wait
            )
        except TimeoutError:
            return building
        with self._lock:  # answered in time: nobody comes back for it
            if self._building.get(key) is building:
                del self._building[key]
        return found

    def _start_building(
        self, key: Hashable, build: Callable[[], bytes], version: Hashable
    ) -> Building:
        """Under `_lock`: the build of `key` on a reader thread, remembered until asked for."""
        while len(self._building) >= CACHED_VIEWS:  # answers no one came back for
            done = [k for k, b in self._building.items() if b.future.done()]
            if not done:
                break
            del self._building[done[0]]
        building = Building(time.monotonic(), Future(), version)

        def work() -> bytes:
            building.articles = self.store().db.count()
            return build()

        building.future = self._readers.submit(work)
        self._building[key] = building
        return building

    def close(self) -> None:
        """Stop the running upload and the readers; the service is then ready to start again
        (an app's lifespan may run more than once, as in-process test clients do)."""
        self.jobs.close()
        self._readers.shutdown(wait=True, cancel_futures=True)
        with self._lock:
            stores, self._stores = self._stores, []
        for store in stores:
            store.close()
        self._start()

    # Everything below runs on a reader thread.

    def store(self) -> Store:
        """This thread's own connection to the store."""
        found: Store | None = getattr(self._local, "store", None)
        if found is None:
            found = Store(self.db_path, settings=self.settings, any_thread=True)
            self._local.store = found
            with self._lock:
                self._stores.append(found)
        return found

    def _version(self) -> Hashable:
        # `dateline add` may write to the same file while the app runs: the counts change.
        return self.store().db.version()

    def _cached(self, key: Hashable, build: Callable[[], T]) -> T:
        """The value for `key` at the store's current version, built by one thread at a time.

        While one thread rebuilds a value after the store changed, the others are given the
        previous version's value rather than queueing behind the build: a write costs one
        request per cached view a wait, not every request that comes in meanwhile.
        """
        version = self._version()
        with self._lock:
            found = self._cache.get(key)
            if found is not None and found[0] == version:
                self._cache.move_to_end(key)
                return cast(T, found[1])
            flight = self._flights.get(key)
            if flight is not None and found is not None:
                return cast(T, found[1])
            flight = self._flights.setdefault(key, threading.Lock())
        with flight:
            with self._lock:
                found = self._cache.get(key)
                if found is not None and found[0] == version:
                    return cast(T, found[1])
            value = build()
            with self._lock:
                self._cache[key] = (version, value)
                self._flights.pop(key, None)
                while len(self._cache) > CACHED_VIEWS:
                    self._cache.popitem(last=False)
        return value

    def _forget(self) -> None:
        with self._lock:
            self._cache.clear()

    def articles(self) -> list[Article]:
        return self._cached("articles", self.store().documents)

    def curations(self) -> list[Curation]:
        return self._cached("curations", self.store().curations)

    def stories(self) -> list[Story]:
        """The stories as `dateline stories` numbers them, by the library's one call."""
        return self._cached("stories", self.store().stories)

    def timeline(self, request: TimelineQuery) -> Timeline:
        """The timeline `dateline timeline --db` gives for the same request: the same call."""
        return self._cached(("timeline", request), lambda: self.store().timeline_for(request))

    def documents(self, ids: list[str]) -> list[Article]:
        """The stored articles of `ids`, in that order, from the cached list."""
        by_id = self._cached("by_id", lambda: {a.id: a for a in self.articles()})
        return [by_id[i] for i in ids if i in by_id]

    def json_view(self, key: Hashable, build: Callable[[], Any]) -> bytes:
        """A view's JSON body, encoded once per store version (as Starlette's JSONResponse)."""

        def encoded() -> bytes:
            return json.dumps(
                build(), ensure_ascii=False, allow_nan=False, separators=(",", ":")
            ).encode("utf-8")

        return self._cached(("json", key), encoded)

    def document(self, article_id: str) -> Article | None:
        return self.store().document(article_id)

    def failures(self) -> list[Failure]:
        return self.store().failures()

    def search(self, query: str) -> list[str]:
        return self.store().db.search(query)

    async def curate(self, curation: Curation) -> Curation:
        """Store a decision through the one writer; InputError when it cannot apply."""

        def work(store: ArticleStore) -> Curation:
            return store.curate(checked_curation(store, curation, self.settings))

        found: Curation = await asyncio.wrap_future(self.jobs.write(work))
        return found

    async def uncurate(self, curation_id: int) -> bool:
        """Undo a decision through the one writer; False when there is none."""
        done: bool = await asyncio.wrap_future(
            self.jobs.write(lambda store: store.uncurate(curation_id))
        )
        return done

    def upload(self, folder: Path, name: str, data: bytes) -> Job:
        """Keep the file and queue it for the writer; its progress is `jobs.get(job.id)`."""
        with self._save_lock:  # two uploads of one name must not pick the same free name
            path = save_upload(folder, name, data)
        return self.jobs.submit(path, name)


def failures_json(failures: tuple[Failure, ...] | list[Failure]) -> list[dict[str, Any]]:
    return [{"source": f.source, "reason": f.reason} for f in failures]
