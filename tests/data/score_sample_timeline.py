"""Score a timeline of the sample corpus against what the corpus's author knows is true.

The sample's `publication_dates.json` and `events.json` are the answer key; this prints how
many articles got their true publication date, how many true events appear on their date,
cited to a sentence holding the event's keywords, and which entries carry a date their
sources do not support:

    .venv/bin/dateline timeline src/dateline/data/sample/articles --dates 60 \\
        --format json -o /tmp/sample.json
    .venv/bin/python tests/data/score_sample_timeline.py /tmp/sample.json

An entry's date is supported when a source sentence mentions it, when its article's lead
mentions it (undated lead sentences go on telling the lead's news), or when it is the
source article's true publication date; mentions are resolved against that true date, so a
wrongly dated article cannot make its own mistakes look supported.
`tests/events/test_sample_timeline.py` pins floors on these numbers.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

from dateline.events.calendar import calendar_value
from dateline.events.extract import LEAD_SENTENCES
from dateline.events.sentences import split_sentences
from dateline.timex import tag

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


def supported_dates(
    doc: dict, truth: dict[str, str]
) -> tuple[set[str], list[tuple[int, int, str]]]:
    """Dates the document as a whole supports (true publication date, lead mentions) and
    every calendar mention as (start, end, value), resolved against the true date."""
    published = truth.get(corpus_key(doc["path"]))
    anchor = date.fromisoformat(published) if published else None
    mentions = [
        (m.start, m.end, value)
        for m in tag(doc["text"], anchor)
        if m.type in ("DATE", "TIME") and (value := calendar_value(m.value))
    ]
    lead = split_sentences(doc["text"])[:LEAD_SENTENCES]
    lead_end = lead[-1].end if lead else 0
    whole = {v for start, _, v in mentions if start < lead_end}
    if published:
        whole.add(published)
    return whole, mentions


def unsupported_lines(timeline: dict, truth: dict[str, str]) -> tuple[int, list[str]]:
    """Entries whose date no source supports."""
    support = {d["id"]: supported_dates(d, truth) for d in timeline["documents"]}
    bad, lines = 0, []
    for entry in timeline["entries"]:
        ok = False
        for source in entry["sources"]:
            whole, mentions = support[source["document"]]
            inside = {v for s, e, v in mentions if s >= source["start"] and e <= source["end"]}
            ok = ok or entry["date"] in whole | inside
        if not ok:
            bad += 1
            lines.append(f"  {entry['date']}: {entry['summary'][:100]}")
    return bad, lines


def main(path: str) -> None:
    timeline = json.loads(Path(path).read_text(encoding="utf-8"))
    truth = json.loads((SAMPLE / "publication_dates.json").read_text(encoding="utf-8"))
    events = json.loads((SAMPLE / "events.json").read_text(encoding="utf-8"))
    right, wrong = date_lines(timeline, truth)
    print(f"publication dates exact: {right}/{len(timeline['documents'])}", *wrong, sep="\n")
    right, lines = event_lines(timeline, events)
    print(f"true events on their date: {right}/{len(events)}", *lines, sep="\n")
    bad, lines = unsupported_lines(timeline, truth)
    print(f"entries with an unsupported date: {bad}/{len(timeline['entries'])}", *lines, sep="\n")


if __name__ == "__main__":
    main(sys.argv[1])
