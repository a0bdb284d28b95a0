"""The CLI through its real entry point (click in-process, plus the installed script once)."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline.cli.main import cli


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def test_help_lists_every_command():
    result = run("--help")
    for command in ("add", "docs", "timeline", "stories", "demo", "eval", "serve"):
        assert command in result.output


def test_one_shot_timeline_json_contract_on_mixed_folder(mixed_corpus):
    result = run("timeline", str(mixed_corpus), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    docs = {d["path"]: d for d in data["documents"]}
    assert len(docs) == 5
    txt = next(d for p, d in docs.items() if p.endswith("ferry.txt"))
    assert "Skip to main content" not in txt["text"]
    assert "Share on Facebook" not in txt["text"]
    assert "All rights reserved" not in txt["text"]
    assert "container crane collapsed" in txt["text"]
    texts = {d["id"]: d["text"] for d in data["documents"]}
    assert data["entries"], "a timeline with dated sentences must have entries"
    dates = [e["date"] for e in data["entries"]]
    assert dates == sorted(dates)
    for entry in data["entries"]:
        for source in entry["sources"]:
            assert texts[source["document"]][source["start"] : source["end"]] == source["sentence"]
    assert "2011-03-03" in dates


def test_bad_files_are_named_and_the_rest_processed(corpus_with_bad_files):
    result = run("timeline", str(corpus_with_bad_files), "--format", "json")
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)["documents"]) == 5
    errors = [line for line in result.stderr.splitlines() if line.startswith("dateline: ")]
    assert len(errors) == 3
    for name in ("empty.txt", "image.txt", "cut.txt.gz"):
        assert sum(name in line for line in errors) == 1
    assert "Traceback" not in result.stderr


def test_strict_makes_failures_fatal_and_stores_nothing(corpus_with_bad_files, tmp_path):
    db = tmp_path / "s.db"
    result = run("add", str(corpus_with_bad_files), "--db", str(db), "--strict")
    assert result.exit_code == 1
    assert "nothing was stored" in result.stderr
    assert run("docs", "--db", str(db), "--format", "json").exit_code == 0
    assert json.loads(run("docs", "--db", str(db), "--format", "json").stdout)["documents"] == []


def test_add_is_idempotent_and_counts(mixed_corpus, tmp_path):
    db = tmp_path / "s.db"
    first = run("add", str(mixed_corpus), "--db", str(db))
    assert first.exit_code == 0
    assert first.stdout.strip() == "added 5, duplicate 0, failed 0"
    second = run("add", str(mixed_corpus), "--db", str(db))
    assert second.stdout.strip() == "added 0, duplicate 5, failed 0"
    docs = json.loads(run("docs", "--db", str(db), "--format", "json").stdout)["documents"]
    assert len(docs) == 5
    assert all({"title", "outlet", "published"} <= set(d) for d in docs)


def test_add_reports_bad_files_and_docs_lists_them(corpus_with_bad_files, tmp_path):
    db = tmp_path / "s.db"
    result = run("add", str(corpus_with_bad_files), "--db", str(db))
    assert result.exit_code == 0
    assert result.stdout.strip() == "added 5, duplicate 0, failed 3"
    listing = run("docs", "--db", str(db))
    assert "failed:" in listing.stdout and "empty.txt" in listing.stdout


def test_add_reports_the_characters_it_replaced(tmp_path):
    """A lone surrogate is replaced so the batch stores, and `add` says so (issue 14.1)."""
    records = tmp_path / "feed.jsonl"
    records.write_text(
        '{"title": "Ferry \\ud800 halted", "outlet": "Port \\udfff Times", '
        '"text": "The ferry line to Kestrel Island was halted on March 3, 2011, '
        'after a crane fell onto the ramp."}\n',
        encoding="utf-8",
    )
    db = tmp_path / "s.db"
    result = run("add", str(records), "--db", str(db))
    assert result.exit_code == 0 and result.stdout.strip() == "added 1, duplicate 0, failed 0"
    assert (
        f"dateline: {records}::1: replaced 2 unencodable characters (lone surrogates) with U+FFFD"
    ) in result.stderr


def test_store_timeline_query_and_date_range(mixed_corpus, tmp_path):
    db = tmp_path / "s.db"
    run("add", str(mixed_corpus), "--db", str(db))
    everything = json.loads(run("timeline", "--db", str(db), "--format", "json").stdout)
    assert everything["entries"]
    ranged = json.loads(
        run(
            "timeline",
            "--db",
            str(db),
            "--from",
            "2011-05",
            "--to",
            "2011-06-30",
            "--format",
            "json",
        ).stdout
    )
    assert ranged["entries"]
    assert all("2011-05" <= e["date"][:7] <= "2011-06" for e in ranged["entries"])
    queried = json.loads(
        run("timeline", "--query", "inquiry", "--db", str(db), "--format", "json").stdout
    )
    cited = {s["document"] for e in queried["entries"] for s in e["sources"]}
    titles = {d["id"]: d["title"] for d in queried["documents"]}
    assert cited and all(
        "nquiry" in titles[c]
        or "nquiry" in next(d["text"] for d in queried["documents"] if d["id"] == c)
        for c in cited
    )


def test_output_file_is_written_whole(mixed_corpus, tmp_path):
    out = tmp_path / "t.md"
    result = run("timeline", str(mixed_corpus), "--format", "md", "-o", str(out))
    assert result.exit_code == 0
    assert out.read_text().startswith("# Timeline")
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".t.md")]


def test_not_a_database_is_a_one_line_error(tmp_path):
    db = tmp_path / "notes.db"
    db.write_text("these are my notes, not a database\n" * 100)
    result = run("docs", "--db", str(db))
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and str(db) in result.stderr
    assert db.read_text().startswith("these are my notes")


def test_bad_config_is_a_one_line_error(tmp_path):
    config = tmp_path / "c.toml"
    config.write_text("[read\n")
    result = run("--config", str(config), "docs", "--db", str(tmp_path / "x.db"))
    assert result.exit_code == 1
    assert result.stderr.startswith("dateline: ") and str(config) in result.stderr


def test_stdin_is_read_with_dash():
    text = (
        "The bridge over the Lanz river was closed on Sept. 9, 2015, after inspectors "
        "found cracks in two of its piers.\n"
    )
    result = run("timeline", "-", "--format", "json", input=text)
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert [e["date"] for e in data["entries"]] == ["2015-09-09"]


def test_demo_prints_timeline_and_writes_html(tmp_path):
    out = tmp_path / "demo.html"
    result = run("demo", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.count("\n") > 10
    html = out.read_text()
    assert html.lstrip().lower().startswith("<!doctype html")


def test_installed_console_script_runs(mixed_corpus):
    script = shutil.which("dateline", path=str(Path(sys.executable).parent))
    assert script, "the dateline console script is not installed next to this Python"
    done = subprocess.run(
        [script, "timeline", str(mixed_corpus), "--format", "json"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["entries"]


@pytest.mark.parametrize("fmt", ["text", "json", "md"])
def test_every_light_format_from_the_store(mixed_corpus, tmp_path, fmt):
    db = tmp_path / "s.db"
    run("add", str(mixed_corpus), "--db", str(db))
    result = run("timeline", "--db", str(db), "--format", fmt)
    assert result.exit_code == 0 and result.stdout.strip()


def test_store_left_unchanged_by_failed_run(mixed_corpus, tmp_path):
    db = tmp_path / "s.db"
    run("add", str(mixed_corpus), "--db", str(db))
    before = sqlite3.connect(db).execute("select count(*) from sqlite_master").fetchone()
    run("add", str(tmp_path / "missing-folder"), "--db", str(db))
    after = sqlite3.connect(db).execute("select count(*) from sqlite_master").fetchone()
    assert before == after


def test_adding_a_missing_path_names_it_and_creates_no_store(tmp_path):
    result = run("add", str(tmp_path / "saved-articels"), "--db", str(tmp_path / "new.db"))
    assert result.exit_code == 2
    assert "saved-articels: no such file or folder" in result.stderr
    assert not (tmp_path / "new.db").exists()


def test_stories_and_timeline_of_one_story(tmp_path):
    from dateline.cli.timeline import sample_corpus

    db = tmp_path / "s.db"
    run("add", str(sample_corpus()), "--db", str(db))
    listed = json.loads(run("stories", "--db", str(db), "--format", "json").stdout)["stories"]
    assert len(listed) >= 2 and [s["id"] for s in listed] == list(range(1, len(listed) + 1))
    quake = next(s for s in listed if "quake" in s["terms"] or "lindmark" in s["terms"])
    timeline = json.loads(
        run("timeline", "--db", str(db), "--story", str(quake["id"]), "--format", "json").stdout
    )
    cited = {source["document"] for e in timeline["entries"] for source in e["sources"]}
    assert cited and cited <= set(quake["documents"])
    text = run("stories", "--db", str(db)).stdout.splitlines()
    assert len(text) == len(listed) and text[0].startswith("1\t")


def test_unknown_story_is_a_one_line_error(mixed_corpus, tmp_path):
    db = tmp_path / "s.db"
    run("add", str(mixed_corpus), "--db", str(db))
    result = run("timeline", "--db", str(db), "--story", "99")
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "no story 99" in result.stderr


def test_articles_in_languages_we_cannot_tag_are_kept_and_counted(tmp_path):
    pile = tmp_path / "pile"
    pile.mkdir()
    (pile / "brug.txt").write_text(
        "Brug weer open\n\nDe oude brug in de haven is dinsdag weer geopend voor het verkeer, "
        "zes weken nadat een storm een deel van de leuning had weggeslagen. Volgens de gemeente "
        "werd er in februari aan de kabels gewerkt en waren de kosten hoger dan verwacht.\n",
        encoding="utf-8",
    )
    (pile / "bridge.txt").write_text(
        "Bridge reopens\n\nThe old harbour bridge reopened to traffic on Tuesday, March 8, 2011, "
        "six weeks after a storm tore away part of its railing, the city said.\n",
        encoding="utf-8",
    )
    result = run("timeline", str(pile), "--format", "json")
    assert result.exit_code == 0, result.output
    languages = sorted(d["language"] for d in json.loads(result.stdout)["documents"])
    assert languages == ["en", "nl"]
    assert (
        "1 article in a language dateline can't date or tag from the text yet (nl 1)"
        in result.stderr
    )


def test_what_files_say_never_paints_the_terminal(tmp_path):
    pile = tmp_path / "pile"
    pile.mkdir()
    (pile / "evil\x1b[2J.txt").write_bytes(b"\x00\x01\x02 not text")
    (pile / "ok.jsonl").write_text(
        json.dumps(
            {
                "title": "[link=https://example.invalid]Click[/link] \x1b]0;owned\x07 [bold]loud[/bold]",
                "text": "The harbour bridge reopened to traffic on Tuesday, March 8, 2011, the city said.",
            }
        )
        + "\n",
        encoding="utf-8",
    )
    db = tmp_path / "s.db"
    added = run("add", str(pile), "--db", str(db))
    assert "\x1b" not in added.stderr and "evil\\x1b[2J.txt" in added.stderr
    listing = run("docs", "--db", str(db)).stdout
    assert "\x1b" not in listing and "\x07" not in listing
    assert "[link=https://example.invalid]Click[/link] \\x1b]0;owned\\x07" in listing


def test_output_written_over_a_private_file_keeps_it_private(mixed_corpus, tmp_path):
    target = tmp_path / "timeline.json"
    target.write_text("old")
    target.chmod(0o600)
    result = run("timeline", str(mixed_corpus), "--format", "json", "-o", str(target))
    assert result.exit_code == 0
    assert target.stat().st_mode & 0o777 == 0o600
    assert json.loads(target.read_text())["entries"]


def test_a_mistyped_folder_is_an_error_not_a_search(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["timeline", str(tmp_path / "saved-articels")])
    assert result.exit_code == 2
    assert "saved-articels: no such file or folder" in result.output
    assert not (tmp_path / "dateline.db").exists()


@pytest.mark.parametrize(
    "command", [["docs"], ["stories"], ["timeline"], ["timeline", "--query", "troops"]]
)
def test_read_only_commands_never_create_a_store(tmp_path, command):
    db = tmp_path / "missing.db"
    result = CliRunner().invoke(cli, [*command, "--db", str(db)])
    assert result.exit_code == 1
    assert "no store here" in result.output
    assert not db.exists()


@pytest.mark.parametrize("value", ["2004-13", "yesterday", "2004-02-30", "04-03", "２００４"])
def test_dates_are_validated(mixed_corpus, value):
    result = CliRunner().invoke(cli, ["timeline", str(mixed_corpus), "--from", value])
    assert result.exit_code == 2
    assert "is not a date; use YYYY, YYYY-MM or YYYY-MM-DD" in result.output


def test_paths_and_query_together_are_refused(mixed_corpus):
    result = CliRunner().invoke(cli, ["timeline", str(mixed_corpus), "--query", "troops"])
    assert result.exit_code == 2 and "not both" in result.output


def test_a_run_says_how_many_articles_have_no_day():
    clippings = Path(__file__).resolve().parents[1] / "date" / "clippings"
    result = run("timeline", *map(str, sorted(clippings.glob("*.txt"))), "--format", "json")
    assert result.exit_code == 0
    documents = json.loads(result.stdout)["documents"]
    undated = sum(doc["published"]["date"] is None for doc in documents)
    assert undated >= 1
    assert (
        f"dateline: {undated} of {len(documents)} articles have no publication day" in result.stderr
    )
