"""Load on `dateline serve` while an upload ingests: errors and latency percentiles.

A real server on 127.0.0.1 (never any other address) over a store of Timeline17 articles
(`../shared/data/tls/t17`; our own generated reports when it is absent). One Timeline17 dump
is uploaded, and while it is being ingested `--requests` GETs are sent, `--concurrency` at a
time, round-robin over the read routes the page uses. Reported: errors (any non-200 or
connection failure), p50/p99/max latency, and how many requests ran while the ingest did.
The run is bounded: every request has a 30 s timeout and the whole run `--deadline` seconds.

    .venv/bin/python bench/load.py [--requests 2000] [--concurrency 20] [--json] [--small]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx2

T17 = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "tls" / "t17"
LOOPBACK = "127.0.0.1"
DATELINE = str(Path(sys.executable).parent / "dateline")
SEED = ("bpoil_bbc", "bpoil_guardian")
UPLOAD = "LibyaWar_cnn"


def generated(path: Path, first: int, count: int) -> Path:
    """Reports of our own, for when the benchmark data is absent."""
    towns = ("Riverton", "Ashford", "Melbury", "Coldwater", "Fenwick", "Highgate")
    lines = []
    for n in range(first, first + count):
        town = towns[n % len(towns)]
        lines.append(
            json.dumps(
                {
                    "title": f"{town} report {n}",
                    "text": (
                        f"{town} Courier\nPublished: March {1 + n % 28}, {2000 + n % 20}\n"
                        f"The {town} council voted on March {1 + n % 28}, {2000 + n % 20} to spend "
                        f"${n % 97 + 3} million on plan {n}, after {n % 7 + 2} years of debate.\n"
                    ),
                }
            )
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def inputs(folder: Path, small: bool) -> tuple[list[Path], Path, str]:
    """(files to seed the store with, the file to upload, where they come from)."""
    if small:
        seed = generated(folder / "seed.jsonl", 0, 100)
        return [seed], generated(folder / "up.jsonl", 100, 300), "generated reports (small)"
    if (T17 / UPLOAD / "articles.json").exists():
        return (
            [T17 / name / "articles.json" for name in SEED],
            T17 / UPLOAD / "articles.json",
            "Timeline17",
        )
    return (
        [generated(folder / "seed.jsonl", 0, 600)],
        generated(folder / "up.jsonl", 600, 400),
        "generated reports",
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((LOOPBACK, 0))
        port: int = probe.getsockname()[1]
    return port


def start_server(db: Path, port: int) -> subprocess.Popen[bytes]:
    server = subprocess.Popen(
        [DATELINE, "serve", "--db", str(db), "--host", LOOPBACK, "--port", str(port)],
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection((LOOPBACK, port), timeout=0.2):
                return server
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise SystemExit("dateline serve did not start within 60 s")


def routes(client: httpx2.Client) -> list[str]:
    """The page's read routes, with a real article id and a word from the store."""
    documents = client.get("/api/documents").json()["documents"]
    first = documents[0]["id"]
    return [
        "/api/timeline",
        "/api/documents",
        "/api/stories",
        "/api/search?q=oil",
        f"/api/document/{first}",
        "/api/timeline?q=oil",
        "/api/timeline?dates=20",
        "/api/openapi.json",
    ]


async def hammer(
    base: str, paths: list[str], total: int, concurrency: int, deadline: float
) -> list[tuple[float, float, int]]:
    """(start, seconds, status) per request; status 0 for a failed connection or timeout."""
    results: list[tuple[float, float, int]] = []
    counter = iter(range(total))
    async with httpx2.AsyncClient(base_url=base, timeout=30) as client:

        async def one_worker() -> None:
            for number in counter:
                if time.monotonic() > deadline:
                    return
                started = time.monotonic()
                try:
                    status = (await client.get(paths[number % len(paths)])).status_code
                except httpx2.HTTPError:
                    status = 0
                results.append((started, time.monotonic() - started, status))

        await asyncio.gather(*(one_worker() for _ in range(concurrency)))
    return results


def upload(client: httpx2.Client, path: Path) -> str:
    token = client.get("/").text.split('name="dateline-token" content="', 1)[1].split('"')[0]
    accepted = client.post(
        "/api/upload",
        content=path.read_bytes(),
        headers={
            "X-Dateline-Token": token,
            "X-Filename": f"{path.parent.name}.json",
            "Content-Type": "application/octet-stream",
        },
    )
    accepted.raise_for_status()
    return str(accepted.headers["location"])


def run(
    requests: int,
    concurrency: int,
    seconds: float,
    small: bool = False,
) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="dateline-load-") as folder:
        seed, dump, source = inputs(Path(folder), small)
        db = Path(folder) / "store.db"
        subprocess.run(
            [DATELINE, "add", "--db", str(db), *map(str, seed)], check=True, capture_output=True
        )
        port = free_port()
        server = start_server(db, port)
        base = f"http://{LOOPBACK}:{port}"
        try:
            with httpx2.Client(base_url=base, timeout=30) as client:
                paths = routes(client)
                for path in paths:  # each view's first, cold build is not what is measured
                    client.get(path)
                location = upload(client, dump)
                began = time.monotonic()
                results = asyncio.run(hammer(base, paths, requests, concurrency, began + seconds))
                state = client.get(location).json()
                while not state["finished"] and time.monotonic() < began + seconds:
                    time.sleep(0.2)
                    state = client.get(location).json()
                ended = time.monotonic()
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
    latencies = sorted(seconds for _, seconds, _ in results)
    return {
        "data": source,
        "requests": len(results),
        "concurrency": concurrency,
        "errors": sum(status != 200 for _, _, status in results),
        "p50_s": round(statistics.median(latencies), 4),
        "p99_s": round(latencies[int(0.99 * (len(latencies) - 1))], 4),
        "max_s": round(latencies[-1], 4),
        "upload": state["status"],
        "upload_added": state["added"],
        "upload_seconds": round(ended - began, 1),
        "during_upload": sum(start < ended for start, _, _ in results)
        if state["finished"]
        else len(results),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--deadline", type=float, default=600.0)
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--small", action="store_true", help="a few hundred generated reports (the CI-sized run)"
    )
    args = parser.parse_args()
    figures = run(args.requests, args.concurrency, args.deadline, args.small)
    if args.json:
        print(json.dumps(figures))
    else:
        for name, value in figures.items():
            print(f"{name:>16}: {value}")


if __name__ == "__main__":
    main()
