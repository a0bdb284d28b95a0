"""Does a date in the text name something already done, something to come, or can't we tell?

The bounds of the writing day are only as good as this call: a future date taken for a past
one pushes the earliest day past the truth. So unlike the tagger's resolver, which must pick
a direction, this answers "unknown" unless a cue in the date's own clause is clear. The verb
that governs a time phrase usually comes just before it ("was charged Thursday", "will open
in March", "set sentencing for Dec. 3"), so the nearest cue to the left decides; failing
that, the nearest to the right ("On Tuesday, the board voted").
"""

from __future__ import annotations

import re

PAST, UNKNOWN, FUTURE = -1, 0, 1

_FUTURE_CUES = (
    r"will|won't|'ll|shall|would|is to|are to|going to|set for|set to|scheduled|due|expected"
    r"|expects?|plans?|planned|intends?|hopes?|aims?|next|upcoming|coming"
    r"|deadline|starting|runs|begins|starts|opens|closes|tomorrow|later"
)
_PAST_CUES = (
    r"was|were|had|did|said|told|ago|last|earlier|yesterday|since|announced|reported"
    r"|[a-z]{3,}ed|began|came|went|made|took|gave|met|left|won|lost|saw|spoke|held|sent"
    r"|fell|rose|hit|quit|shot|led|ran|found|got|paid|sold|bought|struck|broke|wrote|became"
    r"|died|born|built|drew|grew|knew|rang|stood|brought|thought|caught|fought|taught|kept"
    r"|felt|heard|chose|flew|fled|froze|swore|tore|wore|beat|bore"
)
# Words ending in -ed that are not past verbs, or that point forward ("scheduled").
_NOT_PAST = frozenset(
    {"need", "needed", "speed", "seed", "feed", "bred", "red", "bed", "shed", "hundred",
     "scheduled", "planned", "expected", "proposed", "intended", "slated", "anticipated",
     "related", "united", "limited", "based", "detailed", "advanced", "interested",
     "supposed", "used", "indeed", "embed", "embedded"}
)  # fmt: skip
_CUE = re.compile(rf"\b(?:(?P<future>{_FUTURE_CUES})|(?P<past>{_PAST_CUES}))\b", re.I)
# A deadline word right before the date: "must go out by April 15", "until March".
_DEADLINE = re.compile(
    r"\b(?:by|until|till|through|before|set\s+(?:\w+\s+)?for)\s+"
    r"(?:the\s+(?:end|start|middle)\s+of\s+)?$",
    re.I,
)
# A modal or "to" a few words before a participle makes it future ("will be deployed").
_MODAL_BEFORE = re.compile(
    r"\b(?:will|would|'ll|shall|to|must|can|could|may|might|should)\s+(?:not\s+)?"
    r"(?:be|have\s+been|get)\s+(?:\w+\s+)?$",
    re.I,
)
# "did not retire until 1988": a negated past verb makes "until" look back.
_NEGATED_PAST = re.compile(r"\b(?:did|was|were|had)\s*(?:not|n't)\b", re.I)
_REPORTING = frozenset({"said", "told", "announced", "reported"})
_CLAUSE_END = re.compile(r"[.!?;:]\s|\n|\s[-–—]\s")
# To the right a cue must be in the same clause: "Dec. 3 and allowed him" is another verb's.
_RIGHT_END = re.compile(r"[.!?;:,]\s|\n|\s[-–—]\s|\b(?:and|but|while|when|after|before)\b")

# How far (characters) to look each way for a cue; past a clause or so cues belong to
# other verbs.
REACH = 100


def tense_of(text: str, start: int, end: int) -> int:
    """PAST, FUTURE or UNKNOWN for the time expression at text[start:end]."""
    left = text[max(0, start - REACH) : start]
    cut = list(_CLAUSE_END.finditer(left))
    if cut:
        left = left[cut[-1].end() :]
    right = text[end : end + REACH]
    # A time phrase opening its clause ("On Tuesday, the board voted") belongs to the verb
    # after the comma.
    fronted = len(left.split()) <= 2
    stop = (_CLAUSE_END if fronted else _RIGHT_END).search(right)
    if stop:
        right = right[: stop.start()]
    if _DEADLINE.search(left) and not _NEGATED_PAST.search(left):
        return FUTURE
    for cue in reversed(list(_CUE.finditer(left))):
        sign = _sign(cue)
        if sign == PAST and _MODAL_BEFORE.search(left, 0, cue.start()):
            return FUTURE  # "will be deployed in February", "is to be posted Thursday"
        if sign != UNKNOWN:
            return sign
    for cue in _CUE.finditer(right):
        sign = _sign(cue)
        # "..., officials said" reports; it says nothing of when the reported thing happens.
        if sign != UNKNOWN and cue.group(0).lower() not in _REPORTING:
            return sign
    return UNKNOWN


def _sign(cue: re.Match[str]) -> int:
    word = cue.group(0).lower()
    if cue.group("future"):
        return FUTURE
    if word in _NOT_PAST:
        return FUTURE if word in {"scheduled", "planned", "expected", "slated"} else UNKNOWN
    return PAST


def first_verb(text: str, start: int, stop: int) -> int:
    """Where the first word marking a tense ("opened", "will") lies in text[start:stop], or
    `stop`: the end of a noun phrase that runs into its verb."""
    for cue in _CUE.finditer(text, start, stop):
        if cue["future"] or cue.group().lower() not in _NOT_PAST:
            return cue.start()
    return stop
