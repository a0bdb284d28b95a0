"""Every format shows where sources disagree, each source's own words side by side, and
the names an entry holds, on the hand-written pile (tests/select/pile)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

import dateline
from dateline.model import Timeline

PILE = Path(__file__).parents[1] / "select" / "pile" / "pile.jsonl"


@pytest.fixture(scope="module")
def pile() -> Timeline:
    return dateline.timeline(PILE)


def _flagged(pile: Timeline) -> int:
    count = sum(1 for e in pile.entries if e.disagreements)
    assert count >= 20
    return count


def test_json_keeps_every_claim_with_a_document_to_read(pile: Timeline) -> None:
    data = json.loads(pile.to_json())
    documents = {d["id"]: d for d in data["documents"]}
    claims = [c for e in data["entries"] for d in e["disagreements"] for c in d["claims"]]
    assert sum(1 for e in data["entries"] if e["disagreements"]) == _flagged(pile)
    for claim in claims:
        assert claim["words"] in claim["sentence"]
        assert claim["sentence"] in documents[claim["document"]]["text"]
    for entry in data["entries"]:
        for entity in entry["entities"]:
            assert entity["kind"] in ("person", "organisation", "place")
            assert entity["sentence"] in {s["sentence"] for s in entry["sources"]}
    assert "changes" in data


def test_text_and_markdown_badge_each_flagged_entry(pile: Timeline) -> None:
    flagged = _flagged(pile)
    text, markdown = pile.to_text(), pile.to_markdown()
    assert text.count("[sources disagree]") == flagged
    assert markdown.count("**[sources disagree]**") == flagged
    line = "Sources disagree on troop: “about 1,000 ground troops” (Coastal Wire) vs “600 ground"
    assert line in " ".join(text.split())
    assert (
        "Sources disagree on who acted: “Tomas Rell” (Coastal Wire) vs “Anna Holm” (The "
        "Northern Ledger)" in markdown
    )


def test_csv_carries_names_and_disagreements_on_every_row(pile: Timeline) -> None:
    rows = list(csv.DictReader(io.StringIO(pile.to_csv(), newline="")))
    by_entry: dict[str, set[str]] = {}
    for row in rows:
        by_entry.setdefault(row["entry"], set()).add(row["disagreements"])
    assert all(len(values) == 1 for values in by_entry.values())  # the same on each row
    assert sum(1 for v in by_entry.values() if next(iter(v))) == _flagged(pile)
    first = rows[0]
    assert "Anna Holm (person)" in first["entities"] and "Kharesh (place)" in first["entities"]
