"""An article over its time budget is one failure naming its file; the run goes on.

The slow article is real and valid: one line of the same dated sentence, as a pasted dump
might be. The stages take linear time on it (bench/long_lines.py), seconds on this machine
for a few hundred thousand characters, so a budget of one second is far below it and far
above what a short report takes.
"""

from __future__ import annotations

import dataclasses
import subprocess
from pathlib import Path

import pytest
from stopkit import DATELINE, left_after, report, start, store_state, write_reports

from dateline.errors import InputError
from dateline.model import Article, Failure
from dateline.pipeline import process
from dateline.settings import Settings

BUDGET = Settings().with_overrides("read", article_seconds=1.0)
# In a loop nothing stops a stage: the slow article runs to its end, so it is shorter there,
# and the budget halved so that a machine ten times faster still finds it over.
HALF = Settings().with_overrides("read", article_seconds=0.5)
SENTENCE = "The council met on March 3, 2004 and voted to build the bridge. "


def slow_text(chars: int) -> str:
    return (SENTENCE * (chars // len(SENTENCE) + 1))[:chars]


def reports(count: int) -> list[Article]:
    return [Article.from_raw(f"report-{n}.txt", report(n)) for n in range(count)]


def outcome(articles: list[Article]) -> list[tuple[str, str | None]]:
    return [(a.source, a.published and str(a.published.date)) for a in articles]


def test_in_a_loop_the_check_between_stages_fails_the_slow_article() -> None:
    pile = reports(3)
    failures: list[Failure] = []
    done = process(
        [pile[0], Article.from_raw("slow.txt", slow_text(200_000)), *pile[1:]],
        HALF,
        1,
        failures=failures,
    )
    assert outcome(done) == outcome(process(pile, Settings()))
    assert [f.source for f in failures] == ["slow.txt"]
    assert "ended past it" in failures[0].reason and "\n" not in failures[0].reason


@pytest.mark.long
def test_in_the_pool_a_worker_stuck_inside_a_stage_is_killed_and_replaced() -> None:
    # A body the HTML reader already took out of its page (`extracted`) passes the clean
    # stage at once, and 3,000,000 characters keep the date stage busy for seconds past the
    # budget and its grace second, loaded machine or not: the worker never reaches its own
    # check in time, so the parent kills it, and the chunk it shared with the reports runs
    # again on a new worker without it.
    pile = reports(9)
    failures: list[Failure] = []
    body = slow_text(3_000_000)
    slow = dataclasses.replace(Article.from_raw("slow.txt", body), text=body, extracted=True)
    done = process([*pile[:4], slow, *pile[4:]], BUDGET, 2, failures=failures)
    assert outcome(done) == outcome(process(pile, Settings()))
    assert [f.source for f in failures] == ["slow.txt"]
    assert "stopped in the middle of a stage" in failures[0].reason


def test_without_a_list_for_failures_the_slow_article_stops_the_run_in_one_line() -> None:
    with pytest.raises(InputError) as raised:
        process([Article.from_raw("slow.txt", slow_text(200_000))], HALF)
    assert str(raised.value).startswith("slow.txt: not processed")


@pytest.mark.long
def test_add_stores_the_rest_and_names_the_slow_file(tmp_path: Path) -> None:
    folder = write_reports(tmp_path / "pile", 0, 8)
    (folder / "slow.txt").write_text(slow_text(900_000), encoding="utf-8")
    config = tmp_path / "dateline.toml"
    config.write_text("[read]\narticle_seconds = 1\n", encoding="utf-8")
    db = tmp_path / "store.db"
    run = start("--config", str(config), "add", "--db", str(db), str(folder))
    stdout, stderr = run.communicate(timeout=300)
    assert run.returncode == 0, stderr
    named = [line for line in (stdout + stderr).splitlines() if "slow.txt" in line]
    assert len(named) == 1 and "article_seconds" in named[0], stdout + stderr
    assert "Traceback" not in stderr
    assert "failed 1" in stdout
    assert store_state(db) == ("ok", 8, 0)
    assert left_after(run.pid, 5.0) == []
    again = subprocess.run(
        [DATELINE, "add", "--db", str(db), str(folder / "report-00000.txt")],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "duplicate 1" in again.stdout
