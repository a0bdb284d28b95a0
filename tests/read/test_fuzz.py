"""Property-based fuzzing of every reader (hypothesis): hostile bytes never break a run.

Seeds are one valid file per format (text, HTML, JSON, JSON Lines, WARC plain and gzipped,
gzip of text); hypothesis mutates them (flipped, inserted, deleted and duplicated bytes, cut
ends, hostile strings spliced in) or writes arbitrary bytes. For every input the reader
must: raise nothing, name the file in at least one result (nothing silent), give one-line
failure reasons, and only valid Unicode. DATELINE_FUZZ_EXAMPLES sets examples per format
(default 60, under a minute in all); `make fuzz` runs thousands.
"""

from __future__ import annotations

import gzip
import json
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from readkit import PAGE, STORY, warc_bytes

from dateline.model import Article, Failure
from dateline.read import read_paths
from dateline.settings import ReadSettings

EXAMPLES = int(os.environ.get("DATELINE_FUZZ_EXAMPLES", "60"))
# Small caps so that size limits are reached by fuzzed inputs too.
SETTINGS = ReadSettings(max_bytes=256 * 1024, max_chars=64 * 1024)

RECORD = {
    "title": "Harbour bridge reopens",
    "date": "2019-03-14",
    "outlet": "Coastal Ledger",
    "author": "Mara Lindqvist",
    "url": "https://ledger.test/bridge",
    "text": STORY,
}
SEEDS: dict[str, bytes] = {
    "story.txt": STORY.encode(),
    "page.html": PAGE.encode(),
    "records.json": json.dumps([RECORD, {**RECORD, "title": "Second"}]).encode(),
    "records.jsonl": (
        json.dumps(RECORD) + "\n" + json.dumps({**RECORD, "text": "Other."})
    ).encode(),
    "crawl.warc": warc_bytes(
        [("https://ledger.test/a", PAGE.encode(), "text/html")], gzipped=False
    ),
    "crawl.warc.gz": warc_bytes(
        [
            ("https://ledger.test/a", PAGE.encode(), "text/html"),
            ("https://ledger.test/b", PAGE.encode(), "text/html"),
        ]
    ),
    "story.txt.gz": gzip.compress(STORY.encode()),
}
# What hostile files carry: escapes, lone surrogates, markup, NULs, BOMs, huge numbers.
HOSTILE = [
    b"\x1b]0;owned\x07",
    b"\x1b[2J",
    b"\\ud800",
    b'"\\udfff"',
    b"[bold]x[/bold]",
    b"\x00",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"WARC/1.0\r\n",
    b"\x1f\x8b\x08",
    b"Content-Length: 99999999\r\n",
    b"1e99999",
    b"[" * 50,
    b"\r\r\n",
    b"\xc3\x28",
    b"\xed\xa0\x80",
    "\u202e".encode(),
    b"<script>",
    b"\n" * 3,
]


@st.composite
def mutated(draw: st.DrawFn, seed: bytes) -> bytes:
    data = bytearray(seed)
    for _ in range(draw(st.integers(1, 8))):
        if not data:
            data += draw(st.binary(max_size=64))
            continue
        at = draw(st.integers(0, len(data) - 1))
        action = draw(st.sampled_from(["flip", "insert", "delete", "cut", "splice", "repeat"]))
        if action == "flip":
            data[at] = draw(st.integers(0, 255))
        elif action == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=32))
        elif action == "delete":
            del data[at : at + draw(st.integers(1, 64))]
        elif action == "cut":
            del data[at:]
        elif action == "splice":
            data[at:at] = draw(st.sampled_from(HOSTILE))
        else:
            data[at:at] = data[at : at + draw(st.integers(1, 512))] * draw(st.integers(1, 20))
    return bytes(data)


def check(name: str, data: bytes) -> list[Article | Failure]:
    """Read `data` saved as `name`; assert the properties every input must keep."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        results = list(read_paths([path], SETTINGS))
    assert results, "a file gave neither an article nor a failure"
    assert any(r.source.startswith(str(path)) for r in results)
    for result in results:
        fields = [result.source]
        if isinstance(result, Failure):
            assert result.reason and "\n" not in result.reason and "\r" not in result.reason
            fields.append(result.reason)
        else:
            fields += [result.raw_text, result.title, result.outlet, result.author, result.url]
            assert len(result.raw_text) <= SETTINGS.max_chars
        for text in fields:
            text.encode("utf-8")  # no lone surrogate survives the edge
    return results


def fuzzed(strategy: st.SearchStrategy[bytes]) -> settings:
    return settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_every_reader_survives_mutated_files(name: str) -> None:
    assert any(isinstance(r, Article) for r in check(name, SEEDS[name])), "the seed reads"

    @given(data=mutated(SEEDS[name]))
    @fuzzed(st.binary())
    def run(data: bytes) -> None:
        check(name, data)

    run()


@pytest.mark.parametrize("name", ["any.txt", "any.json", "any.warc.gz", "noname"])
def test_arbitrary_bytes_under_any_name(name: str) -> None:
    @given(
        data=st.binary(max_size=4096)
        | st.text(max_size=2048).map(lambda text: text.encode("utf-8", "surrogatepass"))
    )
    @fuzzed(st.binary())
    def run(data: bytes) -> None:
        check(name, data)

    run()


def test_hostile_json_fields_become_valid_text() -> None:
    @given(
        fields=st.dictionaries(
            st.sampled_from(["title", "text", "outlet", "author", "url", "date", "body"]),
            st.text(max_size=200)
            | st.lists(st.text(max_size=40), max_size=4)
            | st.integers()
            | st.none(),
            min_size=1,
        )
    )
    @fuzzed(st.binary())
    def run(fields: dict[str, object]) -> None:
        line = json.dumps(fields)  # keeps lone surrogates as \\udXXX escapes
        check("records.jsonl", (line + "\n" + line.replace("title", "headline")).encode())

    run()
