"""Headers, cross-site refusal, upload limits and escaping, checked in-process."""

from __future__ import annotations

import gzip
import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from httpx2 import Response
from starlette.testclient import TestClient

from dateline.web.app import create_app

Upload = Callable[..., Response]


def test_every_response_has_a_strict_csp(client: TestClient) -> None:
    for path in ("/", "/api/timeline", "/static/app.js", "/api/nothing"):
        csp = client.get(path).headers["content-security-policy"]
        assert "default-src 'none'" in csp
        assert "script-src 'self'" in csp
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
        assert "frame-ancestors 'none'" in csp
    headers = client.get("/").headers
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"


def test_page_has_no_inline_script_and_no_remote_assets(client: TestClient) -> None:
    page = client.get("/").text
    assert "<script>" not in page and "onclick" not in page.lower()
    assert "http://" not in page and "https://" not in page


def test_upload_without_token_is_refused(client: TestClient, articles: dict[str, str]) -> None:
    response = client.post(
        "/api/upload", content=articles["bridge.txt"].encode(), headers={"X-Filename": "a.txt"}
    )
    assert response.status_code == 403
    assert "x-dateline-token" in response.json()["error"]


def test_upload_with_wrong_token_is_refused(upload: Upload, articles: dict[str, str]) -> None:
    response = upload("a.txt", articles["bridge.txt"].encode(), **{"X-Dateline-Token": "guess"})
    assert response.status_code == 403


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "http://evil.example"},
        {"Sec-Fetch-Site": "cross-site"},
        {"Origin": "null"},
    ],
)
def test_cross_site_post_is_refused(
    upload: Upload, articles: dict[str, str], headers: dict[str, str]
) -> None:
    response = upload("a.txt", articles["bridge.txt"].encode(), **headers)
    assert response.status_code == 403
    assert "cross-site" in response.json()["error"]


def test_cross_site_form_post_is_refused(client: TestClient) -> None:
    form = client.post(
        "/api/upload",
        files={"file": ("a.txt", b"Text of an article.")},
        headers={"Origin": "http://evil.example"},
    )
    assert form.status_code == 403


def test_same_origin_post_is_accepted(upload: Upload, articles: dict[str, str]) -> None:
    response = upload(
        "same.txt",
        articles["bridge.txt"].encode(),
        Origin="http://127.0.0.1:8000",
        **{"Sec-Fetch-Site": "same-origin"},
    )
    assert response.json()["status"] == "done"


def test_foreign_host_header_is_refused(client: TestClient) -> None:
    response = client.get("/api/timeline", headers={"Host": "attacker.example"})
    assert response.status_code == 400
    assert "unknown host" in response.json()["error"]


def test_oversized_upload_is_refused(db_path: Path) -> None:
    app = create_app(db_path, max_upload_bytes=1024)
    with TestClient(app, base_url="http://127.0.0.1:8000") as small:
        headers = {"X-Dateline-Token": app.state.token, "X-Filename": "big.txt"}
        response = small.post("/api/upload", content=b"news " * 1000, headers=headers)
        assert response.status_code == 413
        assert "big.txt" in response.json()["error"]

        def chunks():  # no Content-Length: the limit must hold while streaming
            for _ in range(100):
                yield b"news " * 100

        streamed = small.post("/api/upload", content=chunks(), headers=headers)
        assert streamed.status_code == 413
    assert not (db_path.parent / "test-uploads").exists()


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("story.txt", "An article.")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("story.txt", b"%PDF-1.7\n1 0 obj <<>> endobj\n"),
        ("story.html", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4),
        ("story.txt", _zip()),
        ("story.txt", bytes(range(256)) * 16),
        ("story.txt.gz", gzip.compress(bytes(range(256)) * 16)),
    ],
)
def test_binary_upload_is_refused_whatever_its_name(upload: Upload, name: str, data: bytes) -> None:
    response = upload(name, data)
    assert response.status_code == 415
    assert name in response.json()["error"]


def test_empty_or_unnamed_upload_is_refused(upload: Upload) -> None:
    assert upload("empty.txt", b"").status_code == 400
    assert upload("", b"Some text.").status_code == 400


def test_hostile_article_is_returned_as_data_not_markup(
    client: TestClient, upload: Upload, hostile: str
) -> None:
    assert upload("vandal.html", hostile.encode()).json()["status"] == "done"
    entries = client.get("/api/timeline").json()["entries"]
    entry = next(e for e in entries if e["date"] == "2012-06-04")
    assert "<script>window.pwned=3</script>" in entry["summary"]
    response = client.get("/api/timeline")
    assert response.headers["content-type"] == "application/json"
    # JSON is never sniffed as HTML, and the page only ever reads it with textContent.
    assert response.headers["x-content-type-options"] == "nosniff"


def test_upload_names_cannot_escape_the_upload_folder(
    client: TestClient, upload: Upload, articles: dict[str, str], db_path: Path
) -> None:
    response = upload("..%2F..%2Fescape.txt", articles["opening.txt"].encode() + b"\nMore.")
    assert response.json()["status"] == "done"
    saved = Path(response.json()["path"])
    assert saved.parent == db_path.parent / "test-uploads"
    assert saved.name == "escape.txt"
