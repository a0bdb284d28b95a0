"""`kill -9` of `dateline add` at random points, `--kills` times: store, counts, leftovers.

A store holds a committed first batch; then, again and again, a fresh batch of generated
reports is added and the run killed at a random moment. After each kill: SQLite's integrity check
and the full-text index check, the article count (must be one of the committed states),
band keys pointing at no article (must be 0), and processes of the killed run still alive
after 5 s (must be 0). Then every batch is added once more (must complete) and again
(must add nothing). The same check, fewer kills, runs in CI (tests/stops/test_crash.py).

    .venv/bin/python bench/crash.py [--kills 20] [--seed 14]
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "stops"))
from stopkit import DATELINE, left_after, start, store_state, write_reports

FIRST, BATCH = 40, 400


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--seed", type=int, default=14)
    args = parser.parse_args()
    chance = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="dateline-crash-") as folder:
        db = Path(folder) / "store.db"
        first = write_reports(Path(folder) / "first", 0, FIRST)
        subprocess.run(
            [DATELINE, "add", "--db", str(db), str(first)], check=True, capture_output=True
        )
        committed, bad, batches = FIRST, 0, []
        for kill in range(1, args.kills + 1):
            # A fresh batch each time, so every kill lands in real work.
            batch = write_reports(Path(folder) / f"batch-{kill}", FIRST + kill * BATCH, BATCH)
            batches.append(str(batch))
            run = start("add", "--db", str(db), str(batch))
            at = chance.uniform(0.2, 3.0)
            time.sleep(at)
            run.kill()
            run.wait(timeout=10)
            left = left_after(run.pid, 5.0)
            check, articles, stray = store_state(db)
            ok = (
                check == "ok"
                and stray == 0
                and articles in (committed, committed + BATCH)
                and not left
            )
            bad += not ok
            state = "batch rolled back" if articles == committed else "batch committed"
            committed = articles
            print(
                f"kill {kill:2d} at {at:.2f} s: integrity {check}, articles {articles} "
                f"({state}), stray band keys {stray}, processes left after 5 s {len(left)}"
                f"{'' if ok else '  <-- FAILED'}"
            )
        again = subprocess.run(
            [DATELINE, "add", "--db", str(db), *batches], capture_output=True, text=True
        )
        once_more = subprocess.run(
            [DATELINE, "add", "--db", str(db), *batches], capture_output=True, text=True
        )
        final = store_state(db)
    print(f"re-run: {again.stdout.strip()}; again: {once_more.stdout.strip()}; store {final}")
    total = FIRST + args.kills * BATCH
    idempotent = final == ("ok", total, 0) and once_more.stdout.startswith("added 0,")
    print(
        f"{args.kills - bad}/{args.kills} kills left the store intact, at a committed state, "
        f"with no process left; re-run complete and idempotent: {idempotent}"
    )
    sys.exit(0 if bad == 0 and idempotent else 1)


if __name__ == "__main__":
    main()
