"""The user's decisions in the store: one per kind and target, undoable, seen by `version`."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from storekit import BUDGET, FERRY_WIRE, article

from dateline.errors import StoreError
from dateline.model import Curation
from dateline.store import Store
from dateline.store.schema import MIGRATIONS


def _store(tmp_path: Path) -> Store:
    store = Store(tmp_path / "d.db")
    store.add(
        [
            article(FERRY_WIRE, "wire/ferry.txt", "Northwire", day=4),
            article(BUDGET, "city/budget.txt", "Keston Courier", day=3),
        ]
    )
    return store


def test_a_decision_is_kept_with_its_time_and_reason(tmp_path: Path) -> None:
    with _store(tmp_path) as store:
        made = store.curate(Curation("hide", "abc:0-10", reason="a caption, not news"))
        assert made.id > 0 and made.made_at
    with Store(tmp_path / "d.db") as reopened:  # a restart
        assert reopened.curations() == [made]


def test_a_new_decision_replaces_the_old_one_of_its_kind_and_target(tmp_path: Path) -> None:
    with _store(tmp_path) as store:
        first = store.curate(Curation("edit", "abc:0-10", "Old text"))
        other = store.curate(Curation("hide", "abc:0-10"))
        second = store.curate(Curation("edit", "abc:0-10", "New text"))
        found = store.curations()
    assert [c.value for c in found if c.kind == "edit"] == ["New text"]
    assert second.id > other.id > first.id
    assert {c.kind for c in found} == {"edit", "hide"}


def test_undo_removes_only_that_decision(tmp_path: Path) -> None:
    with _store(tmp_path) as store:
        keep = store.curate(Curation("delete", "a1"))
        gone = store.curate(Curation("date", "a2", "2004-03-01"))
        assert store.uncurate(gone.id)
        assert not store.uncurate(gone.id)
        assert store.curations() == [keep]


def test_every_decision_changes_the_version_readers_cache_by(tmp_path: Path) -> None:
    with _store(tmp_path) as store:
        seen = [store.version()]
        store.curate(Curation("delete", "a1"))
        seen.append(store.version())
        made = store.curate(Curation("hide", "abc:0-10"))
        seen.append(store.version())
        store.curate(Curation("hide", "abc:0-10"))  # the same decision again, made anew
        seen.append(store.version())
        store.uncurate(made.id + 1)
        seen.append(store.version())
    assert len(set(seen[:4])) == 4
    assert seen[4] != seen[3]
    assert seen[4] == seen[1]  # the same decisions as then: the same version


def test_a_batch_of_decisions_lands_whole_or_not_at_all(tmp_path: Path) -> None:
    with _store(tmp_path) as store:
        with pytest.raises(StoreError):
            store.curate_all([Curation("hide", "abc:0-10"), Curation("shout", "abc:0-10")])
        assert store.curations() == []


def test_decisions_survive_adding_articles(tmp_path: Path) -> None:
    with _store(tmp_path) as store:
        made = store.curate(Curation("pin", "abc:0-10"))
        store.add(
            [
                article(
                    "A third story about the Keston harbour ferries and their ramps, "
                    "written for this test only.",
                    "third.txt",
                    day=6,
                )
            ]
        )
        assert store.curations() == [made]


def test_an_older_store_gains_the_decisions_table(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    for number, script in enumerate(MIGRATIONS[:3], 1):
        conn.executescript(f"{script}\nPRAGMA user_version = {number};")
    conn.close()
    with Store(path) as store:
        assert store.curations() == []
        store.curate(Curation("delete", "a1"))
        assert len(store.curations()) == 1
