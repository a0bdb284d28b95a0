"""Bounded work per input: compression bombs are refused, an over-long article is reported.

Each bomb is built here the way a hostile upload would be: many near-identical records that
gzip squeezes a hundred-fold and more. The CLI runs as a real process so its peak memory can
be read back from the kernel.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import subprocess
import sys
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dateline.model import Article, Failure
from dateline.read import read_paths
from dateline.settings import ReadSettings

SENTENCE = "The council met on Monday, March 14, 2011 and voted to build a second bridge. "


def jsonl_bomb(path: Path, records: int = 110_000) -> Path:
    lines = (
        json.dumps({"title": f"Bridge report {n}", "date": "2011-03-14", "text": SENTENCE * 9})
        for n in range(records)
    )
    path.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode(), 9))
    return path


def warc_bomb(path: Path, records: int = 1_500) -> Path:
    """One 380 kB page compressed once as its own gzip member, then written `records` times:
    a .warc.gz is a run of members, and compressing 570 MB anew took 4 s of the test."""
    body = (
        "<html><body><article>" + f"<p>{SENTENCE}</p>" * 4000 + "</article></body></html>"
    ).encode()
    member = io.BytesIO()
    writer = WARCWriter(member, gzip=True)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    writer.write_record(
        writer.create_warc_record(
            "http://example.test/page", "response", payload=io.BytesIO(body), http_headers=headers
        )
    )
    path.write_bytes(member.getvalue() * records)
    return path


# Runs the CLI as a grandchild so its peak memory is read alone, not with earlier children's.
_MEASURE = (
    "import resource, subprocess, sys, time\n"
    "started = time.monotonic()\n"
    "done = subprocess.run(sys.argv[1:], capture_output=True, text=True, timeout=120)\n"
    "sys.stdout.write(done.stderr)\n"
    "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024\n"
    "sys.stderr.write(f'{done.returncode} {time.monotonic() - started} {peak}')\n"
)


def run_cli(*args: str) -> tuple[int, str, float, int]:
    """The installed CLI's exit code, stderr, wall time (s) and peak resident memory (MB)."""
    script = str(Path(sys.executable).parent / "dateline")
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, script, *args], text=True, capture_output=True, timeout=150
    )
    code, seconds, peak = done.stderr.split()
    return int(code), done.stdout, float(seconds), int(peak)


def test_a_jsonl_bomb_is_refused_in_one_line_quickly_and_in_little_memory(tmp_path: Path) -> None:
    bomb = jsonl_bomb(tmp_path / "records.jsonl.gz")
    assert bomb.stat().st_size < 1024 * 1024
    code, stderr, seconds, peak = run_cli("timeline", str(bomb))
    assert code == 1
    lines = stderr.strip().splitlines()
    assert lines == [
        f"dateline: {bomb}: refused: decompresses to over 100x its "
        f"{bomb.stat().st_size:,} bytes (a compression bomb?)"
    ]
    assert seconds < 30 and peak < 300, (seconds, peak)


def test_a_warc_bomb_is_refused_before_any_record_is_read(tmp_path: Path) -> None:
    bomb = warc_bomb(tmp_path / "crawl.warc.gz")
    results = list(read_paths([bomb]))
    assert results == [Failure(str(bomb), results[0].reason)]  # type: ignore[union-attr]
    assert "compression bomb" in results[0].reason  # type: ignore[union-attr]


def test_real_gzip_files_still_read(tmp_path: Path) -> None:
    path = tmp_path / "day.jsonl.gz"
    records = [
        {"title": f"Report {n}", "text": f"{SENTENCE} Item {n} of the agenda."} for n in range(50)
    ]
    path.write_bytes(gzip.compress("\n".join(map(json.dumps, records)).encode()))
    results = list(read_paths([path]))
    assert len(results) == 50 and all(isinstance(r, Article) for r in results)


def test_the_absolute_cap_applies_whatever_the_ratio(tmp_path: Path) -> None:
    import dateline.read.stream as stream

    path = tmp_path / "big.txt.gz"
    path.write_bytes(gzip.compress(os.urandom(200_000).hex().encode()))  # ratio about 2
    limit, stream.MAX_EXPANDED = stream.MAX_EXPANDED, 100_000
    try:
        [result] = list(read_paths([path]))
    finally:
        stream.MAX_EXPANDED = limit
    assert isinstance(result, Failure)
    assert "decompresses to over 100,000 bytes" in result.reason


def test_a_single_line_text_past_the_budget_is_reported_without_being_read(tmp_path: Path) -> None:
    path = tmp_path / "one-line.txt"
    path.write_text(SENTENCE * (50 * 1024 * 1024 // len(SENTENCE)))
    code, stderr, seconds, peak = run_cli("timeline", str(path))
    assert code == 1
    assert stderr.startswith(f"dateline: {path}: text too long: ")
    assert "settings.read.max_chars" in stderr and len(stderr.splitlines()) == 1
    assert seconds < 30 and peak < 300, (seconds, peak)


def test_every_reader_keeps_to_the_character_budget(tmp_path: Path) -> None:
    long_text = SENTENCE * 30
    (tmp_path / "a.txt").write_text(long_text)
    (tmp_path / "b.jsonl").write_text(
        json.dumps({"text": long_text}) + "\n" + json.dumps({"text": SENTENCE}) + "\n"
    )
    settings = ReadSettings(max_chars=len(SENTENCE) * 10)
    results = list(read_paths([tmp_path / "a.txt", tmp_path / "b.jsonl"], settings))
    kinds = [(type(r).__name__, r.source) for r in results]
    assert kinds == [
        ("Failure", str(tmp_path / "a.txt")),
        ("Failure", f"{tmp_path / 'b.jsonl'}::1"),
        ("Article", f"{tmp_path / 'b.jsonl'}::2"),
    ]
    assert all("max_chars" in r.reason for r in results if isinstance(r, Failure))
