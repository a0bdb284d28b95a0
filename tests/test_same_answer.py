"""The same store and request give the same entries from the CLI, the Python API and the web
app: all three build the timeline through `dateline.Store`'s path."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import dateline
from dateline.cli.main import cli

SAMPLE = Path(str(resources.files("dateline") / "data" / "sample" / "articles"))
REQUESTS = [
    {"dates": 8, "per_date": 1},
    {"dates": 5, "per_date": 2, "query": "troops"},
    {"dates": 6, "per_date": 1, "date_from": "2004-01", "date_to": "2004-12"},
    {},  # everyone's defaults are the library's
    {"story": 1},  # a story narrows the articles before selection, everywhere
    {"story": 2, "dates": 6},
    {"story": 1, "query": "troops"},
    {"who": "Lena Varga"},  # `Store.timeline` takes every keyword `dateline.timeline` does
    {"where": "Korvel", "dates": 20},
]
CLI_FLAGS = {
    "dates": "--dates",
    "per_date": "--per-date",
    "query": "--query",
    "date_from": "--from",
    "date_to": "--to",
    "story": "--story",
    "who": "--who",
    "where": "--where",
}
WEB_PARAMS = {
    "dates": "dates",
    "per_date": "per_date",
    "query": "q",
    "date_from": "from",
    "date_to": "to",
    "story": "story",
    "who": "who",
    "where": "where",
}

Entry = tuple[str, str, tuple[tuple[str, int, int], ...]]


def _entries(found: list[dict[str, Any]]) -> list[Entry]:
    return [
        (
            e["date"],
            e["summary"],
            tuple((s["document"], s["start"], s["end"]) for s in e["sources"]),
        )
        for e in found
    ]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("same") / "news.db"
    with dateline.Store(path) as store:
        store.add(SAMPLE)
    return path


@pytest.fixture(scope="module")
def web(db: Path):
    from starlette.testclient import TestClient

    from dateline.web.app import create_app

    with TestClient(create_app(db), base_url="http://127.0.0.1:8000") as client:
        yield client


@pytest.mark.parametrize("request_", REQUESTS, ids=lambda r: ",".join(r) or "defaults")
def test_cli_api_and_web_give_the_same_entries(db: Path, web, request_: dict[str, Any]) -> None:
    with dateline.Store(db, create=False) as store:
        from_api = json.loads(store.timeline(**request_).to_json())["entries"]
    flags = [arg for key, value in request_.items() for arg in (CLI_FLAGS[key], str(value))]
    run = CliRunner().invoke(
        cli, ["timeline", "--db", str(db), "--format", "json", *flags], catch_exceptions=False
    )
    assert run.exit_code == 0, run.output
    from_cli = json.loads(run.stdout)["entries"]
    params = {WEB_PARAMS[key]: str(value) for key, value in request_.items()}
    answer = web.get("/api/timeline", params=params)
    assert answer.status_code == 200, answer.text
    from_web = answer.json()["entries"]
    assert from_api
    assert _entries(from_cli) == _entries(from_api) == _entries(from_web)


def test_the_request_is_listed_once() -> None:
    """`dateline.timeline`, `Store.timeline` and `timeline_query` take `Request`'s keywords,
    and `Request` lists `TimelineQuery`'s fields."""
    import dataclasses
    import inspect

    from dateline.library import Request, TimelineQuery, timeline_query

    assert list(Request.__annotations__) == [f.name for f in dataclasses.fields(TimelineQuery)]
    for function in (dateline.timeline, dateline.Store.timeline, timeline_query):
        assert inspect.signature(function).parameters["request"].annotation == "Unpack[Request]"


def test_a_story_has_one_documented_shape(db: Path, web) -> None:
    documented = (
        (Path(__file__).resolve().parents[1] / "docs" / "timeline-json.md")
        .read_text(encoding="utf-8")
        .split("## Stories", 1)[1]
    )
    fields = set(re.findall(r"^\| `(\w+)` \|", documented, re.M))
    run = CliRunner().invoke(
        cli, ["stories", "--db", str(db), "--format", "json"], catch_exceptions=False
    )
    listed = json.loads(run.stdout)["stories"]
    with dateline.Store(db, create=False) as store:
        stories = store.stories()
    assert [s["id"] for s in listed] == [s.id for s in stories]
    assert all(set(s) == fields for s in listed)
    assert fields == {"id", "label", "terms", "size", "documents"}
    from_web = web.get("/api/stories").json()["stories"]
    assert from_web == listed
    in_timeline = web.get("/api/timeline").json()["stories"]
    assert in_timeline and all(s in listed for s in in_timeline)


def test_a_story_keeps_its_number_when_a_query_narrows_the_store(db: Path) -> None:
    with dateline.Store(db, create=False) as store:
        stories = store.stories()
        for story in stories:
            narrowed = store.timeline(story=story.id, query="earthquake", dates=20)
            cited = {c.document for e in narrowed.entries for c in e.sources}
            assert cited <= set(story.article_ids), story.label


def test_a_story_keeps_its_number_when_articles_are_added_later(tmp_path: Path) -> None:
    """Issue 13: stories were numbered largest first, so a story that grew past another
    renumbered both and `--story N` named another story. The sample's smaller story is
    stored first with one article of the larger, then the rest of the larger comes."""
    from dateline.pipeline import read_all

    articles = read_all([SAMPLE], dateline.Settings()).articles
    with dateline.Store(tmp_path / "whole.db") as whole:
        whole.add(articles)
        larger, smaller = (set(s.article_ids) for s in whole.stories()[:2])
    first = [a for a in articles if a.id in smaller]
    first += [a for a in articles if a.id in larger][:5]
    with dateline.Store(tmp_path / "growing.db") as store:
        store.add(first)
        before = {s.id: set(s.article_ids) for s in store.stories()}
        store.add([a for a in articles if a not in first])
        after = {s.id: set(s.article_ids) for s in store.stories()}
    assert len(before) >= 2
    for number, members in before.items():
        assert len(members & after[number]) > len(members) / 2, (number, before, after)
