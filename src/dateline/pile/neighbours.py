"""Date what is still undated by the pile's own dates: news on one story clusters in time.

An article that tells what its nearest neighbours in the pile tell (the same events, by
TF-IDF cosine over the words that most mark each article, naming someone or somewhere in
common when any does) was most likely written when they were. So each article without a
trusted day first reads its own clues in its neighbours' year (a year-less "VELL, March
18" dateline, "March 13" and "on Friday"); failing a day there, it takes the
similarity-weighted median day of its most similar dated articles, inside its own bounds,
moved to the nearest day of the weekday its lead reports its news on. The interval given
is the month around that day, inside the article's own bounds. It is a likely day and a
likely month, not stated ones, and says so in its confidence. A day the article's own
clues gave anchors the others in turn. A day an article's own text gave (its latest date,
"today"), which its text leaves open to the year's end, gets the same likely month around
it, so the pile's days all say how far off they may be.

No threshold here is fitted: the anchors are the dates their own stage gave at 0.5 or more
(more likely right than wrong), the neighbours are the five most alike, and the month is
the one the question "when, give or take" is usually asked in.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import heapq
from collections import Counter
from collections.abc import Sequence
from datetime import date, timedelta

from dateline.cluster.vectors import Vector, idf_weights, normalise, terms, vectorise
from dateline.date.bounds import Bound
from dateline.date.content import Estimate, estimate_from_text
from dateline.model import Article, PublicationDate, each, headers, subset
from dateline.pile.names import names

# A date its own stage is more likely right than wrong about anchors the others.
ANCHOR_CONFIDENCE = 0.5
NEIGHBOURS = 5
# The words that most mark an article (TF-IDF), which is what it is about; the rest of a
# long article (background, quotes) would make every article like every other.
TOPIC_TERMS = 50
# Half a month either side of the day: the interval given.
HALF_MONTH = timedelta(days=15)
# How far the lead's weekday may move the day: the same week.
WEEKDAY_REACH = 3
# Confidence of a day from the pile: about the share of exact days it gave on Timeline17
# topics read as piles (docs/benchmarks.md), times the neighbours' agreement.
PILE_CONFIDENCE = 0.3
# A day the article's own clues give once the pile has told their year: the year is a guess.
OWN_IN_PILE_CONFIDENCE = 0.5
# A word among the marks of more anchors than this is matched through the ones it marks
# most: it bounds the work per article however large the pile (a word that marks hundreds
# of articles tells little about which ones).
MAX_POSTINGS = 200
# A day needs most of its neighbours' weight within WEEKDAY_REACH of it.
MIN_AGREEMENT = 0.5
# How many times the placing is repeated with the days it added as anchors.
ROUNDS = 3


def date_from_pile(articles: Sequence[Article], lead_weekday: dict[str, int]) -> dict[int, Article]:
    """The articles left without a day, or with one their own text gave and doubts (under
    ANCHOR_CONFIDENCE), dated from their likeliest dated neighbours, by position.

    `lead_weekday` maps an article id to the weekday (1-7) its lead reports its news on. A
    day an article's own clues give in its neighbours' year anchors the others in turn, so
    the placing is repeated while it adds anchors. The pile may be a lazy corpus: it is read
    in passes, keeping each article's marks and the day of each anchor, not its text.
    The anchors whose day their own text gave come back with the month around it
    (`_own_months`).
    """
    anchors = {a.id: _day(a) for a in headers(articles) if _anchor(a)}
    # A day from reports of the same events (`corpus`) stands; a doubted one from the
    # article's own text is placed again.
    todo = list(subset(articles, [i for i, a in enumerate(headers(articles))
                                  if a.id not in anchors
                                  and (a.published is None or a.published.date is None
                                       or a.published.method == "content")
                                  and not (a.published is not None
                                           and a.published.method == "pile")]))  # fmt: skip
    if not anchors or not todo:
        return {}
    df: Counter[str] = Counter()
    for words in each(articles, _words):
        df.update(words)
    idf = idf_weights(df, len(articles))
    topics: dict[str, Vector] = {}
    named: dict[str, set[str]] = {}
    for article_id, topic, its_names in each(
        articles, functools.partial(_topic_and_names, idf=idf)
    ):
        topics[article_id] = topic
        named[article_id] = its_names
    placed: dict[str, PublicationDate] = {}
    read = _Reading()
    for _ in range(ROUNDS):
        postings = _postings(anchors, topics)
        crowd = _crowding(anchors)
        placed = {}
        for article in todo:
            near = _neighbours(article.id, topics, named, postings, crowd, anchors)
            found = _placed(article, near, lead_weekday.get(article.id), read)
            if found is not None:
                placed[article.id] = found
        grown = {a.id: day for a in todo
                 if a.id not in anchors and a.id in placed
                 and placed[a.id].confidence >= ANCHOR_CONFIDENCE
                 and (day := placed[a.id].date) is not None}  # fmt: skip
        if not grown:
            break
        anchors.update(grown)
    placed.update(_own_months(articles, set(anchors) - set(placed)))
    at = [i for i, a in enumerate(headers(articles)) if a.id in placed]
    return {i: dataclasses.replace(a, published=placed[a.id])
            for i, a in zip(at, subset(articles, at), strict=True)}  # fmt: skip


def _postings(anchors: dict[str, date],
              topics: dict[str, Vector]) -> dict[str, list[tuple[str, float]]]:  # fmt: skip
    """Each marking word's anchors, with its weight in each (at most MAX_POSTINGS)."""
    postings: dict[str, list[tuple[str, float]]] = {}
    for key in anchors:
        for term, value in topics[key].items():
            postings.setdefault(term, []).append((key, value))
    for term, posted in postings.items():
        if len(posted) > MAX_POSTINGS:
            postings[term] = heapq.nlargest(MAX_POSTINGS, posted, key=lambda item: item[1])
    return postings


def _neighbours(key: str, topics: dict[str, Vector], named: dict[str, set[str]],
                postings: dict[str, list[tuple[str, float]]], crowd: dict[str, float],
                anchors: dict[str, date]) -> list[tuple[float, date]]:  # fmt: skip
    """The NEIGHBOURS anchors most like article `key` (not itself), with their days."""
    scores: dict[str, float] = {}
    for term, value in topics[key].items():
        for other, weight in postings.get(term, ()):
            scores[other] = scores.get(other, 0.0) + value * weight * crowd[other]
    own = named[key]
    others = [(s, k) for k, s in scores.items() if k != key]
    # Neighbours naming someone or somewhere it names; failing any, the pile's most
    # alike (a pile is mostly one story, and its days cluster).
    alike = [(s, k) for s, k in others if named[k] & own] or others
    return [(s, anchors[k]) for s, k in heapq.nlargest(NEIGHBOURS, alike)]


def _own_months(articles: Sequence[Article], keys: set[str]) -> dict[str, PublicationDate]:
    """The anchors among `keys` whose day their own text gave (not a date line) and left
    open after it, each with the month around its day inside its own bounds: the likely
    month every day the pile gives has (the day is as likely as before; only the interval
    says how far off it may be)."""
    months = {}
    for article in headers(articles):
        own = article.published
        if article.id not in keys or own is None or own.date is None or own.method != "content":
            continue
        month = _month(own.date, own.earliest or date.min, own.latest or date.max)
        if month != (own.earliest, own.latest):
            why = "a likely month: the month around the day its text gives"
            months[article.id] = dataclasses.replace(own, earliest=month[0], latest=month[1],
                                                     evidence=(*own.evidence, why))  # fmt: skip
    return months


def _month(day: date, low: date, high: date) -> tuple[date, date]:
    """The month around `day`, inside `low`..`high`."""
    first = max(day - HALF_MONTH, low)
    last = min(first + 2 * HALF_MONTH, high)
    return max(min(first, last - 2 * HALF_MONTH), low), last


def _crowding(days: dict[str, date]) -> dict[str, float]:
    """Each anchor's share of the anchors within half a month of its day: a pile's days
    cluster, so a lone day far from the rest (a caption's, a misread number's) counts less."""
    ordered = sorted(days.values())
    return {key: (bisect.bisect_right(ordered, day + HALF_MONTH)
                  - bisect.bisect_left(ordered, day - HALF_MONTH)) / len(ordered)
            for key, day in days.items()}  # fmt: skip


def _day(article: Article) -> date:
    assert article.published is not None and article.published.date is not None
    return article.published.date


def _anchor(article: Article) -> bool:
    published = article.published
    # The pile's own guesses anchor only the run that made them (`grown`), never a later run.
    return (published is not None and published.date is not None and published.method != "pile"
            and published.confidence >= ANCHOR_CONFIDENCE)  # fmt: skip


def _words(article: Article) -> set[str]:
    """The terms of an article, each once (what its document frequencies count)."""
    return set(terms(article.text))


def _topic_and_names(article: Article, idf: dict[str, float]) -> tuple[str, Vector, set[str]]:
    return article.id, _topic(article.text, idf), names(article.text)


def _topic(text: str, idf: dict[str, float]) -> Vector:
    vector = vectorise(text, idf)
    return normalise(dict(heapq.nlargest(TOPIC_TERMS, vector.items(), key=lambda item: item[1])))


class _Reading:
    """An article's own clues read in a year, each (article, year) once across the rounds."""

    def __init__(self) -> None:
        self.done: dict[tuple[str, int], Estimate] = {}

    def __call__(self, article: Article, year: int) -> Estimate:
        key = (article.id, year)
        if key not in self.done:
            bound = Bound(date(year, 1, 1), date(year, 12, 31),
                          f"the most similar dated articles of the pile are of {year}")  # fmt: skip
            self.done[key] = estimate_from_text(article.text, list(article.timexes), [bound])
        return self.done[key]


def _placed(article: Article, near: list[tuple[float, date]], weekday: int | None,
            read: _Reading) -> PublicationDate | None:  # fmt: skip
    """The article's own clues read in the neighbours' year; failing a day there, the
    neighbours' median day inside the article's own bounds, moved to its lead's weekday."""
    own = article.published
    low = own.earliest if own is not None and own.earliest else date.min
    high = own.latest if own is not None and own.latest else date.max
    inside = [(s, d) for s, d in near if low <= d <= high]
    if not inside:
        return None
    day = _weighted_median(inside)
    text = read(article, day.year)
    evidence = (
        f"written about when the {len(inside)} most similar dated articles of the pile were",
        *(f"a similar article of {d.isoformat()}" for _, d in sorted(inside, reverse=True)[:3]),
    )
    if text.point is not None and text.confidence >= ANCHOR_CONFIDENCE:
        first, last = _month(text.point, text.earliest or date.min, text.latest or date.max)
        return PublicationDate(text.point, first, last, OWN_IN_PILE_CONFIDENCE,
                               (*text.evidence, *evidence), "pile", text.point, "day")  # fmt: skip
    low, high = max(low, text.earliest or low), min(high, text.latest or high)
    day = min(max(day, low), high)
    if weekday is not None:
        day = min((day + timedelta(days=k) for k in range(-WEEKDAY_REACH, WEEKDAY_REACH + 1)
                   if (day + timedelta(days=k)).isoweekday() == weekday
                   and low <= day + timedelta(days=k) <= high),
                  key=lambda d: abs((d - day).days), default=day)  # fmt: skip
    # The month around the day, inside the text's own bounds.
    first, last = _month(day, low, high)
    agreement = sum(s for s, d in inside if abs((d - day).days) <= WEEKDAY_REACH) / sum(
        s for s, _ in inside
    )
    if agreement < MIN_AGREEMENT:
        # Most neighbours are elsewhere than the day the text's bounds leave: a likely
        # month, no day.
        return PublicationDate(None, first, last, PILE_CONFIDENCE / 2, evidence, "pile", day,
                               "month")  # fmt: skip
    return PublicationDate(day, first, last, round(PILE_CONFIDENCE * agreement, 2), evidence,
                           "pile", day, "day")  # fmt: skip


def _weighted_median(weighted: list[tuple[float, date]]) -> date:
    ordered = sorted(weighted, key=lambda item: item[1])
    half = sum(s for s, _ in ordered) / 2
    running = 0.0
    for score, day in ordered:
        running += score
        if running >= half:
            return day
    return ordered[-1][1]
