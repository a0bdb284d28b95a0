"""A pile of short reports we write on the fly: enough articles to keep `add` busy for seconds.

Each report differs in its numbers, places and dates, so none is a near-duplicate of another.
"""

from __future__ import annotations

import json
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

_TOWNS = (
    "Riverton",
    "Ashford",
    "Melbury",
    "Coldwater",
    "Fenwick",
    "Highgate",
    "Larkspur",
    "Northam",
    "Pellworth",
    "Stanmore",
    "Thornby",
    "Wexcombe",
)
_THINGS = (
    "bridge",
    "library",
    "tram line",
    "harbour wall",
    "school",
    "water plant",
    "stadium",
    "ring road",
    "hospital wing",
    "ferry pier",
)
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def report(number: int) -> str:
    town = _TOWNS[number % len(_TOWNS)]
    thing = _THINGS[(number // len(_TOWNS)) % len(_THINGS)]
    month = _MONTHS[number % 12]
    day, year = 1 + number % 28, 2000 + number % 20
    cost, votes = 3 + number % 97, 5 + number % 9
    return (
        f"{town} Courier\n"
        f"Published: {month} {day}, {year}\n"
        f"{town} council backs {thing} plan number {number}\n"
        f"{town.upper()} -- The council voted {votes}-2 on {month} {day}, {year} to build the "
        f"{thing} after {number % 7 + 2} years of debate, in report {number}.\n"
        f"The work will cost about ${cost} million and start in {_MONTHS[(number + 3) % 12]} "
        f"{year + 1}, the mayor said.\n"
        f"Residents of {town} had asked for the {thing} since {year - number % 9 - 1}.\n"
    )


def write_reports(folder: Path, first: int, count: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(first, first + count):
        (folder / f"report-{number:05d}.txt").write_text(report(number), encoding="utf-8")
    return folder


DATELINE = str(Path(sys.executable).parent / "dateline")


def start(*args: str, **kwargs: Any) -> subprocess.Popen[str]:
    """The installed `dateline` in a session of its own, so its workers can be found."""
    return subprocess.Popen(
        [DATELINE, *args],
        text=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
        **kwargs,
    )


def session_members(session: int) -> list[int]:
    """Pids of the live processes (zombies aside) in session `session`."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        state, sid = fields[0], int(fields[3])
        if sid == session and state != "Z":
            found.append(int(entry.name))
    return found


def left_after(session: int, seconds: float) -> list[int]:
    """Processes of the session still alive once `seconds` have passed (checked each 0.1 s)."""
    deadline = time.monotonic() + seconds
    while (alive := session_members(session)) and time.monotonic() < deadline:
        time.sleep(0.1)
    return alive


def store_state(db: Path) -> tuple[str, int, int]:
    """(integrity check, articles, band keys pointing at no article), with plain sqlite3.

    The full-text index is checked against the articles too: a mismatch raises.
    """
    conn = sqlite3.connect(db)
    try:
        check = conn.execute("PRAGMA integrity_check").fetchone()[0]
        conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
        articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        stray = conn.execute(
            "SELECT count(*) FROM lsh_bands WHERE seq NOT IN (SELECT seq FROM articles)"
        ).fetchone()[0]
    finally:
        conn.close()
    return check, articles, stray


def reports_jsonl(path: Path, first: int, count: int) -> Path:
    """The same reports as one JSON Lines dump, the shape of a day's export from a news API."""
    lines = (
        json.dumps({"title": f"Report {n}", "text": report(n)}) for n in range(first, first + count)
    )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def serve(db: Path, port: int) -> subprocess.Popen[str]:
    """`dateline serve` on loopback, once it answers (at most 30 s)."""
    run = start("serve", "--db", str(db), "--port", str(port))
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return run
        except OSError:
            time.sleep(0.1)
    run.kill()
    raise AssertionError(f"dateline serve did not start: {run.communicate()[1]}")
