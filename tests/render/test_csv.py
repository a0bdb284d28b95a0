"""CSV export: read back with the csv module, one row per cited source."""

from __future__ import annotations

import csv
import io

from dateline.model import Article, Citation, Timeline, TimelineEntry
from dateline.render.csv import COLUMNS, render, safe_cell


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_header_and_one_row_per_source(timeline: Timeline) -> None:
    text = render(timeline)
    assert text.splitlines()[0].split(",") == list(COLUMNS)
    rows = _rows(text)
    assert len(rows) == sum(len(e.sources) for e in timeline.entries)
    assert [r["date"] for r in rows] == ["2003-07-26", "2003-12-09", "2004-02"]
    assert rows[2]["display_date"] == "February 2004"
    assert rows[2]["precision"] == "month"
    assert rows[2]["planned"] == "yes"
    assert rows[1]["outlet"] == "The Northern Ledger"
    assert rows[1]["published"] == "2003-12-10"


def test_offsets_point_at_the_sentence(timeline: Timeline) -> None:
    by_id = {a.id: a for a in timeline.documents}
    for row in _rows(render(timeline)):
        article = by_id[row["document"]]
        assert article.text[int(row["start"]) : int(row["end"])] == row["sentence"]


def test_commas_quotes_and_newlines_survive() -> None:
    text = 'He said "no, never",\nthen left.'
    article = Article.from_raw("x.txt", text, text=text, outlet='Wire, "Daily"')
    entry = TimelineEntry("2010", text, (Citation(article.id, text, 0, len(text)),))
    rows = _rows(render(Timeline((article,), (entry,))))
    assert rows[0]["summary"] == text
    assert rows[0]["outlet"] == 'Wire, "Daily"'


def test_entry_without_sources_keeps_a_row() -> None:
    rows = _rows(render(Timeline((), (TimelineEntry("1999-05", "Something.", ()),))))
    assert len(rows) == 1
    assert rows[0]["document"] == ""


def test_formula_cells_are_defused() -> None:
    text = '=HYPERLINK("http://evil.example","click")'
    article = Article.from_raw("x.txt", text, text=text, title="@SUM(A1)")
    entry = TimelineEntry("2010", text, (Citation(article.id, text, 0, len(text)),))
    row = _rows(render(Timeline((article,), (entry,))))[0]
    assert row["summary"].startswith("'=")
    assert row["title"] == "'@SUM(A1)"
    assert safe_cell("Plain text") == "Plain text"
