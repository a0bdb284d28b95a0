"""The web app over a Parquet dataset store answers as it does over SQLite."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

pytest.importorskip("pyarrow", reason="the Parquet store needs the parquet extra (pyarrow)")
pytest.importorskip("duckdb", reason="the Parquet store needs the parquet extra (duckdb)")

from httpx2 import Response
from starlette.testclient import TestClient

from conftest import BASE_URL, follow_upload, write_corpus
from dateline.pipeline import ingest
from dateline.settings import Settings
from dateline.store import open_store
from dateline.web.app import create_app


def _client_over(path: Path, corpus: list[Path]) -> TestClient:
    with open_store(path) as store:
        ingest(store, corpus, Settings())
    return TestClient(create_app(path), base_url=BASE_URL)


def _upload(client: TestClient, name: str, data: bytes) -> Response:
    token = client.app.state.token  # type: ignore[attr-defined]
    headers = {"X-Dateline-Token": token, "X-Filename": name}
    headers["Content-Type"] = "application/octet-stream"
    return follow_upload(client, client.post("/api/upload", content=data, headers=headers))


def test_timeline_search_upload_and_decisions_as_over_sqlite(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus")
    award = gzip.compress(
        b"Riverton Gazette\nPublished: May 2, 2014\nBridge wins award\n"
        b"The second Halvard bridge won the regional design prize on May 1, 2014.\n"
    )
    answers: list[list[object]] = []
    for name in ("s.db", "s.parquet"):
        with _client_over(tmp_path / name, corpus) as client:

            def get(url: str, **params: str) -> dict:
                found: dict = client.get(url, params=params).json()
                return found

            first = get("/api/timeline")
            searched = get("/api/timeline", q="closed")
            assert _upload(client, "award.txt", award).json()["added"] == 1
            key = first["entries"][0]["key"]
            token = client.app.state.token  # type: ignore[attr-defined]
            hidden = client.post(
                "/api/curations",
                json={"kind": "hide", "target": key},
                headers={"X-Dateline-Token": token},
            )
            assert hidden.status_code == 201
            after = [e["key"] for e in get("/api/timeline")["entries"]]
            assert key not in after
            answers.append([first, searched, after])
    assert answers[0] == answers[1]
