"""What a file holds, judged from its first bytes and its name.

Content wins over the suffix: crawls and dumps are often saved as `.txt`, `.dat` or with no
suffix at all, and a `.html` file may hold copied text. The suffix only breaks ties
(`.jsonl` says "one record per line", `.html` says "a handful of tags means markup").
"""

from __future__ import annotations

import json
import re
from enum import Enum

from dateline.read.decode import bom_encoding, utf16_without_bom

# Enough to see a doctype, a WARC header or the first JSON Lines record.
HEAD_BYTES = 64 * 1024

GZIP_MAGIC = b"\x1f\x8b"


class Kind(Enum):
    WARC = "warc"
    JSON = "json"
    JSONL = "jsonl"
    HTML = "html"
    TEXT = "text"
    BINARY = "binary"


_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ", "an xz archive"),
    (b"(\xb5/\xfd", "a zstd archive"),
    (b"\xd0\xcf\x11\xe0", "an Office document"),
    (b"SQLite format 3", "an SQLite database"),
)

_JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonlines")
_HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx")
_HTML_START = re.compile(r"<(?:!doctype\s+html|html[\s>]|head[\s>]|!--)", re.IGNORECASE)
_TAG = re.compile(
    r"</?(?:html|head|body|title|meta|link|script|style|div|span|p|a|br|img|ul|ol|li|"
    r"h[1-6]|table|tr|td|article|section|header|footer|nav|main|aside|strong|em|b|i|"
    r"figure|time)\b[^<>]{0,500}>",
    re.IGNORECASE,
)
# Tabs, newlines, form feeds and ESC (ANSI colours in pasted terminal text) are text.
_CONTROLS = bytes(byte for byte in range(0x20) if byte not in b"\t\n\r\x0b\x0c\x1b")
# Calibrated on cp1252 and UTF-8 news text (0%) vs executables and images (well over 10%).
_MAX_CONTROL_RATIO = 0.05
_MIN_TAGS = 5


def inner_name(name: str) -> str:
    """The name a gzip member stands for: `page.html.gz` -> `page.html`."""
    return name[:-3] if name.lower().endswith(".gz") else name


def binary_reason(head: bytes) -> str | None:
    """Why `head` is not text (a known file type, NUL bytes, control characters), or None."""
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return f"binary file ({what}), not text"
    if bom_encoding(head) or utf16_without_bom(head):
        return None
    if b"\x00" in head:
        return "binary file (contains NUL bytes), not text"
    controls = len(head) - len(head.translate(None, _CONTROLS))
    if head and controls / len(head) > _MAX_CONTROL_RATIO:
        return f"binary file ({controls / len(head):.0%} control characters), not text"
    return None


def sniff(head: bytes, name: str) -> Kind:
    """The format of a file from its first (decompressed) bytes and its name."""
    text = _sniff_text(head).lstrip()
    lower_name = name.lower()
    if text.startswith(("WARC/1.", "WARC/0.")):
        return Kind.WARC
    if binary_reason(head):
        return Kind.BINARY
    if text.startswith("["):
        return Kind.JSON
    if text.startswith("{"):
        return Kind.JSONL if _looks_like_lines(text, lower_name) else Kind.JSON
    if lower_name.endswith(_JSONL_SUFFIXES):
        return Kind.JSONL
    if lower_name.endswith(".json"):
        return Kind.JSON
    if _looks_like_html(text, lower_name):
        return Kind.HTML
    return Kind.TEXT


def declares_json(name: str) -> bool:
    """Whether the file's name says it holds JSON or JSON Lines."""
    return name.lower().endswith((".json", *_JSONL_SUFFIXES))


def _sniff_text(head: bytes) -> str:
    """Just enough decoding to see ASCII structure; latin-1 never fails."""
    bom = bom_encoding(head)
    if bom:
        encoding, length = bom
        return head[length:].decode(encoding, errors="ignore")
    utf16 = utf16_without_bom(head)
    if utf16:
        return head.decode(utf16, errors="ignore")
    return head.decode("latin-1")


def _looks_like_lines(text: str, lower_name: str) -> bool:
    if lower_name.endswith(_JSONL_SUFFIXES):
        return True
    lines = [line.strip() for line in text.split("\n", 2)]
    try:
        json.loads(lines[0])
    except ValueError:
        # A pretty-printed record continues with `"key": ...`; a broken first record of a
        # JSON Lines file is followed by another record.
        return len(lines) > 1 and lines[1].startswith("{")
    return True


def _looks_like_html(text: str, lower_name: str) -> bool:
    if _HTML_START.match(text) or (text[:200].lower().startswith("<?xml") and "<html" in text):
        return True
    tags = _TAG.findall(text)
    if lower_name.endswith(_HTML_SUFFIXES):
        return len(tags) > 0
    return len(tags) >= _MIN_TAGS and sum(map(len, tags)) >= 0.05 * len(text)
