"""The registry of tuned numbers: complete, overridable by `[tuning]`, hashed for the gates."""

from __future__ import annotations

import ast
from importlib import resources
from pathlib import Path

import pytest

import dateline
from dateline import tuning
from dateline.errors import SettingsError

SRC = Path(__file__).resolve().parents[1] / "src" / "dateline"
SAMPLE = Path(str(resources.files("dateline") / "data" / "sample" / "articles"))
# Modules whose numbers are limits on input, not choices that move a figure: the size of a
# file, a year range, how much of a page is sniffed.
LIMITS = {
    "read/metadate.py",
    "read/decode.py",
    "read/html.py",
    "read/reader.py",
    "read/sniff.py",
    "read/stream.py",
    "read/warc.py",
    "select/curate.py",  # the decisions file's version
}


def _sets_numbers(path: Path) -> bool:
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            named = [t.id for t in targets if isinstance(t, ast.Name)]
            value = node.value
            if isinstance(value, ast.Call) and getattr(value.func, "id", "") == "timedelta":
                return bool(named)
            if (
                any(n.lstrip("_").isupper() for n in named)
                and isinstance(value, ast.Constant)
                and isinstance(value.value, int | float)
                and not isinstance(value.value, bool)
            ):
                return True
    return False


def test_every_stage_module_that_sets_a_number_is_registered():
    registered = {f"{t.prefix.replace('.', '/')}.py" for t in tuning.REGISTRY}
    found = {
        str(path.relative_to(SRC))
        for stage in tuning.STAGES
        for path in (SRC / stage).glob("*.py")
        if _sets_numbers(path)
    }
    assert found - registered - LIMITS == set()
    assert all(t.chosen for t in tuning.REGISTRY)


def test_no_registered_number_is_frozen_into_a_default_argument():
    """A default argument keeps the number the module had when it was imported: an override
    would never reach it."""
    frozen = []
    for tuned in tuning.REGISTRY:
        names = {key.rsplit(".", 1)[1] for key in tuned.numbers()}
        path = SRC / f"{tuned.prefix.replace('.', '/')}.py"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                defaults = [*node.args.defaults, *node.args.kw_defaults]
                frozen.extend(
                    (tuned.prefix, node.name, d.id)
                    for d in defaults
                    if isinstance(d, ast.Name) and d.id in names
                )
    assert frozen == []


def test_the_hash_covers_each_stage_and_moves_with_a_number(monkeypatch):
    whole = tuning.tuning_hash()
    pile = tuning.tuning_hash("pile")
    assert whole != pile and len(whole) == 16
    monkeypatch.setattr("dateline.pile.reports.MIN_SIMILARITY", 0.31)
    assert tuning.tuning_hash("pile") != pile
    assert tuning.tuning_hash("select") == tuning.tuning_hash("select")


def _config(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "settings.toml"
    path.write_text(body, encoding="utf-8")
    return path


def test_a_config_overrides_numbers_quoted_or_dotted(tmp_path):
    settings = dateline.load_settings(
        _config(
            tmp_path,
            '[tuning]\n"select.weights.novelty" = 0.4\npile.reports.MIN_SIMILARITY = 0.35\n',
        )
    )
    assert dict(settings.tuning) == {
        "select.weights.novelty": 0.4,
        "pile.reports.MIN_SIMILARITY": 0.35,
    }
    assert tuning.weights(settings).novelty == 0.4


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('"pile.reports.MIN_SIMILARITYY" = 0.3', "no tuned number 'pile.reports.MIN_SIMILARITYY'"),
        ('"select.weights.novelty" = true', "must be a number"),
        ('"pile.reports.MAX_SENTENCES" = 2.5', "is a count"),
    ],
)
def test_a_bad_override_is_one_error_naming_the_file(tmp_path, body, message):
    path = _config(tmp_path, f"[tuning]\n{body}\n")
    with pytest.raises(SettingsError, match=message) as caught:
        dateline.load_settings(path)
    assert str(path) in str(caught.value)


def test_an_override_changes_the_run_and_is_put_back_after_it():
    """The sample through the whole product path with sentences near 5 words read best
    instead of 30 (a module's number, set in the run and in its workers), then the default
    again: the first timeline differs, the last is the default one."""
    from dateline.select import entries

    default = dateline.timeline(SAMPLE)
    tuned = dateline.timeline(
        SAMPLE, settings=dateline.Settings().with_tuning({"select.entries.IDEAL_WORDS": 5})
    )
    again = dateline.timeline(SAMPLE)
    summaries = [e.summary for e in default.entries]
    assert [e.summary for e in tuned.entries] != summaries
    assert [e.summary for e in again.entries] == summaries
    assert entries.IDEAL_WORDS == 30


def test_a_weight_override_reaches_selection():
    default = dateline.timeline(SAMPLE)
    tuned = dateline.timeline(
        SAMPLE, settings=dateline.Settings().with_tuning({"select.weights.length": 1.0})
    )
    assert [e.summary for e in tuned.entries] != [e.summary for e in default.entries]


def test_the_cli_lists_the_registry_with_its_hashes():
    from click.testing import CliRunner

    from dateline.cli.main import cli

    run = CliRunner().invoke(cli, ["eval", "tuning"])
    assert run.exit_code == 0, run.output
    assert run.output.startswith(f"tuning {tuning.tuning_hash()}")
    assert "pile.reports.MIN_SIMILARITY" in run.output
    assert "select.weights.novelty" in run.output
