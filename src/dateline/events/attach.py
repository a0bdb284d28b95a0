"""Which of a sentence's dates is the date of the event it reports.

A sentence mentions dates for many reasons: "the first time since 1945" compares, "a law
passed last year" describes a noun, "officials said on Tuesday" and the dateline
"KORVEL, Oct. 23 (CWS) -" date the report. Each mention gets a tier from the words right
before and after it; the event date is the best tier's finest, earliest mention. A mention
that only compares or bounds ("since", "than") is never an event date; the end a plan sets
("will stay until December", "will close by the end of March") dates a planned event only
when nothing better does.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date

from dateline.clean.datelines import DATELINE_END, DATELINE_PLACE
from dateline.english import WEEKDAY_NAMES
from dateline.events.background import is_background
from dateline.events.calendar import calendar_value, granularity
from dateline.events.frame import is_verb_form
from dateline.model import Sentence, TimeMention
from dateline.timex.value import TimexValue

_WORD = re.compile(r"[A-Za-z']+")
# Words before a date that make it a bound or a comparison, not the time of the event.
_BOUNDS = frozenset(
    [
        "since",
        "than",
        "compared",
        "prior",
        "before",
        "after",
        "between",
        "beyond",
        "through",
        "throughout",
        "versus",
        "vs",
    ]
)
_BOUND_PHRASES = (("as", "of"), ("by", "the", "end"), ("ahead", "of"), ("up", "to"))
# Bounds that set the end of what a plan covers: the planned date when nothing better is there.
_PLAN_ENDS = frozenset(["until", "till", "by"])
# Bounds that are only ever temporal may open the phrase holding a date from a few words
# back: "since the Assembly debate in 2003" ("through the valley on Saturday" is a place).
_PHRASE_BOUNDS = frozenset(["since", "before", "after", "prior", "than"])
_PHRASE_WORDS = 6
# "shortly before 6 p.m. on Tuesday": a bound on a clock time still fixes the day.
_CLOCK_BOUNDS = frozenset(["before", "after"])
# Dates that count from the moment of speaking. Inside a quotation that moment is the
# speaker's, which the text rarely gives, so they place nothing there.
_DEICTIC = re.compile(
    rf"\b(?:yesterday|today|tonight|tomorrow|ago|last|this|next|{'|'.join(WEEKDAY_NAMES)})\b",
    re.IGNORECASE,
)
_QUOTES = re.compile(r"[\"“”]")
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

# BACKGROUND: a date the sentence mentions on the way (`background.py`); it dates the
# sentence only when nothing else does, and the event is marked as background.
EVENT, REPORT, MODIFIER, PLAN_END, BACKGROUND = 0, 1, 2, 3, 4
DAY = 3  # the granularity of a day
_WEEK = re.compile(r"(\d{4})-W(\d{2})(-WE)?")


@dataclass(frozen=True)
class DatedMention:
    """A calendar-valued time mention with the role it plays in its sentence."""

    mention: TimeMention
    value: str
    tier: int


def mentions_in(sentence: Sentence, timexes: tuple[TimeMention, ...]) -> list[TimeMention]:
    """Time mentions lying inside the sentence span."""
    return [t for t in timexes if t.start >= sentence.start and t.end <= sentence.end]


class QuoteMarks:
    """Where a text's quote marks are, found once per text, when first asked.

    Whether an offset lies inside quoted speech is then two bisections instead of a count
    from the paragraph start (a wire story on one line is one long paragraph).
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._marks: list[int] | None = None

    def inside(self, offset: int) -> bool:
        """True inside quoted speech: an odd number of quote marks since the paragraph began."""
        if self._marks is None:
            self._marks = [m.start() for m in _QUOTES.finditer(self.text)]
        paragraph = self.text.rfind("\n", 0, offset) + 1
        count = bisect_left(self._marks, offset) - bisect_left(self._marks, paragraph)
        return count % 2 == 1


def dated_mentions(
    text: str,
    sentence: Sentence,
    mentions: list[TimeMention],
    planned: bool = False,
    quotes: QuoteMarks | None = None,
) -> list[DatedMention]:
    """Calendar mentions of a sentence that can date an event, with their tiers.

    The end a bound sets ("until December") counts only in a `planned` sentence. Speaker-
    relative dates in quoted speech ("Yesterday a mortar landed," he said) are skipped.
    `quotes`, the text's `QuoteMarks`, is shared by a caller going through many sentences.
    """
    if quotes is None:
        quotes = QuoteMarks(text)
    found = []
    for mention in mentions:
        if mention.type not in ("DATE", "TIME"):
            continue
        value = calendar_value(mention.value)
        if value is None:
            continue
        if _DEICTIC.search(mention.text) and quotes.inside(mention.start):
            continue
        lead = text[sentence.start : mention.start]
        before = _words(lead)
        after = _words(text[mention.end : sentence.end])[:2]
        tier = _tier(before, after, mention)
        if tier == EVENT and _in_dateline(lead, text, mention.end, sentence.end):
            tier = REPORT
        if tier is not None and tier != PLAN_END and is_background(text, mention, sentence.start):
            tier = BACKGROUND
        if tier is not None and (tier != PLAN_END or planned):
            found.append(DatedMention(mention, value, tier))
    return found


def event_mention(candidates: list[DatedMention], planned: bool = False) -> DatedMention | None:
    """The mention that dates the sentence's event: best tier, then finest, then first.

    A plan told on a named day ("Brandt said on Monday that the reservoir will be emptied in
    April", `planned`) is news of that day: the telling's day dates it when the plan's own
    date is coarser than a day.
    """
    if not candidates:
        return None
    best = min(candidates, key=lambda c: (c.tier, -granularity(c.value), c.mention.start))
    told = [c for c in candidates if c.tier == REPORT and granularity(c.value) == DAY]
    if not told or best.tier != EVENT or granularity(best.value) == DAY:
        return best
    day = TimexValue.parse(told[0].value).day
    return told[0] if planned or (day is not None and _begins_after(best.mention.value, day)) \
        else best  # fmt: skip


def _begins_after(value: str, day: date) -> bool:
    """Whether a month, week or weekend begins after `day`: a plan, when told on that day."""
    week = _WEEK.fullmatch(value)
    if week is not None:
        first = date.fromisocalendar(int(week[1]), int(week[2]), 6 if week[3] else 1)
        return first > day
    interval = TimexValue.parse(value).interval
    return interval is not None and interval[0] > day


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _in_dateline(lead: str, text: str, end: int, stop: int) -> bool:
    """True when the mention sits in a dateline opening the sentence ("KORVEL, Oct. 23 (CWS) -",
    "QADAR, April 15 —"): its date is when the report was filed, not when the event happened."""
    return bool(DATELINE_PLACE.match(lead)) and bool(DATELINE_END.match(text, end, stop))


def _tier(before: list[str], after: list[str], mention: TimeMention) -> int | None:
    near = before[-4:]
    if mention.modifier in ("BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER"):
        return None
    governing = [w for w in near if w not in _DATE_LEAD]
    bound = governing[-1] if governing else ""
    bounds = _BOUNDS
    if "T" in mention.value and mention.type == "TIME":
        bounds = _BOUNDS - _CLOCK_BOUNDS
    if bound in _PLAN_ENDS:
        return PLAN_END
    if bound in bounds or _bounded_phrase(before, bounds & _PHRASE_BOUNDS):
        return None
    if any(tuple(near[-len(p) :]) == p for p in _BOUND_PHRASES):
        return None
    if after and after[0] in _NOUN_AFTER:
        return None
    if after and after[0] in ("'s", "’s"):
        return MODIFIER  # "last month's leak ... opened on Monday": the date of the leak
    if (after and after[0] in _REPORTING) or any(w in _REPORTING for w in near[-2:]):
        return REPORT
    if _after_noun_participle(before):
        return MODIFIER
    return EVENT


def _bounded_phrase(before: list[str], bounds: frozenset[str]) -> bool:
    """True for "since the Assembly debate in 2003": a bound opens the phrase holding the date.

    A verb in between ends the phrase: in "since troops arrived in January" the date is the
    arrival's.
    """
    for word in reversed(before[-_PHRASE_WORDS:]):
        if word in bounds:
            return True
        if is_verb_form(word):
            return False
    return False


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
