"""The Parquet dataset store: what the SQLite store promises, a crash-safe manifest, and
`convert` both ways giving the same timeline."""

from __future__ import annotations

import dataclasses
import inspect
import json
import random
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pyarrow", reason="the Parquet store needs the parquet extra (pyarrow)")
pytest.importorskip("duckdb", reason="the Parquet store needs the parquet extra (duckdb)")

import test_paging_and_image
import test_store
import test_store_curations
from click.testing import CliRunner
from storekit import BUDGET, FERRY_COURIER, FERRY_FOLLOW_UP, FERRY_WIRE, article

import dateline
from dateline.cli.main import cli
from dateline.errors import StoreError
from dateline.model import Curation, Failure
from dateline.store import Store, open_store
from dateline.store.parquet import ParquetStore

SAMPLE = Path(dateline.__file__).resolve().parent / "data" / "sample" / "articles"

# The SQLite store's tests of behaviour (not of SQLite's files), run on the Parquet store.
SHARED = (
    [
        (test_store, name)
        for name in (
            "test_add_then_read_back_everything",
            "test_adding_the_same_files_twice_adds_nothing",
            "test_data_survives_reopening",
            "test_wire_copy_with_other_header_and_footer_is_a_duplicate",
            "test_wire_copy_within_one_batch",
            "test_copies_far_apart_in_a_large_batch_are_found",
            "test_same_topic_different_article_is_not_a_duplicate",
            "test_incoming_duplicate_of_is_replaced_by_the_stores_decision",
            "test_stricter_threshold_keeps_the_copies_apart",
            "test_readers_see_the_store_as_it_was_until_the_batch_commits",
            "test_failures_are_recorded_and_cleared_by_a_later_success",
            "test_search_ranks_title_and_text_matches",
            "test_articles_by_ids_keep_the_order_asked",
            "test_a_nul_in_a_search_is_a_space",
        )
    ]
    + [
        (test_store_curations, name)
        for name in (
            "test_a_decision_is_kept_with_its_time_and_reason",
            "test_a_new_decision_replaces_the_old_one_of_its_kind_and_target",
            "test_undo_removes_only_that_decision",
            "test_every_decision_changes_the_version_readers_cache_by",
            "test_decisions_survive_adding_articles",
            "test_a_batch_of_decisions_lands_whole_or_not_at_all",
        )
    ]
    + [(test_paging_and_image, name) for name in ("test_pages_follow_first_seen_order",)]
)


def _parquet(path: Path, *args: Any, **kwargs: Any) -> ParquetStore:
    return ParquetStore(Path(path).with_suffix(".parquet"), *args, **kwargs)


@pytest.mark.parametrize(("module", "name"), SHARED, ids=[name for _, name in SHARED])
def test_the_sqlite_stores_promises_hold(
    module: Any, name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(module, "Store", _parquet)
    test: Callable[..., None] = getattr(module, name)
    assert list(inspect.signature(test).parameters) == ["tmp_path"]
    test(tmp_path)


@pytest.mark.parametrize("error", [RuntimeError("reader crashed"), KeyboardInterrupt()])
def test_a_broken_batch_leaves_the_dataset_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: BaseException
) -> None:
    monkeypatch.setattr(test_store, "Store", _parquet)
    test_store.test_a_batch_that_breaks_half_way_leaves_the_store_as_it_was(tmp_path, error)
    files = {p.relative_to(tmp_path / "d.parquet").as_posix() for p in tmp_path.rglob("v*")}
    manifest = json.loads((tmp_path / "d.parquet" / "manifest.json").read_text())
    assert files == {f for table in manifest["files"].values() for f in table}


def _corpus() -> list[dateline.Article]:
    return [
        article(FERRY_WIRE, "wire/ferry.txt", "Northwire", day=6),
        article(FERRY_COURIER, "courier/ferry.html", "Keston Courier", day=4),
        article(FERRY_FOLLOW_UP, "wire/ferry-2.txt", "Northwire", day=7, title="Bus queues"),
        article(BUDGET, "city/budget.txt", "Keston Courier", day=3),
        *test_store._filler(30),
    ]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_both_stores_keep_the_same_articles_in_any_order_of_batches(
    tmp_path: Path, seed: int
) -> None:
    corpus = _corpus()
    random.Random(seed).shuffle(corpus)
    batches = [corpus[:5], corpus[5:20], corpus[3:]]  # overlapping: ids come back
    with Store(tmp_path / "a.db") as sqlite, ParquetStore(tmp_path / "a.parquet") as parquet:
        for batch in batches:
            assert sqlite.add(batch) == parquet.add(batch)
        assert sqlite.articles() == parquet.articles()
        # The same articles match; FTS5's bm25 and the dataset's hit count may rank them apart.
        assert sorted(sqlite.search("ferry")) == sorted(parquet.search("ferry"))


def test_a_stray_file_of_a_stopped_writer_is_never_read_and_is_removed(tmp_path: Path) -> None:
    path = tmp_path / "s.parquet"
    with ParquetStore(path) as store:
        store.add([article(BUDGET, "city/budget.txt")])
    stray = path / "articles" / "month=undated" / "v00000099.parquet"
    stray.write_bytes(b"half a file")
    with ParquetStore(path) as store:
        assert store.count() == 1
        store.add([article(FERRY_WIRE, "wire/ferry.txt")])
        assert store.count() == 2
    assert not stray.exists()


def test_a_corrupt_parquet_file_is_one_line_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "s.parquet"
    with ParquetStore(path) as store:
        store.add([article(BUDGET, "city/budget.txt")])
    (broken,) = (path / "articles").rglob("*.parquet")
    broken.write_bytes(b"PAR1 not really")
    result = CliRunner().invoke(cli, ["timeline", "--db", str(path)])
    assert result.exit_code == 1
    assert str(broken.relative_to(tmp_path)) in result.output
    assert len(result.output.strip().splitlines()) == 1 and "Traceback" not in result.output


@pytest.mark.parametrize("content", ["", "{}", "not json"])
def test_a_folder_that_is_not_a_dataset_is_refused(tmp_path: Path, content: str) -> None:
    path = tmp_path / "pile.parquet"
    path.mkdir()
    (path / ("manifest.json" if content else "notes.txt")).write_text(content or "mine")
    with pytest.raises(StoreError, match="not a dateline store"):
        ParquetStore(path)


def test_the_path_chooses_the_store(tmp_path: Path) -> None:
    with open_store(tmp_path / "a.parquet") as parquet, open_store(tmp_path / "a.db") as sqlite:
        assert isinstance(parquet, ParquetStore) and isinstance(sqlite, Store)
    assert (tmp_path / "a.parquet" / "manifest.json").is_file()


def _run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_convert_both_ways_gives_the_same_timeline(tmp_path: Path) -> None:
    db, dataset, back = tmp_path / "a.db", tmp_path / "a.parquet", tmp_path / "b.db"
    added = tmp_path / "added.parquet"
    _run("add", "--db", str(db), str(SAMPLE))
    _run("add", "--db", str(added), str(SAMPLE))
    with dateline.Store(db) as store:
        pin = store.curate(Curation("delete", store.documents()[2].id, reason="an advert"))
    assert "copied" in _run("convert", str(db), str(dataset))
    _run("convert", str(dataset), str(back))
    timelines = {
        path.name: _run("timeline", "--db", str(path), "--format", "json")
        for path in (db, dataset, back)
    }
    assert len(set(timelines.values())) == 1
    assert json.loads(timelines["a.db"])["entries"]
    for path in (dataset, back):
        with dateline.Store(path, create=False) as store:
            assert store.curations() == [pin]
            assert sorted(a.id for a in store.search("earthquake")) == sorted(
                a.id for a in dateline.Store(db).search("earthquake")
            )
    with dateline.Store(added) as store:  # `add` straight into the dataset: the same pile
        undecided = dataclasses.replace(store.timeline(), failures=())
    with dateline.Store(db) as store:
        store.uncurate(pin.id or 0)
        assert undecided.to_json() == dataclasses.replace(store.timeline(), failures=()).to_json()


def test_convert_refuses_a_target_that_exists(tmp_path: Path) -> None:
    with ParquetStore(tmp_path / "a.parquet") as store:
        store.add([article(BUDGET, "city/budget.txt")], [Failure("x.pdf", "not text")])
    (tmp_path / "b.db").write_text("mine")
    result = CliRunner().invoke(
        cli, ["convert", str(tmp_path / "a.parquet"), str(tmp_path / "b.db")]
    )
    assert result.exit_code == 1 and "already exists" in result.output
    assert (tmp_path / "b.db").read_text() == "mine"


@pytest.mark.long
def test_a_writer_killed_mid_batch_leaves_the_dataset_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "k.parquet"
    with ParquetStore(path) as store:
        store.add([article(BUDGET, "city/budget.txt")])
    script = (
        f"import sys; sys.path.insert(0, {str(Path(__file__).parent)!r}); import test_store\n"
        "from dateline.store.parquet import ParquetStore\n"
        f"with ParquetStore({str(path)!r}) as store:\n"
        "    store.add(test_store._filler(2500))\n"  # two versions' files, then the manifest
    )
    for version in (3, 4):  # kill -9 as the first file of the batch's first, second version lands
        writer = subprocess.Popen([sys.executable, "-c", script])
        while writer.poll() is None and not list(path.rglob(f"v{version:08d}.parquet")):
            time.sleep(0.01)
        writer.kill()
        writer.wait()
        with ParquetStore(path) as store:
            assert store.count() == 1
    with ParquetStore(path) as store:
        store.add(test_store._filler(2500))
        assert store.count() == 2501
    manifest = json.loads((path / "manifest.json").read_text())
    named = {f for table in manifest["files"].values() for f in table}
    assert {p.relative_to(path).as_posix() for p in path.rglob("v*")} == named  # strays went
