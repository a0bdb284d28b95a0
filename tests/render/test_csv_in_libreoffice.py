"""The CSV export opened in LibreOffice Calc (headless): every row and every text cell arrives
as written — quotes, commas, “curly” quotes and line breaks in article text included — and a
cell that would run as a formula stays text. .ci/run installs libreoffice-calc-nogui."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest

import dateline
from dateline.model import Article, Citation, Timeline, TimelineEntry

PILE = Path(__file__).parents[1] / "select" / "pile" / "pile.jsonl"
SOFFICE = shutil.which("soffice")
NS = {
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
}
# Columns of text Calc must keep as written (numbers and dates it may reformat for display).
TEXT_COLUMNS = ("summary", "outlet", "path", "sentence", "entities", "disagreements")
# (the pile's entities and disagreements hold commas, quotes and “curly” quotes.)


def _cells(row: ElementTree.Element) -> list[str]:
    cells = []
    for cell in row.findall("table:table-cell", NS):
        repeat = int(cell.get(f"{{{NS['table']}}}number-columns-repeated", "1"))
        text = "\n".join("".join(p.itertext()) for p in cell.findall("text:p", NS))
        cells.extend([text] * min(repeat, 64))
    return cells


def _calc_rows(path: Path, tmp_path: Path) -> list[list[str]]:
    assert SOFFICE is not None
    subprocess.run(
        [
            SOFFICE,
            "--headless",
            "--norestore",
            f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}",
            "--infilter=CSV:44,34,76,1",
            "--convert-to",
            "ods",
            "--outdir",
            str(tmp_path / "out"),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    with zipfile.ZipFile(tmp_path / "out" / (path.stem + ".ods")) as ods:
        root = ElementTree.fromstring(ods.read("content.xml"))
    table = root.find(".//table:table", NS)
    assert table is not None
    return [_cells(row) for row in table.findall(".//table:table-row", NS)]


def _hostile() -> Timeline:
    text = 'He said "600, not 500" troops.\n=SUM(A1:A9) was typed, then a line\nbreak.'
    article = Article.from_raw("odd, name.txt", text, text=text, outlet="=1+1")
    entry = TimelineEntry("2025-01-06", text, (Citation(article.id, text, 0, len(text)),))
    return Timeline((article,), (entry,))


@pytest.mark.skipif(
    SOFFICE is None,
    reason="LibreOffice (soffice) not installed; "
    "apt-get install libreoffice-calc-nogui, as .ci/run does",
)
@pytest.mark.parametrize("which", ["pile", "hostile"])
def test_calc_reads_every_text_cell_as_written(which: str, tmp_path: Path) -> None:
    timeline = dateline.timeline(PILE) if which == "pile" else _hostile()
    path = tmp_path / f"{which}.csv"
    written = timeline.to_csv()
    path.write_bytes(written.encode("utf-8"))
    ours = list(csv.reader(io.StringIO(written, newline="")))
    calc = _calc_rows(path, tmp_path)
    calc = [row for row in calc if any(row)]
    assert len(calc) == len(ours)
    header = ours[0]
    for mine, theirs in zip(ours, calc, strict=True):
        for column in TEXT_COLUMNS:
            index = header.index(column)
            assert theirs[index] == mine[index], (column, mine[index], theirs[index])
    if which == "hostile":  # a formula in article data stays text, never runs
        assert calc[1][header.index("outlet")] == "'=1+1"
