"""A web app over a store holding a few articles we wrote for these tests."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from httpx2 import Response
from starlette.applications import Starlette
from starlette.testclient import TestClient

from dateline.pipeline import ingest
from dateline.settings import Settings
from dateline.store import Store
from dateline.web.app import create_app

BASE_URL = "http://127.0.0.1:8000"

ARTICLES = {
    "bridge.txt": (
        "Riverton Gazette\n"
        "Published: March 14, 2011\n"
        "Council approves new Halvard bridge\n"
        "RIVERTON -- The city council voted 7-2 on Monday to build a second bridge over the "
        "Halvard River, ending a debate that began in 2008.\n"
        "Mayor Ines Okafor said construction would start in September 2011 and take two "
        "years.\n"
        "The bridge will cost about $48 million, paid for by a regional bond.\n"
    ),
    "opening.txt": (
        "Riverton Gazette\n"
        "Published: October 2, 2013\n"
        "Halvard bridge opens to traffic\n"
        "RIVERTON -- The second Halvard bridge opened to cars on Tuesday, October 1, 2013, "
        "three weeks ahead of schedule.\n"
        "Mayor Ines Okafor cut the ribbon as a brass band played on the east bank.\n"
        "Work on the bridge began on September 19, 2011.\n"
    ),
    "flood.html": (
        "<html><head><title>Flood closes old bridge</title>"
        '<meta property="og:site_name" content="Valley Courier">'
        '<meta property="article:published_time" content="2012-04-22"></head><body>'
        "<article><h1>Flood closes old bridge</h1>"
        "<p>The old Halvard bridge was closed on April 21, 2012, after the river rose to its "
        "highest level since 1987.</p>"
        "<p>Engineers from the state transport office will inspect the piers this week.</p>"
        "</article></body></html>"
    ),
}

# Markup as text: entities in the page become literal "<script>" in the clean text, which is
# what an article quoting an attack (or a crafted page) hands the app.
HOSTILE = (
    "<html><head><title>Bridge &lt;script&gt;window.pwned=1&lt;/script&gt; vandalised</title>"
    '<meta property="og:site_name" content="Valley &lt;img src=x onerror=window.pwned=2&gt;">'
    '<meta property="article:published_time" content="2012-06-05"></head><body><article>'
    "<h1>Bridge &lt;script&gt;window.pwned=1&lt;/script&gt; vandalised</h1>"
    "<p>Vandals wrote &lt;script&gt;window.pwned=3&lt;/script&gt; and "
    '&lt;img src=x onerror="window.pwned=4"&gt; on the old Halvard bridge on June 4, 2012.</p>'
    "<p>Police said they had no suspects.</p></article></body></html>"
)


def write_corpus(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in ARTICLES.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "store" / "test.db"
    path.parent.mkdir()
    with Store(path) as store:
        ingest(store, write_corpus(tmp_path / "corpus"), Settings())
    return path


@pytest.fixture
def app(db_path: Path) -> Starlette:
    return create_app(db_path)


@pytest.fixture
def client(app: Starlette) -> Iterator[TestClient]:
    with TestClient(app, base_url=BASE_URL) as test_client:
        yield test_client


Upload = Callable[..., Response]


@pytest.fixture
def upload(client: TestClient) -> Upload:
    """POST one file the way the page does (token and file name headers).

    An accepted upload (202) is followed, as the page follows it, until its ingest ends; the
    answer is then the final state from /api/uploads/{id}.
    """

    def send(name: str, data: bytes, **headers: str) -> Response:
        sent = {
            "X-Dateline-Token": client.app.state.token,  # type: ignore[attr-defined]
            "X-Filename": name,
            "Content-Type": "application/octet-stream",
            **headers,
        }
        accepted = client.post("/api/upload", content=data, headers=sent)
        return follow_upload(client, accepted) if accepted.status_code == 202 else accepted

    return send


def follow_upload(client: TestClient, accepted: Response, seconds: float = 60.0) -> Response:
    """The upload's state once it has finished (polled every 0.05 s, for at most `seconds`)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        state = client.get(accepted.headers["location"])
        if state.json()["finished"]:
            return state
        time.sleep(0.05)
    raise AssertionError(f"upload still running after {seconds} s: {state.json()}")


@pytest.fixture
def articles() -> dict[str, str]:
    return dict(ARTICLES)


@pytest.fixture
def hostile() -> str:
    return HOSTILE
