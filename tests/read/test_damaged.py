"""Damaged copies of every format (cut, overwritten, spliced) never raise out of the reader."""

from __future__ import annotations

import gzip
import json
import random

import pytest
from readkit import PAGE, STORY, warc_bytes

from dateline.model import Article, Failure
from dateline.read import read_paths

_WARC_PAGES = [(f"https://ledger.example/{n}", PAGE.encode(), "text/html") for n in range(4)]
_BASES = {
    "crawl.warc.gz": warc_bytes(_WARC_PAGES),
    "crawl.warc": warc_bytes(_WARC_PAGES, gzipped=False),
    "page.html": PAGE.encode(),
    "dump.jsonl": b"\n".join(json.dumps({"text": STORY}).encode() for _ in range(4)),
    "list.json": json.dumps([{"text": STORY}] * 3).encode(),
    "story.txt": STORY.encode("utf-16"),
}
_BASES |= {f"{name}.gz": gzip.compress(data) for name, data in list(_BASES.items())[2:]}


def _damage(data: bytes, rng: random.Random, how: int) -> bytes:
    damaged = bytearray(data)
    at = rng.randrange(len(damaged))
    if how == 0:
        return bytes(damaged[:at])
    if how == 1:
        for _ in range(rng.randint(1, 5)):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        return bytes(damaged)
    return bytes(damaged[:at]) + rng.randbytes(rng.randint(1, 50)) + bytes(damaged[at:])


@pytest.mark.parametrize("name", sorted(_BASES))
def test_damaged_files_give_articles_or_one_line_failures(write, name: str) -> None:
    rng = random.Random(name)  # fixed per format, so a failure reproduces
    for trial in range(12):
        path = write(f"{trial}-{name}", _damage(_BASES[name], rng, trial % 3))
        for result in read_paths([path]):
            assert isinstance(result, Article | Failure)
            if isinstance(result, Failure):
                assert result.reason and "\n" not in result.reason
                assert not result.reason.startswith("unreadable ("), result
