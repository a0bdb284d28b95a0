"""The two stores on Timeline17: `add` and `timeline` on SQLite against the Parquet dataset.

The 3,914 Timeline17 articles (`../shared/data/tls/t17`, read in place, `--limit` for fewer)
go through the per-document stages once, in the worker pool; then, in the same run, each
store gets the same processed articles: `add` (near-duplicates, writing; a fresh store, one
batch), `add` of the same batch again (every id known), reading every article back, the
full-text search alone, `timeline` over the whole store, and `timeline --query` (the search,
then the cross-document stages), each timed by wall clock, and the store's size on disk.
The ratio is Parquet / SQLite. Both timelines are checked to be the same JSON.

    .venv/bin/python bench/stores.py
    .venv/bin/python bench/stores.py --limit 1000 --query "oil spill"
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from dateline.model import Article
from dateline.pipeline import TimelineQuery, default_workers, process, store_timeline
from dateline.settings import Settings
from dateline.store import open_store

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "tls" / "t17"


def t17_articles(limit: int | None) -> list[Article]:
    found = []
    for topic in sorted(DATA.iterdir()):
        for record in json.loads((topic / "articles.json").read_text(encoding="utf-8")):
            if record.get("text"):
                found.append(Article.from_raw(f"{topic.name}/{record['uid']}", record["text"]))
    return found[:limit]


def size_of(path: Path) -> int:
    files = path.rglob("*") if path.is_dir() else path.parent.glob(path.name + "*")
    return sum(f.stat().st_size for f in files if f.is_file())


def timed(work, *args):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = work(*args)
    return time.perf_counter() - start, result


def measure(path: Path, articles: list[Article], settings: Settings, query: str) -> dict:
    with open_store(path, settings.dedup) as store:
        add, added = timed(store.add, articles)
        again, _ = timed(store.add, articles)
        read, _ = timed(store.articles)
        search, _ = timed(store.search, query)
        whole, timeline = timed(store_timeline, store, settings, TimelineQuery())
        searched, _ = timed(store_timeline, store, settings, TimelineQuery(query=query))
    return {
        "add": add,
        "add again": again,
        "read all": read,
        "search": search,
        "timeline": whole,
        "timeline --query": searched,
        "size": size_of(path),
        "added": added.added,
        "duplicate": added.duplicate,
        "json": timeline.to_json(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    parser.add_argument("--query", default="protesters")
    args = parser.parse_args()
    settings = Settings()
    raw = t17_articles(args.limit)
    seconds, articles = timed(process, raw, settings, default_workers())
    print(f"{len(articles)} Timeline17 articles processed in {seconds:.1f} s (both stores' input)")
    with tempfile.TemporaryDirectory() as folder:
        results = {
            name: measure(Path(folder) / name, articles, settings, args.query)
            for name in ("t17.db", "t17.parquet")
        }
    sqlite, parquet = results["t17.db"], results["t17.parquet"]
    print(
        f"added {sqlite['added']} (SQLite) {parquet['added']} (Parquet), "
        f"duplicate {sqlite['duplicate']} {parquet['duplicate']}"
    )
    print(f"{'':18}{'SQLite':>10}{'Parquet':>10}{'ratio':>8}")
    for key in ("add", "add again", "read all", "search", "timeline", "timeline --query"):
        print(
            f"{key:18}{sqlite[key]:>9.2f}s{parquet[key]:>9.2f}s{parquet[key] / sqlite[key]:>8.2f}"
        )
    mib = 1024 * 1024
    print(
        f"{'size':18}{sqlite['size'] / mib:>7.1f}MiB{parquet['size'] / mib:>7.1f}MiB"
        f"{parquet['size'] / sqlite['size']:>8.2f}"
    )
    print("same timeline JSON:", sqlite["json"] == parquet["json"])


if __name__ == "__main__":
    main()
