"""Paths, folders and stdin in; Articles and Failures out, one file at a time.

Each file is opened once, its head sniffed (through gzip if need be), and handed to the reader
for its format. WARC and JSON Lines stream record by record, so their size is not capped, only
each record's; every other format is read whole and so is refused past `max_bytes` — checked
against the file size before anything is read. Nothing raises: every problem is a Failure.
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from dateline.errors import InputError
from dateline.model import Article, Failure
from dateline.read.decode import bom_encoding, decode, shown_path, utf16_without_bom
from dateline.read.html import read_html
from dateline.read.inputs import walk
from dateline.read.records import read_json_document, read_json_lines
from dateline.read.sidecar import with_sidecar
from dateline.read.sniff import Kind, binary_reason, declares_json, inner_name, sniff
from dateline.read.stream import (
    check_expansion,
    content,
    gzip_errors,
    is_gzip,
    open_file,
    peek,
    read_capped,
    size_of,
    spool,
)
from dateline.settings import ReadSettings

Result = Article | Failure

STDIN_SOURCE = "<stdin>"
_MAX_BYTES_PER_CHAR = 4  # UTF-32


def read_paths(
    paths: Iterable[str | Path],
    settings: ReadSettings = ReadSettings(),  # noqa: B008 - frozen, so a shared default is safe
    stdin: BinaryIO | None = None,
) -> Iterator[Result]:
    """Every article in `paths` (files, folders, `-` for stdin), lazily, in order."""
    for result in _read_paths(paths, settings, stdin):
        yield _within_budget(_printable_source(result), settings.max_chars)


def _within_budget(result: Result, max_chars: int) -> Result:
    """An article longer than the budget is reported instead of stalling every later stage."""
    if isinstance(result, Failure) or len(result.raw_text) <= max_chars:
        return result
    return Failure(
        result.source,
        f"text too long: {len(result.raw_text):,} characters, over "
        f"settings.read.max_chars ({max_chars:,})",
    )


def _printable_source(result: Result) -> Result:
    """A file name that is not UTF-8 is kept for opening, and named with \\xNN escapes."""
    source = shown_path(result.source)
    return result if source == result.source else dataclasses.replace(result, source=source)


def _read_paths(
    paths: Iterable[str | Path], settings: ReadSettings, stdin: BinaryIO | None
) -> Iterator[Result]:
    for item in paths:
        if str(item) == "-":
            yield from _read_stdin(stdin if stdin is not None else sys.stdin.buffer, settings)
            continue
        path = Path(item)
        if path.is_dir():
            for found in walk(path):
                if isinstance(found, Failure):
                    yield found
                else:
                    yield from read_file(found, settings)
        elif not path.exists() and not path.is_symlink():
            yield Failure(str(path), "no such file or folder")
        else:
            yield from read_file(path, settings)


def read_file(path: Path, settings: ReadSettings = ReadSettings()) -> Iterator[Result]:  # noqa: B008
    """The articles in one file (a pipe such as `<(zcat crawl.gz)` is spooled first)."""
    try:
        with open_file(path) as opened:
            handle = opened if opened.seekable() else spool(opened)
            for result in _guarded(str(path), path.name, handle, settings):
                # A sidecar describes the file's one article, not the records inside a file.
                own = isinstance(result, Article) and result.source == str(path)
                yield with_sidecar(result, path) if own else result  # type: ignore[arg-type]
    except InputError as exc:
        yield Failure(exc.source, exc.reason)
    except OSError as exc:
        yield Failure(str(path), f"cannot read: {exc.strerror or exc}")


def _read_stdin(stream: BinaryIO, settings: ReadSettings) -> Iterator[Result]:
    try:
        handle = spool(stream)
    except OSError as exc:
        yield Failure(STDIN_SOURCE, f"cannot read: {exc.strerror or exc}")
        return
    with handle:
        yield from _guarded(STDIN_SOURCE, "", handle, settings)


def _guarded(source: str, name: str, handle: BinaryIO, settings: ReadSettings) -> Iterator[Result]:
    """One file's results; whatever goes wrong inside ends that file only, as a Failure."""
    try:
        yield from _never_silent(source, _read_handle(source, name, handle, settings))
    except InputError as exc:
        yield Failure(exc.source, exc.reason)
    except MemoryError:
        yield Failure(source, "out of memory while reading it; free memory or split the file")
    except Exception as exc:
        # Third-party parsers (lxml, warcio, zlib) fail on hostile input in ways no list of
        # exception types covers; one bad file must not end the run.
        detail = " ".join(str(exc).split())[:200]
        yield Failure(source, f"unreadable ({type(exc).__name__}: {detail})")


def _never_silent(source: str, results: Iterator[Result]) -> Iterator[Result]:
    """A file that gives neither an article nor a failure is named: nothing is dropped unsaid.

    Empty containers ({"items": []}), a WARC cut inside its first header or holding no HTML
    response: each reader would otherwise end without a word.
    """
    given = False
    for result in results:
        given = True
        yield result
    if not given:
        yield Failure(source, "no articles found in the file (no records it could read)")


def _read_handle(
    source: str, name: str, handle: BinaryIO, settings: ReadSettings
) -> Iterator[Result]:
    size = size_of(handle)
    if size == 0:
        yield Failure(source, "empty file")
        return
    gzipped = is_gzip(handle)
    if gzipped:
        name = inner_name(name)
    length = check_expansion(handle, size, source) if gzipped else size
    head = peek(handle, gzipped, source)
    if not head.strip():
        yield Failure(source, "empty file" + (" (after decompression)" if gzipped else ""))
        return
    kind = sniff(head, name)
    if kind is Kind.WARC:
        from dateline.read.warc import read_warc  # warcio loads with the first WARC file

        yield from read_warc(source, handle, gzipped, size, settings)
    elif kind is Kind.JSONL and _ascii_compatible(head):
        yield from read_json_lines(
            source, _lines(source, content(handle, gzipped), settings), settings
        )
    elif length > settings.max_bytes:
        yield Failure(
            source,
            f"too large: {length:,} bytes, over settings.read.max_bytes ({settings.max_bytes:,})",
        )
    elif kind is Kind.TEXT and length > _MAX_BYTES_PER_CHAR * settings.max_chars:
        # Refused before decoding: no encoding fits these bytes in the character budget.
        yield Failure(
            source,
            f"text too long: {length:,} bytes, over settings.read.max_chars "
            f"({settings.max_chars:,}) characters in any encoding",
        )
    elif kind is Kind.BINARY:
        yield Failure(source, binary_reason(head) or "binary file, not text")
    else:
        data = read_capped(content(handle, gzipped), settings.max_bytes, source)
        yield from _read_text(source, name, kind, decode(data), settings)


def _read_text(
    source: str, name: str, kind: Kind, text: str, settings: ReadSettings
) -> Iterator[Result]:
    if not text.strip():
        yield Failure(source, "empty file (only whitespace)")
    elif kind is Kind.JSONL:
        yield from read_json_lines(source, enumerate(text.split("\n"), 1), settings)
    elif kind is Kind.JSON:
        yield from _json_or_text(source, name, text, settings)
    elif kind is Kind.HTML:
        yield read_html(source, text)
    else:
        yield Article.from_raw(source, text)


def _json_or_text(source: str, name: str, text: str, settings: ReadSettings) -> Iterator[Result]:
    """A file that only looks like JSON ("[Busan Live] ...") is text unless records come out.

    A file named `.json` is held to its name: broken JSON there is the user's to hear about.
    """
    results = list(read_json_document(source, text, settings))
    if declares_json(name) or any(isinstance(result, Article) for result in results):
        yield from results
    else:
        yield Article.from_raw(source, text)


def _lines(
    source: str, stream: BinaryIO, settings: ReadSettings
) -> Iterator[tuple[int, str | Failure]]:
    """Numbered, decoded lines of a byte stream; an over-long line is a Failure, then skipped."""
    number = 0
    with gzip_errors(source):
        while line := stream.readline(settings.max_bytes + 1):
            number += 1
            if len(line) > settings.max_bytes and not line.endswith(b"\n"):
                yield (
                    number,
                    Failure(
                        f"{source}:{number}", f"record too large: over {settings.max_bytes:,} bytes"
                    ),
                )
                _skip_line(stream)
                continue
            yield number, _decode_line(line)


def _skip_line(stream: BinaryIO) -> None:
    while (rest := stream.readline(64 * 1024)) and not rest.endswith(b"\n"):
        pass


def _decode_line(line: bytes) -> str:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        return decode(line)


def _ascii_compatible(head: bytes) -> bool:
    """False for UTF-16/32, whose lines cannot be split on the byte b'\\n'."""
    bom = bom_encoding(head)
    if bom:
        return bom[0] == "utf-8"
    return utf16_without_bom(head) is None
