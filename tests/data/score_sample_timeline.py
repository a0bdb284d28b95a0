"""Score a timeline of the sample corpus against what the corpus's author knows is true.

The sample's `publication_dates.json` and `events.json` are the answer key; this prints how
many articles got their true publication date and how many true events appear on their date,
cited to a sentence holding the event's keywords:

    .venv/bin/dateline timeline src/dateline/data/sample/articles --dates 60 \\
        --format json -o /tmp/sample.json
    .venv/bin/python tests/data/score_sample_timeline.py /tmp/sample.json

A development check, not a test: the numbers move as the stages improve.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

SAMPLE = Path(__file__).resolve().parents[2] / "src" / "dateline" / "data" / "sample"


def corpus_key(path: str) -> str:
    """A document's `path` as a `publication_dates.json` key (relative to articles/)."""
    file, sep, record = path.partition("::")
    return file.split("articles/", 1)[-1] + sep + record


def date_lines(timeline: dict, truth: dict[str, str]) -> tuple[int, list[str]]:
    right, wrong = 0, []
    for doc in timeline["documents"]:
        name = corpus_key(doc["path"])
        found = doc["published"]["date"]
        if found == truth.get(name):
            right += 1
        else:
            wrong.append(f"  {name}: true {truth.get(name)}, found {found}")
    return right, wrong


def event_lines(timeline: dict, events: list[dict]) -> tuple[int, list[str]]:
    right, lines = 0, []
    for event in events:
        words = [k.lower() for k in event["keywords"]]
        dates = sorted(
            {
                entry["date"]
                for entry in timeline["entries"]
                for source in entry["sources"]
                if all(w in source["sentence"].lower() for w in words)
            }
        )
        hit = event["date"] in dates
        right += hit
        mark = "ok  " if hit else ("date" if dates else "miss")
        lines.append(f"  {mark} {event['date']} {event['keywords']} -> {dates}")
    return right, lines


def main(path: str) -> None:
    timeline = json.loads(Path(path).read_text(encoding="utf-8"))
    truth = json.loads((SAMPLE / "publication_dates.json").read_text(encoding="utf-8"))
    events = json.loads((SAMPLE / "events.json").read_text(encoding="utf-8"))
    right, wrong = date_lines(timeline, truth)
    print(f"publication dates exact: {right}/{len(timeline['documents'])}", *wrong, sep="\n")
    right, lines = event_lines(timeline, events)
    print(f"true events on their date: {right}/{len(events)}", *lines, sep="\n")


if __name__ == "__main__":
    main(sys.argv[1])
