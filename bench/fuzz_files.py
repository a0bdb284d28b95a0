"""A corpus of mutated and hostile files through `dateline add` and `dateline timeline`.

`--files` files are made from the bundled sample corpus (our own articles in every format
the reader takes) by random byte mutations, plus hostile ones made on purpose: compression
bombs, a 5 MB single line, lone surrogates in JSON fields, escape sequences and newlines in
file names, names that are not UTF-8, empty containers, WARCs cut inside a header. Counted:
tracebacks (must be 0), files neither stored nor named in a failure (silent drops, must be
0), report lines that carry a raw control character (must be 0), and each run's seconds.

    .venv/bin/python bench/fuzz_files.py [--files 2000] [--seed 14]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from dateline.model import Article
from dateline.read import read_paths
from dateline.read.decode import shown_path

SAMPLE = Path(__file__).resolve().parents[1] / "src" / "dateline" / "data" / "sample" / "articles"
DATELINE = str(Path(sys.executable).parent / "dateline")
HOSTILE = [
    b"\x1b]0;owned\x07",
    b"\x1b[2J",
    b"\\ud800",
    b"[bold]x[/bold]",
    b"\x00",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"WARC/1.0\r\n",
    b"\x1f\x8b\x08",
    b"\r\r\n",
    b"Content-Length: 99999999\r\n",
    b"[" * 50,
    b"\xed\xa0\x80",
    b"\xc3\x28",
]
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def mutate(data: bytes, chance: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(chance.randint(1, 8)):
        if not out:
            out += chance.randbytes(chance.randint(1, 64))
            continue
        at = chance.randrange(len(out))
        action = chance.choice(["flip", "insert", "delete", "cut", "splice", "repeat"])
        if action == "flip":
            out[at] = chance.randrange(256)
        elif action == "insert":
            out[at:at] = chance.randbytes(chance.randint(1, 32))
        elif action == "delete":
            del out[at : at + chance.randint(1, 64)]
        elif action == "cut":
            del out[at:]
        elif action == "splice":
            out[at:at] = chance.choice(HOSTILE)
        else:
            out[at:at] = out[at : at + chance.randint(1, 512)] * chance.randint(1, 20)
    return bytes(out)


def hostile_files(folder: Path) -> list[Path]:
    """Files made hostile on purpose, each once."""
    story = (SAMPLE / "kt-mission-extended.txt").read_bytes()
    record = {
        "title": "Bridge \ud800 report",
        "outlet": "Ledger\udfff",
        "author": "\ud800",
        "url": "https://x.test/\ud800",
        "text": story.decode(),
    }
    bomb = "\n".join(
        json.dumps({"title": f"r{n}", "text": "Same words again. " * 50}) for n in range(60_000)
    )
    made = {
        b"bomb.jsonl.gz": gzip.compress(bomb.encode(), 9),
        b"one-line.txt": b"Words without a break " * 250_000,
        b"surrogates.jsonl": json.dumps(record).encode(),
        b"empty-items.json": b'{"items": []}',
        b"cut-header.warc": b"WARC/1.0\r\nWARC-Type: resp",
        b"title\x1b]0;owned\x07.txt": story,
        b"new\nline\nadded 9, duplicate 0, failed 0.txt": story,
        b"latin1-\xe9\xff.txt": story,
        b"empty.txt": b"",
        b"only-space.txt": b"   \n\n  ",
    }
    paths = []
    for name, data in made.items():
        path = Path(os.fsdecode(os.fsencode(folder) + b"/" + name))
        path.write_bytes(data)
        paths.append(path)
    return paths


def corpus(folder: Path, count: int, chance: random.Random) -> list[Path]:
    seeds = sorted(p for p in SAMPLE.iterdir() if p.is_file())
    paths = hostile_files(folder)
    for number in range(count - len(paths)):
        seed = seeds[number % len(seeds)]
        path = folder / f"m{number:05d}-{seed.name}"
        path.write_bytes(mutate(seed.read_bytes(), chance))
        paths.append(path)
    return paths


def accounted(sources: set[str], ids: set[str], path: Path) -> bool:
    """The file is named in the store (an article or a failure), or all it holds is a copy
    of a stored article (counted as a duplicate)."""
    shown = shown_path(str(path))
    if any(s == shown or s.startswith((shown + ":", shown + "::")) for s in sources):
        return True
    results = list(read_paths([path]))
    return bool(results) and all(isinstance(r, Article) and r.id in ids for r in results)


def run(args: list[str]) -> tuple[subprocess.CompletedProcess[str], float]:
    started = time.monotonic()
    done = subprocess.run(
        [DATELINE, *args], capture_output=True, text=True, errors="surrogateescape", timeout=1800
    )
    return done, time.monotonic() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=14)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="dateline-fuzz-") as work:
        folder = Path(work) / "pile"
        folder.mkdir()
        paths = corpus(folder, args.files, random.Random(args.seed))
        db = Path(work) / "store.db"
        added, add_seconds = run(["add", "--db", str(db), str(folder)])
        timeline, timeline_seconds = run(["timeline", str(folder)])
        conn = sqlite3.connect(db)
        sources = {
            row[0]
            for row in conn.execute("SELECT source FROM articles UNION SELECT source FROM failures")
        }
        ids = {row[0] for row in conn.execute("SELECT id FROM articles")}
        conn.close()
        silent = [p for p in paths if not accounted(sources, ids, p)]
    stderr = added.stderr + timeline.stderr
    raw = [line for line in stderr.splitlines() if RAW_CONTROL.search(line)]
    print(f"files: {len(paths)} ({args.files - 10} mutated, 10 hostile)")
    print(f"add: exit {added.returncode}, {add_seconds:.1f} s, {added.stdout.strip()}")
    print(f"timeline: exit {timeline.returncode}, {timeline_seconds:.1f} s")
    print(f"tracebacks: {stderr.count('Traceback')}")
    print(f"silent drops: {len(silent)} {[shown_path(str(p)) for p in silent[:5]]}")
    odd = [line for line in stderr.splitlines() if not line.startswith("dateline: ")]
    print(f"report lines not starting 'dateline: ': {len(odd)} {odd[:3]}")
    print(f"report lines with a raw control character: {len(raw)}")
    failed = stderr.count("Traceback") or silent or raw
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
