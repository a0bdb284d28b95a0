"""Per-sentence events with their dates: the `events` stage.

An event is kept only with a calendar date the text supports: the date mention attached to
the sentence's event, or — for an undated past-tense sentence near the top of the article,
where news reports what just happened — the article's publication date.
"""

from __future__ import annotations

import dataclasses

from dateline.events.attach import dated_mentions, event_mention, mentions_in
from dateline.events.frame import actors, is_past, is_planned, place, predicate
from dateline.events.quantities import find_quantities
from dateline.events.sentences import split_sentences
from dateline.model import Article, Event, Sentence, TimeMention

# The lead of a news article reports the news of its day; deeper undated sentences are
# background. Five sentences follows the Datewise setting of Ghalandari & Ifrim (2020).
LEAD_SENTENCES = 5


def extract_events(article: Article) -> Article:
    """A copy of `article` with `sentences` and dated `events` filled in."""
    sentences = article.sentences or split_sentences(article.text)
    published = _published_value(article)
    timexes = tuple(sorted(article.timexes, key=lambda t: t.start))
    events = []
    for index, sentence in enumerate(sentences):
        event = _event(article, sentence, index, timexes, published)
        if event is not None:
            events.append(event)
    return dataclasses.replace(article, sentences=sentences, events=tuple(events))


def _published_value(article: Article) -> str | None:
    published = article.published
    if published is None or published.date is None:
        return None
    return published.date.isoformat()


def _event(
    article: Article,
    sentence: Sentence,
    index: int,
    timexes: tuple[TimeMention, ...],
    published: str | None,
) -> Event | None:
    mentions = mentions_in(sentence, timexes)
    chosen = event_mention(dated_mentions(article.text, sentence, mentions))
    planned = is_planned(sentence.text)
    if chosen is not None:
        date, source = chosen.value, "explicit"
        later = bool(published and date > published and len(date) == 10)
        planned = planned or (later and not is_past(sentence.text))
    elif index < LEAD_SENTENCES and published and not mentions and is_past(sentence.text):
        date, source = published, "article"
    else:
        return None
    skip = tuple((t.start - sentence.start, t.end - sentence.start) for t in mentions)
    return Event(
        article_id=article.id,
        sentence=sentence,
        date=date,
        predicate=predicate(sentence.text),
        actors=actors(sentence.text),
        place=place(sentence.text),
        quantities=find_quantities(sentence.text, skip),
        planned=planned,
        date_source=source,
    )
