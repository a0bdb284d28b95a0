"""The user's decisions through the JSON API: one writer, the page's token, every view."""

from __future__ import annotations

from pathlib import Path

from starlette.testclient import TestClient

from dateline.pipeline import ingest
from dateline.settings import Settings
from dateline.store import Store
from dateline.web.app import create_app

BASE_URL = "http://127.0.0.1:8000"  # the loopback host the app accepts


def decide(client: TestClient, **decision: str):
    token = client.app.state.token  # type: ignore[attr-defined]
    return client.post("/api/curations", json=decision, headers={"X-Dateline-Token": token})


def entries(client: TestClient) -> list[dict]:
    found: list[dict] = client.get("/api/timeline").json()["entries"]
    return found


def test_hide_edit_and_date_show_in_the_timeline(client: TestClient) -> None:
    first, last = entries(client)[0], entries(client)[-1]
    assert decide(client, kind="hide", target=first["key"]).status_code == 201
    made = decide(client, kind="edit", target=last["key"], value="The bridge opened.")
    assert made.status_code == 201 and made.json()["kind"] == "edit"
    after = entries(client)
    assert first["key"] not in {e["key"] for e in after}
    edited = next(e for e in after if e["key"] == last["key"])
    assert (edited["summary"], edited["decided"]) == ("The bridge opened.", ["edited"])
    listed = client.get("/api/curations").json()["decisions"]
    assert [d["kind"] for d in listed] == ["hide", "edit"]


def test_set_date_and_delete_reach_documents(client: TestClient) -> None:
    documents = client.get("/api/documents").json()["documents"]
    flood = next(d for d in documents if d["path"].endswith("flood.html"))
    assert decide(client, kind="date", target=flood["id"], value="2012-04-23").status_code == 201
    shown = client.get(f"/api/document/{flood['id']}").json()["published"]
    assert (shown["date"], shown["method"]) == ("2012-04-23", "user")
    assert decide(client, kind="delete", target=flood["id"]).status_code == 201
    assert client.get(f"/api/document/{flood['id']}").status_code == 404
    left = {d["id"] for d in client.get("/api/documents").json()["documents"]}
    assert flood["id"] not in left


def test_undo_brings_the_entry_back(client: TestClient) -> None:
    first = entries(client)[0]
    made = decide(client, kind="hide", target=first["key"]).json()
    token = client.app.state.token  # type: ignore[attr-defined]
    assert (
        client.delete(
            f"/api/curations/{made['id']}", headers={"X-Dateline-Token": token}
        ).status_code
        == 204
    )
    assert first["key"] in {e["key"] for e in entries(client)}
    assert (
        client.delete(
            f"/api/curations/{made['id']}", headers={"X-Dateline-Token": token}
        ).status_code
        == 404
    )


def test_a_decision_without_the_token_or_from_another_site_is_refused(client: TestClient) -> None:
    key = entries(client)[0]["key"]
    missing = client.post("/api/curations", json={"kind": "hide", "target": key})
    assert missing.status_code == 403
    foreign = client.post(
        "/api/curations",
        json={"kind": "hide", "target": key},
        headers={
            "X-Dateline-Token": client.app.state.token,  # type: ignore[attr-defined]
            "Origin": "https://evil.example",
        },
    )
    assert foreign.status_code == 403
    assert client.get("/api/curations").json()["decisions"] == []


def test_a_bad_decision_is_a_400_with_a_reason(client: TestClient) -> None:
    token = {"X-Dateline-Token": client.app.state.token}  # type: ignore[attr-defined]
    for body, problem in (
        (b"[1]", "expected"),
        (b"{not json", "JSON object"),
        (b'{"kind": "hide"}', "give its kind and its target"),
        (b'{"kind": "hide", "target": "nope"}', "not an entry key"),
        (
            b'{"kind": "date", "target": "0123456789abcdef", "value": "2012-04-23"}',
            "no such article",
        ),
    ):
        answer = client.post("/api/curations", content=body, headers=token)
        assert answer.status_code == 400 and problem in answer.json()["error"], body


def test_decisions_survive_an_add_and_a_restart(
    db_path: Path, tmp_path: Path, articles: dict[str, str]
) -> None:
    with TestClient(create_app(db_path), base_url=BASE_URL) as client:
        first = entries(client)[0]
        decide(client, kind="hide", target=first["key"])
    later = tmp_path / "later.txt"
    later.write_text(
        "Riverton Gazette\nPublished: May 2, 2014\nFerry line reopens\n"
        "RIVERTON -- The Halvard ferry line reopened on May 1, 2014, after a "
        "winter of repairs to its two boats.\n",
        encoding="utf-8",
    )
    with Store(db_path) as store:
        ingest(store, [later], Settings())
    with TestClient(create_app(db_path), base_url=BASE_URL) as restarted:
        keys = {e["key"] for e in entries(restarted)}
        assert first["key"] not in keys
        assert any("ferry line reopened" in e["summary"] for e in entries(restarted))
