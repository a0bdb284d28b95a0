"""Upload content checks and file naming, on bytes built here."""

from __future__ import annotations

import asyncio
import gzip
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from dateline.web.uploads import UploadError, check_content, read_limited, safe_name, save_upload


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"The council met on Monday.\n", "text"),
        ("Le conseil s'est réuni lundi à Genève.".encode("latin-1"), "text"),
        ("Совет собрался в понедельник.".encode("utf-16"), "text"),
        ("Der Rat tagte am Montag in Zürich.".encode("utf-8-sig"), "text"),
        (b"<html><body><p>Report</p></body></html>", "text"),
        (b'{"text": "A story", "date": "2004-01-01"}\n', "text"),
        (b"WARC/1.0\r\nWARC-Type: response\r\n\r\n\x00\x01binary payload", "warc"),
        (gzip.compress(b"WARC/1.0\r\nWARC-Type: warcinfo\r\n\r\n", mtime=0), "gzip"),
        (gzip.compress(b"Plain text, compressed.", mtime=0), "gzip"),
    ],
)
def test_articles_are_accepted(data: bytes, kind: str) -> None:
    assert check_content(data) == kind


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"%PDF-1.4 ...", "PDF"),
        (b"GIF89a" + bytes(64), "GIF"),
        (b"\x7fELF" + bytes(64), "executable"),
        (b"plain start" + bytes(200), "binary"),
        (b"\x1f\x8b\x08\x00broken", "gzip"),
        (gzip.compress(b"%PDF-1.4 inside", mtime=0), "PDF"),
    ],
)
def test_non_articles_are_refused(data: bytes, message: str) -> None:
    with pytest.raises(UploadError, match=message) as caught:
        check_content(data)
    assert caught.value.status in (400, 415)


def test_a_multibyte_character_cut_by_the_sample_is_still_text() -> None:
    data = ("a" + "é" * 40_000).encode("utf-8")  # the 64 KB sample ends inside an "é"
    assert check_content(data) == "text"


def test_read_limited_stops_at_the_limit() -> None:
    async def chunks() -> AsyncIterator[bytes]:
        for _ in range(10):
            yield b"x" * 100

    assert len(asyncio.run(read_limited(chunks(), 1000))) == 1000
    with pytest.raises(UploadError) as caught:
        asyncio.run(read_limited(chunks(), 999))
    assert caught.value.status == 413


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("story.html", "story.html"),
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\me\\news report.txt", "news_report.txt"),
        ("..", "upload"),
        ("<script>.html", "script_.html"),
    ],
)
def test_safe_name(name: str, safe: str) -> None:
    assert safe_name(name) == safe


def test_save_upload_reuses_same_content_and_numbers_new(tmp_path: Path) -> None:
    first = save_upload(tmp_path, "a.txt", b"one")
    assert save_upload(tmp_path, "a.txt", b"one") == first
    second = save_upload(tmp_path, "a.txt", b"two")
    assert second.name == "a-2.txt" and second.read_bytes() == b"two"
