"""The machine's limits in one line each, saying what to do: disk full, read-only, locked, memory.

Each limit is real, not simulated: a file-size rlimit or a small tmpfs fills the disk, a
store nobody may write is read-only, a second connection holds the write lock, an address
space rlimit runs memory out. `dateline add` runs as a real process under each.
"""

from __future__ import annotations

import json
import os
import resource
import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from stopkit import DATELINE, store_state, write_reports


def add(
    db: Path,
    folder: Path,
    preexec: Callable[[], None] | None = None,
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [DATELINE, "add", "--db", str(db), str(folder)],
        text=True,
        capture_output=True,
        timeout=120,
        preexec_fn=preexec,
    )


def one_line(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 1, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in done.stderr, done.stderr
    return lines[0]


@pytest.fixture
def seeded(tmp_path: Path) -> tuple[Path, Path]:
    """A store holding 10 reports, and a folder of 200 more to add."""
    db = tmp_path / "store.db"
    assert add(db, write_reports(tmp_path / "first", 0, 10)).returncode == 0
    return db, write_reports(tmp_path / "more", 10, 200)


def test_a_full_disk_is_one_line_and_the_store_keeps_its_last_batch(
    seeded: tuple[Path, Path],
) -> None:
    db, more = seeded
    size = db.stat().st_size + 64 * 1024

    def small_disk() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))

    line = one_line(add(db, more, small_disk))
    assert line.startswith(f"dateline: {db}: cannot add the batch: the disk ")
    assert "run again" in line
    assert store_state(db) == ("ok", 10, 0)


@pytest.fixture
def tmpfs(tmp_path: Path) -> Iterator[Path]:
    """A 300 KB filesystem, where root may mount one."""
    where = tmp_path / "small"
    where.mkdir()
    mounted = (
        os.geteuid() == 0
        and subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=300k", "tmpfs", str(where)], capture_output=True
        ).returncode
        == 0
    )
    if not mounted:
        pytest.skip("needs root and a mountable tmpfs for a really full disk")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=True)


def test_a_really_full_disk_says_so(tmpfs: Path, tmp_path: Path) -> None:
    db = tmpfs / "store.db"
    assert add(db, write_reports(tmp_path / "first", 0, 10)).returncode == 0
    line = one_line(add(db, write_reports(tmp_path / "more", 10, 300)))
    assert line == (
        f"dateline: {db}: cannot add the batch: the disk is full; free some space and run again"
    )
    assert store_state(db) == ("ok", 10, 0)


def test_a_read_only_store_says_what_access_is_needed(
    seeded: tuple[Path, Path], tmp_path: Path
) -> None:
    db, more = seeded
    if os.geteuid() == 0:  # root writes through file modes: only a read-only mount stops it
        where = tmp_path / "readonly"
        where.mkdir()
        mount = ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(where)]
        if subprocess.run(mount, capture_output=True).returncode != 0:
            pytest.skip("as root, needs a mountable tmpfs to make a store read-only")
        try:
            (where / "store.db").write_bytes(db.read_bytes())
            subprocess.run(["mount", "-o", "remount,ro", str(where)], check=True)
            line = one_line(add(where / "store.db", more))
        finally:
            subprocess.run(["umount", "-l", str(where)], check=True)
    else:
        db.chmod(0o444)
        db.parent.chmod(0o555)
        try:
            line = one_line(add(db, more))
        finally:
            db.parent.chmod(0o755)
    # Read-only (the store's -wal file is there) or cannot open (it has to be made): both say so.
    assert "dateline needs write access to the file and its folder" in line


@pytest.mark.long
def test_a_store_another_writer_holds_says_to_wait(seeded: tuple[Path, Path]) -> None:
    db, more = seeded
    holder = sqlite3.connect(db, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")
        line = one_line(add(db, more))
    finally:
        holder.close()
    assert line == (
        f"dateline: {db}: cannot add the batch: the store is locked by another "
        "program (another `dateline add`?); wait for it to finish and run again"
    )
    assert store_state(db) == ("ok", 10, 0)


def test_running_out_of_memory_is_one_line(tmp_path: Path) -> None:
    # Five million short paragraphs: about 45 MB on disk, several times that as Python objects.
    dump = tmp_path / "dump.json"
    dump.write_text(json.dumps({"title": "Minutes", "text": ["Item."] * 5_000_000}))
    limit = 450 * 1024 * 1024

    def little_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    line = one_line(add(tmp_path / "store.db", dump, little_memory))
    assert line == (
        f"dateline: {dump}: out of memory while reading it; free memory or split the file"
    )
