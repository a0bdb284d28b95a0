"""The whole date stage on our set of undated articles with page chrome (tests/date/undated).

Each file is read, cleaned and dated by the product exactly as in a real run and scored
against `dates.tsv`, the publication dates fixed when the articles were written.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.eval.dct import evaluate

UNDATED = Path(__file__).resolve().parent / "undated"

# Floors pinned under what the stage reaches on this set (0.60 exact on all 50, 0.568 on the
# first 44; 1.0 contained). Goals: 0.60 exact, 0.95 contained.
EXACT_FLOOR = 0.58
ORIGINAL_EXACT_FLOOR = 0.55
CONTAINS_FLOOR = 0.95
# The articles written after the header-chrome change (see README): scored separately too.
ADDED_LATER = frozenset(
    {"wire_stamp.txt", "blog_byline.txt", "masthead_date.txt", "print_stamp.txt",
     "feature_nodate.txt", "euro_newsroom.txt"}
)  # fmt: skip


def test_set_is_large_and_varied() -> None:
    truth = (UNDATED / "dates.tsv").read_text(encoding="utf-8").splitlines()
    assert len(truth) >= 32
    assert len({line.split("\t")[1][:4] for line in truth}) >= 15  # many different years


@pytest.mark.long
def test_undated_set_scores() -> None:
    result = evaluate(UNDATED)
    assert result["documents"] >= 32 and result["failures"] == []
    missed = [r["file"] for r in result["rows"] if not r["contains"]]
    assert result["interval_contains_rate"] >= CONTAINS_FLOOR, missed
    assert result["exact_day_rate"] >= EXACT_FLOOR
    original = [r for r in result["rows"] if r["file"] not in ADDED_LATER]
    assert sum(r["exact"] for r in original) / len(original) >= ORIGINAL_EXACT_FLOOR


def test_unpinnable_feature_stays_unpinned() -> None:
    # Chrome (a copyright year, dated "Most popular" links, a caption) must not decide.
    row = next(r for r in evaluate(UNDATED)["rows"] if r["file"] == "feature_nodate.txt")
    assert row["date"] is None and row["contains"] and row["confidence"] < 0.5
