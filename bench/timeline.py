"""Time and peak memory of building a timeline from 1k, 10k and 100k articles.

Larger corpora are synthesised by sampling Timeline17 articles (with fresh ids) after they
went through the per-document stages once; what is timed is the cross-document work a
timeline needs (`build_entries`: date salience, report merging, selection), each size in its
own process so peak memory is not inherited (peak RSS of that process, which also holds the
~4k prepared source articles: the same base at every size). The per-document cost (timex +
events) is timed once per article on the real articles and reported separately: it is a map,
linear by nature.

    .venv/bin/python bench/timeline.py [--sizes 1000 10000 100000]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import pickle
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "tls" / "t17"
CACHE = Path("/tmp/dateline-bench-t17.pickle")


def prepared_articles() -> tuple[list, float]:
    """All Timeline17 articles through timex + events, and the seconds per article it took."""
    if CACHE.exists():
        articles, per_article = pickle.loads(CACHE.read_bytes())
        return articles, per_article
    from dateline.eval.tls import prepare_articles

    records = []
    for topic in sorted(DATA.iterdir()):
        if (topic / "articles.json").is_file():
            for record in json.loads((topic / "articles.json").read_text(encoding="utf-8")):
                records.append({**record, "uid": f"{topic.name}/{record['uid']}"})
    started = time.perf_counter()
    articles = prepare_articles(records, str(DATA))
    per_article = (time.perf_counter() - started) / len(articles)
    CACHE.write_bytes(pickle.dumps((articles, per_article)))
    return articles, per_article


def run_size(size: int) -> dict[str, float]:
    """Build one timeline from `size` sampled articles; seconds and peak RSS."""
    from dateline.select import build_entries

    pool, _ = prepared_articles()
    rng = random.Random(size)
    sample = [dataclasses.replace(rng.choice(pool), id=f"s{i}") for i in range(size)]
    started = time.perf_counter()
    entries = build_entries(sample)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "articles": size,
        "seconds": round(seconds, 2),
        "peak_mb": round(peak / 1024, 1),
        "entries": len(entries),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not DATA.is_dir():
        sys.exit(f"benchmark data not found at {DATA}")
    if args.one:
        print(json.dumps(run_size(args.one)))
        return
    pool, per_article = prepared_articles()
    print(
        f"per-document stages (timex + events): {per_article * 1000:.1f} ms/article "
        f"over {len(pool)} Timeline17 articles"
    )
    print(f"{'articles':>9} {'seconds':>8} {'peak MB':>8} {'entries':>8}")
    for size in args.sizes:
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(size)],
            capture_output=True,
            text=True,
            check=True,
        )
        row = json.loads(out.stdout)
        print(
            f"{row['articles']:>9} {row['seconds']:>8} {row['peak_mb']:>8} "
            f"{row['entries']:>8}"
        )


if __name__ == "__main__":
    main()
