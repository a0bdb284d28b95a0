"""The sample corpus's true events, end to end: a quality gate on the events stages.

Runs the real pipeline on the bundled sample and scores it with the development scorer
(`tests/data/score_sample_timeline.py`) against the corpus's answer key. Floors are the values
measured when they were set; raise them as the stages improve, never lower them to pass.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import json
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

from dateline.cluster.duplicates import mark_duplicates
from dateline.events import extract_events
from dateline.model import Article, PublicationDate
from dateline.pipeline import TimelineQuery, build_timeline, process, read_all
from dateline.render import render
from dateline.settings import Settings
from dateline.timex import tag_article
from dateline.tuning import tuning_hash

# The tuned numbers of the stages this gate measures, as they were when its figures were
# measured (`dateline eval tuning`): a changed number must be measured again here.
TUNING_STAGES: tuple[str, ...] = ()
TUNING = "3cc92eae743b6577"

SCORER = Path(__file__).resolve().parents[1] / "data" / "score_sample_timeline.py"
# Measured 2026-11-23 on the sample with the date stage of that day (26 events: four true
# events sit in articles the date stage cannot date from their own text), --dates 60 at one
# entry per date; the timeline also dates undated articles from the rest of the pile.
FLOOR_EXTRACTED = 26
FLOOR_ON_TIMELINE = 30
# With true publication dates given, the timeline (60 dates, up to 3 entries a date) holds 29 of
# the 30 true events on their dates, measured 2026-12-02 when this gate moved from the unused
# event-merging module (30 groups there) to the product's own path: the one missed is a plan
# ("the first 150 units are due to be ready by the middle of December") whose month entry
# tells another December report.
FLOOR_ON_TIMELINE_TRUE_DATES = 29


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_sample_timeline", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


score = _scorer()


@pytest.fixture(scope="module")
def answers() -> tuple[dict[str, str], list[dict]]:
    truth = json.loads((score.SAMPLE / "publication_dates.json").read_text(encoding="utf-8"))
    events = json.loads((score.SAMPLE / "events.json").read_text(encoding="utf-8"))
    return truth, events


@pytest.fixture(scope="module")
def processed() -> list[Article]:
    settings = Settings()
    read = read_all([score.SAMPLE / "articles"], settings)
    return mark_duplicates(process(read.articles, settings), settings.dedup)


def _found(events: list[dict], reports: list[tuple[str, list[str]]]) -> list[str]:
    """True event dates that some (date, sentences) report holds with the keywords."""
    found = []
    for event in events:
        words = [k.lower() for k in event["keywords"]]
        if any(
            when == event["date"] and any(all(w in s.lower() for w in words) for s in sentences)
            for when, sentences in reports
        ):
            found.append(event["date"])
    return found


def test_true_events_are_extracted_on_their_dates(
    processed: list[Article], answers: tuple[dict[str, str], list[dict]]
) -> None:
    assert tuning_hash(*TUNING_STAGES) == TUNING, "tuned numbers changed: measure again"
    _, events = answers
    reports = [(e.date, [e.sentence.text]) for a in processed for e in a.events]
    assert len(_found(events, reports)) >= FLOOR_EXTRACTED


def test_no_extracted_event_carries_a_date_the_text_does_not_support(
    processed: list[Article], answers: tuple[dict[str, str], list[dict]]
) -> None:
    truth, _ = answers
    unsupported = []
    for article in processed:
        whole, mentions = score.supported_dates(
            {"path": article.source, "text": article.text}, truth
        )
        for event in article.events:
            s = event.sentence
            inside = {v for start, end, v in mentions if start >= s.start and end <= s.end}
            if event.date not in whole | inside:
                unsupported.append((event.date, s.text))
    assert unsupported == []


def test_with_true_publication_dates_the_timeline_holds_the_true_events(
    processed: list[Article], answers: tuple[dict[str, str], list[dict]]
) -> None:
    assert tuning_hash(*TUNING_STAGES) == TUNING, "tuned numbers changed: measure again"
    truth, events = answers
    redone = []
    for article in processed:
        day = date.fromisoformat(truth[score.corpus_key(article.source)])
        published = PublicationDate(day, day, day, 1.0, method="metadata")
        retagged = tag_article(dataclasses.replace(article, published=published))
        redone.append(extract_events(dataclasses.replace(retagged, events=())))
    timeline = build_timeline(redone, Settings(), TimelineQuery(dates=60, per_date=3))
    told = {e: [e.summary, *(c.sentence for c in e.sources)] for e in timeline.entries}
    reports = [(e.date, sentences) for e, sentences in told.items()]
    assert len(_found(events, reports)) >= FLOOR_ON_TIMELINE_TRUE_DATES
    # What the corpus only reports as a plan is marked planned wherever the timeline tells it.
    for event in (e for e in events if e["planned"]):
        words = [k.lower() for k in event["keywords"]]
        entries = [
            e
            for e, sentences in told.items()
            if e.date == event["date"]
            and any(all(w in s.lower() for w in words) for s in sentences)
        ]
        assert all(e.planned for e in entries)


# Selection pools sentences by every day they name (a sentence that only names the day counts
# half) and undated leads by the day of their lead's news; three undated articles are dated
# from the rest of the pile, each sizeable story keeps its own topic words, and an entry
# cites the lead sentences that go on telling it; days are weighed against how busy their
# stretch was, a lone article's opening sentence leads its day, and a week spanning two
# months names no month: 30/30 with no unsupported date on 2026-11-23.
def test_sample_timeline_scores(
    processed: list[Article], answers: tuple[dict[str, str], list[dict]]
) -> None:
    assert tuning_hash(*TUNING_STAGES) == TUNING, "tuned numbers changed: measure again"
    truth, events = answers
    timeline = build_timeline(processed, Settings(), TimelineQuery(dates=60))
    data = json.loads(render(timeline, "json"))
    right, _ = score.event_lines(data, events)
    unsupported, lines = score.unsupported_lines(data, truth)
    assert right >= FLOOR_ON_TIMELINE
    assert unsupported == 0, lines
