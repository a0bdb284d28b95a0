"""Which of a sentence's dates is the date of the event it reports.

A sentence mentions dates for many reasons: "the first time since 1945" compares, "a law
passed last year" describes a noun, "officials said on Tuesday" dates the report. Each
mention gets a tier from the words right before and after it; the event date is the best
tier's finest, earliest mention. A mention that only compares or bounds ("since", "until",
"than") is never an event date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dateline.events.calendar import calendar_value, granularity
from dateline.model import Sentence, TimeMention

_WORD = re.compile(r"[A-Za-z']+")
# Words before a date that make it a bound or a comparison, not the time of the event.
_BOUNDS = frozenset(
    [
        "since",
        "until",
        "till",
        "than",
        "compared",
        "prior",
        "before",
        "after",
        "between",
        "through",
        "throughout",
        "versus",
        "vs",
    ]
)
_BOUND_PHRASES = (("as", "of"), ("by", "the", "end"), ("ahead", "of"), ("up", "to"))
# Words after a date that make it a modifier of a noun ("2008 levels", "1990s-era").
_NOUN_AFTER = frozenset(
    ["levels", "level", "era", "figures", "standards", "prices", "rates", "record"]
)
# Function words skipped when looking for the word a date hangs on.
_DATE_LEAD = frozenset(
    [
        "in",
        "on",
        "at",
        "during",
        "of",
        "last",
        "this",
        "next",
        "early",
        "earlier",
        "late",
        "later",
        "mid",
        "the",
        "a",
        "past",
        "on",
    ]
)
_REPORTING = frozenset(
    [
        "said",
        "says",
        "told",
        "tells",
        "reported",
        "reports",
        "announced",
        "announces",
        "added",
        "adds",
        "stated",
        "confirmed",
        "confirms",
        "disclosed",
        "revealed",
        "wrote",
        "claimed",
        "argued",
        "warned",
        "insisted",
    ]
)
_DETERMINERS = frozenset(
    ["a", "an", "the", "this", "that", "its", "their", "his", "her", "our", "these", "those"]
)

EVENT, REPORT, MODIFIER = 0, 1, 2


@dataclass(frozen=True)
class DatedMention:
    """A calendar-valued time mention with the role it plays in its sentence."""

    mention: TimeMention
    value: str
    tier: int


def mentions_in(sentence: Sentence, timexes: tuple[TimeMention, ...]) -> list[TimeMention]:
    """Time mentions lying inside the sentence span."""
    return [t for t in timexes if t.start >= sentence.start and t.end <= sentence.end]


def dated_mentions(
    text: str, sentence: Sentence, mentions: list[TimeMention]
) -> list[DatedMention]:
    """Calendar mentions of a sentence that can date an event, with their tiers."""
    found = []
    for mention in mentions:
        if mention.type not in ("DATE", "TIME"):
            continue
        value = calendar_value(mention.value)
        if value is None:
            continue
        before = _words(text[sentence.start : mention.start])
        after = _words(text[mention.end : sentence.end])[:2]
        tier = _tier(before, after, mention.modifier)
        if tier is not None:
            found.append(DatedMention(mention, value, tier))
    return found


def event_mention(candidates: list[DatedMention]) -> DatedMention | None:
    """The mention that dates the sentence's event: best tier, then finest, then first."""
    if not candidates:
        return None
    return min(candidates, key=lambda c: (c.tier, -granularity(c.value), c.mention.start))


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _tier(before: list[str], after: list[str], modifier: str) -> int | None:
    near = before[-4:]
    if modifier in ("BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER"):
        return None
    governing = [w for w in near if w not in _DATE_LEAD]
    if governing and governing[-1] in _BOUNDS:
        return None
    if any(tuple(near[-len(p) :]) == p for p in _BOUND_PHRASES):
        return None
    if after and after[0] in _NOUN_AFTER:
        return None
    if (after and after[0] in _REPORTING) or any(w in _REPORTING for w in near[-2:]):
        return REPORT
    if _after_noun_participle(before):
        return MODIFIER
    return EVENT


def _after_noun_participle(before: list[str]) -> bool:
    """True for "... repealed a law passed last year": determiner, noun, participle, date.

    The determiner must not open the sentence: "The army attacked on Monday" is the main
    event, "a law passed" after another verb describes the law.
    """
    index = len(before) - 1
    while index >= 0 and before[index] in _DATE_LEAD:
        index -= 1
    if index < 3 or not before[index].endswith(("ed", "en")):
        return False
    return before[index - 2] in _DETERMINERS and before[index - 1] not in _DETERMINERS
