"""How well dateline works out when articles were written: scored against known dates.

A folder of article files plus `dates.tsv` (`filename<TAB>YYYY-MM-DD`, one per line) with each
article's true publication date. The articles go through the product's own reader and its
per-document stages (`pipeline.process`) up to the date stage, exactly as in a real run, so
chrome in the files is part of the test.
Beside it, in the same run, the peer (htmldate's extensive search) dates the same files, and
the confidence dateline gives is checked against how often it is right: the share of
confident dates that are wrong, and accuracy per confidence band.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from dateline.errors import EvaluationError
from dateline.eval.datepeer import PEER_NAME, peer_dates
from dateline.model import PublicationDate
from dateline.pipeline import process, read_all
from dateline.settings import Settings

TRUTH_FILE = "dates.tsv"
# A date given at this confidence or more is one the user may take as it is (issue 11 asks
# that at least 97 % of them be right).
CONFIDENT = 0.9
# A closed interval of at most this many days that holds the truth counts as placing the
# article; "after 2004" holds it too, but says little (issue 11).
CLOSED_DAYS = 31
# Confidence bands of the reliability table: lower bounds, each band up to the next.
BANDS = (0.0, 0.5, 0.7, 0.8, 0.9, 0.95)


def read_truth(folder: Path) -> dict[str, date]:
    """The true dates of `folder/dates.tsv`, by file name."""
    path = folder / TRUTH_FILE
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise EvaluationError(f"{path}: cannot read the truth file: {exc}") from None
    truth: dict[str, date] = {}
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 2:
            raise EvaluationError(f"{path}:{number}: expected 'filename<TAB>YYYY-MM-DD'")
        name, value = parts[0].strip(), parts[1].strip()
        try:
            truth[name] = date.fromisoformat(value)
        except ValueError:
            raise EvaluationError(f"{path}:{number}: {value!r} is not a YYYY-MM-DD date") from None
    if not truth:
        raise EvaluationError(f"{path}: no dates in the truth file")
    return truth


def evaluate(folder: Path, settings: Settings | None = None, peer: bool = True) -> dict[str, Any]:
    """Infer each listed article's date and score it: exact day, interval, days off, how
    far its confidence holds, and (with `peer`) htmldate's exact-day rate on the same files."""
    folder = Path(folder)
    truth = read_truth(folder)
    settings = settings or Settings()
    read = read_all([folder / name for name in truth], settings)
    dated = process(read.articles, settings, through="date")
    published = {Path(a.source.split("::")[0]).name: a.published for a in dated}
    rows = [_row(name, true_date, published.get(name)) for name, true_date in truth.items()]
    summary = _summary(rows, [str(failure) for failure in read.failures])
    if peer:
        found = peer_dates([folder / name for name in truth])
        for row in rows:
            row["peer"] = (day := found.get(row["file"])) and day.isoformat()
        right = sum(row["peer"] == row["truth"] for row in rows)
        summary["peer"] = {"name": PEER_NAME, "exact_day_rate": right / len(rows)}
    return summary


def _row(name: str, truth: date, published: PublicationDate | None) -> dict[str, Any]:
    point = published.date if published else None
    earliest = published.earliest if published else None
    latest = published.latest if published else None
    contains = (
        published is not None
        and (earliest is None or earliest <= truth)
        and (latest is None or truth <= latest)
    )
    return {
        "file": name,
        "truth": truth.isoformat(),
        "date": point.isoformat() if point else None,
        "earliest": earliest.isoformat() if earliest else None,
        "latest": latest.isoformat() if latest else None,
        "confidence": published.confidence if published else 0.0,
        "method": published.method if published else "unread",
        "evidence": published.evidence[0] if published and published.evidence else "",
        "exact": point == truth,
        "contains": contains,
        "closed": contains
        and earliest is not None
        and latest is not None
        and (latest - earliest).days < CLOSED_DAYS,
        "abs_days": abs((point - truth).days) if point else None,
    }


def _summary(rows: list[dict[str, Any]], failures: list[str]) -> dict[str, Any]:
    count = len(rows)
    days = [r["abs_days"] for r in rows if r["abs_days"] is not None]
    return {
        "documents": count,
        "exact_day_rate": sum(r["exact"] for r in rows) / count,
        "interval_contains_rate": sum(r["contains"] for r in rows) / count,
        "closed_interval_rate": sum(r["closed"] for r in rows) / count,
        "dated_rate": len(days) / count,
        "mean_abs_days": sum(days) / len(days) if days else None,
        **_calibration(rows),
        "rows": rows,
        "failures": failures,
    }


def _calibration(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Of the dates given confidently, the share wrong; per confidence band, the share right."""
    dated = [r for r in rows if r["date"] is not None]
    confident = [r for r in dated if r["confidence"] >= CONFIDENT]
    wrong = sum(not r["exact"] for r in confident)
    accuracy: dict[str, float] = {}
    counts: dict[str, int] = {}
    for low, high in zip(BANDS, (*BANDS[1:], 1.0), strict=True):
        # The top band holds 1.0 itself.
        inside = [
            r for r in dated if low <= r["confidence"] < high or r["confidence"] == 1.0 == high
        ]
        label = f"{low:.2f}-{high:.2f}"
        counts[label] = len(inside)
        if inside:
            accuracy[label] = sum(r["exact"] for r in inside) / len(inside)
    return {
        "confident_dates": len(confident),
        "confident_wrong_rate": wrong / len(confident) if confident else 0.0,
        "reliability": accuracy,
        "reliability_dates": counts,
    }
