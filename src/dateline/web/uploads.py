"""Uploaded files: size-capped while they stream in, and checked by content, not name.

An article is text (plain, HTML, JSON, JSONL) in any encoding, a WARC crawl, or either of
those gzip-compressed. Anything else (images, PDFs, archives, executables) is refused before
it reaches the reader, whatever its file name says.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import AsyncIterator
from pathlib import Path

from charset_normalizer import from_bytes

# Enough of a file to judge it: the reader's own sniffing looks at no more.
SAMPLE_BYTES = 64 * 1024
# Share of control bytes (other than tab, newline, CR, form feed, escape) above which a
# "text" is really binary; real articles, even badly converted ones, stay far below 1%.
MAX_CONTROL_SHARE = 0.01

_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or Office document)"),
    (b"\x7fELF", "an executable"),
    (b"MZ", "an executable"),
    (b"\xd0\xcf\x11\xe0", "an Office document"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ", "an xz archive"),
    (b"7z\xbc\xaf", "a 7z archive"),
    (b"RIFF", "a media file"),
    (b"OggS", "a media file"),
    (b"ID3", "an audio file"),
    (b"SQLite format 3", "an SQLite database"),
)
_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]")


class UploadError(Exception):
    """An upload that is refused; `status` is the HTTP status to answer with."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


async def read_limited(chunks: AsyncIterator[bytes], limit: int) -> bytes:
    """The whole body, or UploadError(413) as soon as it passes `limit` bytes."""
    parts: list[bytes] = []
    size = 0
    async for chunk in chunks:
        size += len(chunk)
        if size > limit:
            raise UploadError(413, f"file is larger than the {limit // 1024 // 1024} MB limit")
        parts.append(chunk)
    return b"".join(parts)


def _gunzip_sample(data: bytes) -> bytes:
    try:
        return zlib.decompressobj(wbits=31).decompress(data, SAMPLE_BYTES)
    except zlib.error:
        raise UploadError(415, "damaged gzip file") from None


def _binary_kind(sample: bytes) -> str | None:
    for magic, kind in _MAGIC:
        if sample.startswith(magic):
            return kind
    return None


def check_content(data: bytes) -> str:
    """What the upload is ('text', 'warc', 'gzip'), or UploadError(415) when not an article."""
    if not data:
        raise UploadError(400, "empty file")
    kind = "text"
    sample = data[:SAMPLE_BYTES]
    if sample.startswith(b"\x1f\x8b"):
        kind, sample = "gzip", _gunzip_sample(data)
        if not sample:
            raise UploadError(415, "gzip file holds nothing")
    if sample.startswith(b"WARC/"):
        return "warc" if kind == "text" else kind
    binary = _binary_kind(sample)
    if binary:
        raise UploadError(415, f"this is {binary}, not an article")
    if sample.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        return kind
    if len(_CONTROL.findall(sample)) > MAX_CONTROL_SHARE * len(sample):
        raise UploadError(415, "binary content, not an article (HTML, text, JSON or WARC)")
    if not _decodes(sample):
        raise UploadError(415, "not text in any known encoding")
    return kind


def _decodes(sample: bytes) -> bool:
    try:
        sample.decode("utf-8")
        return True
    except UnicodeDecodeError as exc:
        # A multi-byte character cut by the sample's end is still UTF-8.
        if exc.start >= len(sample) - 3:
            return True
    return from_bytes(sample).best() is not None


_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_name(name: str) -> str:
    """A name that cannot leave its folder or confuse a shell: '../b c.html' -> 'b_c.html'."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    cleaned = _UNSAFE.sub("_", base).strip("._")[:120]
    return cleaned or "upload"


def save_upload(folder: Path, name: str, data: bytes) -> Path:
    """Keep the upload beside the store under a free name (same content: same file)."""
    folder.mkdir(parents=True, exist_ok=True)
    stem, dot, suffix = safe_name(name).partition(".")
    for number in range(1, 10_000):
        candidate = folder / (f"{stem}{'' if number == 1 else f'-{number}'}{dot}{suffix}")
        if not candidate.exists():
            candidate.write_bytes(data)
            return candidate
        if candidate.read_bytes() == data:
            return candidate
    raise UploadError(409, f"too many uploads named {name!r}")
