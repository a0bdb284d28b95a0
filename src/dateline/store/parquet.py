"""The store as an Apache Parquet dataset: a folder that a cluster's engines can read as well.

A folder named `*.parquet` holds one table per subfolder, each a set of Parquet files, and a
`manifest.json` naming the files that count:

    articles/month=YYYY-MM/vN.parquet   one row per article, partitioned (hive style) by the
                                        month it was published ("month=undated")
    links/vN.parquet                    (id, duplicate_of, outlets, version): wire-copy links
                                        change as copies arrive; the newest row of an id wins
    signatures/vN.parquet, bands/vN.parquet   the near-duplicate index (MinHash, LSH keys)
    failures/vN.parquet                 (source, reason, ...): newest per source; no reason:
                                        read since
    curations/vN.parquet                every decision of the user's (few): the newest file

A write adds files under new names (each written to a temporary name, flushed, renamed), then
replaces the manifest the same way: until then no reader sees them, and files a crash leaves
behind are named by no manifest and removed by the next write. Writers take a lock file, one
at a time. DuckDB reads the manifest's files for every query; it has no full-text index here
(its extension would be a download), so `search` matches words with regular expressions.
"""

from __future__ import annotations

import contextlib
import dataclasses
import fcntl
import itertools
import json
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from dateline.cluster.duplicates import dedup_text
from dateline.cluster.minhash import SIGNATURE_SCHEME, LshIndex, band_keys, lsh_shape, signature
from dateline.errors import StoreError
from dateline.model import Article, Curation, Failure
from dateline.select.curate import KINDS
from dateline.settings import DedupSettings
from dateline.store import rows
from dateline.store.dedup import AddResult, Candidate, Chunk, Tally, plan_chunk

FORMAT = "dateline-parquet"
_CHUNK = 2000  # articles planned and written per version: fewer, larger files than SQLite's
_MANIFEST = "manifest.json"
_LOCK = ".lock"

_STRING, _INT = pa.string(), pa.int64()
SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema(
        [
            ("seq", _INT),
            ("id", _STRING),
            ("source", _STRING),
            ("title", _STRING),
            ("outlet", _STRING),
            ("text", _STRING),
            ("published", _STRING),
            ("added_at", _STRING),
            ("data", _STRING),
        ]
    ),
    "links": pa.schema(
        [("id", _STRING), ("duplicate_of", _STRING), ("outlets", _STRING), ("version", _INT)]
    ),
    "signatures": pa.schema([("seq", _INT), ("id", _STRING), ("signature", pa.binary())]),
    "bands": pa.schema([("key", _INT), ("seq", _INT)]),
    "failures": pa.schema(
        [("source", _STRING), ("reason", _STRING), ("failed_at", _STRING), ("version", _INT)]
    ),
    "curations": pa.schema(
        [
            ("id", _INT),
            ("kind", _STRING),
            ("target", _STRING),
            ("value", _STRING),
            ("reason", _STRING),
            ("made_at", _STRING),
        ]
    ),
}
_DUCK_TYPES = {_STRING: "VARCHAR", _INT: "BIGINT", pa.binary(): "BLOB"}

# The newest row per key of the logged tables, and the articles as `rows.READ_COLUMNS` reads.
_VIEWS = (
    "CREATE OR REPLACE TEMP VIEW links_now AS SELECT id, duplicate_of, outlets FROM links_files "
    "QUALIFY row_number() OVER (PARTITION BY id ORDER BY version DESC) = 1",
    "CREATE OR REPLACE TEMP VIEW failures_now AS SELECT source, reason, failed_at "
    "FROM failures_files "
    "QUALIFY row_number() OVER (PARTITION BY source ORDER BY version DESC) = 1",
    "CREATE OR REPLACE TEMP VIEW stored AS SELECT a.seq, a.id, a.source, a.title, a.outlet, "
    "a.text, a.published, l.duplicate_of, l.outlets, a.data "
    "FROM articles_files a JOIN links_now l ON l.id = a.id",
)
_ARTICLE_SQL = f"SELECT {', '.join(rows.READ_COLUMNS)} FROM stored"


@dataclass
class Manifest:
    """What the dataset holds: the files of each table, and the counters a writer advances."""

    version: int = 0
    next_seq: int = 1
    next_curation: int = 1
    meta: dict[str, str] = field(default_factory=dict)
    files: dict[str, list[str]] = field(default_factory=lambda: {name: [] for name in SCHEMAS})

    def to_json(self) -> str:
        return json.dumps({"format": FORMAT, **dataclasses.asdict(self)}, indent=1)

    @classmethod
    def parse(cls, text: str) -> Manifest:
        """The manifest in `text`; ValueError (or KeyError, TypeError) when it is not one."""
        data = json.loads(text)
        if not isinstance(data, dict) or data.pop("format", None) != FORMAT:
            raise ValueError(f"not a {FORMAT} manifest")
        manifest = cls(**data)
        manifest.files = {name: list(manifest.files.get(name, [])) for name in SCHEMAS}
        return manifest


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


def search_terms(query: str) -> list[list[tuple[str, bool]]]:
    """What `query` asks for: any of its parts between the word OR (as FTS5 reads it), each
    all of its words, lower-cased without accents, each with whether it ends in `*` (a
    prefix)."""
    groups = []
    for part in re.split(r"\bOR\b", query.replace("\x00", " ")):
        plain = unicodedata.normalize("NFKD", part.lower())
        plain = "".join(c for c in plain if not unicodedata.combining(c))
        words = [(word, star == "*") for word, star in re.findall(r"([^\W_]+)(\*?)", plain)]
        if words:
            groups.append(words)
    return groups


_WORD_START, _WORD_END = r"(^|[^\pL\pN])", r"([^\pL\pN]|$)"


def _pattern(word: str, prefix: bool) -> str:
    """An RE2 pattern for `word` as a whole word (or a word's start), letters in any script."""
    end = "" if prefix else _WORD_END
    return _WORD_START + re.escape(word) + end


class ParquetStore:
    """Articles, failures and the user's decisions in a Parquet dataset (see the module)."""

    def __init__(
        self,
        path: Path | str,
        dedup: DedupSettings | None = None,
        *,
        any_thread: bool = False,  # a DuckDB connection may move between threads
    ) -> None:
        self.path = Path(path)
        self.dedup = dedup or DedupSettings()
        self._manifest = self._open()
        self._stamp: tuple[int, int] | None = None
        self._work: Manifest | None = None  # the batch being written, which its reads see
        self._shown: Manifest | None = None  # the manifest the views read
        self._stale = True
        self._conn = duckdb.connect()

    def __enter__(self) -> ParquetStore:
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

    # -- the manifest ------------------------------------------------------------------------

    def _open(self) -> Manifest:
        """The dataset's manifest; a new empty dataset when the folder is missing or empty."""
        if self.path.exists() and not self.path.is_dir():
            raise StoreError(f"{self.path}: not a dateline store (a Parquet store is a folder)")
        if (self.path / _MANIFEST).exists():
            return self._read_manifest()
        try:
            self.path.mkdir(exist_ok=True)
            if any(self.path.iterdir()):
                raise StoreError(
                    f"{self.path}: a folder, but not a dateline store (no {_MANIFEST})"
                )
            manifest = Manifest(meta=self._index_shape())
            self._write_manifest(manifest)
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot open the store: {_one_line(exc)}") from None
        return manifest

    def _read_manifest(self) -> Manifest:
        where = self.path / _MANIFEST
        try:
            return Manifest.parse(where.read_text(encoding="utf-8"))
        except OSError as exc:
            raise StoreError(f"{where}: cannot read the store: {_one_line(exc)}") from None
        except (ValueError, TypeError, KeyError) as exc:
            raise StoreError(f"{where}: not a dateline store manifest ({_one_line(exc)})") from None

    def _write_manifest(self, manifest: Manifest) -> None:
        """Replace the manifest in one step: readers see the old one or the new one."""
        final = self.path / _MANIFEST
        temporary = final.with_name(f".{_MANIFEST}.tmp")
        temporary.write_text(manifest.to_json(), encoding="utf-8")
        _fsync(temporary)
        os.replace(temporary, final)
        _fsync(self.path)

    def _current(self) -> Manifest:
        """The newest committed manifest (another process may have written since)."""
        try:
            info = (self.path / _MANIFEST).stat()
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot read the store: {_one_line(exc)}") from None
        stamp = (info.st_ino, info.st_mtime_ns)
        if stamp != self._stamp:
            self._manifest, self._stamp = self._read_manifest(), stamp
        return self._manifest

    def _index_shape(self) -> dict[str, str]:
        bands, rows_per_band = lsh_shape(self.dedup.near_duplicate_threshold, self.dedup.num_perm)
        return {
            "signature": f"{SIGNATURE_SCHEME}:{self.dedup.num_perm}",
            "bands": f"{bands}x{rows_per_band}",
        }

    # -- reading -----------------------------------------------------------------------------

    def _query(self, action: str, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Rows of `sql` over the committed manifest's files (or the batch being written).

        A reader whose manifest was replaced mid-query (a writer then removed a file only the
        old one named) asks once more over the new one.
        """
        for _ in range(2):
            manifest = self._work if self._work is not None else self._current()
            try:
                if self._stale or manifest is not self._shown:
                    self._view(manifest)
                return self._conn.execute(sql, list(params)).fetchall()
            except duckdb.Error as exc:
                error = exc
                if self._work is not None or self._current() is manifest:
                    break
        raise StoreError(f"{self.path}: cannot {action}: {_one_line(error)}") from None

    def _view(self, manifest: Manifest) -> None:
        """Point the views at `manifest`'s files."""
        for name, schema in SCHEMAS.items():
            self._conn.execute(
                f"CREATE OR REPLACE TEMP VIEW {name}_files AS "
                f"{self._scan(name, schema, manifest.files[name])}"
            )
        for view in _VIEWS:
            self._conn.execute(view)
        self._shown, self._stale = manifest, False

    def _scan(self, name: str, schema: pa.Schema, files: list[str]) -> str:
        if not files:
            columns = ", ".join(f"NULL::{_DUCK_TYPES[f.type]} AS {f.name}" for f in schema)
            return f"SELECT {columns} WHERE false"
        paths = ", ".join("'" + str(self.path / f).replace("'", "''") + "'" for f in files)
        hive = "true, hive_types_autocast = false" if name == "articles" else "false"
        return f"SELECT * FROM read_parquet([{paths}], hive_partitioning = {hive})"

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
            bound = f" LIMIT {int(limit)}" if limit >= 0 else ""
            found = self._query(
                "read the articles",
                f"{_ARTICLE_SQL}{where} ORDER BY seq{bound} OFFSET {int(offset)}",
            )
            return [self._article(row) for row in found]
        wanted = list(dict.fromkeys(ids))
        if not wanted:
            return []
        found = self._query(
            "read the articles", f"{_ARTICLE_SQL} WHERE id IN (SELECT unnest(?))", [wanted]
        )
        by_id = {row[0]: self._article(row) for row in found}
        chosen = [by_id[i] for i in wanted if i in by_id]
        return chosen if include_duplicates else [a for a in chosen if a.duplicate_of is None]

    def article(self, article_id: str) -> Article | None:
        found = self._query("read an article", f"{_ARTICLE_SQL} WHERE id = ?", [article_id])
        return self._article(found[0]) if found else None

    def ids_starting(self, prefix: str, limit: int = 2) -> list[str]:
        """Up to `limit` stored ids that begin with `prefix` (an id shortened for people)."""
        if not prefix.isalnum():
            return []
        found = self._query(
            "look up an id",
            "SELECT id FROM articles_files WHERE starts_with(id, ?) ORDER BY id LIMIT ?",
            [prefix, limit],
        )
        return [row[0] for row in found]

    def search(self, query: str, limit: int | None = None) -> list[str]:
        """Ids of articles having every word of `query` (a trailing * makes a word a prefix;
        OR between words: either side) in title or text, accents and case aside; best first,
        by hits, a title hit counting twice."""
        groups = [
            [_pattern(word, prefix) for word, prefix in group] for group in search_terms(query)
        ]
        if not groups:
            return []
        found_in = "regexp_matches(t || ' ' || b, ?)"
        matches = " OR ".join("(" + " AND ".join([found_in] * len(g)) + ")" for g in groups)
        patterns = [p for group in groups for p in group]
        hit = "2 * len(regexp_extract_all(t, ?)) + len(regexp_extract_all(b, ?))"
        hits = " + ".join([hit] * len(patterns))
        bound = "" if limit is None else f" LIMIT {int(limit)}"
        found = self._query(
            f"search for {query!r}",
            f"SELECT id FROM (SELECT seq, id, strip_accents(lower(title)) AS t, "
            f"strip_accents(lower(text)) AS b FROM articles_files) WHERE {matches} "
            f"ORDER BY {hits} DESC, seq{bound}",
            [*patterns, *(p for p in patterns for _ in range(2))],
        )
        return [row[0] for row in found]

    def failures(self) -> list[Failure]:
        """Sources that failed to read and have not been read successfully since."""
        found = self._query(
            "read the failures",
            "SELECT source, reason FROM failures_now WHERE reason IS NOT NULL "
            "ORDER BY failed_at, source",
        )
        return [Failure(source, reason) for source, reason in found]

    def curations(self) -> list[Curation]:
        """Every decision, oldest first."""
        found = self._query(
            "read the decisions",
            "SELECT kind, target, value, reason, made_at, id FROM curations_files ORDER BY id",
        )
        return [Curation(*row) for row in found]

    def count(self, include_duplicates: bool = True) -> int:
        where = "" if include_duplicates else " WHERE duplicate_of IS NULL"
        return int(self._query("count the articles", f"SELECT count(*) FROM stored{where}")[0][0])

    def version(self) -> tuple[int, ...]:
        """Changes whenever a batch is added or a decision made or undone, from any process,
        as the SQLite store's does: (articles, failures, newest decision, decisions)."""
        found = self._query(
            "read the store's version",
            "SELECT (SELECT count(*) FROM articles_files), "
            "(SELECT count(*) FROM failures_now WHERE reason IS NOT NULL), "
            "(SELECT coalesce(max(id), 0) FROM curations_files), "
            "(SELECT count(*) FROM curations_files)",
        )
        return tuple(int(value) for value in found[0])

    # -- what planning a chunk asks (dedup.StoredIndex) ---------------------------------------

    def roots_of(self, ids: Sequence[str]) -> dict[str, str]:
        if not ids:
            return {}
        found = self._query(
            "look up stored ids",
            "SELECT id, coalesce(duplicate_of, id) FROM links_now WHERE id IN (SELECT unnest(?))",
            [list(dict.fromkeys(ids))],
        )
        return dict(found)

    def band_candidates(self, keys: Sequence[int]) -> dict[int, list[Candidate]]:
        if not keys:
            return {}
        found: dict[int, list[Candidate]] = {}
        for key, seq, article_id, blob, root in self._query(
            "look up near-duplicates",
            "SELECT b.key, s.seq, s.id, s.signature, coalesce(l.duplicate_of, s.id) "
            "FROM bands_files b JOIN signatures_files s ON s.seq = b.seq "
            "JOIN links_now l ON l.id = s.id WHERE b.key IN (SELECT unnest(?))",
            [list(keys)],
        ):
            sig = rows.signature_from_blob(blob)
            if sig is not None:
                found.setdefault(key, []).append(Candidate(seq, article_id, sig, root))
        return found

    # -- writing -----------------------------------------------------------------------------

    @contextlib.contextmanager
    def _batch(self, action: str) -> Iterator[Manifest]:
        """One writer at a time; the batch's files count only if the block ends normally.

        Any exception, KeyboardInterrupt included, removes the files the batch wrote.
        """
        try:
            lock = open(self.path / _LOCK, "a")  # noqa: SIM115 -- held for the whole batch
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot {action}: {_one_line(exc)}") from None
        with lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            self._stamp = None
            work = dataclasses.replace(self._current(), files={})
            work.files = {name: list(files) for name, files in self._manifest.files.items()}
            self._remove_strays(work)
            self._work, self._stale = work, True
            try:
                yield work
                self._write_manifest(work)
            except BaseException as exc:
                self._remove_strays(self._manifest)
                if isinstance(exc, OSError):
                    raise StoreError(f"{self.path}: cannot {action}: {_one_line(exc)}") from None
                raise
            finally:
                self._work, self._stale, self._stamp = None, True, None

    def _remove_strays(self, manifest: Manifest) -> None:
        """Files a stopped writer left: named by no manifest, so no reader ever read them."""
        named = {self.path / f for files in manifest.files.values() for f in files}
        for name in SCHEMAS:
            for path in (self.path / name).rglob("*"):
                if path.is_file() and path not in named:
                    path.unlink()

    def _write(
        self, work: Manifest, table: str, columns: dict[str, list[Any]], part: str = ""
    ) -> None:
        """One file of `table` for version `work.version`, named in `work` once it is whole."""
        relative = Path(table, part, f"v{work.version:08d}.parquet")
        final = self.path / relative
        final.parent.mkdir(parents=True, exist_ok=True)
        temporary = final.with_name(f".{final.name}.tmp")
        pq.write_table(pa.table(columns, schema=SCHEMAS[table]), temporary, compression="zstd")
        _fsync(temporary)
        os.replace(temporary, final)
        work.files[table].append(relative.as_posix())
        self._stale = True

    def add(self, articles: Iterable[Article], failures: Iterable[Failure] = ()) -> AddResult:
        """Add one batch as the SQLite store does (`dedup.plan_chunk`): all of it or nothing."""
        tally = Tally()
        with self._batch("add the batch") as work:
            if work.meta != self._index_shape():
                self._reindex(work)
            for chunk in _chunks(articles, _CHUNK):
                work.version += 1
                pending = plan_chunk(chunk, self, self.dedup, tally, work.next_seq, _now())
                self._write_chunk(work, pending)
            work.version += 1
            self._write_failures(work, tally, list(failures))
        return tally.result()

    def _write_chunk(self, work: Manifest, pending: Chunk) -> None:
        if not pending.rows:
            return
        by_month: dict[str, list[tuple[Any, ...]]] = {}
        for row in pending.rows:
            published = row[rows.COLUMNS.index("published")]
            by_month.setdefault(published[:7] if published else "undated", []).append(row)
        for month, month_rows in sorted(by_month.items()):
            columns = {
                name: [row[rows.COLUMNS.index(name)] for row in month_rows]
                for name in SCHEMAS["articles"].names
            }
            self._write(work, "articles", columns, f"month={month}")
        seq_at, id_at, sig_at = (rows.COLUMNS.index(c) for c in ("seq", "id", "signature"))
        signed = [row for row in pending.rows if row[sig_at] is not None]
        self._write(
            work,
            "signatures",
            {
                "seq": [row[seq_at] for row in signed],
                "id": [row[id_at] for row in signed],
                "signature": [row[sig_at] for row in signed],
            },
        )
        self._write(
            work,
            "bands",
            {"key": [key for key, _ in pending.bands], "seq": [seq for _, seq in pending.bands]},
        )
        self._write_links(work, self._links_after(pending))
        work.next_seq = max(row[seq_at] for row in pending.rows) + 1

    def _links_after(self, pending: Chunk) -> dict[str, tuple[str | None, list[str]]]:
        """The links the chunk sets: its own articles', and those its copies and handovers
        change, in the order the SQLite store applies them."""
        dup_at, outlets_at = rows.COLUMNS.index("duplicate_of"), rows.COLUMNS.index("outlets")
        links = {row[1]: (row[dup_at], json.loads(row[outlets_at])) for row in pending.rows}
        outlet_of = {row[1]: row[rows.COLUMNS.index("outlet")] for row in pending.rows}

        def load(ids: Iterable[str]) -> None:
            missing = [i for i in dict.fromkeys(ids) if i not in links]
            if not missing:
                return
            for article_id, dup, outlets, outlet in self._query(
                "read the links",
                "SELECT id, duplicate_of, outlets, outlet FROM stored "
                "WHERE id IN (SELECT unnest(?))",
                [missing],
            ):
                links[article_id] = (dup, json.loads(outlets))
                outlet_of[article_id] = outlet

        for old, new in pending.handovers.items():
            copies = self._query(
                "read the links",
                "SELECT id FROM links_now WHERE duplicate_of = ? OR id = ?",
                [old, old],
            )
            load([old, new, *(row[0] for row in copies)])
            for article_id, (dup, outlets) in list(links.items()):
                if dup == old or article_id == old:
                    links[article_id] = (new, outlets)
            moved = links[old][1]
            links[old] = (new, [outlet_of[old]] if outlet_of[old] else [])
            self._merge(links, new, moved)
        load(pending.current(root) for root in pending.outlets)
        for root, outlets in pending.outlets.items():
            self._merge(links, pending.current(root), outlets)
        return links

    @staticmethod
    def _merge(
        links: dict[str, tuple[str | None, list[str]]], article_id: str, outlets: list[str]
    ) -> None:
        dup, current = links[article_id]
        links[article_id] = (dup, list(dict.fromkeys([*current, *outlets])))

    def _write_links(self, work: Manifest, links: dict[str, tuple[str | None, list[str]]]) -> None:
        self._write(
            work,
            "links",
            {
                "id": list(links),
                "duplicate_of": [dup for dup, _ in links.values()],
                "outlets": [json.dumps(outlets) for _, outlets in links.values()],
                "version": [work.version] * len(links),
            },
        )

    def _write_failures(self, work: Manifest, tally: Tally, failures: list[Failure]) -> None:
        """Sources read now lose their old failure; the batch's failures are recorded."""
        now = _now()
        stale = (
            []
            if not tally.succeeded_sources
            else self._query(
                "read the failures",
                "SELECT source FROM failures_now WHERE reason IS NOT NULL "
                "AND source IN (SELECT unnest(?))",
                [sorted(tally.succeeded_sources)],
            )
        )
        latest: dict[str, str | None] = {row[0]: None for row in stale}
        latest.update((f.source, f.reason) for f in failures)
        tally.failed.extend(f.source for f in failures)
        if latest:
            self._write(
                work,
                "failures",
                {
                    "source": list(latest),
                    "reason": list(latest.values()),
                    "failed_at": [now] * len(latest),
                    "version": [work.version] * len(latest),
                },
            )

    def _reindex(self, work: Manifest) -> None:
        """Signatures and band keys again, for the dedup settings this store now runs with."""
        work.version += 1
        sigs: dict[str, list[Any]] = {"seq": [], "id": [], "signature": []}
        bands: dict[str, list[Any]] = {"key": [], "seq": []}
        for row in self._query(
            "re-index near-duplicates", f"SELECT seq, {', '.join(rows.READ_COLUMNS)} FROM stored"
        ):
            sig = signature(dedup_text(self._article(row[1:])), self.dedup.num_perm)
            if sig is None:
                continue
            sigs["seq"].append(row[0])
            sigs["id"].append(row[1])
            sigs["signature"].append(rows.signature_to_blob(sig))
            for key in band_keys(sig, self.dedup.near_duplicate_threshold):
                bands["key"].append(key)
                bands["seq"].append(row[0])
        work.files["signatures"], work.files["bands"] = [], []
        self._write(work, "signatures", sigs)
        self._write(work, "bands", bands)
        work.meta = self._index_shape()

    def copy_in(
        self,
        articles: Iterable[Article],
        failures: Iterable[Failure],
        curations: Iterable[Curation],
    ) -> int:
        """Another store's contents as they are (links, decisions and their ids kept), into
        this empty one; returns how many articles. For `convert`."""
        copied = 0
        with self._batch("copy into the store") as work:
            if work.version or work.next_seq > 1:
                raise StoreError(f"{self.path}: the store to copy into must be new")
            for chunk in _chunks(articles, _CHUNK):
                work.version += 1
                pending = Chunk(LshIndex(self.dedup.near_duplicate_threshold))
                for article in chunk:
                    sig = signature(dedup_text(article), self.dedup.num_perm)
                    keys = (
                        band_keys(sig, self.dedup.near_duplicate_threshold)
                        if sig is not None
                        else []
                    )
                    pending.rows.append(
                        rows.to_row(article, work.next_seq, sig, article.duplicate_of, _now())
                    )
                    pending.bands.extend((key, work.next_seq) for key in keys)
                    work.next_seq += 1
                self._write_chunk(work, pending)
                copied += len(chunk)
            work.version += 1
            self._write_failures(work, Tally(), list(failures))
            self._write_curations(work, list(curations))
        return copied

    # -- the user's decisions ----------------------------------------------------------------

    def _write_curations(self, work: Manifest, curations: list[Curation]) -> None:
        self._write(
            work,
            "curations",
            {
                "id": [c.id for c in curations],
                "kind": [c.kind for c in curations],
                "target": [c.target for c in curations],
                "value": [c.value for c in curations],
                "reason": [c.reason for c in curations],
                "made_at": [c.made_at for c in curations],
            },
        )
        work.files["curations"] = work.files["curations"][-1:]
        work.next_curation = max([work.next_curation, *(1 + (c.id or 0) for c in curations)])

    def curate(self, curation: Curation) -> Curation:
        """Store a decision (one per kind and target: it replaces the one before)."""
        return self.curate_all([curation])[0]

    def curate_all(self, curations: Iterable[Curation]) -> list[Curation]:
        """Store decisions in one write: all or none."""
        stored: list[Curation] = []
        with self._batch("store the decisions") as work:
            kept = self.curations()
            for curation in curations:
                if curation.kind not in KINDS:  # the SQLite store's CHECK constraint
                    raise StoreError(
                        f"{self.path}: cannot store the decisions: {curation.kind!r} is none "
                        f"of {', '.join(KINDS)}"
                    )
                made = dataclasses.replace(
                    curation, made_at=curation.made_at or _now(), id=work.next_curation
                )
                work.next_curation += 1
                kept = [c for c in kept if (c.kind, c.target) != (made.kind, made.target)]
                kept.append(made)
                stored.append(made)
            work.version += 1
            self._write_curations(work, kept)
        return stored

    def uncurate(self, curation_id: int) -> bool:
        """Undo decision `curation_id`; False when there is none."""
        with self._batch("undo the decision") as work:
            kept = self.curations()
            left = [c for c in kept if c.id != curation_id]
            if len(left) == len(kept):
                return False
            work.version += 1
            self._write_curations(work, left)
        return True
