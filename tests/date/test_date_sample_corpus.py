"""The date stage on the bundled sample corpus, whose true publication dates another author
fixed (`src/dateline/data/sample/publication_dates.json`): txt, HTML, JSONL and WARC pages,
read and cleaned by the product first."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from dateline.model import Article
from dateline.pipeline import process
from dateline.read import read_paths
from dateline.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "src" / "dateline" / "data" / "sample"

# Floors just under what the stage reaches (26 of 30 exact; the rest are undatable from their
# clean text alone or lose their date line in cleaning).
EXACT_FLOOR = 0.85
CONTAINS_FLOOR = 1.0


def test_sample_corpus_dates() -> None:
    truth = json.loads((SAMPLE / "publication_dates.json").read_text(encoding="utf-8"))
    settings = Settings()
    read = [a for a in read_paths([SAMPLE / "articles"], settings.read) if isinstance(a, Article)]
    exact = contains = 0
    for article in process(read, settings, through="date"):
        key = article.source.split("articles/", 1)[-1]
        true_date = date.fromisoformat(truth[key])
        found = article.published
        assert found is not None
        exact += found.date == true_date
        contains += (found.earliest is None or found.earliest <= true_date) and (
            found.latest is None or true_date <= found.latest
        )
    assert len(read) == len(truth)
    assert exact / len(truth) >= EXACT_FLOOR
    assert contains / len(truth) >= CONTAINS_FLOOR
