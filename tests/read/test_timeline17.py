"""The Timeline17 dumps read as published: one Article per non-empty record, dated by `dct`."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from dateline.model import Article, Failure
from dateline.read import read_paths

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data"
T17 = DATA / "tls" / "t17"

pytestmark = pytest.mark.data


def test_every_record_is_an_article_or_a_named_failure() -> None:
    files = sorted(T17.glob("*/articles.json"))
    if not files:
        pytest.skip(f"benchmark data not found at {T17}")
    for path in files:
        records = json.loads(path.read_text(encoding="utf-8"))
        results = list(read_paths([path]))
        assert len(results) == len(records)
        for number, (record, result) in enumerate(zip(records, results, strict=True), 1):
            if record["text"].strip():
                assert isinstance(result, Article)
                assert result.raw_text == record["text"]
                assert result.metadata_date == date.fromisoformat(record["dct"])
                assert result.source == f"{path}::{number}"
            else:
                assert isinstance(result, Failure) and result.source == f"{path}:record {number}"
