"""Body extraction scoring: the benchmark's metric on hand-made pages, and gates on real pages."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import pytest

from dateline.errors import EvaluationError
from dateline.eval.body import evaluate, match, shingles, summarise
from dateline.tuning import tuning_hash

ROOT = Path(__file__).resolve().parents[2]
BODIES = ROOT.parent / "shared" / "data" / "real" / "bodies"

BODY = (
    "The river rose two metres overnight and the town council opened the school hall "
    "to families from the lower streets. Volunteers carried sandbags until dawn."
)


def test_shingles_are_word_four_grams_with_counts() -> None:
    assert shingles("a b c d e") == {("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1}
    assert shingles("one two") == {("one", "two"): 1}
    assert shingles("") == {}


def test_match_counts_extra_and_missing_shingles() -> None:
    exact = match(BODY, BODY)
    assert (exact.precision, exact.recall) == (1.0, 1.0)
    padded = match(BODY, "Skip to main content Home News Sport Weather " + BODY)
    assert padded.recall == 1.0
    assert padded.fp == 8 and padded.precision < 1.0
    assert match(BODY, "").recall == 0.0


def test_summary_skips_pages_with_nothing_to_score_as_the_benchmark_does() -> None:
    scores = summarise([match(BODY, BODY), match(BODY, "")])
    assert scores["precision"] == 1.0  # the empty extraction has no precision to average
    assert scores["recall"] == 0.5


def _write(folder: Path) -> Path:
    pages = folder / "text"
    pages.mkdir(parents=True)
    (pages / "flood.txt").write_text(
        "Skip to main content\nHome\nNews\nSport\n\nRiver floods lower town\n\n"
        + BODY
        + "\n\nShare this article\nMost read\nCookie settings\n",
        encoding="utf-8",
    )
    (folder / "ground-truth.json").write_text(
        json.dumps({"flood": {"articleBody": BODY}}), encoding="utf-8"
    )
    return pages


def test_evaluate_scores_copied_pages_against_leaving_them_as_they_are(tmp_path: Path) -> None:
    scores = evaluate(_write(tmp_path))
    assert scores["documents"] == 1
    assert scores["recall"] == 1.0
    assert scores["chrome_kept"] < 0.5
    assert scores["peer"]["name"] == "page as it is"
    assert scores["peer"]["chrome_kept"] == 1.0
    assert scores["f1"] > scores["peer"]["f1"]


def test_evaluate_needs_a_ground_truth_file(tmp_path: Path) -> None:
    with pytest.raises(EvaluationError, match=r"ground-truth\.json"):
        evaluate(tmp_path)


@functools.cache
def _real_scores(kind: str) -> dict[str, Any]:
    return evaluate(BODIES / kind)


# The tuned numbers of the stages this gate measures, as they were when its figures were
# measured (`dateline eval tuning`): a changed number must be measured again here.
TUNING_STAGES: tuple[str, ...] = ("read", "clean")
TUNING = "8425c6a071e5fc1f"


@pytest.mark.data
@pytest.mark.skipif(not BODIES.is_dir(), reason="real pages not in ../shared/data/real/bodies")
# Measured html 0.964, text 0.943.
@pytest.mark.parametrize(("kind", "floor"), [("html", 0.96), ("text", 0.94)])
def test_real_pages_gate(kind: str, floor: float) -> None:
    assert tuning_hash(*TUNING_STAGES) == TUNING, "tuned numbers changed: measure again"
    scores = _real_scores(kind)
    assert scores["documents"] == 119
    assert scores["f1"] >= floor
    assert not scores["failures"]


@pytest.mark.data
@pytest.mark.skipif(not BODIES.is_dir(), reason="real pages not in ../shared/data/real/bodies")
def test_real_html_beats_trafilatura_in_the_same_run() -> None:
    scores = _real_scores("html")
    assert scores["peer"]["name"] == "trafilatura.extract"
    assert scores["f1"] > scores["peer"]["f1"]
    assert scores["empty"] <= scores["peer"]["empty"]


@pytest.mark.data
@pytest.mark.skipif(not BODIES.is_dir(), reason="real pages not in ../shared/data/real/bodies")
def test_real_copied_pages_keep_the_body_and_drop_the_chrome() -> None:
    scores = _real_scores("text")
    assert scores["body_kept"] >= 0.99  # measured 0.9909
    assert scores["chrome_kept"] <= 0.09  # measured 0.084
