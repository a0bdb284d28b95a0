"""Which sentences may summarise a date: every sentence that names it, and the day's leads.

The events stage gives each sentence one event date; a timeline wants, for each date, every
sentence that can speak for it. So a sentence naming several days is a candidate for each
(the Datewise pool of Ghalandari & Ifrim 2020), and an undated past-tense sentence near the
top of an article is a candidate for the day of the news it goes on telling: the day of the
lead's event when the events stage found one in the days before publication ("were shot dead
on Saturday" ... "Their driver was wounded"), else the publication day. Only those: a
sentence naming some other time (a month, "next year") or telling a plan is not the day's
news, and Datewise's leads for the day before publication date a sentence by a day its text
does not state, so dateline offers neither.
"""

from __future__ import annotations

from collections.abc import Container, Iterator

from dateline.events.background import is_background
from dateline.events.calendar import calendar_value
from dateline.events.extract import LEAD_SENTENCES
from dateline.events.frame import plan_cue, predicate
from dateline.model import Article, Event
from dateline.timex.value import TimexValue

# Undated past-tense sentences report the day's news as far down as the events stage's
# LEAD_SENTENCES (five, as in Datewise). Eight scored higher on Timeline17 (alignment ROUGE-1
# with tilse's Python ROUGE: chosen on the bpoil, Egypt and Iraq folders 0.106 vs 0.105, held
# out on H1N1, Libya and Syria 0.091 vs 0.088) but crowds the sample corpus's short articles:
# true events on their date 17/30 at eight, 21/30 at six, 22/30 at five.


def candidate_reports(article: Article, dates: Container[str]) -> Iterator[Event]:
    """Reports of the article for each of `dates` its sentences can speak for."""
    events = {(e.sentence.start, e.date): e for e in article.events}
    when = article.published.date if article.published else None
    published = when.isoformat() if when else None
    given = set()
    # The events stage dates an undated lead sentence by the news the lead tells.
    told = {e.sentence.start: e.date for e in article.events if e.date_source == "lead"}
    named, timed = _days_named(article)
    for index, sentence in enumerate(article.sentences):
        days = named.get(sentence.start, [])
        lead = (
            not days
            and published is not None
            and index < LEAD_SENTENCES
            and sentence.start not in timed
            and _reports_done(sentence.text)
        )
        news_day = told.get(sentence.start, published)
        for day in [news_day] if lead and news_day else days:
            if day not in dates:
                continue
            given.add((sentence.start, day))
            event = events.get((sentence.start, day))
            if event is None:
                planned = bool(published and day > published)
                source = "article" if lead else "mention"
                event = Event(article.id, sentence, day, planned=planned, date_source=source)
            yield event
    for key, event in events.items():
        if key not in given and event.date in dates and TimexValue.parse(event.date).day is None:
            yield event


def _reports_done(text: str) -> bool:
    """A past-tense sentence with no plan cue: it tells something that has happened."""
    return plan_cue(text) is None and bool(predicate(text))


def _days_named(article: Article) -> tuple[dict[int, list[str]], set[int]]:
    """Sentence start -> the calendar days named inside that sentence, and the starts of the
    sentences naming any calendar time at all, in one pass."""
    timexes = sorted(
        (t for t in article.timexes if t.type in ("DATE", "TIME")), key=lambda t: t.start
    )
    named: dict[int, list[str]] = {}
    timed: set[int] = set()
    at = 0
    for sentence in article.sentences:
        while at < len(timexes) and timexes[at].start < sentence.start:
            at += 1
        scan = at
        while scan < len(timexes) and timexes[scan].start < sentence.end:
            mention = timexes[scan]
            value = calendar_value(mention.value)
            if mention.end <= sentence.end and value:
                timed.add(sentence.start)
                if TimexValue.parse(value).day is not None and not is_background(
                    article.text, mention, sentence.start
                ):
                    days = named.setdefault(sentence.start, [])
                    if value not in days:
                        days.append(value)
            scan += 1
    return {start: sorted(days) for start, days in named.items()}, timed
