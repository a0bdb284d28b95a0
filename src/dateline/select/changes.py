"""How a running count moves over the story: "the count rose from 12 to 40 between 3 and 9
March", in the reports' own words.

A series is a counted thing in one of the timeline's places that an entry reports ("dead in
Korvel"). Its points are one per day, each a report's own words; after the first, only
sentences that give a running total ("the toll rose to 40", "have been killed since"), so
one more incident's count is never taken for the total; and a figure below one already
reached is left out: a running total does not shrink, and a lower figure after a higher one
is one source disagreeing with another (`disagreements.py`), not a change.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Sequence

from dateline.events.amounts import Amount, find_amounts
from dateline.model import Article, Change, Citation, Claim, TimelineEntry, each, headers, subset
from dateline.select.disagreements import time_spans
from dateline.select.entities import PLACE
from dateline.timex import TimexValue

# Articles read for a running count's points: an evenly spread sample past this (a series
# needs a handful of points, and a 100k pile would cost a minute read whole).
MAX_SERIES_ARTICLES = 2000
# Words that make a count a running total rather than one incident's.
_RUNNING = re.compile(
    r"\b(?:toll|total|so far|in all|altogether|to date|overall|since|"
    r"(?:has|have) (?:now )?(?:been|risen|reached|climbed)|rose|risen|"
    r"climbed|reached)\b",
    re.IGNORECASE,
)
# Changes listed per timeline: the amounts reported on the most dates.
MAX_CHANGES = 5


def changes(entries: Sequence[TimelineEntry], articles: Sequence[Article]) -> tuple[Change, ...]:
    """How each amount the timeline reports for one of its places moves from day to day.

    A series is a counted thing in a place that an entry reports ("dead in Korvel"); its
    points come from the entries and every dated report of the pile naming that place and
    counting that thing, one per day (an entry's first), in the reports' own words: a count
    updated day by day is rarely an entry each day, since its reports repeat each other.
    Amounts of one unit in different places are different things and never one series.
    """
    places = {e.name for entry in entries for e in entry.entities if e.kind == PLACE}
    wanted: set[tuple[str, str]] = set()
    for entry in entries:
        for citation in entry.sources:
            places_named = {p for p in places if _names_place(citation.sentence, p)}
            for amount in find_amounts(citation.sentence):
                if amount.unit not in ("", "percent"):
                    wanted.update((amount.unit, p) for p in places_named)
    if not wanted:
        return ()
    series: dict[tuple[str, str], dict[str, Claim]] = defaultdict(dict)
    values: dict[tuple[str, str], set[tuple[float, float]]] = defaultdict(set)
    counted_places = {p for _, p in wanted}
    # The entries' own sentences first (what the timeline shows), then the pile's reports.
    told = [
        (c, e.date)
        for e in entries
        if TimexValue.parse(e.date).granularity == "day" and not e.planned
        for c in e.sources[:1]
    ]
    told += _running_reports(articles, counted_places)
    cited = {c.document for c, _ in told}
    by_id = {
        a.id: a
        for a in subset(articles, (i for i, a in enumerate(headers(articles)) if a.id in cited))
    }
    for citation, date in told:
        named = [p for p in counted_places if _names_place(citation.sentence, p)]
        if not named:
            continue
        for amount in find_amounts(
            citation.sentence, time_spans(by_id.get(citation.document), citation)
        ):
            for place in named:
                key = (amount.unit, place)
                if (
                    key in wanted
                    and date not in series[key]
                    and _adds_to(series[key], citation.sentence, amount)
                ):
                    series[key][date] = Claim(
                        citation.document, amount.words, citation.sentence, date
                    )
                    values[key].add((amount.low, amount.high))
    moving = [
        Change(f"{unit} in {place}", _running(claims))
        for (unit, place), claims in series.items()
        if len(_running(claims)) >= 2 and len(values[(unit, place)]) >= 2
    ]
    moving = [c for c in moving if len({c.words for c in c.claims}) >= 2]
    moving.sort(key=lambda c: (-len(c.claims), c.about))
    return tuple(moving[:MAX_CHANGES])


def _running_reports(articles: Sequence[Article], places: set[str]) -> list[tuple[Citation, str]]:
    """Sentences of the pile that name one of `places`, give a running total and state or
    report a day, with that day; an evenly spread sample of a big pile is read."""
    originals = [i for i, a in enumerate(headers(articles)) if a.duplicate_of is None]
    sample = subset(articles, originals[:: max(1, len(originals) // MAX_SERIES_ARTICLES)])
    found = each(sample, functools.partial(_running_in, places=places))
    return [report for reports in found for report in reports]


def _running_in(article: Article, places: set[str]) -> list[tuple[Citation, str]]:
    """What `_running_reports` keeps of one article."""
    found: list[tuple[Citation, str]] = []
    if not any(p in article.text for p in places):
        return found
    days = {
        e.sentence.start: e.date
        for e in article.events
        if TimexValue.parse(e.date).granularity == "day" and not e.planned and not e.background
    }
    stated = sorted(
        (t.start, t.value[:10]) for t in article.timexes if t.type == "DATE" and _day_value(t.value)
    )
    for sentence in article.sentences:
        if not _RUNNING.search(sentence.text):
            continue
        day = days.get(sentence.start) or next(
            (v for at, v in stated if sentence.start <= at < sentence.end), None
        )
        if day is not None:
            found.append((Citation(article.id, sentence.text, sentence.start, sentence.end), day))
    return found


def _day_value(value: str) -> bool:
    return len(value) >= 10 and value[4] == "-" and value[7] == "-" and value[:4].isdigit()


def _adds_to(series: dict[str, Claim], sentence: str, amount: Amount) -> bool:
    """A count joins a series when it is its first, or when its sentence gives a running
    total ("the toll rose to 40", "have been killed since March"): a count of one more
    incident ("killed 270 people on Friday") is news of its own, not the running count."""
    return not series or _RUNNING.search(sentence) is not None


def _running(claims: dict[str, Claim]) -> tuple[Claim, ...]:
    """The series in date order, without the counts that fall below one already reached:
    a running total does not shrink, and a lower figure after a higher one is one source
    disagreeing with another, which entries flag, not a change."""
    kept: list[Claim] = []
    reached = -1.0
    for date in sorted(claims):
        amounts = find_amounts(claims[date].words)
        value = amounts[0].high if amounts else 0.0
        if value >= reached:
            kept.append(claims[date])
            reached = value
    return tuple(kept)


def _names_place(sentence: str, place: str) -> bool:
    return place in sentence and re.search(rf"\b{re.escape(place)}\b", sentence) is not None
