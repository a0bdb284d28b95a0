"""Saved HTML to clean article text: dateline's read + clean path against trafilatura.extract.

Both run on the same real pages (`../shared/data/real/bodies/html` and, when present,
`../shared/data/real/dates/html`), decompressed into memory first so disk and gzip are not
timed. dateline's path is what a run does per page: sniff and decode the bytes, parse the
page once, take the body out (trafilatura), read the metadata from the markup and date the
page (meta, JSON-LD, htmldate, the visible date line), then the clean stage. The peer is
`trafilatura.extract(page)` with its defaults, the call a user of the library makes. Each
side runs `--rounds` times over every page and keeps its fastest round; the ratio is
dateline / trafilatura. Both run in this one process, so CPU time is the measure: on a
machine shared with other jobs, wall time swung by 1.5x between identical runs.

    .venv/bin/python bench/read_html.py [--rounds 3]
"""

from __future__ import annotations

import argparse
import gzip
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from trafilatura import extract

from dateline.clean import clean_article
from dateline.model import Article
from dateline.read import read_paths
from dateline.settings import CleanSettings

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "real"
SETS = ("bodies/html", "dates/html")


def _pages() -> list[tuple[str, bytes]]:
    pages = []
    for name in SETS:
        folder = DATA / name
        if folder.is_dir():
            pages += [
                (p.name.removesuffix(".gz"), gzip.decompress(p.read_bytes()))
                for p in sorted(folder.glob("*.html.gz"))
            ]
    if not pages:
        raise SystemExit(f"no pages under {DATA}: the benchmark needs ../shared/data/real")
    return pages


def _dateline(folder: Path) -> Callable[[], int]:
    settings = CleanSettings()

    def run() -> int:
        done = 0
        for item in read_paths([folder]):
            if isinstance(item, Article):
                clean_article(item, settings)
                done += 1
        return done

    return run


def _trafilatura(pages: list[tuple[str, bytes]]) -> Callable[[], int]:
    def run() -> int:
        return sum(extract(page) is not None for _, page in pages)

    return run


def _fastest(run: Callable[[], int], rounds: int) -> tuple[float, int]:
    best, done = float("inf"), 0
    for _ in range(rounds):
        start = time.process_time()
        done = run()
        best = min(best, time.process_time() - start)
    return best, done


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    pages = _pages()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name, page in pages:
            (folder / name).write_bytes(page)
        ours, read = _fastest(_dateline(folder), args.rounds)
    peer, extracted = _fastest(_trafilatura(pages), args.rounds)
    n = len(pages)
    print(f"{n} real pages, CPU time, fastest of {args.rounds} rounds")
    for name, seconds, count in (
        ("dateline read+clean", ours, f"{read} articles"),
        ("trafilatura.extract", peer, f"{extracted} texts"),
    ):
        print(f"{name:22}{seconds:7.2f} s  {1000 * seconds / n:6.1f} ms/page  ({count})")
    print(f"ratio dateline / trafilatura: {ours / peer:.2f}")


if __name__ == "__main__":
    main()
