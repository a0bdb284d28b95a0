"""`dateline docs` through its entry point: full dates, a path column, paging, JSON and CSV."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline.cli.main import cli
from dateline.store import Store

PILE = Path(__file__).parents[1] / "select" / "pile" / "pile.jsonl"


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("docs") / "pile.db"
    assert run("add", str(PILE), "--db", str(path)).exit_code == 0
    return path


def test_pages_cover_every_article_once(db: Path) -> None:
    seen: list[str] = []
    for page in (1, 2, 3):
        data = json.loads(
            run(
                "docs", "--db", str(db), "--format", "json", "--per-page", "40", "--page", str(page)
            ).stdout
        )
        assert (data["page"], data["pages"], data["per_page"], data["total"]) == (page, 3, 40, 88)
        seen += [d["id"] for d in data["documents"]]
    assert len(seen) == len(set(seen)) == 88
    everything = json.loads(
        run("docs", "--db", str(db), "--format", "json", "--per-page", "100").stdout
    )
    assert [d["id"] for d in everything["documents"]] == seen


def test_a_page_past_the_end_is_a_usage_error(db: Path) -> None:
    result = CliRunner().invoke(cli, ["docs", "--db", str(db), "--page", "4", "--per-page", "40"])
    assert result.exit_code == 2
    assert "there are 3 page(s)" in result.output


def test_text_shows_full_dates_paths_and_the_next_page(db: Path) -> None:
    out = run("docs", "--db", str(db), "--per-page", "10").stdout
    assert "2025-01-07" in out  # the first article's publication day, whole
    assert "pile.jsonl" in out  # the path column
    assert "page 1 of 9: articles 1-10 of 88; next: --page 2" in out


def test_csv_has_a_row_per_article_of_the_page(db: Path) -> None:
    out = run("docs", "--db", str(db), "--format", "csv", "--per-page", "25", "--page", "4").stdout
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    assert len(rows) == 13
    assert all(r["published"] and r["path"].startswith(str(PILE)) for r in rows)
    assert {r["outlet"] for r in rows} == {"The Northern Ledger", "Coastal Wire"}


def test_an_empty_store_says_so(tmp_path: Path) -> None:
    db = tmp_path / "empty.db"
    Store(db).close()
    out = run("docs", "--db", str(db)).stdout
    assert "no articles stored" in out
