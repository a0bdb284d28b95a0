"""Dates the user gives (`--date`, sidecars) and `dateline curate`, through the real entry
point, on the pile of undated clippings in tests/date/clippings (our own writing)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline.cli.main import cli

CLIPPINGS = Path(__file__).resolve().parents[1] / "date" / "clippings"
SECOND_NIGHT = CLIPPINGS / "kt-second-night.txt"  # published Saturday 16 March 2019


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def timeline_json(*args: str) -> dict:
    result = run("timeline", *args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_date_dates_the_one_file_and_its_weekdays() -> None:
    undated = timeline_json(str(SECOND_NIGHT))
    assert undated["documents"][0]["published"]["date"] is None
    dated = timeline_json(str(SECOND_NIGHT), "--date", "2019-03-16")
    published = dated["documents"][0]["published"]
    assert (published["date"], published["method"]) == ("2019-03-16", "user")
    assert published["evidence"] == ["given by the user"]
    night = [e for e in dated["entries"] if "second night" in e["summary"]]
    assert [e["date"] for e in night] == ["2019-03-15"]  # "on Friday"


@pytest.mark.parametrize(
    "args, problem",
    [
        (["--date", "2019-03-16", str(CLIPPINGS)], "gives one article its day, but 7 articles"),
        (["--date", "2019-02-30", str(SECOND_NIGHT)], "is not a day; use YYYY-MM-DD"),
        (["--date", "2019-03", str(SECOND_NIGHT)], "is not a day; use YYYY-MM-DD"),
    ],
)
def test_a_date_that_cannot_apply_is_one_line(args: list[str], problem: str) -> None:
    result = CliRunner().invoke(cli, ["timeline", *args])
    assert result.exit_code != 0 and problem in result.output
    assert "Traceback" not in result.output


def test_a_sidecar_dates_its_article(tmp_path: Path) -> None:
    pile = tmp_path / "pile"
    shutil.copytree(CLIPPINGS, pile)
    (pile / "kt-second-night.txt.meta.json").write_text(
        '{"date": "2019-03-16", "outlet": "Karran Times"}', encoding="utf-8"
    )
    documents = {Path(d["path"]).name: d for d in timeline_json(str(pile))["documents"]}
    assert "kt-second-night.txt.meta.json" not in documents
    night = documents["kt-second-night.txt"]
    assert (night["published"]["date"], night["outlet"]) == ("2019-03-16", "Karran Times")


def test_every_run_counts_undated_articles_and_events() -> None:
    result = run("timeline", *map(str, sorted(CLIPPINGS.glob("*.txt"))))
    assert "articles have no publication day" in result.stderr
    assert "events have no date" in result.stderr


@pytest.fixture
def store(tmp_path: Path) -> Path:
    db = tmp_path / "pile.db"
    pile = tmp_path / "pile"
    pile.mkdir()
    for name in ("valley-herald-leak.txt", "kt-second-night.txt"):
        shutil.copy(CLIPPINGS / name, pile / name)
    assert run("add", str(pile), "--db", str(db)).exit_code == 0
    return db


def test_decisions_apply_to_every_later_timeline_and_survive_add(
    store: Path, tmp_path: Path
) -> None:
    db = ("--db", str(store))
    before = timeline_json(*db)
    hidden, edited = before["entries"][0], before["entries"][-1]
    night = next(d for d in before["documents"] if d["path"].endswith("kt-second-night.txt"))
    assert run("curate", "hide", hidden["key"], "--reason", "background", *db).exit_code == 0
    assert run("curate", "edit", edited["key"], "Pumps start.", *db).exit_code == 0
    assert run("curate", "date", night["id"], "2019-03-16", *db).exit_code == 0
    later = tmp_path / "later"
    later.mkdir()
    shutil.copy(CLIPPINGS / "nl-inquiry-opens.txt", later)
    assert run("add", str(later), *db).exit_code == 0
    after = timeline_json(*db)
    assert hidden["key"] not in {e["key"] for e in after["entries"]}
    fixed = next(e for e in after["entries"] if e["key"] == edited["key"])
    assert (fixed["summary"], fixed["decided"]) == ("Pumps start.", ["edited"])
    dated = next(d for d in after["documents"] if d["id"] == night["id"])
    assert dated["published"]["method"] == "user"
    assert any(
        e["date"] == "2019-03-15" and e["sources"][0]["document"] == night["id"]
        for e in after["entries"]
    )


def test_list_undo_export_import(store: Path, tmp_path: Path) -> None:
    db = ("--db", str(store))
    entry = timeline_json(*db)["entries"][0]
    run("curate", "hide", entry["key"], "--reason", "a caption", *db)
    listed = json.loads(run("curate", "list", "--format", "json", *db).stdout)["decisions"]
    assert [(d["kind"], d["target"], d["reason"]) for d in listed] == [
        ("hide", entry["key"], "a caption")
    ]
    exported = tmp_path / "decisions.json"
    assert run("curate", "export", "-o", str(exported), *db).exit_code == 0
    assert run("curate", "undo", str(listed[0]["id"]), *db).exit_code == 0
    assert entry["key"] in {e["key"] for e in timeline_json(*db)["entries"]}
    result = run("curate", "import", str(exported), *db)
    assert result.exit_code == 0 and "imported 1 decisions" in result.output
    assert entry["key"] not in {e["key"] for e in timeline_json(*db)["entries"]}


@pytest.mark.parametrize(
    "args, problem",
    [
        (["hide", "not-a-key"], "not an entry key"),
        (["date", "0123456789abcdef", "2019-03-16"], "no such article in the store"),
        (["undo", "99"], "no such decision"),
    ],
)
def test_a_decision_that_cannot_apply_is_one_line(
    store: Path, args: list[str], problem: str
) -> None:
    result = CliRunner().invoke(cli, ["curate", *args, "--db", str(store)])
    assert result.exit_code == 1 and problem in result.output
    assert "Traceback" not in result.output


def test_import_refuses_a_bad_file_and_stores_nothing(store: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(
        '{"decisions": [{"kind": "hide", "target": "0123456789abcdef:0-5"}, '
        '{"kind": "hide", "target": "x"}]}',
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["curate", "import", str(bad), "--db", str(store)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    listed = run("curate", "list", "--db", str(store)).stdout
    assert listed == ""


def test_add_with_a_date_stores_it_and_corrects_a_stored_article(tmp_path: Path) -> None:
    db = ("--db", str(tmp_path / "one.db"))
    first = run("add", str(SECOND_NIGHT), *db)
    assert first.exit_code == 0
    assert "1 of 1 articles have no publication day" in first.stderr
    assert "events have no date" in first.stderr
    assert run("add", str(SECOND_NIGHT), "--date", "2019-03-16", *db).exit_code == 0
    published = timeline_json(*db)["documents"][0]["published"]
    assert (published["date"], published["method"]) == ("2019-03-16", "user")
    listed = json.loads(run("curate", "list", "--format", "json", *db).stdout)["decisions"]
    assert [(d["kind"], d["value"], d["reason"]) for d in listed] == [
        ("date", "2019-03-16", "--date")
    ]


def test_a_pin_finds_the_events_a_date_you_set_gives(tmp_path: Path) -> None:
    db = ("--db", str(tmp_path / "one.db"))
    run("add", str(SECOND_NIGHT), *db)
    document = json.loads(run("docs", "--format", "json", *db).stdout)["documents"][0]
    start = document["text"].index("Families from Low Carran")
    end = document["text"].index(".", start) + 1
    key = f"{document['id']}:{start}-{end}"
    refused = CliRunner().invoke(cli, ["curate", "pin", key, *db])
    assert refused.exit_code == 1 and "nothing dates that sentence" in refused.output
    assert run("curate", "date", document["id"][:8], "2019-03-16", *db).exit_code == 0
    assert run("curate", "pin", key, *db).exit_code == 0
    pinned = next(e for e in timeline_json(*db)["entries"] if e["key"] == key)
    assert (pinned["date"], pinned["decided"]) == ("2019-03-15", ["pinned"])
