"""Which sentences may summarise a date: every sentence that names it, and the day's leads.

The events stage gives each sentence one event date; a timeline wants, for each date, every
sentence that can speak for it. So a sentence naming several days is a candidate for each
(the Datewise pool of Ghalandari & Ifrim 2020), and an undated lead sentence is a candidate
for its article's publication day. Tuned on all Timeline17 topics together (alignment ROUGE-1,
Python ROUGE): mention pools +0.005. Datewise also offers leads for the day before
publication (+0.0075 alignment ROUGE-1 with tilse), but that dates a sentence by a day its
text does not state, so dateline does not.
"""

from __future__ import annotations

from collections.abc import Container, Iterator

from dateline.events.calendar import calendar_value
from dateline.model import Article, Event

# Undated sentences this close to the top report the article's news (as in `events`).
LEAD_SENTENCES = 5


def candidate_reports(article: Article, dates: Container[str]) -> Iterator[Event]:
    """Reports of the article for each of `dates` its sentences can speak for."""
    events = {(e.sentence.start, e.date): e for e in article.events}
    published = article.published.date if article.published else None
    news_days = []
    if published is not None:
        news_days = [published.isoformat()]
    given = set()
    named = _days_named(article)
    for index, sentence in enumerate(article.sentences):
        days = named.get(sentence.start) or (news_days if index < LEAD_SENTENCES else [])
        for day in days:
            if day not in dates:
                continue
            given.add((sentence.start, day))
            event = events.get((sentence.start, day))
            if event is None:
                planned = bool(published and day > published.isoformat())
                event = Event(article.id, sentence, day, planned=planned, date_source="mention")
            yield event
    for key, event in events.items():
        if key not in given and event.date in dates and len(event.date) < 10:
            yield event


def _days_named(article: Article) -> dict[int, list[str]]:
    """Sentence start -> the calendar days named inside that sentence, in one pass."""
    timexes = sorted(
        (t for t in article.timexes if t.type in ("DATE", "TIME")), key=lambda t: t.start
    )
    named: dict[int, list[str]] = {}
    at = 0
    for sentence in article.sentences:
        while at < len(timexes) and timexes[at].start < sentence.start:
            at += 1
        scan = at
        while scan < len(timexes) and timexes[scan].start < sentence.end:
            mention = timexes[scan]
            value = calendar_value(mention.value)
            if mention.end <= sentence.end and value and len(value) == 10:
                days = named.setdefault(sentence.start, [])
                if value not in days:
                    days.append(value)
            scan += 1
    return {start: sorted(days) for start, days in named.items()}
