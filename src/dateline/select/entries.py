"""Which dates and which sentences make the timeline.

Dates are ranked by salience (`salience.py`); each candidate date's reports are merged into
events (`cluster.events`), and an event's score is its centrality among that date's reports
(cosine to the date's centroid, as in the Datewise method) times how many independent
articles carry it. Picks are made greedily with maximal marginal relevance, so no entry
repeats one already chosen. Summaries are always a source sentence, cited by exact offsets.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from dateline.cluster.events import EventGroup, merge_events, originals
from dateline.cluster.vectors import (
    Vector,
    centroid,
    cosine,
    document_frequencies,
    idf_weights,
    normalise,
    terms,
    vectorise,
)
from dateline.errors import SettingsError
from dateline.events.extract import extract_events
from dateline.model import Article, Citation, Event, TimelineEntry
from dateline.select.salience import date_salience, in_range

# MMR trade-off between centrality and novelty; redundancy above this cosine is never kept.
NOVELTY_WEIGHT = 0.5
SUPPORT_WEIGHT = 1.0
MAX_REDUNDANCY = 0.6
# Candidate dates examined per requested date: salient dates with no usable report are
# skipped, so look a little further down the ranking.
CANDIDATE_FACTOR = 3
MAX_SOURCES = 5
# Entry sentences: shorter ones are headings and bylines, longer ones run-on page text.
MIN_WORDS, MAX_WORDS = 6, 60
_COARSEST = {"day": 10, "month": 7, "year": 4}
_SUFFIX = re.compile(r"(?:ing|ed|es|s|e)$")


@dataclass(frozen=True)
class _Scored:
    group: EventGroup
    vector: Vector
    score: float
    lead: Event  # the report closest to the group's centre: the entry's summary


def default_dates(articles: int) -> int:
    """Timeline length that grows with the corpus, slowly: ~2·sqrt(n), 5 to 60 dates."""
    return max(5, min(60, round(2 * math.sqrt(max(articles, 1)))))


def build_entries(
    articles: Sequence[Article],
    *,
    dates: int | None = None,
    per_date: int = 1,
    query: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    precision: str | None = None,
) -> tuple[TimelineEntry, ...]:
    """Timeline entries, sorted by date, from articles that went through the events stage.

    `precision` ("day", "month" or "year") is the coarsest entry date allowed; None allows
    all, with coarse dates needing far more mentions than days to be chosen.
    """
    coarsest = _COARSEST.get(precision or "year")
    if coarsest is None:
        raise SettingsError(f"precision must be day, month or year, not {precision!r}")
    pool = _independent([a if a.events or not a.text else extract_events(a) for a in articles])
    query = query if query and _stems(query) else None
    if query:
        pool = _matching(pool, query)
    if not pool:
        return ()
    wanted = dates if dates is not None else default_dates(len(pool))
    salience = date_salience(pool)
    events = [
        e
        for a in pool
        for e in a.events
        if in_range(e.date, date_from, date_to) and _readable(e)
    ]
    if query:
        events = [e for e in events if _stems(query) & _stems(e.sentence.text)]
    allowed = [e for e in events if len(e.date) >= coarsest]
    ranked = _candidate_dates(salience, allowed, wanted * CANDIDATE_FACTOR)
    events = [e for e in events if e.date in ranked]
    groups = _groups(events, pool, query)
    return _choose(groups, ranked, wanted, per_date)


def _readable(event: Event) -> bool:
    """A sentence that can stand alone as an entry: not a fragment, not a run-on page."""
    return MIN_WORDS <= len(event.sentence.text.split()) <= MAX_WORDS


def _independent(articles: list[Article]) -> list[Article]:
    """Drop syndicated copies whose original is present: a copy is not a second source."""
    ids = {a.id for a in articles}
    return [a for a in articles if a.duplicate_of is None or a.duplicate_of not in ids]


def _matching(articles: list[Article], query: str) -> list[Article]:
    wanted = _stems(query)
    return [a for a in articles if wanted & _stems(a.title + " " + a.text)]


def _stems(text: str) -> set[str]:
    """Content words with common suffixes cut, so "pledged" matches "pledge"."""
    return {_SUFFIX.sub("", t) for t in terms(text)}


def _candidate_dates(
    salience: dict[str, float], events: list[Event], count: int
) -> dict[str, float]:
    present = {e.date for e in events}
    ordered = sorted(present, key=lambda d: (-salience.get(d, 0.0), d))
    return {d: salience.get(d, 0.0) for d in ordered[:count]}


def _groups(
    events: list[Event], pool: list[Article], query: str | None
) -> dict[str, list[_Scored]]:
    df, total = document_frequencies(e.sentence.text for e in events)
    idf = idf_weights(df, total)
    vectors = [vectorise(e.sentence.text, idf) for e in events]
    by_report = {(e.article_id, e.sentence.start): v for e, v in zip(events, vectors, strict=True)}
    focus = normalise(dict.fromkeys(terms(query), 1.0)) if query else {}
    by_date: dict[str, list[EventGroup]] = defaultdict(list)
    for group in merge_events(events, vectors, originals(pool)):
        by_date[group.date].append(group)
    scored: dict[str, list[_Scored]] = {}
    for date, groups in by_date.items():
        units = [normalise(g.vector) for g in groups]
        centre = centroid(units)
        scored[date] = sorted(
            (_score(g, v, centre, focus, by_report) for g, v in zip(groups, units, strict=True)),
            key=lambda s: -s.score,
        )
    return scored


def _score(
    group: EventGroup,
    vector: Vector,
    centre: Vector,
    focus: Vector,
    by_report: dict[tuple[str, int], Vector],
) -> _Scored:
    support = 1.0 + SUPPORT_WEIGHT * math.log(len(group.articles))
    relevance = 1.0 + cosine(vector, focus) if focus else 1.0
    lead = max(
        group.events, key=lambda e: cosine(by_report[(e.article_id, e.sentence.start)], vector)
    )
    return _Scored(group, vector, cosine(vector, centre) * support * relevance, lead)


def _choose(
    groups: dict[str, list[_Scored]], ranked: dict[str, float], wanted: int, per_date: int
) -> tuple[TimelineEntry, ...]:
    chosen: list[_Scored] = []
    entries: list[TimelineEntry] = []
    for date in sorted(ranked, key=lambda d: (-ranked[d], d)):
        if len({e.date for e in entries}) >= wanted:
            break
        for pick in _mmr(groups.get(date, []), chosen, per_date):
            chosen.append(pick)
            entries.append(_entry(pick, ranked[date]))
    return tuple(sorted(entries, key=lambda e: (e.date, -e.score)))


def _mmr(candidates: list[_Scored], chosen: list[_Scored], count: int) -> list[_Scored]:
    picks: list[_Scored] = []
    remaining = list(candidates)
    while remaining and len(picks) < count:
        best, best_value = None, -math.inf
        for candidate in remaining:
            overlap = max((cosine(candidate.vector, c.vector) for c in chosen + picks), default=0.0)
            if overlap > MAX_REDUNDANCY:
                continue
            value = candidate.score - NOVELTY_WEIGHT * overlap
            if value > best_value:
                best, best_value = candidate, value
        if best is None:
            break
        picks.append(best)
        remaining.remove(best)
    return picks


def _entry(pick: _Scored, salience: float) -> TimelineEntry:
    citations: list[Citation] = []
    seen: set[str] = set()
    for event in [pick.lead, *pick.group.events]:
        if event.article_id in seen:
            continue
        seen.add(event.article_id)
        s = event.sentence
        citations.append(Citation(event.article_id, s.text, s.start, s.end))
        if len(citations) == MAX_SOURCES:
            break
    return TimelineEntry(
        date=pick.group.date,
        summary=pick.lead.sentence.text,
        sources=tuple(citations),
        planned=pick.group.planned,
        score=round(salience * pick.score, 4),
    )
