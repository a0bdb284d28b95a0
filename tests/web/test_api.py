"""The JSON API in-process: answers, filters, and 4xx (never 500) for bad requests."""

from __future__ import annotations

import gzip
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from httpx2 import Response
from starlette.testclient import TestClient

from dateline.pipeline import ingest
from dateline.settings import Settings
from dateline.store import Store

Upload = Callable[..., Response]


def test_timeline_entries_in_date_order_with_display_dates(client: TestClient) -> None:
    data = client.get("/api/timeline").json()
    dates = [e["date"] for e in data["entries"]]
    assert dates == sorted(dates) and len(dates) >= 3
    assert "2012-04-21" in dates
    flood = next(e for e in data["entries"] if e["date"] == "2012-04-21")
    assert flood["display_date"] == "April 21, 2012"
    assert flood["outlets"] == ["Valley Courier"]
    source = flood["sources"][0]
    assert source["document"] in data["documents"]
    assert "text" not in data["documents"][source["document"]]


def test_timeline_date_range_and_bad_dates(client: TestClient) -> None:
    data = client.get("/api/timeline", params={"from": "2012", "to": "2012-12"}).json()
    assert data["entries"] and all(e["date"].startswith("2012") for e in data["entries"])
    for params in ({"from": "yesterday"}, {"to": "2012-13"}, {"from": "2013", "to": "2012"}):
        response = client.get("/api/timeline", params=params)
        assert response.status_code == 400
        assert response.json()["error"]


def test_timeline_search_narrows_to_matching_articles(client: TestClient) -> None:
    data = client.get("/api/timeline", params={"q": "closed"}).json()
    assert [e["date"] for e in data["entries"]] == ["2012-04-21"]


def test_story_and_entity_filters(client: TestClient) -> None:
    full = client.get("/api/timeline").json()
    story = full["stories"][0]["id"]
    by_story = client.get("/api/timeline", params={"story": story}).json()["entries"]
    assert by_story and all(story in e["stories"] for e in by_story)
    missing = client.get("/api/timeline", params={"story": "999"})
    assert missing.status_code == 404 and "no story 999" in missing.json()["error"]
    assert client.get("/api/timeline", params={"story": "s1"}).status_code == 400
    name = full["entities"][0]
    by_name = client.get("/api/timeline", params={"entity": name}).json()["entries"]
    assert by_name and all(name in e["entities"] for e in by_name)


def test_document_has_clean_text_and_date_evidence(client: TestClient) -> None:
    data = client.get("/api/timeline").json()
    source = data["entries"][0]["sources"][0]
    document = client.get(f"/api/document/{source['document']}").json()
    assert document["text"][source["start"] : source["end"]] == source["sentence"]
    assert document["published"]["date"] == "2011-03-14"
    assert 0 < document["published"]["confidence"] <= 1
    assert document["status"] == "ok"


def test_document_errors(client: TestClient) -> None:
    assert client.get("/api/document/0123456789abcdef").status_code == 404
    response = client.get("/api/document/not-an-id!")
    assert response.status_code == 400
    assert "not an article id" in response.json()["error"]


def test_documents_list_ok_and_failed(client: TestClient, upload: Upload) -> None:
    response = upload("broken.jsonl", b'{"text": "Half a record"\n{"oops"\n')
    assert response.json()["status"] == "done"
    data = client.get("/api/documents").json()
    titles = {d["title"] for d in data["documents"]}
    assert "Flood closes old bridge" in titles
    assert all(d["status"] == "ok" for d in data["documents"])
    assert any("broken.jsonl" in f["source"] and f["reason"] for f in data["failures"])


def test_duplicate_upload_is_reported(upload: Upload, articles: dict[str, str]) -> None:
    response = upload("again.txt", articles["bridge.txt"].encode())
    assert response.json()["status"] == "done"
    assert response.json()["added"] == 0
    assert response.json()["duplicate"] == 1


def test_stories_and_search(client: TestClient) -> None:
    stories = client.get("/api/stories").json()["stories"]
    assert stories and all(s["documents"] and s["label"] for s in stories)
    found = client.get("/api/search", params={"q": "flood"}).json()
    assert [d["title"] for d in found["documents"]] == ["Flood closes old bridge"]
    assert client.get("/api/search").status_code == 400
    odd = client.get("/api/search", params={"q": 'covid-19 "unbalanced'})
    assert odd.status_code == 200


def test_upload_adds_to_the_timeline(client: TestClient, upload: Upload) -> None:
    text = (
        "Riverton Gazette\nPublished: May 2, 2014\nBridge wins award\n"
        "The second Halvard bridge won the regional design prize on May 1, 2014.\n"
    )
    response = upload("award.txt", gzip.compress(text.encode()))
    assert response.json()["status"] == "done", response.text
    assert response.json()["added"] == 1
    dates = [e["date"] for e in client.get("/api/timeline").json()["entries"]]
    assert "2014-05-01" in dates


@pytest.mark.parametrize("fmt", ["html", "csv", "timelinejs", "png", "svg", "json", "md"])
def test_exports_download(client: TestClient, fmt: str) -> None:
    response = client.get(f"/api/export/{fmt}")
    assert response.status_code == 200
    assert "attachment" in response.headers["content-disposition"]
    assert response.content


def test_unknown_things_are_4xx_json(client: TestClient) -> None:
    assert client.get("/api/export/pdf").status_code == 404
    missing = client.get("/api/nothing")
    assert missing.status_code == 404 and missing.json()["error"]
    wrong_method = client.get("/api/upload")
    assert wrong_method.status_code == 405
    assert client.delete("/api/timeline").status_code == 405


def test_openapi_lists_every_route(client: TestClient) -> None:
    spec = client.get("/api/openapi.json").json()
    assert spec["openapi"].startswith("3.")
    for path in (
        "/api/timeline",
        "/api/documents",
        "/api/document/{id}",
        "/api/stories",
        "/api/search",
        "/api/upload",
    ):
        assert path in spec["paths"]


def test_pages_and_static_files_are_served(client: TestClient) -> None:
    for path in ("/", "/documents", "/add"):
        page = client.get(path)
        assert page.status_code == 200
        assert 'src="/static/app.js"' in page.text
    assert (
        client.get("/static/viewer.js")
        .headers["content-type"]
        .startswith(("text/javascript", "application/javascript"))
    )
    assert client.get("/static/../app.py").status_code == 404


def test_articles_added_outside_the_app_show_up(
    client: TestClient, db_path: Path, tmp_path: Path
) -> None:
    before = len(client.get("/api/documents").json()["documents"])
    extra = tmp_path / "outside.txt"
    extra.write_text(
        "Valley Courier\nPublished: July 9, 2015\nNew park opens\n"
        "The riverside park opened on July 8, 2015, beside the old bridge.\n",
        encoding="utf-8",
    )
    with Store(db_path) as store:
        ingest(store, [extra], Settings())
    assert len(client.get("/api/documents").json()["documents"]) == before + 1
    dates = [e["date"] for e in client.get("/api/timeline").json()["entries"]]
    assert "2015-07-08" in dates


@pytest.mark.parametrize("route", ["/api/timeline", "/api/export/json", "/api/export/csv"])
@pytest.mark.parametrize("name", ["dates", "per_date"])
@pytest.mark.parametrize("value", ["²", "①", "٣", "1" * 5000, "-1", "0x10"])
def test_numbers_are_ascii_digits_or_a_400(
    client: TestClient, route: str, name: str, value: str
) -> None:
    response = client.get(route, params={name: value})
    assert response.status_code == 400
    assert name in response.json()["error"]


@pytest.mark.parametrize("value", ["٢٠١٢", "2012-02-30", "2012-13"])
def test_dates_are_checked_as_the_cli_checks_them(client: TestClient, value: str) -> None:
    response = client.get("/api/timeline", params={"from": value})
    assert response.status_code == 400
    assert "is not a date; use YYYY, YYYY-MM or YYYY-MM-DD" in response.json()["error"]


def test_a_cold_timeline_answers_building_with_progress_then_the_entries(
    client: TestClient,
) -> None:
    """Asked with `Prefer: respond-async`, a timeline not built in time is 202 "building"
    with how far it has got (issue 13: the page said "No dated entries yet" meanwhile)."""
    asking = {"Prefer": "respond-async, wait=0"}
    stored = len(client.get("/api/documents").json()["documents"])
    first = client.get("/api/timeline", params={"q": "bridge"}, headers=asking)
    assert first.status_code == 202, first.text
    progress = first.json()
    assert progress["status"] == "building" and progress["seconds"] >= 0
    assert first.headers["preference-applied"] == "respond-async"
    for _ in range(200):
        answer = client.get("/api/timeline", params={"q": "bridge"}, headers=asking)
        if answer.status_code == 200:
            break
        assert answer.json()["articles"] in (None, stored)
        time.sleep(0.05)
    assert answer.status_code == 200
    plain = client.get("/api/timeline", params={"q": "bridge"})
    assert answer.json() == plain.json() and plain.json()["entries"]


@pytest.mark.parametrize("fmt", ["csv", "json", "png"])
def test_a_cold_export_answers_building_then_the_file_the_plain_request_gets(
    client: TestClient, fmt: str
) -> None:
    """An export is built as the timeline is: with `Prefer: respond-async`, 202 "building"
    while it is not ready, then the file a plain request gets."""
    asking = {"Prefer": "respond-async, wait=0"}
    params = {"q": "council", "dates": "3"}
    first = client.get(f"/api/export/{fmt}", params=params, headers=asking)
    assert first.status_code == 202, first.text
    assert first.json()["status"] == "building"
    for _ in range(400):
        answer = client.get(f"/api/export/{fmt}", params=params, headers=asking)
        if answer.status_code == 200:
            break
        time.sleep(0.05)
    assert answer.status_code == 200
    plain = client.get(f"/api/export/{fmt}", params=params)
    assert plain.status_code == 200 and plain.headers["content-disposition"].startswith(
        "attachment"
    )
    if fmt != "png":  # a chart's bytes carry no promise to repeat
        assert answer.content == plain.content and plain.content
