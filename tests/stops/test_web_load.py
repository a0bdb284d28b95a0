"""A CI-sized run of bench/load.py: loopback only, bounded in count and time, zero errors.

200 reads at concurrency 10 against a real `dateline serve` on 127.0.0.1 while a 300-article
upload ingests. Latency goals live in the bench (2,000 requests at concurrency 20); here
only correctness under load is asserted: every request answered 200, some of them while
the upload was still being ingested, and the upload itself done.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "load.py"


@pytest.mark.long
def test_reads_under_load_while_an_upload_ingests() -> None:
    done = subprocess.run(
        [
            sys.executable,
            str(BENCH),
            "--requests",
            "200",
            "--concurrency",
            "10",
            "--deadline",
            "120",
            "--small",
            "--json",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    figures = json.loads(done.stdout)
    assert figures["requests"] == 200 and figures["errors"] == 0, figures
    assert figures["upload"] == "done" and figures["upload_added"] == 300, figures
    assert figures["during_upload"] > 0, figures
