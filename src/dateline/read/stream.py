"""The byte-level edge of reading: open, spool stdin, peek, decompress, read with a cap.

Every input becomes a seekable binary handle (stdin is spooled to memory, then disk), so the
format readers can peek at the head and start again, and a WARC reader can jump past a broken
record. gzip is decompressed as a stream; nothing reads more than the caller's cap.
"""

from __future__ import annotations

import errno
import gzip
import shutil
import tempfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from dateline.errors import InputError
from dateline.read.sniff import GZIP_MAGIC, HEAD_BYTES

# stdin below this stays in memory; above it the spool moves to a temporary file.
_SPOOL_IN_MEMORY = 8 * 1024 * 1024
_CHUNK = 64 * 1024
# Real gzipped news inflate 1.9x (the sample crawl) to 3.2x (Timeline17's JSON dumps) and 5.7x
# (the most repetitive of 239 real pages); a bomb is hundreds of times. 100x leaves real data
# an 18-fold margin, and anything up to the floor is too small to matter whatever its ratio.
MAX_RATIO = 100
RATIO_FLOOR = 16 * 1024 * 1024
# Whatever the ratio, a file inflating past this is refused: 4 GiB inflates in about 10 s,
# the least time any reader would then spend on it is far longer.
MAX_EXPANDED = 4 * 1024 * 1024 * 1024


def open_file(path: Path) -> BinaryIO:
    """Open `path` for reading bytes; an unreadable file raises a one-line InputError."""
    try:
        return path.open("rb")
    except FileNotFoundError:
        raise InputError(str(path), "no such file") from None
    except PermissionError:
        raise InputError(str(path), "permission denied") from None
    except IsADirectoryError:
        raise InputError(str(path), "is a directory") from None
    except OSError as exc:
        raise InputError(str(path), f"cannot open: {exc.strerror or exc}") from None


def spool(stream: BinaryIO) -> BinaryIO:
    """A seekable copy of a one-pass stream such as stdin."""
    copy = tempfile.SpooledTemporaryFile(max_size=_SPOOL_IN_MEMORY)  # noqa: SIM115
    shutil.copyfileobj(stream, copy, _CHUNK)
    copy.seek(0)
    return copy  # type: ignore[return-value]


def size_of(handle: BinaryIO) -> int:
    """Byte size of a seekable handle, leaving it at the start."""
    size = handle.seek(0, 2)
    handle.seek(0)
    return size


def is_gzip(handle: BinaryIO) -> bool:
    handle.seek(0)
    magic = handle.read(len(GZIP_MAGIC))
    handle.seek(0)
    return magic == GZIP_MAGIC


@contextmanager
def gzip_errors(source: str) -> Iterator[None]:
    """Turn the ways a gzip stream breaks into one-line InputErrors."""
    try:
        yield
    except EOFError:
        raise InputError(source, "truncated gzip file (compressed data ends early)") from None
    except (gzip.BadGzipFile, zlib.error) as exc:
        raise InputError(source, f"corrupt gzip data ({exc})") from None
    except OSError as exc:
        if exc.errno in (errno.EACCES, errno.EISDIR):
            raise InputError(source, f"cannot read: {exc.strerror}") from None
        raise InputError(source, f"read error: {exc.strerror or exc}") from None


def peek(handle: BinaryIO, gzipped: bool, source: str) -> bytes:
    """The first HEAD_BYTES of the (decompressed) content; the handle is rewound."""
    handle.seek(0)
    with gzip_errors(source):
        head = _gunzip_head(handle) if gzipped else handle.read(HEAD_BYTES)
    handle.seek(0)
    return head


def _gunzip_head(handle: BinaryIO) -> bytes:
    # A decompressobj tolerates the partial input a peek gives it; GzipFile would not. A
    # corrupt later member is the record reader's business: the head only needs a start.
    out = bytearray()
    inflater = zlib.decompressobj(wbits=31)
    pending = b""
    while len(out) < HEAD_BYTES:
        chunk = pending or inflater.unconsumed_tail or handle.read(_CHUNK)
        pending = b""
        if not chunk:
            break
        try:
            out += inflater.decompress(chunk, HEAD_BYTES - len(out))
        except zlib.error:
            if out:
                break
            raise
        if inflater.eof:
            pending = inflater.unused_data or handle.read(_CHUNK)
            if not pending.startswith(GZIP_MAGIC):
                break
            inflater = zlib.decompressobj(wbits=31)
    return bytes(out)


def check_expansion(handle: BinaryIO, size: int, source: str) -> int:
    """The size a gzip file inflates to; InputError past MAX_RATIO or MAX_EXPANDED.

    The check inflates in bounded steps and keeps nothing, so a bomb costs a fraction of a
    second and a few megabytes. Damage is left for the reader to report where it is met.
    """
    limit = min(max(MAX_RATIO * size, RATIO_FLOOR), MAX_EXPANDED)
    handle.seek(0)
    try:
        expanded = _inflated_size(handle, limit)
    finally:
        handle.seek(0)
    if expanded > limit:
        why = (
            f"over {MAX_EXPANDED:,} bytes"
            if limit == MAX_EXPANDED
            else f"over {MAX_RATIO}x its {size:,} bytes"
        )
        raise InputError(source, f"refused: decompresses to {why} (a compression bomb?)")
    return expanded


def _inflated_size(handle: BinaryIO, limit: int) -> int:
    """Bytes the gzip members in `handle` inflate to, counted up to just past `limit`."""
    total = 0
    inflater = zlib.decompressobj(wbits=31)
    data = handle.read(_CHUNK)
    while data and total <= limit:
        try:
            total += len(inflater.decompress(data, _CHUNK))
        except zlib.error:
            return total
        if inflater.eof:  # the next member, if any, starts in unused_data
            data = inflater.unused_data
            if len(data) < len(GZIP_MAGIC):
                data += handle.read(_CHUNK)
            if not data.startswith(GZIP_MAGIC):
                return total
            inflater = zlib.decompressobj(wbits=31)
        elif inflater.unconsumed_tail:
            data = inflater.unconsumed_tail
        else:
            data = handle.read(_CHUNK)
    return total


def content(handle: BinaryIO, gzipped: bool) -> BinaryIO:
    """The decompressed content as a stream, from the start."""
    handle.seek(0)
    return gzip.GzipFile(fileobj=handle, mode="rb") if gzipped else handle  # type: ignore[return-value]


def read_capped(stream: BinaryIO, limit: int, source: str) -> bytes:
    """All of `stream`, refusing (InputError) to hold more than `limit` bytes."""
    with gzip_errors(source):
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise InputError(source, f"too large: over {limit:,} bytes (settings.read.max_bytes)")
    return data
