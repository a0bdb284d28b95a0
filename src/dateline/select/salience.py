"""How important a date is to a corpus: how many of its articles name that date.

Date salience from mention counts is the strongest unsupervised signal for timeline date
selection (Tran et al. 2015; Ghalandari & Ifrim 2020): journalists keep referring back to the
days that mattered. Counting articles, not mentions, keeps one long retrospective from
deciding the timeline.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import date, timedelta

from dateline.events.calendar import calendar_value
from dateline.model import Article

# Tuned on Timeline17 topics: an article naming its own publication day is often just
# dating itself, so that counts half; counting repeats within one article (MENTION_CAP > 1)
# and adding publication volume both lowered Date F1 (0.53 -> 0.50 and -0.016).
SAME_DAY_WEIGHT = 0.5
MENTION_CAP = 1
# Coarse dates are named far more loosely ("in 2004", "last March"): they are timeline
# dates only when much more salient than any day.
COARSE_WEIGHT = {7: 0.25, 4: 0.05}
# A day that is named and also has many articles published on it or the day after (the
# day's reports) is likelier a timeline date. A small weight: tuned on all Timeline17 topics
# together, 0.1 raised Date F1 by 0.01; 0.2 gained nothing and 0.5 lowered it.
PUBLICATION_WEIGHT = 0.1


def date_salience(articles: Sequence[Article]) -> dict[str, float]:
    """Salience of every calendar value the articles mention."""
    salience: defaultdict[str, float] = defaultdict(float)
    for article in articles:
        published = article.published.date if article.published else None
        own_day = published.isoformat() if published else ""
        for value, count in mentioned_dates(article).items():
            weight = SAME_DAY_WEIGHT if value == own_day else 1.0
            salience[value] += weight * min(count, MENTION_CAP) * COARSE_WEIGHT.get(len(value), 1.0)
    published_on = Counter(
        a.published.date for a in articles if a.published and a.published.date
    )
    for value in [v for v in salience if len(v) == 10]:
        day = date.fromisoformat(value)
        volume = published_on[day] + published_on[day + timedelta(days=1)]
        salience[value] += PUBLICATION_WEIGHT * volume
    return dict(salience)


def mentioned_dates(article: Article) -> Counter[str]:
    """How often the article names each calendar value."""
    values: Counter[str] = Counter()
    for mention in article.timexes:
        if mention.type not in ("DATE", "TIME"):
            continue
        value = calendar_value(mention.value)
        if value is not None:
            values[value] += 1
    return values


def in_range(value: str, date_from: str | None, date_to: str | None) -> bool:
    """True when calendar value `value` overlaps [date_from, date_to] (inclusive prefixes)."""
    if date_from and value < date_from[: len(value)]:
        return False
    return not (date_to and value[: len(date_to)] > date_to)
