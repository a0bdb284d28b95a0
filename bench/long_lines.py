"""The per-document stages on one-line articles: linear time, whatever the line holds.

    .venv/bin/python bench/long_lines.py [--chars 50000] [--check]

A page without line breaks (a JSON dump, a paste) reaches every stage as one long line; the
stages that look at "the line of each mention" must not read that line once per mention.
For each hostile filling (dates, clock times, bracketed credits, abbreviations) this times
clean → language → date → timex → events on an article of N and of 4N characters, as CPU
time of this process (the machine is shared), and prints the ratio: 4 is linear, 16 is
quadratic. The peer is the same pipeline on the smaller input, measured in the same run.
With `--check` it exits 1 if any ratio passes 6 (issue 14: a 100K-character line took
21 s in `date/furniture.is_caption` alone; 4x longer now costs about 4x).
"""

from __future__ import annotations

import argparse
import sys
import time

from dateline.model import Article
from dateline.pipeline import document_pipeline
from dateline.settings import Settings

FILLINGS = (
    "March 3, 2004 ",
    "2004-05-06 ",
    "12:30 ",
    "on Tuesday ",
    "a (x photo ",
    "(file ",
    "Jan. ",
    "1 ",
    "Mr. ",
    "U.S. ",
)
LINEAR_LIMIT = 6.0


def seconds(filling: str, chars: int) -> float:
    text = ("Opening words here. " + filling * (chars // len(filling) + 1))[:chars]
    article = Article.from_raw("long.txt", text)
    pipeline = document_pipeline(Settings())
    started = time.process_time()
    pipeline(article)
    return time.process_time() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--chars", type=int, default=50_000)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    worst = 0.0
    print(f"{'filling':<16} {args.chars:>9} ch {4 * args.chars:>9} ch  ratio")
    for filling in FILLINGS:
        small, large = seconds(filling, args.chars), seconds(filling, 4 * args.chars)
        ratio = large / max(small, 1e-3)
        worst = max(worst, ratio)
        print(f"{filling!r:<16} {small:>10.2f} s {large:>10.2f} s  {ratio:5.1f}", flush=True)
    print(f"worst ratio {worst:.1f} (linear 4, quadratic 16; limit {LINEAR_LIMIT})")
    return 1 if args.check and worst > LINEAR_LIMIT else 0


if __name__ == "__main__":
    sys.exit(main())
