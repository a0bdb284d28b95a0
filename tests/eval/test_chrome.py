from __future__ import annotations

from pathlib import Path

import pytest

from dateline.errors import EvaluationError
from dateline.eval.chrome import evaluate

ROOT = Path(__file__).resolve().parents[2]
ANNOTATED = ROOT / "tests" / "clean" / "annotated"


def test_annotated_set_meets_the_bar() -> None:
    result = evaluate(ANNOTATED)
    assert result["documents"] >= 36
    assert result["chrome_removed"] >= 0.95, result["misses"]
    assert result["body_kept"] >= 0.99, result["misses"]


def test_misses_name_the_lines(tmp_path: Path) -> None:
    page = tmp_path / "outlet" / "page.txt"
    page.parent.mkdir()
    page.write_text(
        "~ Skip to main content\n"
        "# Ferry operator fined over late sailings\n"
        "= By Ruth Calder\n"
        "\n"
        "The harbour authority fined the island ferry operator £40,000 on Wednesday after a "
        "third of its winter sailings left late.\n"
        "\n"
        "~ The operator has 28 days to appeal.\n",
        encoding="utf-8",
    )
    result = evaluate(tmp_path)
    assert (result["documents"], result["chrome_lines"], result["body_lines"]) == (1, 4, 1)
    assert result["chrome_removed"] == 0.75
    assert result["body_kept"] == 1.0
    assert result["header_found"] == 1.0
    assert result["title_found"] == 1.0
    assert result["misses"] == [
        {
            "document": str(page),
            "chrome_kept": ["The operator has 28 days to appeal."],
            "body_removed": [],
        }
    ]


def test_empty_or_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(EvaluationError, match="no annotated"):
        evaluate(tmp_path)
    with pytest.raises(EvaluationError, match="no annotated"):
        evaluate(tmp_path / "missing")


def test_unreadable_page_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(EvaluationError, match=r"bad\.txt"):
        evaluate(tmp_path)
