import gzip

import pytest

from dateline.read.sniff import Kind, binary_reason, inner_name, sniff


@pytest.mark.parametrize(
    ("head", "name", "kind"),
    [
        (b"WARC/1.0\r\nWARC-Type: warcinfo\r\n", "crawl.dat", Kind.WARC),
        (b'[{"text": "a"}]', "dump", Kind.JSON),
        (b'{\n  "text": "a story"\n}\n', "one.json", Kind.JSON),
        (b'{"text": "a"}\n{"text": "b"}\n', "dump.json", Kind.JSONL),
        (b'{"text": "a', "dump.jsonl", Kind.JSONL),
        (b'{"text": "broken\n{"text": "b"}\n', "dump.txt", Kind.JSONL),
        (b"not json at all", "records.json", Kind.JSON),
        (b"<!DOCTYPE html><html><body><p>x</p></body></html>", "page.txt", Kind.HTML),
        (b"\n  <html lang='en'><p>x</p></html>", "noext", Kind.HTML),
        (b"<div><p>One</p><p>Two</p><p>Three</p></div>", "fragment", Kind.HTML),
        (b"Police said 3 < 4 and the <b>vote</b> was close.", "copy.txt", Kind.TEXT),
        (b"<p>Copied paragraph.</p>", "page.html", Kind.HTML),
        (b"Skip to main content\nHome | News\nStorm closes bridge\n", "story.html", Kind.TEXT),
        (b"Plain story text.\n", "story.txt", Kind.TEXT),
        (b"\x7fELF\x02\x01\x01\x00\x00\x00\x00", "tool", Kind.BINARY),
        (b"\xef\xbb\xbf<!DOCTYPE html><html></html>", "bom.html", Kind.HTML),
        ("<html><body>x</body></html>".encode("utf-16"), "wide.htm", Kind.HTML),
    ],
)
def test_sniffs_content_first(head: bytes, name: str, kind: Kind) -> None:
    assert sniff(head, name) is kind


@pytest.mark.parametrize(
    ("head", "fragment"),
    [
        (b"%PDF-1.4\n%\xe2\xe3", "PDF"),
        (b"\x89PNG\r\n\x1a\n", "PNG"),
        (b"abc\x00def", "NUL"),
        (bytes(range(1, 32)) * 4, "control characters"),
    ],
)
def test_binary_reasons(head: bytes, fragment: str) -> None:
    reason = binary_reason(head)
    assert reason is not None and fragment in reason


def test_text_and_utf16_are_not_binary() -> None:
    assert binary_reason(b"Tab\tseparated\r\nlines\x0c") is None
    assert binary_reason("A story".encode("utf-16-le")) is None
    assert binary_reason(gzip.compress(b"x" * 100)[10:]) is not None


def test_inner_name_drops_gz() -> None:
    assert inner_name("page.HTML.gz") == "page.HTML"
    assert inner_name("notes.txt") == "notes.txt"
