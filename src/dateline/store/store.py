"""The store: articles, their near-duplicates and read failures in one SQLite file.

This package is the only place dateline speaks SQL. Each `add` is one transaction, so a batch
lands whole or not at all, even when interrupted. Articles are keyed by content id, so adding
the same files again changes nothing. Wire copies (the same story with another header or
footer) are found on the way in with MinHash/LSH over band keys kept in an indexed table.

Single writer: a `Store` owns one connection, which `sqlite3` ties to the thread that opened it
(unless `any_thread`, for a pool that closes it elsewhere). Open one `Store` per thread, and
let only one of them write at a time (the web app keeps one writer); WAL lets readers in
other threads and processes read while a batch is written.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from dateline.cluster.duplicates import dedup_text
from dateline.cluster.minhash import SIGNATURE_SCHEME, LshIndex, band_keys, lsh_shape, signature
from dateline.errors import StoreError
from dateline.model import Article, Curation, Failure
from dateline.settings import DedupSettings
from dateline.store import rows, schema
from dateline.store.dedup import AddResult, Candidate, Chunk, Tally, plan_chunk
from dateline.store.explain import store_error

_CHUNK = 500  # articles deduplicated and written per executemany round
_IN_BATCH = 500  # ids per `IN (...)` query, well under SQLite's variable limit
_ARTICLE_SQL = f"SELECT {', '.join(rows.READ_COLUMNS)} FROM articles"
_SEARCH_SQL = (
    "SELECT a.id FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid "
    "WHERE articles_fts MATCH ? "
    # bm25 is lower for better matches; a title hit counts twice a body hit.
    "ORDER BY bm25(articles_fts, 2.0, 1.0), a.seq LIMIT ?"
)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def _quoted(query: str) -> str:
    """Every whitespace-separated term as an FTS5 string: all terms must occur."""
    return " ".join('"' + term.replace('"', '""') + '"' for term in query.split())


class Store:
    """Articles and read failures in one SQLite file (see the module docstring)."""

    def __init__(
        self,
        path: Path | str = Path("dateline.db"),
        dedup: DedupSettings | None = None,
        *,
        any_thread: bool = False,
    ) -> None:
        """`any_thread`: the connection may be used (one thread at a time) from any thread."""
        self.path = Path(path)
        self.dedup = dedup or DedupSettings()
        self._conn = schema.connect(self.path, any_thread)
        try:
            schema.migrate(self._conn, self.path)
            self._sync_dedup_index()
        except BaseException:
            self._conn.close()
            raise

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._conn.close()

    @contextmanager
    def _savepoint(self, action: str) -> Iterator[None]:
        """All or nothing: any exception, KeyboardInterrupt included, undoes the block.

        The outermost block takes the write lock up front (BEGIN IMMEDIATE), so a second
        writer waits for it instead of failing half-way; nested blocks are savepoints.
        """
        outer = not self._conn.in_transaction
        begin, commit, undo = (
            ("BEGIN IMMEDIATE", "COMMIT", ("ROLLBACK",))
            if outer
            else ("SAVEPOINT batch", "RELEASE batch", ("ROLLBACK TO batch", "RELEASE batch"))
        )
        try:
            self._conn.execute(begin)
        except sqlite3.Error as exc:
            raise store_error(self.path, action, exc) from None
        try:
            yield
            self._conn.execute(commit)
        except BaseException as exc:
            self._undo(undo)
            if isinstance(exc, sqlite3.Error):
                raise store_error(self.path, action, exc) from None
            raise

    def _undo(self, statements: tuple[str, ...]) -> None:
        """Roll back what is left to roll back: on a full disk SQLite has already done so."""
        for statement in statements:
            if not self._conn.in_transaction:
                return
            try:
                self._conn.execute(statement)
            except sqlite3.Error:
                return

    def _index_shape(self) -> dict[str, str]:
        bands, rows_per_band = lsh_shape(self.dedup.near_duplicate_threshold, self.dedup.num_perm)
        return {
            "signature": f"{SIGNATURE_SCHEME}:{self.dedup.num_perm}",
            "bands": f"{bands}x{rows_per_band}",
        }

    def _sync_dedup_index(self) -> None:
        """Rebuild signatures/band keys if the store was filled with other dedup settings.

        Band keys only meet keys of the same shape, so without this a changed threshold
        would silently stop finding copies of stored articles.
        """
        wanted = self._index_shape()
        have = dict(self._conn.execute("SELECT key, value FROM meta").fetchall())
        if have == wanted:
            return
        with self._savepoint("re-index near-duplicates"):
            if have.get("signature") != wanted["signature"]:
                self._recompute_signatures()
            self._conn.execute("DELETE FROM lsh_bands")
            bands: list[tuple[int, int]] = []
            for seq, blob in self._conn.execute("SELECT seq, signature FROM articles").fetchall():
                sig = rows.signature_from_blob(blob)
                if sig is not None:
                    keys = band_keys(sig, self.dedup.near_duplicate_threshold)
                    bands.extend((key, seq) for key in keys)
            self._conn.executemany("INSERT INTO lsh_bands (key, seq) VALUES (?, ?)", bands)
            self._conn.executemany(
                "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", sorted(wanted.items())
            )

    def _recompute_signatures(self) -> None:
        changes = []
        for row in self._conn.execute(
            f"SELECT {', '.join(rows.READ_COLUMNS)}, seq FROM articles"
        ).fetchall():
            sig = signature(dedup_text(self._article(row[:-1])), self.dedup.num_perm)
            changes.append((rows.signature_to_blob(sig), row[-1]))
        self._conn.executemany("UPDATE articles SET signature = ? WHERE seq = ?", changes)

    # -- writing ---------------------------------------------------------------------------

    def add(self, articles: Iterable[Article], failures: Iterable[Failure] = ()) -> AddResult:
        """Add one batch in one transaction; returns what was added, duplicate and failed.

        An article whose content id is already stored, or whose text is a near-duplicate of a
        stored one, counts as duplicate; a near-duplicate is still stored, marked
        `duplicate_of` the copy `cluster.duplicates.kept_first` keeps (the one-shot path's
        rule, so the kept copy does not depend on the order files were added), whose `outlets`
        gain its outlet: a copy published before the stored canonical takes its place. The
        store decides `duplicate_of` itself: any value on the incoming article is replaced.
        Re-adding a stored id never changes it; `update` does.
        """
        tally = Tally()
        with self._savepoint("add the batch"):
            for chunk in _chunks(articles, _CHUNK):
                self._add_chunk(chunk, tally)
            self._clear_failures(tally.succeeded_sources)
            self._record_failures(failures, tally)
        return tally.result()

    def _add_chunk(self, articles: list[Article], tally: Tally) -> None:
        pending = plan_chunk(articles, self, self.dedup, tally, self._next_seq(), _now())
        self._write_chunk(pending)

    def band_candidates(self, keys: Sequence[int]) -> dict[int, list[Candidate]]:
        """The stored articles under each of `keys` (for `dedup.plan_chunk`)."""
        found: dict[int, list[Candidate]] = {}
        for chunk in _chunks(keys, _IN_BATCH):
            marks = ", ".join("?" * len(chunk))
            for key, seq, article_id, blob, root in self._conn.execute(
                "SELECT b.key, a.seq, a.id, a.signature, coalesce(a.duplicate_of, a.id) "
                f"FROM lsh_bands b JOIN articles a ON a.seq = b.seq WHERE b.key IN ({marks})",
                chunk,
            ):
                sig = rows.signature_from_blob(blob)
                if sig is not None:
                    found.setdefault(key, []).append(Candidate(seq, article_id, sig, root))
        return found

    def _write_chunk(self, pending: Chunk) -> None:
        marks = ", ".join("?" * len(rows.COLUMNS))
        self._conn.executemany(
            f"INSERT INTO articles ({', '.join(rows.COLUMNS)}) VALUES ({marks})", pending.rows
        )
        self._conn.executemany("INSERT INTO lsh_bands (key, seq) VALUES (?, ?)", pending.bands)
        for old, new in pending.handovers.items():  # in the order they happened
            outlets = self._conn.execute(
                "SELECT outlet, outlets FROM articles WHERE id = ?", (old,)
            ).fetchone()
            self._conn.execute(
                "UPDATE articles SET duplicate_of = ? WHERE duplicate_of = ? OR id = ?",
                (new, old, old),
            )
            self._conn.execute(
                "UPDATE articles SET outlets = ? WHERE id = ?",
                (json.dumps([outlets[0]] if outlets[0] else []), old),
            )
            self._add_outlets(new, json.loads(outlets[1]))
        for root, outlets in pending.outlets.items():
            self._add_outlets(pending.current(root), outlets)

    def _add_outlets(self, article_id: str, outlets: list[str]) -> None:
        row = self._conn.execute(
            "SELECT outlets FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        current = json.loads(row[0])
        merged = list(dict.fromkeys([*current, *outlets]))
        if merged != current:
            self._conn.execute(
                "UPDATE articles SET outlets = ? WHERE id = ?", (json.dumps(merged), article_id)
            )

    def _next_seq(self) -> int:
        return int(
            self._conn.execute("SELECT coalesce(max(seq), 0) + 1 FROM articles").fetchone()[0]
        )

    def roots_of(self, ids: Sequence[str]) -> dict[str, str]:
        """Stored ids among `ids`, each with the id of its canonical copy."""
        roots: dict[str, str] = {}
        for chunk in _chunks(dict.fromkeys(ids), _IN_BATCH):
            marks = ", ".join("?" * len(chunk))
            roots.update(
                self._conn.execute(
                    f"SELECT id, coalesce(duplicate_of, id) FROM articles WHERE id IN ({marks})",
                    chunk,
                )
            )
        return roots

    def _clear_failures(self, sources: set[str]) -> None:
        self._conn.executemany(
            "DELETE FROM failures WHERE source = ?", [(s,) for s in sorted(sources)]
        )

    def _record_failures(self, failures: Iterable[Failure], tally: Tally) -> None:
        now = _now()
        batch = [(f.source, f.reason, now) for f in failures]
        self._conn.executemany(
            "INSERT INTO failures (source, reason, failed_at) VALUES (?, ?, ?) "
            "ON CONFLICT (source) DO UPDATE SET reason = excluded.reason, "
            "failed_at = excluded.failed_at",
            batch,
        )
        tally.failed.extend(source for source, _, _ in batch)

    def update(self, articles: Iterable[Article]) -> int:
        """Replace the stage outputs of stored articles (one transaction); returns how many.

        Articles not in the store are skipped. Duplicate links and `outlets` stay the store's;
        the near-duplicate signature follows the new clean text.
        """
        updated = 0
        with self._savepoint("update articles"):
            for chunk in _chunks(articles, _CHUNK):
                updated += self._update_chunk(chunk)
        return updated

    def _update_chunk(self, articles: list[Article]) -> int:
        seqs = self._seqs_of([a.id for a in articles])
        changes: list[tuple[Any, ...]] = []
        bands: list[tuple[int, int]] = []
        for article in articles:
            seq = seqs.get(article.id)
            if seq is None:
                continue
            sig = signature(dedup_text(article), self.dedup.num_perm)
            if sig is not None:
                keys = band_keys(sig, self.dedup.near_duplicate_threshold)
                bands.extend((key, seq) for key in keys)
            changes.append(
                (
                    article.source,
                    article.title,
                    article.outlet,
                    article.text,
                    rows.published_key(article),
                    rows.signature_to_blob(sig),
                    rows.data_json(article),
                    seq,
                )
            )
        self._conn.executemany("DELETE FROM lsh_bands WHERE seq = ?", [(c[-1],) for c in changes])
        self._conn.executemany(
            "UPDATE articles SET source = ?, title = ?, outlet = ?, text = ?, published = ?, "
            "signature = ?, data = ? WHERE seq = ?",
            changes,
        )
        self._conn.executemany("INSERT INTO lsh_bands (key, seq) VALUES (?, ?)", bands)
        return len(changes)

    def _seqs_of(self, ids: Sequence[str]) -> dict[str, int]:
        seqs: dict[str, int] = {}
        for chunk in _chunks(dict.fromkeys(ids), _IN_BATCH):
            marks = ", ".join("?" * len(chunk))
            seqs.update(
                self._conn.execute(f"SELECT id, seq FROM articles WHERE id IN ({marks})", chunk)
            )
        return seqs

    def copy_in(
        self,
        articles: Iterable[Article],
        failures: Sequence[Failure],
        curations: Sequence[Curation],
    ) -> int:
        """Another store's contents as they are (links, decisions and their ids kept), into
        this new one, in one transaction; returns how many articles. For `convert`."""
        if self.count() or self.curations() or self.failures():
            raise StoreError(f"{self.path}: the store to copy into must be new")
        copied = 0
        with self._savepoint("copy into the store"):
            # A canonical copy may come after its copies (it took over): check links at the end.
            self._conn.execute("PRAGMA defer_foreign_keys = ON")
            for chunk in _chunks(articles, _CHUNK):
                pending = Chunk(LshIndex(self.dedup.near_duplicate_threshold))
                seq, now = self._next_seq(), _now()
                for article in chunk:
                    sig = signature(dedup_text(article), self.dedup.num_perm)
                    if sig is not None:
                        keys = band_keys(sig, self.dedup.near_duplicate_threshold)
                        pending.bands.extend((key, seq) for key in keys)
                    pending.rows.append(rows.to_row(article, seq, sig, article.duplicate_of, now))
                    seq += 1
                self._write_chunk(pending)
                copied += len(chunk)
            self._record_failures(failures, Tally())
            self._conn.executemany(
                "INSERT INTO curations (id, kind, target, value, reason, made_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [(c.id, c.kind, c.target, c.value, c.reason, c.made_at) for c in curations],
            )
        return copied

    # -- reading ---------------------------------------------------------------------------

    def _article(self, row: tuple[Any, ...]) -> Article:
        return rows.stored_article(self.path, row)

    def articles(
        self,
        ids: Iterable[str] | None = None,
        include_duplicates: bool = True,
        page: tuple[int, int] | None = None,
    ) -> list[Article]:
        """Stored articles: all in first-seen order, or those of `ids` in the order given.

        `page` is (limit, offset) into the first-seen order, for listings a page at a time.
        """
        where = "" if include_duplicates else " WHERE duplicate_of IS NULL"
        if ids is None:
            limit, offset = page if page is not None else (-1, 0)
            found = self._conn.execute(
                f"{_ARTICLE_SQL}{where} ORDER BY seq LIMIT ? OFFSET ?", (limit, offset)
            )
            return [self._article(row) for row in found]
        wanted = list(dict.fromkeys(ids))
        by_id: dict[str, Article] = {}
        for chunk in _chunks(wanted, _IN_BATCH):
            marks = ", ".join("?" * len(chunk))
            for row in self._conn.execute(f"{_ARTICLE_SQL} WHERE id IN ({marks})", chunk):
                by_id[row[0]] = self._article(row)
        found_articles = [by_id[i] for i in wanted if i in by_id]
        if include_duplicates:
            return found_articles
        return [a for a in found_articles if a.duplicate_of is None]

    def article(self, article_id: str) -> Article | None:
        row = self._conn.execute(f"{_ARTICLE_SQL} WHERE id = ?", (article_id,)).fetchone()
        return None if row is None else self._article(row)

    def ids_starting(self, prefix: str, limit: int = 2) -> list[str]:
        """Up to `limit` stored ids that begin with `prefix` (an id shortened for people)."""
        if not prefix.isalnum():
            return []
        found = self._conn.execute(
            "SELECT id FROM articles WHERE id >= ? AND id < ? ORDER BY id LIMIT ?",
            (prefix, prefix + "\uffff", limit),
        )
        return [row[0] for row in found]

    def search(self, query: str, limit: int | None = None) -> list[str]:
        """Ids of articles matching `query` (FTS5 syntax) over title and text, best first.

        A query FTS5 cannot parse ("covid-19", an unbalanced quote) is retried with every
        term quoted, so it still means "all these words". A NUL would end FTS5's reading of
        the query mid-string (found by fuzzing the API), so it counts as a space.
        """
        query = query.replace("\x00", " ")
        if not query.strip():
            return []
        bound = -1 if limit is None else limit
        try:
            found = self._conn.execute(_SEARCH_SQL, (query, bound)).fetchall()
        except sqlite3.OperationalError:
            try:
                found = self._conn.execute(_SEARCH_SQL, (_quoted(query), bound)).fetchall()
            except sqlite3.OperationalError as exc:
                raise store_error(self.path, f"search for {query!r}", exc) from None
        return [row[0] for row in found]

    def failures(self) -> list[Failure]:
        """Sources that failed to read and have not been read successfully since."""
        found = self._conn.execute("SELECT source, reason FROM failures ORDER BY failed_at, source")
        return [Failure(source, reason) for source, reason in found]

    def version(self) -> tuple[int, ...]:
        """Changes whenever a batch is added or a decision made or undone, from any process:
        (articles, failures, newest decision, decisions). Decision ids only grow."""
        row = self._conn.execute(
            "SELECT (SELECT count(*) FROM articles), "
            "(SELECT count(*) FROM failures), "
            "(SELECT coalesce(max(id), 0) FROM curations), "
            "(SELECT count(*) FROM curations)"
        ).fetchone()
        return tuple(int(value) for value in row)

    # -- the user's decisions --------------------------------------------------------------

    def curate(self, curation: Curation) -> Curation:
        """Store a decision (one per kind and target: it replaces the one before)."""
        return self.curate_all([curation])[0]

    def curate_all(self, curations: Iterable[Curation]) -> list[Curation]:
        """Store decisions in one transaction: all or none."""
        stored = []
        with self._savepoint("store the decisions"):
            for curation in curations:
                made = curation.made_at or _now()
                self._conn.execute(
                    "DELETE FROM curations WHERE kind = ? AND target = ?",
                    (curation.kind, curation.target),
                )
                added = self._conn.execute(
                    "INSERT INTO curations (kind, target, value, reason, made_at) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (curation.kind, curation.target, curation.value, curation.reason, made),
                )
                stored.append(
                    dataclasses.replace(curation, made_at=made, id=int(added.lastrowid or 0))
                )
        return stored

    def uncurate(self, curation_id: int) -> bool:
        """Undo decision `curation_id`; False when there is none."""
        with self._savepoint("undo the decision"):
            gone = self._conn.execute("DELETE FROM curations WHERE id = ?", (curation_id,))
        return gone.rowcount > 0

    def curations(self) -> list[Curation]:
        """Every decision, oldest first."""
        found = self._conn.execute(
            "SELECT kind, target, value, reason, made_at, id FROM curations ORDER BY id"
        )
        return [Curation(*row) for row in found]

    def count(self, include_duplicates: bool = True) -> int:
        where = "" if include_duplicates else " WHERE duplicate_of IS NULL"
        return int(self._conn.execute(f"SELECT count(*) FROM articles{where}").fetchone()[0])
