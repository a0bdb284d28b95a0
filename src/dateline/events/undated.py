"""How many of a pile's events have no date: every run says it, nothing is lost in silence.

An undated event is a sentence that names a time ("on Monday", "last week") the pile cannot
place: its article has no day, or not a narrow enough range of days. Sentences naming no time
at all are not counted; they were never events of their own.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass

from dateline.events.calendar import calendar_value
from dateline.model import Article


@dataclass(frozen=True)
class EventCounts:
    dated: int  # events with a date (a day, month or year, or a range of days)
    ranged: int  # of those, dated only to a range of days (`Event.within`)
    undated: int  # sentences naming an unplaceable time, with no event

    def __add__(self, other: EventCounts) -> EventCounts:
        """Two batches' counts together (a streamed run counts article by article)."""
        return EventCounts(
            self.dated + other.dated, self.ranged + other.ranged, self.undated + other.undated
        )


def undated_events(articles: Iterable[Article]) -> EventCounts:
    dated = ranged = undated = 0
    for article in articles:
        dated += len(article.events)
        ranged += sum(1 for e in article.events if e.within is not None)
        undated += _undated_sentences(article)
    return EventCounts(dated, ranged, undated)


def _undated_sentences(article: Article) -> int:
    with_event = {e.sentence.start for e in article.events}
    starts = [s.start for s in article.sentences]
    unplaced = set()
    for mention in article.timexes:
        if mention.type not in ("DATE", "TIME") or calendar_value(mention.value) is not None:
            continue
        index = bisect_left(starts, mention.start + 1) - 1
        if index >= 0 and article.sentences[index].start not in with_event:
            unplaced.add(article.sentences[index].start)
    return len(unplaced)
