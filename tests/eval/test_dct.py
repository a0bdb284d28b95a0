"""The article-date evaluation: truth-file handling and scoring on small written folders."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.errors import EvaluationError
from dateline.eval.dct import evaluate, read_truth

HEADER_DATED = (
    "The Riverside Courier\n"
    "Published: Feb. 3, 2004 10:31 AM\n"
    "The city council voted on Monday night to replace the Mill Street bridge, ending a "
    "dispute that began when the span was closed to trucks in January 2002.\n"
)
CONTENT_DATED = (
    "The state completed the purchase of 2,400 acres of salt marsh on Feb. 7, 2006, "
    "ending a developer's plan to build a golf resort there.\n"
)
UNDATED = "The mayor said the bridge would reopen soon, though no one would say when.\n"


def write_folder(folder: Path, truth: str, **files: str) -> Path:
    for name, text in files.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    (folder / "dates.tsv").write_text(truth, encoding="utf-8")
    return folder


def test_scores_exact_interval_and_days(tmp_path: Path) -> None:
    truth = "header.txt\t2004-02-03\ncontent.txt\t2006-02-08\nundated.txt\t2010-05-01\n"
    folder = write_folder(
        tmp_path, truth, header=HEADER_DATED, content=CONTENT_DATED, undated=UNDATED
    )
    result = evaluate(folder)
    assert result["documents"] == 3
    rows = {row["file"]: row for row in result["rows"]}
    assert rows["header.txt"]["exact"] and rows["header.txt"]["method"] == "header"
    assert rows["content.txt"]["date"] == "2006-02-07"
    assert rows["content.txt"]["abs_days"] == 1 and rows["content.txt"]["contains"]
    assert rows["undated.txt"]["date"] is None and rows["undated.txt"]["contains"]
    assert result["exact_day_rate"] == pytest.approx(1 / 3)
    assert result["interval_contains_rate"] == pytest.approx(1.0)
    # Open intervals ("after Feb. 7, 2006", no bound at all) hold the truth but place nothing.
    assert result["closed_interval_rate"] == pytest.approx(1 / 3)
    assert rows["header.txt"]["closed"] and not rows["undated.txt"]["closed"]
    assert result["mean_abs_days"] == pytest.approx(0.5)
    assert result["failures"] == []


def test_listed_file_that_is_missing_counts_as_a_miss(tmp_path: Path) -> None:
    folder = write_folder(tmp_path, "header.txt\t2004-02-03\ngone.txt\t2004-02-03\n",
                          header=HEADER_DATED)  # fmt: skip
    result = evaluate(folder)
    rows = {row["file"]: row for row in result["rows"]}
    assert rows["gone.txt"]["method"] == "unread" and not rows["gone.txt"]["contains"]
    assert len(result["failures"]) == 1 and "gone.txt" in result["failures"][0]
    assert result["exact_day_rate"] == pytest.approx(0.5)


def test_files_not_in_the_truth_file_are_ignored(tmp_path: Path) -> None:
    folder = write_folder(tmp_path, "header.txt\t2004-02-03\n", header=HEADER_DATED,
                          extra=CONTENT_DATED)  # fmt: skip
    assert evaluate(folder)["documents"] == 1


def test_missing_truth_file(tmp_path: Path) -> None:
    with pytest.raises(EvaluationError, match=r"dates\.tsv"):
        evaluate(tmp_path)


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("story.txt 2004-02-03\n", "expected 'filename<TAB>YYYY-MM-DD'"),
        ("story.txt\t2004-02-30\n", "not a YYYY-MM-DD date"),
        ("story.txt\tFeb. 3, 2004\n", "not a YYYY-MM-DD date"),
        ("\n# nothing but a comment\n", "no dates"),
    ],
)
def test_malformed_truth_file(tmp_path: Path, content: str, problem: str) -> None:
    (tmp_path / "dates.tsv").write_text(content, encoding="utf-8")
    with pytest.raises(EvaluationError) as error:
        read_truth(tmp_path)
    message = str(error.value)
    assert problem in message and "dates.tsv" in message and "\n" not in message


def test_undecodable_truth_file(tmp_path: Path) -> None:
    (tmp_path / "dates.tsv").write_bytes(b"story.txt\t2004-02-03\n\xff\xfe\xfa")
    with pytest.raises(EvaluationError, match="cannot read"):
        read_truth(tmp_path)


def test_peer_and_calibration_are_reported(tmp_path: Path) -> None:
    truth = "header.txt\t2004-02-03\ncontent.txt\t2006-02-09\n"
    folder = write_folder(tmp_path, truth, header=HEADER_DATED, content=CONTENT_DATED)
    result = evaluate(folder)
    assert result["peer"]["name"].startswith("htmldate")
    assert 0.0 <= result["peer"]["exact_day_rate"] <= 1.0
    rows = {row["file"]: row for row in result["rows"]}
    assert "peer" in rows["header.txt"]
    dated = sum(result["reliability_dates"].values())
    assert dated == sum(row["date"] is not None for row in result["rows"])
    confident = [r for r in result["rows"] if r["date"] and r["confidence"] >= 0.9]
    wrong = sum(not r["exact"] for r in confident)
    assert result["confident_dates"] == len(confident)
    assert result["confident_wrong_rate"] == (wrong / len(confident) if confident else 0.0)
