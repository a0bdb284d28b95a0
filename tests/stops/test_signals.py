"""SIGINT and SIGTERM stop `add` and `timeline` within seconds, in one line, store unharmed."""

from __future__ import annotations

import signal
import subprocess
import time
from pathlib import Path

import pytest
from stopkit import DATELINE, left_after, session_members, start, store_state, write_reports

ARTICLES = 400


def stop_midway(args: list[str], sig: signal.Signals) -> tuple[int, str, float, int]:
    """Start `dateline ARGS`, wait until it is busy, send `sig`; (code, stderr, seconds, pid)."""
    run = start(*args)
    deadline = time.monotonic() + 30
    while len(session_members(run.pid)) < 2:  # busy: its worker pool has started
        assert run.poll() is None and time.monotonic() < deadline, "never got busy"
        time.sleep(0.05)
    sent = time.monotonic()
    run.send_signal(sig)
    _, stderr = run.communicate(timeout=30)
    return run.returncode, stderr, time.monotonic() - sent, run.pid


@pytest.mark.parametrize(("sig", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_signal_stops_add_promptly_and_rolls_the_batch_back(
    tmp_path: Path, sig: signal.Signals, code: int
) -> None:
    db = tmp_path / "store.db"
    subprocess.run(
        [DATELINE, "add", "--db", str(db), str(write_reports(tmp_path / "a", 0, 5))],
        check=True,
        capture_output=True,
    )
    folder = write_reports(tmp_path / "b", 5, ARTICLES)
    returned, stderr, seconds, pid = stop_midway(["add", "--db", str(db), str(folder)], sig)
    assert returned == code
    assert stderr.strip() == (
        "dateline: interrupted; the store keeps only the batches that had finished"
    )
    assert seconds < 5
    assert left_after(pid, 5.0) == []
    assert store_state(db) == ("ok", 5, 0)


def test_sigterm_stops_a_one_shot_timeline(tmp_path: Path) -> None:
    folder = write_reports(tmp_path / "pile", 0, ARTICLES)
    returned, stderr, seconds, pid = stop_midway(["timeline", str(folder)], signal.SIGTERM)
    assert (returned, seconds < 5) == (143, True)
    assert stderr.strip() == "dateline: interrupted"
    assert left_after(pid, 5.0) == []


@pytest.mark.long
def test_a_stop_sent_while_workers_are_forked_is_not_lost(tmp_path: Path) -> None:
    # Python drops an exception raised in its at-fork hooks; the stop must land all the same
    # (before: about 1 stop in 4 sent at this moment was lost and the batch stored).
    folder = write_reports(tmp_path / "b", 0, ARTICLES)
    for round_ in range(16):
        db = tmp_path / f"store-{round_}.db"
        run = start("add", "--db", str(db), str(folder))
        while len(session_members(run.pid)) < 2 and run.poll() is None:
            time.sleep(0.005)
        run.send_signal(signal.SIGINT)
        _, stderr = run.communicate(timeout=30)
        assert (run.returncode, stderr.strip()) == (
            130,
            "dateline: interrupted; the store keeps only the batches that had finished",
        )
