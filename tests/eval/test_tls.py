"""TLS evaluation: the harness on our own tiny data set, and one real Timeline17 topic."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from dateline.errors import EvaluationError
from dateline.eval.tls import MEASURES, detokenise, evaluate, leave_one_topic_out
from dateline.tuning import tuning_hash

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data"
T17 = DATA / "tls" / "t17"


def _needs_tilse() -> None:
    pytest.importorskip("tilse", reason="tilse not installed (pip install 'dateline[eval]')")


@pytest.mark.parametrize(
    ("tokens", "text"),
    [
        ("Gadhafi 's rule , he said .", "Gadhafi's rule, he said."),
        ("`` We wo n't go , '' she said .", '"We won\'t go," she said.'),
        ("-LRB- CNN -RRB- -- Troops left .", "(CNN) -- Troops left."),
        ("Prices rose 5 % on March 3 , 2011 .", "Prices rose 5% on March 3, 2011."),
    ],
)
def test_detokenise(tokens: str, text: str) -> None:
    assert detokenise(tokens) == text


def _write_topic(root: Path) -> Path:
    topic = root / "quake_test"
    topic.mkdir(parents=True)
    articles = [
        {
            "uid": "1",
            "dct": "2011-03-11",
            "dates": [],
            "text": "A strong earthquake struck northern Japan on March 11 , 2011 . "
            "A tsunami flooded the coast of Miyagi .",
        },
        {
            "uid": "2",
            "dct": "2011-03-12",
            "dates": [],
            "text": "The earthquake on March 11 , 2011 was the strongest recorded in Japan . "
            "An explosion hit the Fukushima nuclear plant on March 12 , 2011 .",
        },
        {
            "uid": "3",
            "dct": "2011-03-14",
            "dates": [],
            "text": "Engineers fought to cool the Fukushima reactors after the explosion on "
            "March 12 , 2011 . A second blast hit the plant on March 14 , 2011 .",
        },
    ]
    timeline = [
        {
            "date": "2011-03-11",
            "text": "An earthquake struck northern Japan . A tsunami followed .",
        },
        {"date": "2011-03-12", "text": "An explosion hit the Fukushima nuclear plant ."},
    ]
    (topic / "articles.json").write_text(json.dumps(articles))
    (topic / "timeline-1.json").write_text(json.dumps(timeline))
    return root


def test_scores_our_own_topic(tmp_path: Path) -> None:
    _needs_tilse()
    result = evaluate(_write_topic(tmp_path))
    assert result["timelines"] == 1
    assert set(result["per_timeline"]) == {"quake_test/timeline-1"}
    assert set(result["mean"]) == set(MEASURES)
    assert result["mean"]["date_f1"] == 1.0
    assert result["mean"]["ar1_f1"] > 0.3
    assert set(result["baseline"]["mean"]) == set(MEASURES)


def _scores(ar1: dict[str, float]) -> dict[str, dict[str, float]]:
    return {name: {"ar1_f1": value} for name, value in ar1.items()}


def test_each_story_is_scored_with_the_variant_chosen_on_the_others() -> None:
    # Variant "b" wins on the oil story and loses on both flu folders: chosen for each story
    # on the others, "b" scores the flu folders and "default" the oil story.
    scores = {
        "default": _scores(
            {"flu_bbc/timeline-1": 0.1, "flu_cnn/timeline-1": 0.1, "oil_bbc/timeline-1": 0.1}
        ),
        "b": _scores(
            {"flu_bbc/timeline-1": 0.05, "flu_cnn/timeline-1": 0.05, "oil_bbc/timeline-1": 0.3}
        ),
    }
    held, chosen = leave_one_topic_out(scores)
    assert chosen == {"flu": "b", "oil": "default"}
    assert held["flu_bbc/timeline-1"]["ar1_f1"] == 0.05
    assert held["oil_bbc/timeline-1"]["ar1_f1"] == 0.1


def test_keywords_and_variants(tmp_path: Path) -> None:
    _needs_tilse()
    root = _write_topic(tmp_path / "data")
    keywords = tmp_path / "keywords.json"
    # tilse's config form: a prefix of the folder name ("quake" for "quake_test").
    keywords.write_text(json.dumps({"keyword_mapping": {"quake": ["fukushima", "tsunami"]}}))
    variants = tmp_path / "variants.json"
    variants.write_text(json.dumps({"no_novelty": {"novelty": 0}}))
    result = evaluate(root, keywords=keywords, variants=variants)
    assert result["query"] is True
    assert set(result["variants"]) == {"default", "no_novelty"}
    assert result["chosen_per_topic"] == {"quake": "default"}
    assert set(result["leave_one_topic_out"]) == set(MEASURES)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("keywords", '{"quake": "tsunami"}', "topic -> keyword list"),
        ("variants", '{"x": {"loudness": 1}}', "no tuned number 'select.weights.loudness'"),
        ("variants", '{"x": {"novelty": "high"}}', "must be a number"),
    ],
)
def test_bad_option_files_are_one_line_errors(
    tmp_path: Path, name: str, content: str, message: str
) -> None:
    _needs_tilse()
    root = _write_topic(tmp_path / "data")
    option = tmp_path / f"{name}.json"
    option.write_text(content)
    with pytest.raises(EvaluationError, match=message):
        evaluate(root, **{name: option})


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "cannot read"),
        ('{"uid": 1}', "expected a JSON list"),
        ('[{"uid": "1"}]', "malformed article record"),
    ],
)
def test_bad_data_is_a_one_line_error(tmp_path: Path, content: str, message: str) -> None:
    _needs_tilse()
    root = _write_topic(tmp_path)
    (root / "quake_test" / "articles.json").write_text(content)
    with pytest.raises(EvaluationError, match=message):
        evaluate(root)


def test_missing_folder_is_an_error(tmp_path: Path) -> None:
    _needs_tilse()
    with pytest.raises(EvaluationError, match="not a directory"):
        evaluate(tmp_path / "nowhere")


# The tuned numbers of the stages this gate measures, as they were when its figures were
# measured (`dateline eval tuning`): a changed number must be measured again here.
TUNING_STAGES: tuple[str, ...] = ()
TUNING = "3cc92eae743b6577"

# The quality gate runs one Timeline17 topic (the whole set takes minutes). Its inputs are
# pinned by hash, so a changed fixture cannot move the score silently; the floors are the
# scores of the run recorded in docs/benchmarks.md minus 0.01. Beating the Datewise baseline
# is a claim about the mean over all timelines (docs/benchmarks.md); on this one topic
# dateline matches it on Date F1 and trails it on ROUGE, so only Date F1 is compared here.
GATE_TOPIC = "H1N1_guardian"
GATE_SHA256 = "ccab8f7c5c9446573bfc082430dc084389f4203999769a223b65678d80006f2e"
FLOORS = {"ar1_f1": 0.132, "ar2_f1": 0.028, "date_f1": 0.74}


@pytest.mark.data
def test_timeline17_gate() -> None:
    assert tuning_hash(*TUNING_STAGES) == TUNING, "tuned numbers changed: measure again"
    _needs_tilse()
    topic = T17 / GATE_TOPIC
    if not topic.is_dir():
        pytest.skip(f"benchmark data not found at {topic}")
    digest = hashlib.sha256()
    for name in ("articles.json", "timeline-1.json"):
        digest.update((topic / name).read_bytes())
    assert digest.hexdigest() == GATE_SHA256, "gate inputs changed: re-run and re-pin"
    result = evaluate(T17, topics=[GATE_TOPIC])
    assert result["timelines"] == 1
    ours, base = result["mean"], result["baseline"]["mean"]
    assert ours["date_f1"] >= base["date_f1"]
    for measure, floor in FLOORS.items():
        assert ours[measure] >= floor, measure
