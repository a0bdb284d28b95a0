"""Dates a sentence mentions as background, not as the time of what it reports.

A report of today's news names other times on the way: "Annan, who took office in 1997,
said on Tuesday", "the 1990 treaty", a budget "for 2010", a bracketed "[in 2008]" an editor
put inside a quote. These are things the article mentions, not what happened in the story,
and they must not become timeline dates or entries. They are told apart by how they are
written, never by which years they name:

- a date inside square brackets is an editor's aside, a year or month inside parentheses
  an author's ("(in 1998)"; a day there restates the event's: "on Tuesday (March 3)");
- a year or month between a determiner and the noun it describes ("the 1990 treaty", "its
  2010 budget") names which thing, not when something happened;
- a year after "for" is the period something is meant for ("a budget for 2010");
- a date inside a relative clause set off by a comma ("Annan, who took office in 1997, ...")
  describes a person or thing of the sentence, not its news; so does a year or month in an
  aside that opens with a participle ("The dam, completed in 1987, holds ...");
- a year or month after "last" or "first" and a participle ("was last inspected in 2016"),
  or after the last or first of a kind of thing ("her last full survey in 2019"), is when
  something happened before, told to set today's news against.
"""

from __future__ import annotations

import re

from dateline.model import TimeMention

# How far back an aside or a relative clause may open before the date.
_REACH = 120
_DETERMINER_BEFORE = re.compile(
    r"\b(?:the|a|an|its|their|his|her|our|this|that|these|those)\s+$", re.IGNORECASE
)
_NOUN_AFTER = re.compile(r"\s+([a-z][a-z-]{2,})\b")
# Words that follow a date without making it a modifier: prepositions, conjunctions, verbs
# of reporting and being ("the 2004 was", "that March when").
_NOT_NOUNS = frozenset(
    [
        "and",
        "or",
        "but",
        "nor",
        "for",
        "from",
        "with",
        "to",
        "of",
        "in",
        "on",
        "at",
        "by",
        "as",
        "than",
        "then",
        "when",
        "while",
        "after",
        "before",
        "since",
        "until",
        "till",
        "into",
        "onto",
        "over",
        "under",
        "about",
        "against",
        "between",
        "during",
        "through",
        "is",
        "was",
        "are",
        "were",
        "be",
        "been",
        "has",
        "had",
        "have",
        "will",
        "would",
        "could",
        "should",
        "may",
        "might",
        "can",
        "did",
        "does",
        "do",
        "said",
        "says",
        "that",
        "which",
        "who",
        "where",
        "whom",
        "whose",
    ]
)
_FOR_BEFORE = re.compile(
    r"\bfor\s+(?:the\s+(?:fiscal\s+|financial\s+)?(?:year\s+)?)?$", re.IGNORECASE
)
_RELATIVE = re.compile(r",\s*(?:who|which|whose|whom)\b[^,;:.!?\"“”]*$", re.IGNORECASE)
# A past participle: the regular endings and the common irregular ones.
_PARTICIPLE = r"(?:[a-z]+(?:ed|en|wn)|built|held|made|met|set|sold|won)"
_PARTICIPLE_ASIDE = re.compile(
    rf",\s*(?:[a-z]+ly\s+)?{_PARTICIPLE}\b[^,;:.!?\"“”]*$", re.IGNORECASE
)
_BEFORE_NOW = re.compile(rf"\b(?:last|first)\s+{_PARTICIPLE}\s+(?:in|during)\s+$", re.IGNORECASE)
# "passed her last full survey in 2019", "its first crossing in 1998": the last or first of
# a kind of thing, dated to set today's news against.
_LAST_OF_KIND = re.compile(
    r"\b(?:the|its|her|his|their|our)\s+(?:last|first|previous)\s+"
    r"(?!(?:time|day|week|weekend|month|quarter|half|year)s?\b)(?:[a-z]+\s+){1,3}"
    r"(?:in|during)\s+$",
    re.IGNORECASE,
)


def is_background(text: str, mention: TimeMention, start: int = 0) -> bool:
    """True when `mention` (inside `text`, in a sentence opening at `start`) is background."""
    lead = text[max(start, mention.start - _REACH) : mention.start]
    return (
        _bracketed(lead, "[", "]")
        or (len(mention.value) < 10 and _bracketed(lead, "(", ")"))
        or _modifies_noun(lead, text[mention.end : mention.end + 40], mention)
        or (len(mention.value) == 4 and bool(_FOR_BEFORE.search(lead)))
        or bool(_RELATIVE.search(lead))
        or (len(mention.value) in (4, 7) and _recalled(lead))
    )


def _recalled(lead: str) -> bool:
    """A year or month told in a participle aside or as when something last happened."""
    return bool(
        _PARTICIPLE_ASIDE.search(lead) or _BEFORE_NOW.search(lead) or _LAST_OF_KIND.search(lead)
    )


def _bracketed(lead: str, opener: str, closer: str) -> bool:
    """An opening bracket before the date that no closing one has answered."""
    return lead.rfind(opener) > lead.rfind(closer)


def _modifies_noun(lead: str, tail: str, mention: TimeMention) -> bool:
    if len(mention.value) not in (4, 7):
        return False
    noun = _NOUN_AFTER.match(tail)
    return (
        bool(_DETERMINER_BEFORE.search(lead))
        and noun is not None
        and noun.group(1) not in _NOT_NOUNS
    )
