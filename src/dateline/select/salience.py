"""How important a date is to a corpus: how many of its articles name that date.

Date salience from mention counts is the strongest unsupervised signal for timeline date
selection (Tran et al. 2015; Ghalandari & Ifrim 2020): journalists keep referring back to the
days that mattered. Counting articles, not mentions, keeps one long retrospective from
deciding the timeline. Two corrections make the count a measure of importance rather than of
coverage: a day still named weeks later counts more, and a day is weighed against how much
was published around it, since a busy week names many days and a quiet month few.
"""

from __future__ import annotations

import functools
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import date, timedelta
from statistics import median

import numpy as np

from dateline.events.background import is_background
from dateline.events.calendar import calendar_value
from dateline.model import Article, each, headers
from dateline.select.weights import WEIGHTS, Weights
from dateline.timex.value import TimexValue

# Coarse dates are named far more loosely ("in 2004", "last March"): they are timeline
# dates only when much more salient than any day.
COARSE_WEIGHT = {"month": 0.25, "year": 0.05}
# An article counts once for each date it names: counting its repeats lowered Date F1 on
# Timeline17 (0.53 -> 0.50).
# How late a mention is late (`Weights.late`), and the scale in days of the publication
# density a day is weighed against (`Weights.density`; DENSITY_FLOOR articles added so a
# quiet stretch's first report does not weigh without limit). Chosen on one half of the
# Timeline17 topics and confirmed on the other (docs/benchmarks.md, third round).
LATE_AFTER = timedelta(days=30)
DENSITY_SCALE = 14
DENSITY_FLOOR = 3.0


def date_salience(articles: Sequence[Article], weights: Weights = WEIGHTS) -> dict[str, float]:
    """Salience of every calendar value the articles mention."""
    published_on = Counter(
        a.published.date for a in headers(articles) if a.published and a.published.date
    )
    salience = mention_salience(articles, weights)
    named = {value: TimexValue.parse(value).day for value in salience}
    days = {value: day for value, day in named.items() if day is not None}
    for value, day in days.items():
        volume = published_on[day] + published_on[day + timedelta(days=1)]
        salience[value] += weights.publication * volume
    density = publication_density(list(days.values()), published_on)
    if density and weights.density:
        typical = median(density.values()) + DENSITY_FLOOR
        for value, day in days.items():
            salience[value] *= (typical / (density[day] + DENSITY_FLOOR)) ** weights.density
    return salience


def mention_salience(articles: Sequence[Article], weights: Weights = WEIGHTS) -> dict[str, float]:
    """How many articles name each calendar value: coarse values discounted, late mentions
    of a day counted up. (An article's own day counted half until leave-one-topic-out on
    Timeline17 chose full weight for four stories of six; docs/benchmarks.md.)"""
    salience: defaultdict[str, float] = defaultdict(float)
    for counted in each(articles, functools.partial(_mention_weights, weights=weights)):
        for value, weight in counted:
            salience[value] += weight
    return dict(salience)


def _mention_weights(article: Article, weights: Weights) -> list[tuple[str, float]]:
    """What one article adds to each value it names (`mention_salience`, summed in pile
    order wherever the articles are)."""
    published = article.published.date if article.published else None
    added = []
    for value, named in mentioned_dates(article, weights.background).items():
        position = TimexValue.parse(value)
        day = position.day
        late = day is not None and published is not None and published - day >= LATE_AFTER
        weight = weights.late if late else 1.0
        added.append((value, weight * named * COARSE_WEIGHT.get(position.granularity, 1.0)))
    return added


def publication_density(days: list[date], published_on: Counter[date]) -> dict[date, float]:
    """For each of `days`, the articles published around it, each weighted by a Gaussian of
    its distance in days."""
    if not days or not published_on:
        return {}
    reach = 3 * DENSITY_SCALE
    first = min(published_on) - timedelta(days=reach)
    counts = np.zeros((max(published_on) - first).days + reach + 1)
    for day, number in published_on.items():
        counts[(day - first).days] += number
    offsets = np.arange(-reach, reach + 1)
    smooth = np.convolve(counts, np.exp(-0.5 * (offsets / DENSITY_SCALE) ** 2), mode="same")
    return {
        day: float(smooth[i]) if 0 <= (i := (day - first).days) < len(smooth) else 0.0
        for day in days
    }


def mentioned_dates(article: Article, background: float = 1.0) -> dict[str, float]:
    """Each calendar value the article names, weighing 1, or `background` when the article
    only mentions it on the way ("the 1990 treaty", `events.background`)."""
    values: dict[str, float] = {}
    starts = [s.start for s in article.sentences]
    for mention in article.timexes:
        if mention.type not in ("DATE", "TIME"):
            continue
        value = calendar_value(mention.value)
        if value is None or values.get(value) == 1.0:
            continue
        opening = starts[bisect_right(starts, mention.start) - 1] if starts else 0
        aside = background < 1.0 and is_background(article.text, mention, opening)
        values[value] = max(values.get(value, 0.0), background if aside else 1.0)
    return {value: weight for value, weight in values.items() if weight > 0}


def in_range(value: str, date_from: str | None, date_to: str | None) -> bool:
    """True when calendar value `value` overlaps [date_from, date_to] (inclusive prefixes)."""
    if date_from and value < date_from[: len(value)]:
        return False
    return not (date_to and value[: len(date_to)] > date_to)
