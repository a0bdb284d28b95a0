"""`dateline eval ...`: the built-in evaluations, each one library call."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from dateline.cli.common import emit, output_options

path_argument = click.argument("path", type=click.Path(exists=True, path_type=Path))


def _summary(scores: dict[str, Any]) -> str:
    """The scalar scores, one per line; per-document detail stays in the JSON."""
    lines = []
    for key, value in scores.items():
        if isinstance(value, float):
            lines.append(f"{key:24} {value:.4f}")
        elif isinstance(value, int | str):
            lines.append(f"{key:24} {value}")
        elif isinstance(value, dict) and all(
            isinstance(v, float | int | str) for v in value.values()
        ):
            lines.append(f"{key}:")
            lines.extend(
                f"  {k:22} {v:.4f}" if isinstance(v, float) else f"  {k:22} {v}"
                for k, v in value.items()
            )
        elif isinstance(value, dict) and all(isinstance(v, dict) for v in value.values()):
            # A table: one row per key (a topic, say), its scalar scores in columns.
            lines.append(f"{key}:")
            lines.extend(f"  {k:22} " + " ".join(
                f"{name}={v:.3f}" if isinstance(v, float) else f"{name}={v}"
                for name, v in row.items() if isinstance(v, float | int | str))
                for k, row in value.items())  # fmt: skip
    return "\n".join(lines) + "\n"


def _run(
    evaluate: Callable[..., dict[str, Any]],
    fmt: str,
    output: Path | None,
    *args: Any,
    **kwargs: Any,
) -> None:
    from dateline.tuning import tuning_hash

    # The tuned numbers the figures were measured with (docs/benchmarks.md records it).
    scores = {**evaluate(*args, **kwargs), "tuning": tuning_hash()}
    text = json.dumps(scores, indent=2, default=str) + "\n" if fmt == "json" else _summary(scores)
    emit(text, output)


@click.group("eval")
def eval_group() -> None:
    """Score dateline on annotated data."""


@eval_group.command("timex")
@path_argument
@click.option("--no-dct", is_flag=True, help="Infer each document's date instead of using it.")
@output_options()
def eval_timex(path: Path, no_dct: bool, fmt: str, output: Path | None) -> None:
    """TempEval-3 scores of the temporal tagger on a folder of TimeML .tml files."""
    from dateline.eval.tempeval import evaluate

    _run(evaluate, fmt, output, path, use_dct=not no_dct)


@eval_group.command("dct")
@path_argument
@click.option(
    "--pile",
    is_flag=True,
    help="PATH holds Timeline17-style topics: date each topic as one pile of "
    "undated articles (dct hidden), date stage then date_from_corpus.",
)
@output_options()
def eval_dct(path: Path, pile: bool, fmt: str, output: Path | None) -> None:
    """Article-date inference on a folder of articles with a dates.tsv of true dates.

    \b
    dateline eval dct ../shared/data/real/dates/text
    dateline eval dct --pile ../shared/data/tls/t17
    """
    if pile:
        from dateline.eval.piles import evaluate as evaluate_piles

        _run(evaluate_piles, fmt, output, path)
        return
    from dateline.eval.dct import evaluate

    _run(evaluate, fmt, output, path)


@eval_group.command("tls")
@path_argument
@click.option(
    "--keywords",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="JSON of topic -> keyword list (tilse's keyword_mapping): each topic's query.",
)
@click.option(
    "--variants",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="JSON of name -> select weight overrides, scored leave-one-topic-out.",
)
@output_options()
def eval_tls(
    path: Path, keywords: Path | None, variants: Path | None, fmt: str, output: Path | None
) -> None:
    """Timeline-summarisation scores (ROUGE, Date F1) vs the Datewise baseline.

    \b
    dateline eval tls ../shared/data/tls/t17
    dateline eval tls ../shared/data/tls/t17 --keywords keywords.json --variants grid.json
    """
    from dateline.eval.tls import evaluate

    _run(evaluate, fmt, output, path, keywords=keywords, variants=variants)


@eval_group.command("tuning")
@output_options()
def eval_tuning(fmt: str, output: Path | None) -> None:
    """Every stage's tuned numbers, where each was chosen, and the hashes the gates record.

    A config file's [tuning] section overrides any of them by its key:

    \b
    [tuning]
    "pile.reports.MIN_SIMILARITY" = 0.35
    "select.weights.novelty" = 0.4
    """
    from dateline.tuning import table

    found = table()
    if fmt == "json":
        emit(json.dumps(found, indent=2) + "\n", output)
        return
    lines = [f"tuning {found['tuning']}"]
    lines.extend(f"  {stage:8} {digest}" for stage, digest in found["stages"].items())
    lines.extend(f"{key:48} {row['value']!s:>10}  {row['chosen']}"
                 for key, row in found["numbers"].items())  # fmt: skip
    emit("\n".join(lines) + "\n", output)


@eval_group.command("body")
@path_argument
@output_options()
def eval_body(path: Path, fmt: str, output: Path | None) -> None:
    """Article-body extraction (4-gram shingles) on real pages with a ground-truth.json."""
    from dateline.eval.body import evaluate

    _run(evaluate, fmt, output, path)


@eval_group.command("clean")
@path_argument
@output_options()
def eval_clean(path: Path, fmt: str, output: Path | None) -> None:
    """Chrome-removed and body-kept rates on an annotated folder."""
    from dateline.eval.chrome import evaluate

    _run(evaluate, fmt, output, path)
