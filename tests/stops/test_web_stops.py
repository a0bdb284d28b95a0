"""The web app while an upload ingests: reads answered, the cap kept, stops prompt and clean."""

from __future__ import annotations

import re
import signal
import subprocess
import time
from pathlib import Path

import httpx2
import pytest
from starlette.testclient import TestClient
from stopkit import (
    free_port,
    left_after,
    reports_jsonl,
    serve,
    store_state,
    write_reports,
)

from dateline.pipeline import ingest
from dateline.settings import Settings
from dateline.store import Store
from dateline.web.app import create_app

BASE = "http://127.0.0.1:8000"


def seeded_store(tmp_path: Path, articles: int = 10) -> Path:
    db = tmp_path / "store.db"
    with Store(db) as store:
        ingest(store, [write_reports(tmp_path / "first", 0, articles)], Settings())
    return db


def token_of(page: str) -> str:
    found = re.search(r'name="dateline-token" content="([^"]+)"', page)
    assert found, "the page carries the upload token"
    return found.group(1)


def post_upload(client: TestClient | httpx2.Client, path: Path) -> httpx2.Response:
    token = token_of(client.get("/").text)
    return client.post(
        "/api/upload",
        content=path.read_bytes(),
        headers={
            "X-Dateline-Token": token,
            "X-Filename": path.name,
            "Content-Type": "application/octet-stream",
        },
    )


@pytest.mark.long
def test_reads_are_answered_while_an_upload_ingests(tmp_path: Path) -> None:
    db = seeded_store(tmp_path)
    dump = reports_jsonl(tmp_path / "day.jsonl", 10, 300)
    with TestClient(create_app(db), base_url=BASE) as client:
        accepted = post_upload(client, dump)
        assert accepted.status_code == 202
        location = accepted.headers["location"]
        answered_during = 0
        seen: set[str] = set()
        deadline = time.monotonic() + 120
        while not (state := client.get(location).json())["finished"]:
            assert time.monotonic() < deadline, state
            seen.add(state["status"])
            for route in ("/api/documents", "/api/timeline", "/api/stories"):
                assert client.get(route).status_code == 200
            answered_during += 1
        assert state["status"] == "done" and state["added"] == 300, state
        assert answered_during >= 3 and "processing" in seen
        assert len(client.get("/api/documents").json()["documents"]) == 310


def test_an_upload_past_the_article_cap_stores_nothing(tmp_path: Path) -> None:
    db = seeded_store(tmp_path)
    dump = reports_jsonl(tmp_path / "big.jsonl", 10, 60)
    app = create_app(db, max_upload_articles=25)
    with TestClient(app, base_url=BASE) as client:
        location = post_upload(client, dump).headers["location"]
        deadline = time.monotonic() + 60
        while not (state := client.get(location).json())["finished"]:
            assert time.monotonic() < deadline
            time.sleep(0.05)
    assert state["status"] == "failed"
    assert state["error"] == (
        "big.jsonl: over 25 articles in one upload; nothing was stored "
        "(add big collections with `dateline add`)"
    )
    assert store_state(db) == ("ok", 10, 0)


def busy_server(tmp_path: Path) -> tuple[Path, subprocess.Popen[str], int]:
    """A real `dateline serve` with a 1,500-article upload being ingested."""
    db = seeded_store(tmp_path)
    port = free_port()
    run = serve(db, port)
    dump = reports_jsonl(tmp_path / "many.jsonl", 10, 1_500)
    with httpx2.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
        accepted = post_upload(client, dump)
        assert accepted.status_code == 202
        deadline = time.monotonic() + 60
        while client.get(accepted.headers["location"]).json()["status"] == "queued":
            assert time.monotonic() < deadline
            time.sleep(0.1)
    return db, run, port


def test_sigterm_stops_serve_mid_upload_promptly(tmp_path: Path) -> None:
    db, run, _ = busy_server(tmp_path)
    sent = time.monotonic()
    run.send_signal(signal.SIGTERM)
    run.communicate(timeout=30)
    assert time.monotonic() - sent < 10
    assert left_after(run.pid, 5.0) == []
    assert store_state(db) == ("ok", 10, 0)


def test_kill_9_of_serve_mid_upload_leaves_no_process(tmp_path: Path) -> None:
    db, run, _ = busy_server(tmp_path)
    run.send_signal(signal.SIGKILL)
    run.communicate(timeout=30)
    assert left_after(run.pid, 5.0) == []
    assert store_state(db) == ("ok", 10, 0)
