"""WARC crawls: one Article per HTML (or plain-text) `response` or `resource` record.

Records stream through `warcio`, so a crawl of any size reads in bounded memory (each record
is capped at `max_bytes`). A broken record becomes a Failure and reading resumes at the next
record marker, so one bad record does not cost the rest of the crawl. Whole-file gzip (one
member for the whole crawl, which warcio refuses) is read through a gzip stream instead.
"""

from __future__ import annotations

import gzip
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO, cast

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from dateline.model import Article, Failure
from dateline.read.decode import decode
from dateline.read.html import read_html
from dateline.read.metadate import parse_date
from dateline.read.sniff import GZIP_MAGIC, Kind, binary_reason, sniff
from dateline.settings import ReadSettings

Result = Article | Failure

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_TEXT_TYPES = ("text/plain",)
_RECORD_MARKER = b"WARC/1."
_SEARCH_CHUNK = 64 * 1024
# Past this many broken records the file is not a WARC worth reading on.
_MAX_FAILURES = 20


class _QuietIterator(ArchiveIterator):
    """warcio prints a warning to stderr on a bad Content-Length; dateline reports it."""

    INC_RECORD = ""


class _ShortReads:
    """A GzipFile whose `read` returns what is decompressed so far (`read1`).

    GzipFile.read(n) drops the bytes it already has when the data ends early, which would
    lose the last complete records of a truncated crawl.
    """

    def __init__(self, stream: gzip.GzipFile) -> None:
        self._stream = stream

    def read(self, size: int = -1) -> bytes:
        return self._stream.read1(size)

    def tell(self) -> int:
        return self._stream.tell()

    def seek(self, offset: int, whence: int = 0) -> int:
        return self._stream.seek(offset, whence)


class _WholeFileGzip(Exception):
    """warcio met one gzip member spanning several records."""


def read_warc(
    source: str, handle: BinaryIO, gzipped: bool, size: int, settings: ReadSettings
) -> Iterator[Result]:
    """Articles from the HTML records of a WARC file (plain or gzipped) in `handle`."""
    first = _Pass(source, settings, members=gzipped)
    try:
        yield from first.run(handle, size)
    except _WholeFileGzip:
        handle.seek(0)
        whole = cast(BinaryIO, _ShortReads(gzip.GzipFile(fileobj=handle, mode="rb")))
        # warcio already handed over the records before the one it refused.
        yield from _Pass(source, settings, members=False, skip=first.seen).run(whole, None)


@dataclass
class _Pass:
    """One pass over a WARC stream, resuming past broken records.

    `members`: warcio sees one gzip member per record, so records are found by gzip magic
    rather than by the `WARC/1.` line. `skip`: records a previous pass already handled.
    """

    source: str
    settings: ReadSettings
    members: bool
    skip: int = 0
    seen: int = 0
    failures: int = 0

    def run(self, stream: BinaryIO, size: int | None) -> Iterator[Result]:
        """Every record's result; `size` None means a stream whose end cannot be checked."""
        position: int | None = 0
        while position is not None:
            broken_at = yield from self._records(stream, position, size)
            if broken_at is None:
                return
            self.failures += 1
            if self.failures >= _MAX_FAILURES:
                reason = f"over {_MAX_FAILURES} malformed WARC records; rest skipped"
                yield Failure(self.source, reason)
                return
            position = self._after(stream, broken_at)

    def _records(
        self, stream: BinaryIO, position: int, size: int | None
    ) -> Generator[Result, None, int | None]:
        """Read records from `position`; return where a broken one starts, or None at the end."""
        stream.seek(position)
        records = _QuietIterator(stream)
        start = position
        try:
            for record in records:
                self.seen += 1
                if self.seen <= self.skip:
                    continue
                result = _record(self.source, record, self.settings)
                offset = records.get_record_offset()  # reads the rest of the record
                start = offset + max(records.get_record_length(), 1)
                problem = _problem(record, records.err_count)
                if problem:
                    yield Failure(f"{self.source}::@{offset}", problem)
                    return offset
                if result is not None:
                    yield result
            if size is None:
                _drain(stream)  # warcio ends quietly on a truncated gzip; this raises EOFError
                return None
            if _only_whitespace(stream, start):
                return None
            yield Failure(f"{self.source}::@{start}", "truncated or unreadable WARC data")
        except ArchiveLoadFailed as exc:
            if "non-chunked gzip" in str(exc):
                raise _WholeFileGzip from None
            yield Failure(f"{self.source}::@{start}", "malformed WARC record")
        except (EOFError, OSError):
            yield Failure(self.source, "truncated gzip file (WARC data ends early)")
            return None
        except Exception as exc:
            # warcio fails on broken records in many ways (AttributeError on a cut header).
            reason = f"malformed WARC record ({type(exc).__name__})"
            yield Failure(f"{self.source}::@{start}", reason)
        return start

    def _after(self, stream: BinaryIO, start: int) -> int | None:
        """The next record marker after the broken record's own one (at or after `start`)."""
        marker = GZIP_MAGIC + b"\x08" if self.members else _RECORD_MARKER
        broken = _find(stream, marker, start, self.members)
        return None if broken is None else _find(stream, marker, broken + 1, self.members)


def _problem(record: Any, errors: int) -> str | None:
    """Why a record that warcio read is still broken, if it is."""
    if errors or record.rec_type is None:
        return "malformed WARC record (bad header or Content-Length)"
    if getattr(record.raw_stream, "limit", 0) > 0:
        return "truncated WARC record (content ends before its Content-Length)"
    return None


def _record(source: str, record: Any, settings: ReadSettings) -> Result | None:
    """The Article a record holds, a Failure, or None for records that are not pages."""
    wanted: tuple[str, ...]
    if record.rec_type == "response":
        headers = record.http_headers
        if headers is None or not headers.get_statuscode().startswith("2"):
            return None
        content_type = headers.get_header("Content-Type") or ""
        # Crawled text/plain is robots.txt and the like; news pages are served as HTML.
        wanted = _HTML_TYPES
    elif record.rec_type == "resource":
        content_type = record.rec_headers.get_header("Content-Type") or ""
        wanted = _HTML_TYPES + _TEXT_TYPES
    else:
        return None
    media = content_type.split(";")[0].strip().lower()
    if media and media not in wanted:
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    where = f"{source}::{uri}"
    try:
        data = record.content_stream().read(settings.max_bytes + 1)
    except Exception as exc:
        return Failure(where, f"record content cannot be decoded ({type(exc).__name__})")
    if len(data) > settings.max_bytes:
        return Failure(where, f"record too large: over {settings.max_bytes:,} bytes")
    if not data.strip():
        return Failure(where, "record has no content")
    if binary_reason(data[:4096]):
        return Failure(where, "record content is binary, not text")
    kind = Kind.HTML if media in _HTML_TYPES else sniff(data[:4096], uri)
    if kind not in (Kind.HTML, Kind.TEXT):
        return None
    text = decode(data, declared=_charset(content_type))
    if kind is Kind.TEXT:
        return Article.from_raw(where, text, url=uri)
    crawled = parse_date(record.rec_headers.get_header("WARC-Date") or "")
    return read_html(where, text, url=uri, crawled=crawled)


def _charset(content_type: str) -> str | None:
    for parameter in content_type.split(";")[1:]:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset":
            return value.strip().strip("\"'") or None
    return None


def _drain(stream: BinaryIO) -> None:
    while stream.read(_SEARCH_CHUNK):
        pass


def _only_whitespace(stream: BinaryIO, position: int) -> bool:
    stream.seek(position)
    while chunk := stream.read(_SEARCH_CHUNK):
        if chunk.strip():
            return False
    return True


def _find(stream: BinaryIO, marker: bytes, position: int, members: bool) -> int | None:
    """Offset of the next record marker at or after `position` (at a line start if plain)."""
    # Start one byte early so a marker right at `position` can be checked for a line start.
    stream.seek(max(position - 1, 0))
    carry = stream.read(1) if position > 0 else b"\n"
    base = position
    while chunk := stream.read(_SEARCH_CHUNK):
        window = carry + chunk
        origin = base - len(carry)
        index = window.find(marker, 1)
        while index != -1:
            if members or window[index - 1 : index] == b"\n":
                return origin + index
            index = window.find(marker, index + 1)
        carry = window[-len(marker) :]
        base += len(chunk)
    return None
