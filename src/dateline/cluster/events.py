"""One event, many reports: merge event mentions that tell the same thing.

Two reports are one event when their dates are compatible (equal, or one contains the
other: "January 2004" and "January 26, 2004") and their sentences are lexically close
(TF-IDF cosine over content words and names). A group takes its finest date, and only the
reports at that date make its centre: a coarser one ("a rocket hit the camp in October")
supports the event but tells it less precisely, so it must not become its summary. Reports
from syndicated copies (`Article.duplicate_of`) join the group but never count as extra
sources of importance.

A lead sentence that goes on telling its article's news (`Event.continues`: "Nobody was
injured." after "Two mortar rounds exploded on Wednesday.") is a detail of that news, not an
event of its own: it joins the group of the report it continues without moving the group's
centre, so the entry still reads as the report that dates it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from dateline.cluster.vectors import (
    Vector,
    centroid,
    cosine,
    document_frequencies,
    idf_weights,
    vectorise,
)
from dateline.events.calendar import compatible, granularity
from dateline.model import Article, Event

# Cosine above which two sentences report one event. Tuned by hand on our own paraphrase
# pairs ("Japan sends 600 troops" written three ways): paraphrases score 0.35-0.6, different
# events of one story 0.05-0.25.
MERGE_THRESHOLD = 0.35
# Largest number of reports merged for one date: beyond it only the most central reports are
# kept (the date's salience already counted them all), so a hot day in a 100k corpus costs
# the same as in a 1k one.
MAX_BUCKET = 150


@dataclass(frozen=True)
class EventGroup:
    """Reports of one event: the finest date, the reports, the distinct original articles."""

    date: str
    events: tuple[Event, ...]
    articles: tuple[str, ...]
    vector: Vector

    @property
    def planned(self) -> bool:
        return all(e.planned for e in self.events)


def merge_articles(
    articles: Sequence[Article], threshold: float = MERGE_THRESHOLD
) -> list[EventGroup]:
    """Merge the events of `articles` (convenience over `merge_events`)."""
    events = [e for a in articles for e in a.events]
    df, total = document_frequencies(e.sentence.text for e in events)
    idf = idf_weights(df, total)
    vectors = [vectorise(e.sentence.text, idf) for e in events]
    return merge_events(events, vectors, originals(articles), threshold)


def originals(articles: Sequence[Article]) -> dict[str, str]:
    """Article id -> id of the article it copies (itself when it is an original)."""
    return {a.id: a.duplicate_of or a.id for a in articles}


def merge_events(
    events: Sequence[Event],
    vectors: Sequence[Vector],
    original: Mapping[str, str],
    threshold: float = MERGE_THRESHOLD,
) -> list[EventGroup]:
    """Groups of reports of one event, finest dates first within each year."""
    anchors = _anchors(events)
    by_year: dict[str, list[int]] = defaultdict(list)
    for index, event in enumerate(events):
        if index not in anchors:
            by_year[event.date[:4]].append(index)
    members: list[list[int]] = []
    centres: list[Vector] = []
    dates: list[str] = []
    for indices in by_year.values():
        _merge_year(indices, events, vectors, threshold, (members, centres, dates))
    group_of = {i: g for g, m in enumerate(members) for i in m}
    for index, anchor in anchors.items():
        if anchor in group_of:  # a report dropped by the bucket cap takes its details along
            members[group_of[anchor]].append(index)
    return [
        _group(m, d, c, events, original) for m, d, c in zip(members, dates, centres, strict=True)
    ]


def _anchors(events: Sequence[Event]) -> dict[int, int]:
    """Lead details -> the report they continue, when that report is among `events`."""
    where = {(e.article_id, e.sentence.start): i for i, e in enumerate(events)}
    anchors = {}
    for index, event in enumerate(events):
        if event.continues is not None:
            anchor = where.get((event.article_id, event.continues))
            if anchor is not None and events[anchor].continues is None:
                anchors[index] = anchor
    return anchors


def _merge_year(
    indices: list[int],
    events: Sequence[Event],
    vectors: Sequence[Vector],
    threshold: float,
    out: tuple[list[list[int]], list[Vector], list[str]],
) -> None:
    """Add one year's groups to `out` (members, centres, dates)."""
    members, centres, dates = out
    first = len(dates)
    # Finest dates first, so coarse reports join a dated group rather than the reverse.
    indices = sorted(indices, key=lambda i: (-granularity(events[i].date), events[i].date))
    by_date: dict[str, list[int]] = defaultdict(list)
    for i in indices:
        by_date[events[i].date].append(i)
    for date, bucket in by_date.items():
        targets = [g for g in range(first, len(dates)) if compatible(dates[g], date)]
        for i in _capped(bucket, vectors):
            best, best_score = -1, threshold
            for g in targets:
                score = cosine(vectors[i], centres[g])
                if score >= best_score:
                    best, best_score = g, score
            if best < 0:
                members.append([i])
                centres.append(vectors[i])
                dates.append(date)
                targets.append(len(dates) - 1)
            else:
                members[best].append(i)
                if granularity(date) == granularity(dates[best]):
                    centres[best] = _add(centres[best], vectors[i], len(members[best]))


def _add(centre: Vector, vector: Vector, size: int) -> Vector:
    """Running mean of a group's vectors after its `size`-th member joined."""
    mean = {t: v * (size - 1) / size for t, v in centre.items()}
    for term, value in vector.items():
        mean[term] = mean.get(term, 0.0) + value / size
    return mean


def _capped(bucket: list[int], vectors: Sequence[Vector]) -> list[int]:
    if len(bucket) <= MAX_BUCKET:
        return bucket
    centre = centroid(vectors[i] for i in bucket)
    return sorted(bucket, key=lambda i: -cosine(vectors[i], centre))[:MAX_BUCKET]


def _group(
    members: list[int],
    date: str,
    centre: Vector,
    events: Sequence[Event],
    original: Mapping[str, str],
) -> EventGroup:
    reports = tuple(events[i] for i in members)
    articles = tuple(dict.fromkeys(original.get(e.article_id, e.article_id) for e in reports))
    return EventGroup(date=date, events=reports, articles=articles, vector=centre)
