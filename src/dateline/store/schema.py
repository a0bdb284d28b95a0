"""The store's schema as numbered migrations, and opening a database file safely.

`PRAGMA user_version` is the number of migrations applied. Each migration runs in its own
transaction together with the version bump, so a failure leaves the file at the previous
version. Migrations are append-only: never edit one that has shipped, add the next.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from dateline.errors import StoreError
from dateline.store.explain import store_error

MIGRATIONS: tuple[str, ...] = (
    # 1: articles, their LSH band keys, and files that failed to read.
    """
    CREATE TABLE articles (
        seq INTEGER PRIMARY KEY,            -- first-seen order; the full-text rowid
        id TEXT NOT NULL UNIQUE,            -- content id
        source TEXT NOT NULL,
        title TEXT NOT NULL DEFAULT '',
        outlet TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL DEFAULT '',      -- clean text
        published TEXT,                     -- ISO point estimate, for sorting and filters
        duplicate_of TEXT REFERENCES articles(id),
        outlets TEXT NOT NULL DEFAULT '[]', -- JSON list
        signature BLOB,                     -- MinHash signature, uint32 little-endian
        added_at TEXT NOT NULL,
        data TEXT NOT NULL                  -- the other Article fields, JSON (store.codec)
    );
    CREATE INDEX articles_source ON articles(source);
    CREATE INDEX articles_duplicate_of ON articles(duplicate_of);
    CREATE INDEX articles_published ON articles(published);
    CREATE TABLE lsh_bands (
        key INTEGER NOT NULL,
        seq INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE
    );
    CREATE INDEX lsh_bands_key ON lsh_bands(key);
    CREATE INDEX lsh_bands_seq ON lsh_bands(seq);
    CREATE TABLE failures (
        source TEXT PRIMARY KEY,
        reason TEXT NOT NULL,
        failed_at TEXT NOT NULL
    );
    """,
    # 2: full-text search over title + clean text, kept in step by triggers.
    """
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles', content_rowid='seq',
        tokenize='unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
    END;
    CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.seq, old.title, old.text);
    END;
    CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.seq, old.title, old.text);
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
    END;
    INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
    """,
    # 3: settings the stored data was built with (the near-duplicate index's shape).
    """
    CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    """,
    # 4: the user's decisions (hide, pin, edit an entry; date, delete an article), keyed by
    # what stays the same when articles are added: entry keys (article id + sentence span)
    # and article ids. One decision per kind and target; a new one replaces it (and gets a
    # new id: ids only grow, so the store's version sees every change).
    """
    CREATE TABLE curations (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL CHECK (kind IN ('hide', 'pin', 'edit', 'date', 'delete')),
        target TEXT NOT NULL,
        value TEXT NOT NULL DEFAULT '',
        reason TEXT NOT NULL DEFAULT '',
        made_at TEXT NOT NULL,
        UNIQUE (kind, target)
    );
    """,
)


def connect(path: Path, any_thread: bool = False) -> sqlite3.Connection:
    """An autocommit connection (transactions are explicit), WAL, foreign keys on."""
    try:
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=not any_thread)
    except sqlite3.Error as exc:
        raise store_error(path, "open the store", exc) from None
    try:
        conn.execute("PRAGMA busy_timeout = 5000")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")  # safe with WAL: a crash loses no commit
        conn.execute("PRAGMA foreign_keys = ON")
    except sqlite3.DatabaseError as exc:
        conn.close()
        if "not a database" in str(exc):
            raise StoreError(f"{path}: not a dateline store (not an SQLite database)") from None
        raise store_error(path, "open the store", exc) from None
    return conn


def migrate(conn: sqlite3.Connection, path: Path, migrations: tuple[str, ...] = MIGRATIONS) -> int:
    """Bring the database up to the latest schema; returns the version it is now at."""
    version = _version(conn, path)
    if version > len(migrations):
        raise StoreError(
            f"{path}: store schema version {version} is newer than this dateline "
            f"supports ({len(migrations)}); upgrade dateline"
        )
    if version == 0 and _has_tables(conn):
        raise StoreError(f"{path}: an SQLite database, but not a dateline store")
    for number in range(version + 1, len(migrations) + 1):
        _apply(conn, path, number, migrations[number - 1])
    return len(migrations)


def _version(conn: sqlite3.Connection, path: Path) -> int:
    try:
        row = conn.execute("PRAGMA user_version").fetchone()
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: not a dateline store ({exc})") from None
    return int(row[0])


def _has_tables(conn: sqlite3.Connection) -> bool:
    row = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()
    return bool(row[0])


def _apply(conn: sqlite3.Connection, path: Path, number: int, script: str) -> None:
    try:
        conn.executescript(f"BEGIN IMMEDIATE;\n{script}\nPRAGMA user_version = {number};\nCOMMIT;")
    except sqlite3.Error as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise store_error(path, f"apply schema migration {number}", exc) from None
