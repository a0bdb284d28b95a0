"""What an SQLite error means for the user, in words that say what to do.

SQLite reports the machine's limits (a full disk, a read-only folder, another writer holding
the lock, memory running out) as error codes; the user needs one line naming the store and
the remedy, never a traceback. Every store error is worded here, once.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from dateline.errors import StoreError

# By the primary code's name (extended codes such as SQLITE_READONLY_DIRECTORY share a prefix).
_REMEDIES = (
    ("SQLITE_FULL", "the disk is full; free some space and run again"),
    (
        "SQLITE_READONLY",
        "the store is read-only; dateline needs write access to the file and "
        "its folder (it keeps -wal and -shm files beside it)",
    ),
    (
        "SQLITE_BUSY",
        "the store is locked by another program (another `dateline add`?); "
        "wait for it to finish and run again",
    ),
    ("SQLITE_LOCKED", "the store is locked by another program; wait for it and run again"),
    ("SQLITE_NOMEM", "out of memory; free memory or add fewer files at once"),
    (
        "SQLITE_IOERR",
        "the disk failed to read or write (full, removed or failing?); check it and run again",
    ),
    (
        "SQLITE_CANTOPEN",
        "cannot open the store file; its folder must exist, and dateline "
        "needs write access to the file and its folder (it keeps -wal and "
        "-shm files beside it)",
    ),
    ("SQLITE_CORRUPT", "the store file is damaged; restore a copy or start a new store"),
    ("SQLITE_NOTADB", "not a dateline store (not an SQLite database)"),
    ("SQLITE_PERM", "permission denied; dateline needs write access to the file and its folder"),
)


def remedy(exc: sqlite3.Error) -> str:
    """The cause and what to do, or SQLite's own words when it is none of the machine's limits."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    for code, words in _REMEDIES:
        if name.startswith(code):
            return words
    return " ".join(str(exc).split()) or type(exc).__name__


def store_error(path: Path | str, action: str, exc: sqlite3.Error) -> StoreError:
    """One line naming the store, what could not be done and why; nothing was written."""
    return StoreError(f"{path}: cannot {action}: {remedy(exc)}")
