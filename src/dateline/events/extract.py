"""Per-sentence events with their dates: the `events` stage.

An event is kept only with a calendar date the text supports: the date mention attached to
the sentence's event or, for an undated past-tense sentence near the top of the article,
where news reports what just happened, the date of the news. That is the date of the lead
event the sentence goes on telling (date source "lead") when the lead has reported one in
the days before publication, else the article's publication date (date source "article").

An article known only to a narrow interval still gives its events: the relative dates the
timex stage could only range and its lead are placed in a range of days (`ranges.py`,
`Event.within`), never on a made-up day.

A news lead tells one piece of news: after its first done event of the days before
publication, every other lead sentence dated to that same day is a detail of it
(`Event.continues`), merged into its event rather than competing with it.
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_left, bisect_right
from datetime import date, timedelta

from dateline.events.attach import BACKGROUND, QuoteMarks, dated_mentions, event_mention
from dateline.events.frame import actors, cue_leads, place, plan_cue, predicate
from dateline.events.quantities import find_quantities
from dateline.events.ranges import ranged_date, window_range
from dateline.events.sentences import split_sentences
from dateline.model import Article, DayRange, Event, Sentence, TimeMention
from dateline.timex.value import TimexValue
from dateline.timex.window import article_window

# The lead of a news article reports the news of its day; deeper undated sentences are
# background. Five sentences follows the Datewise setting of Ghalandari & Ifrim (2020).
LEAD_SENTENCES = 5
# How far before publication a lead event may lie and still be "the news" that undated lead
# sentences go on telling: a week covers "on Saturday" in a Monday paper and weekly outlets.
NEWS_WINDOW = timedelta(days=7)


def extract_events(article: Article) -> Article:
    """A copy of `article` with `sentences` and dated `events` filled in."""
    sentences = article.sentences or split_sentences(article.text)
    published = _published_value(article)
    window = article_window(article)
    timexes = tuple(sorted(article.timexes, key=lambda t: t.start))
    starts = [t.start for t in timexes]
    quotes = QuoteMarks(article.text)
    events: list[Event] = []
    news: Event | None = None
    for index, sentence in enumerate(sentences):
        lead = index < LEAD_SENTENCES
        # The mentions inside the sentence, in order: those starting within its span.
        mentions = [
            t
            for t in timexes[
                bisect_left(starts, sentence.start) : bisect_right(starts, sentence.end)
            ]
            if t.end <= sentence.end
        ]
        event = _event(article, sentence, mentions, quotes, published, news if lead else None, lead)
        if event is None:
            event = _ranged_event(article, sentence, mentions, quotes, window, lead)
        if event is None:
            continue
        if lead and news is not None and event.date == news.date and not event.planned:
            # The lead tells one piece of news: what else it dates to that day is detail.
            event = dataclasses.replace(event, continues=news.sentence.start)
        elif lead and _is_news(event, published):
            news = event
        events.append(event)
    return dataclasses.replace(article, sentences=sentences, events=tuple(events))


def _ranged_event(
    article: Article,
    sentence: Sentence,
    mentions: list[TimeMention],
    quotes: QuoteMarks,
    window: tuple[date, date] | None,
    lead: bool,
) -> Event | None:
    """The event of a sentence an article without a day dates only to a range of days: by a
    relative date ("on Friday"), or as lead news of the article's own window."""
    if window is None:
        return None
    # The range's calendar value stands in for the mention's while its role is weighed.
    ranged = [
        dataclasses.replace(m, value=ranged_date(m.within))
        for m in mentions
        if m.within is not None
    ]
    chosen = event_mention(
        dated_mentions(
            article.text,
            sentence,
            ranged,
            cue_leads(sentence.text, plan_cue(sentence.text)),
            quotes,
        )
    )
    within: DayRange | None = None
    if chosen is not None:
        within, background = chosen.mention.within, chosen.tier == BACKGROUND
    elif lead and not mentions and plan_cue(sentence.text) is None and predicate(sentence.text):
        within, background = window_range(window), False
    if within is None:
        return None
    when = ranged_date(within)
    return _sentence_event(
        article,
        sentence,
        mentions,
        when,
        predicate(sentence.text),
        plan_cue(sentence.text) is not None,
        "range",
        background,
        None if TimexValue.parse(when).day else within,
    )


def _published_value(article: Article) -> str | None:
    published = article.published
    if published is None or published.date is None:
        return None
    return published.date.isoformat()


def _is_news(event: Event, published: str | None) -> bool:
    """A done event of the days before publication: what the lead is reporting."""
    day = TimexValue.parse(event.date).day
    if published is None or event.planned or day is None:
        return False
    pub = date.fromisoformat(published)
    return pub - NEWS_WINDOW <= day <= pub


def _event(
    article: Article,
    sentence: Sentence,
    mentions: list[TimeMention],
    quotes: QuoteMarks,
    published: str | None,
    news: Event | None,
    lead: bool,
) -> Event | None:
    if not mentions and not lead:  # nothing dates it, and it is not the lead's news
        return None
    # The plan cue is searched once and the verb found only when needed: both are the costly
    # part of a sentence that carries no event.
    cue = plan_cue(sentence.text)
    planned, leads = cue is not None, cue_leads(sentence.text, cue)
    chosen = event_mention(dated_mentions(article.text, sentence, mentions, leads, quotes), planned)
    # Durations and sets ("held for a week") place nothing: the sentence is still undated.
    undated = not any(m.type in ("DATE", "TIME") for m in mentions)
    background = chosen is not None and chosen.tier == BACKGROUND
    if chosen is not None:
        when, source = chosen.value, "explicit"
        verb = predicate(sentence.text)
        after = published is not None and when > published[: len(when)]
        # Nothing after publication can be reported as done (not past: no verb, or a plan).
        planned = (planned or not verb) if after else leads
    elif lead and published and undated and not planned and (verb := predicate(sentence.text)):
        # A past-tense lead sentence with no date of its own.
        when, source = (news.date, "lead") if news else (published, "article")
    else:
        return None
    return _sentence_event(article, sentence, mentions, when, verb, planned, source, background)


def _sentence_event(
    article: Article,
    sentence: Sentence,
    mentions: list[TimeMention],
    when: str,
    verb: str,
    planned: bool,
    source: str,
    background: bool,
    within: DayRange | None = None,
) -> Event:
    """The sentence's event on `when`, with the actors, place and quantities its words give
    (a time mention's digits are no quantity)."""
    skip = tuple((t.start - sentence.start, t.end - sentence.start) for t in mentions)
    return Event(
        article_id=article.id,
        sentence=sentence,
        date=when,
        predicate=verb,
        actors=actors(sentence.text),
        place=place(sentence.text),
        quantities=find_quantities(sentence.text, skip),
        planned=planned,
        date_source=source,
        background=background,
        within=within,
    )
