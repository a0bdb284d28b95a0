"""`kill -9` of `dateline add` at random points: the store stays whole, no worker outlives it.

The first batch is committed; then fresh batches are each killed mid-way. After each kill
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

import pytest
from stopkit import DATELINE, left_after, start, store_state, write_reports

KILLS = 4
FIRST, BATCH = 40, 400


@pytest.mark.long
def test_kill_9_at_random_points_leaves_a_committed_store_and_no_workers(tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    add = [DATELINE, "add", "--db", str(db)]
    subprocess.run(
        [*add, str(write_reports(tmp_path / "first", 0, FIRST))], check=True, capture_output=True
    )
    chance = random.Random(14)
    committed, batches = FIRST, []
    for kill in range(1, KILLS + 1):
        batch = write_reports(tmp_path / f"batch-{kill}", FIRST + kill * BATCH, BATCH)
        batches.append(str(batch))
        run = start("add", "--db", str(db), str(batch))
        time.sleep(chance.uniform(0.3, 2.5))
        run.send_signal(signal.SIGKILL)
        run.wait(timeout=10)
        assert left_after(run.pid, 5.0) == []
        check, articles, stray = store_state(db)
        assert (check, stray) == ("ok", 0)
        assert articles in (committed, committed + BATCH)
        committed = articles
    again = subprocess.run([*add, *batches], capture_output=True, text=True)
    assert again.returncode == 0, again.stderr
    assert store_state(db) == ("ok", FIRST + KILLS * BATCH, 0)
    once_more = subprocess.run([*add, *batches], capture_output=True, text=True)
    assert once_more.stdout.strip() == f"added 0, duplicate {KILLS * BATCH}, failed 0"
    assert store_state(db) == ("ok", FIRST + KILLS * BATCH, 0)
