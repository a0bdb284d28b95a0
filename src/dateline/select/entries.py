"""Which dates and which sentences make the timeline.

Dates are ranked by salience (`salience.py`). Each candidate date gets a pool of sentences
that can speak for it (`candidates.py`): those naming it, and the leads of that day's
articles; off-topic sentences are dropped (`topic.py`). Within a date's pool a
sentence scores by centrality (cosine to the pool's centroid, the Datewise method) times how
well its length suits an entry; picks are made greedily with maximal marginal relevance, so
no entry repeats one already chosen. Summaries are always a source sentence, cited by exact
offsets, with the other articles that report the same thing as further sources.
"""

from __future__ import annotations

import functools
import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from dateline.cluster.vectors import (
    Vector,
    centroid,
    cosine,
    document_frequencies,
    idf_weights,
    terms,
    vectorise,
)
from dateline.errors import SettingsError
from dateline.events.ranges import overlap
from dateline.model import (
    Article,
    Citation,
    DayRange,
    Event,
    TimelineEntry,
    each,
    headers,
    subset,
)
from dateline.select.candidates import candidate_reports
from dateline.select.disagreements import MERGE_THRESHOLD, flag_disagreements
from dateline.select.focus import on_topic
from dateline.select.naming import name_entities
from dateline.select.opening import report_of
from dateline.select.salience import date_salience, in_range
from dateline.select.topic import sizeable_stories, story_topic_words
from dateline.select.weights import WEIGHTS, Weights

# Redundancy above this cosine to a chosen entry is never kept (MMR's trade-off and the
# overlap that counts as shared vocabulary are `Weights.novelty` and `.background_overlap`).
MAX_REDUNDANCY = 0.6
# Candidate dates examined per requested date: salient dates with no usable report are
# skipped, so look a little further down the ranking.
CANDIDATE_FACTOR = 3
MAX_SOURCES = 5
# Entry sentences: shorter ones are headings and bylines, longer ones run-on page text.
MIN_WORDS, MAX_WORDS = 6, 60
# Within those bounds, sentences near IDEAL_WORDS read best as entries (`Weights.length`;
# ideal 20 / 25 / 30 / 35 words scored 0.096 / 0.103 / 0.104 / 0.103 alignment ROUGE-1 on
# all Timeline17 topics together).
IDEAL_WORDS = 30
# Largest pool scored for one date: an evenly spread sample beyond it, so a hot day in a
# 100k corpus costs what it costs in a 1k one (its salience already counted every report).
MAX_POOL = 300
_COARSEST = {"day": 10, "month": 7, "year": 4}
_SUFFIX = re.compile(r"(?:ing|ed|es|s|e)$")


@dataclass(frozen=True)
class _Scored:
    report: Event
    vector: Vector
    score: float


def default_dates(articles: int) -> int:
    """Up to two dates per article, 5 to 60: a reporter's small pile shows every dated event
    it carries (the 30-article sample has 25 of its 30 true events at 60 dates),
    a large collection the 60 most salient dates."""
    return max(5, min(60, 2 * articles))


def build_entries(
    articles: Sequence[Article],
    *,
    dates: int | None = None,
    per_date: int = 1,
    query: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    precision: str | None = None,
    weights: Weights = WEIGHTS,
) -> tuple[TimelineEntry, ...]:
    """Timeline entries, sorted by date, from articles that went through the events stage.

    `precision` ("day", "month" or "year") is the coarsest entry date allowed; None allows
    all, with coarse dates needing far more mentions than days to be chosen.
    """
    coarsest = _COARSEST.get(precision or "year")
    if coarsest is None:
        raise SettingsError(f"precision must be day, month or year, not {precision!r}")
    pool = _independent(articles)
    query = query if query and _stems(query) else None
    if query:
        pool = _matching(pool, query)
    if not pool:
        return ()
    wanted = dates if dates is not None else default_dates(len(pool))
    stories = sizeable_stories(pool)
    pool = on_topic(pool, stories, weights.off_topic_share, weights.hand_pile)
    salience = date_salience(pool, weights)
    # The query picks the pile and the dates (a date needs a report holding one of its
    # words); the story's topic words, the query's among them, keep each date's reports on
    # the story. Requiring a query word in every report, as news-tls does with its keywords,
    # and ranking reports by their likeness to the query both scored lower leave-one-topic-out
    # on Timeline17 with tilse's keyword lists (docs/benchmarks.md).
    topic = story_topic_words(pool, stories) | frozenset(terms(query or ""))
    ranked = _candidate_dates(salience, coarsest, (date_from, date_to), wanted * CANDIDATE_FACTOR)
    span = (date_from, date_to)
    pools, speakers, ranging = _pools(pool, ranked, topic, _stems(query) if query else set(), span)
    scored = _scored_pools(pools, speakers.written, weights)
    chosen = _choose(
        scored, ranked, (wanted, per_date), speakers.original, speakers.own_day, weights
    )
    ranged = ranged_entries(ranging, chosen, wanted)
    entries = tuple(sorted((*chosen, *ranged), key=lambda e: (e.sort_date, -e.score)))
    return flag_disagreements(name_entities(entries), articles)


def _readable(event: Event) -> bool:
    """A sentence that can stand alone as an entry: not a fragment, not a run-on page."""
    return MIN_WORDS <= len(_said(event).split()) <= MAX_WORDS


def _independent(articles: Sequence[Article]) -> Sequence[Article]:
    """Drop syndicated copies whose original is present: a copy is not a second source."""
    copies = [(a.id, a.duplicate_of) for a in headers(articles)]
    ids = {own for own, _ in copies}
    return subset(
        articles,
        (i for i, (_, original) in enumerate(copies) if original is None or original not in ids),
    )


def _matching(articles: Sequence[Article], query: str) -> Sequence[Article]:
    found = each(articles, functools.partial(_matches, wanted=_stems(query)))
    return subset(articles, (i for i, match in enumerate(found) if match))


def _matches(article: Article, wanted: set[str]) -> bool:
    return bool(wanted & _stems(article.title + " " + article.text))


def _stems(text: str) -> set[str]:
    """Content words with common suffixes cut, so "pledged" matches "pledge"."""
    return {_SUFFIX.sub("", t) for t in terms(text)}


def _candidate_dates(
    salience: dict[str, float],
    coarsest: int,
    span: tuple[str | None, str | None],
    count: int,
) -> dict[str, float]:
    """The `count` most salient dates allowed, most salient first."""
    allowed = [d for d in salience if len(d) >= coarsest and in_range(d, *span)]
    ordered = sorted(allowed, key=lambda d: (-salience[d], d))
    return {d: salience[d] for d in ordered[:count]}


@dataclass(frozen=True)
class _Speakers:
    """What the entries need of the articles whose reports speak for a candidate date: when
    each was written, the original it copies, and the date of each of its events (by
    sentence start). Kept for those articles only, so a large pile costs no more."""

    written: dict[str, str]
    original: dict[str, str]
    own_day: dict[tuple[str, int], str]

    def remember(self, speaker: _Speaker) -> None:
        if speaker.written is not None:
            self.written[speaker.id] = speaker.written
        self.original[speaker.id] = speaker.original
        for start, day in speaker.own_days:
            self.own_day[(speaker.id, start)] = day


@dataclass(frozen=True)
class _Speaker:
    """What `_Speakers` keeps of one article."""

    id: str
    written: str | None
    original: str
    own_days: tuple[tuple[int, str], ...]

    @classmethod
    def of(cls, article: Article) -> _Speaker:
        published = article.published
        return cls(
            article.id,
            published.date.isoformat() if published and published.date else None,
            article.duplicate_of or article.id,
            tuple((event.sentence.start, event.date) for event in article.events),
        )


def _pools(
    articles: Sequence[Article],
    ranked: dict[str, float],
    topic: frozenset[str],
    asked: set[str],
    span: tuple[str | None, str | None],
) -> tuple[dict[str, list[Event]], _Speakers, list[Event]]:
    """Usable reports of each candidate date, at most MAX_POOL spread evenly over the corpus,
    and the reports `ranged_entries` weighs (`ranged_reports`), found in the same pass.

    A first pass notes only where each candidate report is; once each date's count is known,
    the spread is picked, and only the articles holding a picked report are read again: a
    large pile's every report of a hot day is never held at once.
    """
    places: dict[str, list[tuple[int, int]]] = defaultdict(list)  # date -> (article, report)
    ranging: list[Event] = []
    found_in = functools.partial(_report_dates, ranked=ranked, topic=topic, span=span)
    for index, (ranged, dates) in enumerate(each(articles, found_in)):
        ranging.extend(ranged)
        for rank, date in enumerate(dates):
            places[date].append((index, rank))
    spread = {
        date: found[:: max(1, len(found) // (4 * MAX_POOL))] for date, found in places.items()
    }
    needed = {place for found in spread.values() for place in found}
    ranks: dict[int, set[int]] = defaultdict(set)
    for index, rank in needed:
        ranks[index].add(rank)
    wanted = sorted(ranks)
    picked: dict[tuple[int, int], Event] = {}
    speakers = _Speakers({}, {}, {})
    reports = functools.partial(_picked_reports, ranked=ranked)
    chosen = each(subset(articles, wanted), reports, [ranks[index] for index in wanted])
    for index, (speaker, reports_at) in zip(wanted, chosen, strict=True):
        speakers.remember(speaker)
        for rank, report in reports_at:
            picked[(index, rank)] = report
    pools: dict[str, list[Event]] = {}
    for date, found in spread.items():
        # Thin before the word-level filters, which cost more than the thinning loses.
        # Reports dated only to a range of days are weighed apart (`ranged_entries`).
        usable = [
            report
            for place in found
            if _readable(report := picked[place]) and report.date_source != "range"
        ]
        # Off-topic reports give way to on-topic ones; a date only other stories speak for
        # keeps them (a collection may hold more than one story).
        usable = [r for r in usable if _on_topic(r, topic)] or usable
        if asked and not any(asked & _stems(r.sentence.text) for r in usable):
            continue
        pools[date] = usable[:: max(1, math.ceil(len(usable) / MAX_POOL))]
    return pools, speakers, ranging


def _report_dates(
    article: Article,
    ranked: dict[str, float],
    topic: frozenset[str],
    span: tuple[str | None, str | None],
) -> tuple[list[Event], list[str]]:
    """What `_pools`' first pass keeps of one article: its ranged reports, and the date of
    each of its candidate reports in their order."""
    dates = [report.date for report in candidate_reports(article, ranked)]
    return ranged_reports(article, topic, span), dates


def _picked_reports(
    article: Article, ranks: set[int], ranked: dict[str, float]
) -> tuple[_Speaker, list[tuple[int, Event]]]:
    """What `_pools`' second pass keeps of one article: what the entries need of it, and
    its candidate reports at `ranks`."""
    reports = enumerate(candidate_reports(article, ranked))
    return _Speaker.of(article), [(rank, report) for rank, report in reports if rank in ranks]


def _on_topic(report: Event, topic: frozenset[str]) -> bool:
    return not topic or not topic.isdisjoint(terms(report.sentence.text))


def _scored_pools(
    pools: dict[str, list[Event]], written: dict[str, str], weights: Weights
) -> dict[str, list[_Scored]]:
    """Each date's reports, most central first.

    Term weights come from the date's own pool: words every report of that day shares are
    its background, the rarer ones tell its reports apart (pool-wide weights scored 0.004
    alignment ROUGE-1 lower on Timeline17).
    """
    scored: dict[str, list[_Scored]] = {}
    for date, every in pools.items():
        # A report dated only by a background mention is weighed by `weights.background`;
        # at nothing it is not a report of the date at all.
        reports = [r for r in every if weights.background or not r.background]
        if not reports:
            continue
        df, total = document_frequencies(_said(r) for r in reports)
        idf = idf_weights(df, total)
        vectors = [vectorise(_said(r), idf) for r in reports]
        centre = centroid(vectors)
        # With a single article speaking for the day, centrality measures nothing but that
        # article's wording; its own order does: news opens with what happened.
        opening = (
            min(r.sentence.start for r in reports)
            if len({r.article_id for r in reports}) == 1
            else None
        )
        scored[date] = sorted(
            (
                _Scored(
                    r,
                    v,
                    cosine(v, centre)
                    * _weight(r, written, weights)
                    * (weights.sole_opening if r.sentence.start == opening else 1.0),
                )
                for r, v in zip(reports, vectors, strict=True)
            ),
            key=lambda s: -s.score,
        )
    return scored


def _weight(report: Event, written: dict[str, str], weights: Weights) -> float:
    """How well the report suits an entry: its length, whether it is the news itself or a
    date it mentions on the way, and whether it foretells the day rather than reports it.
    (A sentence that only names the date weighed half until leave-one-topic-out chose
    full weight for every Timeline17 story.)"""
    words = len(_said(report).split())
    fit = 1.0 - weights.length * abs(words - IDEAL_WORDS) / IDEAL_WORDS
    weight = weights.detail if report.continues is not None else 1.0
    if report.background:
        weight *= weights.background
    if report.planned and written.get(report.article_id, report.date) < report.date:
        weight *= weights.foretold
    return fit * weight


def _choose(
    scored: dict[str, list[_Scored]],
    ranked: dict[str, float],
    size: tuple[int, int],
    original: dict[str, str],
    own_day: dict[tuple[str, int], str],
    weights: Weights,
) -> tuple[TimelineEntry, ...]:
    """Entries for the most salient dates, each date's best reports by MMR.

    A sentence that only names a date gives way to its own event's date when that is one of
    the timeline's dates: "on Thursday decided to extend the mission until 14 December next
    year" stands for Thursday, not for the mandate's end.
    """
    wanted, per_date = size
    chosen: list[_Scored] = []
    entries: list[TimelineEntry] = []
    order = list(ranked)
    top = set(order[:wanted])
    for date in order:
        if len({e.date for e in entries}) >= wanted:
            break
        pool = scored.get(date, [])
        speaking = [s for s in pool if _speaks_for(s.report, date, own_day, top)]
        for pick in _mmr(speaking, chosen, per_date, weights):
            chosen.append(pick)
            entries.append(_entry(pick, pool, ranked[date], original))
    return tuple(entries)


def ranged_reports(
    article: Article, topic: frozenset[str], span: tuple[str | None, str | None]
) -> list[Event]:
    """The events of an article known only to an interval (`date_source` "range": a range
    of days, or the one day its ends agree on) that can be entries: readable, on the topic,
    in the span asked for. No date's pool holds them."""
    return [
        e
        for e in article.events
        if e.date_source == "range"
        and not e.background
        and _readable(e)
        and _on_topic(e, topic)
        and in_range(e.date, *span)
    ]


def ranged_entries(
    reports: Sequence[Event], chosen: Sequence[TimelineEntry], budget: int
) -> list[TimelineEntry]:
    """Entries for the pile's `ranged_reports`, in the order of its articles.

    The most central reports (cosine to the centroid of all such reports, times length fit,
    as a date's pool is scored) that say something the timeline does not yet say
    (redundancy as MMR's), at most `budget`; reports of the same thing in other articles
    whose days overlap its own are its further sources.
    """
    reports = list(reports[:: max(1, math.ceil(len(reports) / MAX_POOL))])
    if not reports or budget < 1:
        return []
    df, total = document_frequencies(_said(r) for r in reports)
    idf = idf_weights(df, total)
    vectors = [vectorise(_said(r), idf) for r in reports]
    centre = centroid(vectors)
    said = [vectorise(e.summary, idf) for e in chosen]
    found: list[TimelineEntry] = []
    fit = [
        cosine(v, centre) * _weight(r, {}, WEIGHTS) for r, v in zip(reports, vectors, strict=True)
    ]
    order = sorted(range(len(reports)), key=lambda i: (-fit[i], _first_day(reports[i])))
    for i in order:
        if any(cosine(vectors[i], v) > MAX_REDUNDANCY for v in said):
            continue
        said.append(vectors[i])
        found.append(_ranged_entry(i, reports, vectors, fit[i]))
        if len(found) == budget:
            break
    return found


def _first_day(report: Event) -> str:
    return report.within.earliest if report.within else report.date


def _days(report: Event) -> DayRange:
    """The days a report from an interval-only article allows: its range, or its one day."""
    return report.within or DayRange(report.date, report.date)


def _ranged_entry(
    pick: int, reports: list[Event], vectors: list[Vector], fit: float
) -> TimelineEntry:
    report = reports[pick]
    cited = report_of(report.sentence)
    citations = [Citation(report.article_id, cited.text, cited.start, cited.end)]
    seen = {report.article_id}
    for other, vector in zip(reports, vectors, strict=True):
        if other.article_id in seen:
            continue
        # Same wording and days both allow. The entry keeps its own days: narrowing them to
        # the days both allow would make one day out of two Wednesdays a week apart.
        if cosine(vector, vectors[pick]) < MERGE_THRESHOLD or not overlap(
            _days(report), _days(other)
        ):
            continue
        seen.add(other.article_id)
        s = report_of(other.sentence)
        citations.append(Citation(other.article_id, s.text, s.start, s.end))
        if len(citations) == MAX_SOURCES:
            break
    return TimelineEntry(
        date=report.date,
        summary=cited.text,
        sources=tuple(citations),
        planned=report.planned,
        score=round(fit, 4),
        within=report.within,
    )


def _speaks_for(
    report: Event, date: str, own_day: dict[tuple[str, int], str], top: set[str]
) -> bool:
    own = own_day.get((report.article_id, report.sentence.start), date)
    return own == date or own not in top


def _mmr(
    candidates: list[_Scored], chosen: list[_Scored], count: int, weights: Weights
) -> list[_Scored]:
    """Up to `count` of `candidates` (best score first), each the best score less its
    redundancy with the entries chosen so far. A candidate's value never exceeds its score,
    so the search for each pick stops at the first candidate scoring no more than the best
    value found: most of a large pool is never compared with the chosen entries."""
    picks: list[_Scored] = []
    remaining = list(candidates)
    bounded = weights.novelty >= 0
    while remaining and len(picks) < count:
        best, best_value = None, -math.inf
        for candidate in remaining:
            if bounded and candidate.score <= best_value:
                break
            overlap = max((cosine(candidate.vector, c.vector) for c in chosen + picks), default=0.0)
            if overlap > MAX_REDUNDANCY:
                continue
            excess = max(0.0, overlap - weights.background_overlap)
            value = candidate.score - weights.novelty * excess
            if value > best_value:
                best, best_value = candidate, value
        if best is None:
            break
        picks.append(best)
        remaining.remove(best)
    return picks


def _said(report: Event) -> str:
    """What the report's sentence says, without the stamp or dateline opening it."""
    return report_of(report.sentence).text


def _entry(
    pick: _Scored, pool: list[_Scored], salience: float, original: dict[str, str]
) -> TimelineEntry:
    """The pick as an entry citing it and the other articles that report the same thing,
    then, while there is room, the sentences of its own article that go on telling it
    (`Event.continues`): the rest of the report the entry came from."""
    citations: list[Citation] = []
    seen: set[str] = set()
    for other in [pick, *pool]:
        source = original.get(other.report.article_id, other.report.article_id)
        if source in seen or cosine(other.vector, pick.vector) < MERGE_THRESHOLD:
            continue
        seen.add(source)
        s = report_of(other.report.sentence)
        citations.append(Citation(other.report.article_id, s.text, s.start, s.end))
        if len(citations) == MAX_SOURCES:
            break
    details = sorted(
        (
            o.report
            for o in pool
            if o.report.article_id == pick.report.article_id
            and o.report.continues == pick.report.sentence.start
        ),
        key=lambda r: r.sentence.start,
    )
    for detail in details[: MAX_SOURCES - len(citations)]:
        s = detail.sentence
        citations.append(Citation(detail.article_id, s.text, s.start, s.end))
    return TimelineEntry(
        date=pick.report.date,
        summary=report_of(pick.report.sentence).text,
        sources=tuple(citations),
        planned=pick.report.planned,
        score=round(salience * pick.score, 4),
        within=pick.report.within,
    )
