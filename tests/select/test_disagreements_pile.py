"""Flagged disagreements on the hand-written piles (tests/select/pile/README.md): at least 90 %
of the planted ones found, at most 5 % of the agreeing decoys flagged, on the pile the rules
were written against and on the held-out pile written after them."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

import dateline
from dateline.model import Timeline

PILE = Path(__file__).parent / "pile"


def _event(url: str) -> str:
    return url.split("/")[3]


PILES = {"pile": ("pile.jsonl", "truth.json"), "heldout": ("heldout.jsonl", "heldout-truth.json")}
# The pile the rules were written against holds at least 20 of each (issue 16); the held-out
# pile, written once the rules were frozen, is half that size.
LEAST = {"pile": 20, "heldout": 12}


@pytest.fixture(scope="module", params=list(PILES))
def which(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(scope="module")
def truth(which: str) -> dict[str, dict]:
    path = PILE / PILES[which][1]
    return {e["event"]: e for e in json.loads(path.read_text())["events"]}


@pytest.fixture(scope="module")
def timeline(which: str) -> Timeline:
    return dateline.timeline(PILE / PILES[which][0])


def _kinds_by_event(timeline: Timeline) -> dict[str, set[str]]:
    """Each event's disagreement kinds over the entries citing its reports."""
    event_of = {a.id: _event(a.url) for a in timeline.documents}
    kinds: dict[str, set[str]] = defaultdict(set)
    for entry in timeline.entries:
        for event in {event_of[c.document] for c in entry.sources}:
            kinds[event].update(d.kind for d in entry.disagreements)
    return kinds


def test_every_event_has_an_entry(timeline: Timeline, truth: dict[str, dict]) -> None:
    event_of = {a.id: _event(a.url) for a in timeline.documents}
    shown = {event_of[c.document] for e in timeline.entries for c in e.sources}
    assert shown == set(truth)


def test_planted_disagreements_are_flagged(
    timeline: Timeline, truth: dict[str, dict], which: str
) -> None:
    kinds = _kinds_by_event(timeline)
    planted = [e for e in truth.values() if e["planted"]]
    flagged = [e["event"] for e in planted if e["planted"] in kinds[e["event"]]]
    assert len(planted) >= LEAST[which]
    assert len(flagged) / len(planted) >= 0.9, sorted({e["event"] for e in planted} - set(flagged))


def test_agreeing_decoys_are_not_flagged(
    timeline: Timeline, truth: dict[str, dict], which: str
) -> None:
    kinds = _kinds_by_event(timeline)
    decoys = [e["event"] for e in truth.values() if not e["planted"]]
    false_flags = [e for e in decoys if kinds[e]]
    assert len(decoys) >= LEAST[which]
    assert len(false_flags) / len(decoys) <= 0.05, false_flags


def test_decoys_were_compared(timeline: Timeline, truth: dict[str, dict]) -> None:
    """A decoy counts only when its two accounts met: both outlets cited by one entry, or one
    outlet's copy set beside the other (near-identical reports are marked copies, and the
    timeline's documents leave copies out: every report read, so a missing one is a copy)."""
    assert not timeline.failures
    event_of = {a.id: _event(a.url) for a in timeline.documents}
    reports = defaultdict(int)
    for event in event_of.values():
        reports[event] += 1
    met = {event for event, count in reports.items() if count == 1}
    for entry in timeline.entries:
        documents = {c.document for c in entry.sources}
        if len(documents) >= 2:
            met.update(event_of[d] for d in documents)
    decoys = {e["event"] for e in truth.values() if not e["planted"]}
    assert len(decoys & met) / len(decoys) >= 0.9, sorted(decoys - met)


def test_each_claim_is_the_sources_own_words(timeline: Timeline) -> None:
    texts = {a.id: a.text for a in timeline.documents}
    claims = [c for e in timeline.entries for d in e.disagreements for c in d.claims]
    assert claims
    for claim in claims:
        assert claim.words in claim.sentence
        if claim.document in texts:
            assert claim.sentence in texts[claim.document]


def test_a_quantity_disagreement_keeps_both_numbers() -> None:
    timeline = dateline.timeline(PILE / "pile.jsonl")
    entry = next(e for e in timeline.entries if e.date == "2025-01-06")
    (quantity,) = [d for d in entry.disagreements if d.kind == "quantity"]
    assert quantity.about == "troop"
    assert sorted(c.words for c in quantity.claims) == [
        "600 ground troops",
        "about 1,000 ground troops",
    ]
