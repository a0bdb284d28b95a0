"""Timeline17 topics read as piles of undated articles (`dateline eval dct --pile`).

Every article's `dct` is hidden and each topic is dated as one pile through the product's own
path (the date stage on each article, then `date_from_corpus`). The goals are issue 11's;
the floors sit a little under what the 14 topics give (docs/benchmarks.md). Skipped when
the benchmark data is absent.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline.cli.main import cli
from dateline.errors import EvaluationError
from dateline.eval.piles import evaluate
from dateline.tuning import tuning_hash

ROOT = Path(__file__).resolve().parents[2]
TIMELINE17 = ROOT.parent / "shared" / "data" / "tls" / "t17"

# The tuned numbers of the stages this gate measures, as they were when its figures were
# measured (`dateline eval tuning`): a changed number must be measured again here.
TUNING_STAGES: tuple[str, ...] = ("read", "clean", "timex", "date", "events", "pile")
TUNING = "638156f4cb8115b3"

# Goals: year 0.90, within a week 0.50, exact day 0.25, closed month holding the day 0.60.
YEAR_FLOOR = 0.92
WEEK_FLOOR = 0.50
EXACT_FLOOR = 0.38
CLOSED_FLOOR = 0.60


def write_topic(folder: Path, records: list[dict[str, str]]) -> Path:
    folder.mkdir(parents=True)
    (folder / "articles.json").write_text(json.dumps(records), encoding="utf-8")
    return folder


def test_a_small_pile_dates_its_undated_article_from_its_dated_neighbour(tmp_path: Path) -> None:
    records = [
        {"uid": "a", "dct": "2011-03-14",
         "text": "TRIPOLI , March 14 , 2011 -- Rebels led by Omar Hariri held the oil port "
                 "of Brega on Monday as government troops shelled the town ."},
        {"uid": "b", "dct": "2011-03-15",
         "text": "Rebels under Omar Hariri were still holding Brega on Tuesday after a night "
                 "of shelling by government troops on the oil port ."},
    ]  # fmt: skip
    result = evaluate(write_topic(tmp_path / "Brega_test", records))
    assert result["articles"] == 2 and result["topics"] == 1
    # The datelined one by its dateline; the other takes its neighbour's day (they share
    # "Omar Hariri"), moved to the Tuesday its lead names.
    assert result["exact_day"] == pytest.approx(1.0)
    assert result["closed_interval"] == pytest.approx(1.0)
    assert result["year_right"] == pytest.approx(1.0)
    assert result["no_day"] == pytest.approx(0.0)
    assert set(result["per_topic"]) == {"Brega_test"}


def test_a_folder_without_topics_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(EvaluationError, match="no topic folder"):
        evaluate(tmp_path)


def test_cli_prints_the_figures_per_topic(tmp_path: Path) -> None:
    records = [{"uid": "a", "dct": "2011-03-14",
                "text": "TRIPOLI , March 14 , 2011 -- Rebels held Brega on Monday ."}]  # fmt: skip
    folder = write_topic(tmp_path / "topics" / "Brega_test", records)
    result = CliRunner().invoke(cli, ["eval", "dct", "--pile", str(folder.parent)])
    assert result.exit_code == 0, result.output
    assert "exact_day" in result.output and "Brega_test" in result.output


@pytest.mark.long
@pytest.mark.data
def test_timeline17_as_undated_piles() -> None:
    assert tuning_hash(*TUNING_STAGES) == TUNING, "tuned numbers changed: measure again"
    if not TIMELINE17.is_dir():
        pytest.skip(f"benchmark data not found at {TIMELINE17}")
    result = evaluate(TIMELINE17)
    assert result["articles"] > 3000
    assert result["year_right"] >= YEAR_FLOOR
    assert result["within_7_days"] >= WEEK_FLOOR
    assert result["exact_day"] >= EXACT_FLOOR
    assert result["closed_interval"] >= CLOSED_FLOOR
