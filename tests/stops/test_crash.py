"""`kill -9` of `dateline add` at random points: the store stays whole, no worker outlives it.

The first batch is committed; the second is killed mid-way, again and again. After each kill
the store must pass SQLite's integrity checks, hold exactly one of its committed states, and
have no process of the killed run left after 5 s. Then adding the batch again completes it,
and once more changes nothing. `bench/crash.py` runs the same with 20 kills.
"""

from __future__ import annotations

import random
import signal
import subprocess
import time
from pathlib import Path

from stopkit import left_after, start, store_state, write_reports

KILLS = 4
FIRST, SECOND = 40, 400


def test_kill_9_at_random_points_leaves_a_committed_store_and_no_workers(
        tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    first = write_reports(tmp_path / "first", 0, FIRST)
    second = write_reports(tmp_path / "second", FIRST, SECOND)
    subprocess.run([*start_args(db), str(first)], check=True, capture_output=True)
    chance = random.Random(14)
    for _ in range(KILLS):
        run = start("add", "--db", str(db), str(second))
        time.sleep(chance.uniform(0.3, 2.5))
        run.send_signal(signal.SIGKILL)
        run.wait(timeout=10)
        assert left_after(run.pid, 5.0) == []
        check, articles, stray = store_state(db)
        assert (check, stray) == ("ok", 0)
        assert articles in (FIRST, FIRST + SECOND)
    again = subprocess.run([*start_args(db), str(second)], capture_output=True, text=True)
    assert again.returncode == 0, again.stderr
    assert store_state(db) == ("ok", FIRST + SECOND, 0)
    once_more = subprocess.run([*start_args(db), str(second)], capture_output=True, text=True)
    assert once_more.stdout.strip() == f"added 0, duplicate {SECOND}, failed 0"
    assert store_state(db) == ("ok", FIRST + SECOND, 0)


def start_args(db: Path) -> list[str]:
    from stopkit import DATELINE

    return [DATELINE, "add", "--db", str(db)]
