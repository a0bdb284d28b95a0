"""The web app's one door to the store: a single thread owns it, so there is one writer.

SQLite connections belong to the thread that opened them, and the store must see one
writer at a time; running every store call on one dedicated thread gives both, while the
event loop stays free. Timelines are cached per store version and query, because building
one reads every article.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from dateline.cluster.stories import group_stories
from dateline.model import Article, Failure, Timeline
from dateline.pipeline import TimelineQuery, build_timeline, ingest
from dateline.render.view import StoryRef
from dateline.settings import Settings
from dateline.store import Store

T = TypeVar("T")
# Distinct searches kept built; a user types a handful, and each holds a whole timeline.
CACHED_TIMELINES = 16


@dataclass(frozen=True)
class UploadResult:
    added: int
    duplicate: int
    failures: tuple[Failure, ...]


class StoreService:
    """Store calls on one thread, plus caches that a write invalidates."""

    def __init__(self, db_path: Path, settings: Settings) -> None:
        self.db_path = db_path
        self.settings = settings
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="dateline-store")
        self._store: Store | None = None
        self._articles: list[Article] | None = None
        self._stories: list[StoryRef] | None = None
        self._timelines: OrderedDict[str, Timeline] = OrderedDict()

    async def call(self, work: Callable[[], T]) -> T:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, work)

    def close(self) -> None:
        def shut() -> None:
            if self._store is not None:
                self._store.close()
                self._store = None
        self._executor.submit(shut).result()
        self._executor.shutdown()

    # Everything below runs on the store thread only.

    def store(self) -> Store:
        if self._store is None:
            self._store = Store(self.db_path, self.settings.dedup)
        return self._store

    def articles(self) -> list[Article]:
        # `dateline add` may write to the same file while the app runs: a changed count
        # means the caches are stale.
        count = self.store().count()
        if self._articles is None or count != len(self._articles):
            self._forget()
            self._articles = self.store().articles()
        return self._articles

    def _forget(self) -> None:
        self._articles = None
        self._stories = None
        self._timelines.clear()

    def stories(self) -> list[StoryRef]:
        if self._stories is None:
            found = group_stories(self.articles()) if self.articles() else []
            self._stories = [StoryRef(f"s{s.id}", s.label, tuple(s.article_ids)) for s in found]
        return self._stories

    def timeline(self, request: TimelineQuery) -> Timeline:
        key = repr(request)
        articles = self.articles()
        if key in self._timelines:
            self._timelines.move_to_end(key)
            return self._timelines[key]
        if request.query:
            articles = self.store().articles(self.store().search(request.query))
        built = build_timeline(articles, self.settings, request)
        self._timelines[key] = built
        if len(self._timelines) > CACHED_TIMELINES:
            self._timelines.popitem(last=False)
        return built

    def document(self, article_id: str) -> Article | None:
        return self.store().article(article_id)

    def failures(self) -> list[Failure]:
        return self.store().failures()

    def search(self, query: str) -> list[str]:
        return self.store().search(query)

    def ingest(self, path: Path) -> UploadResult:
        result = ingest(self.store(), [path], self.settings)
        self._forget()
        return UploadResult(result.added.added, result.added.duplicate, result.failures)


def failures_json(failures: tuple[Failure, ...] | list[Failure]) -> list[dict[str, Any]]:
    return [{"source": f.source, "reason": f.reason} for f in failures]
