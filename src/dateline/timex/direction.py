"""Which way a bare weekday or month points: the tense of the verbs around it.

"on Monday ordered" is the Monday before the article; "will depart on Friday" the one after.
We look at the clause around the expression (cut at sentence ends), take the tense cue
nearest to it, and default to the past: news mostly reports what happened.
"""

from __future__ import annotations

import re

_FUTURE = (
    r"will|won't|'ll|shall|going\s+to|is\s+to|are\s+to|scheduled|expected\s+to|plans?\s+to"
    r"|planned\s+to|planning\s+to|planned\s+for|set\s+to|due\s+to|to\s+be\s+held|upcoming"
    r"|tomorrow|would|could|might|as\s+soon\s+as|as\s+early\s+as|no\s+later\s+than"
    # News uses the present for what is on the agenda: "the cabinet meets Monday".
    r"|meets?|begins?|starts?|opens?|arrives?|visits?|travels?|resumes?|is\s+due"
    # Terms of a payment or a rule name the day they will apply: "payable Jan. 2".
    r"|payable|effective"
    # A participle after a bare "be" is an infinitive: "the summit will be held", "to be signed".
    r"|be\s+(?-i:[a-z]+(?:ed|en)|held|built|sent|paid|sold|met)"
)
_PAST = (
    r"said|says|told|was|were|had|did|ago|last|earlier|yesterday|announced|reported"
    # Lower case only: "United" and "Ahmed" are names, "hundred" and "need" are no past tense.
    r"|(?-i:[a-z]{2,}(?<!e)(?<!hundr)ed)|agreed|began|came|went|made|took|gave|met|left|won"
    r"|lost|saw|spoke|held|sent|fell"
    r"|rose|hit|quit|shot|led|ran|found|got|paid|sold|bought|struck|broke|wrote|became|since"
    r"|brought|thought|sought|caught|fought|taught|kept|felt|built|spent|stood|chose|drove"
    r"|grew|knew|drew|flew|threw|heard|meant|fled|sank|swore|wore|tore|stole"
)
_CUE = re.compile(rf"\b(?:(?P<future>{_FUTURE})|(?P<past>{_PAST}))\b", re.I)
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z\"'])|\n\s*\n")
# What follows "that" is reported speech, with a tense of its own: "said Monday that it would".
_REPORTED = re.compile(r"\bthat\b")

# Cue words can be misleading far from the expression; how far we look each way (characters).
WINDOW = 70


def direction(text: str, start: int, end: int, default: int = -1) -> int:
    """-1 when the expression around text[start:end] refers back in time, +1 forward.

    `default` when no cue is near (0 lets the caller pick the nearest occurrence).
    """
    left = text[max(0, start - WINDOW) : start]
    right = text[end : end + WINDOW]
    cut = list(_SENTENCE_END.finditer(left))
    if cut:
        left = left[cut[-1].end() :]
    stops = [m.start() for m in (_SENTENCE_END.search(right), _REPORTED.search(right)) if m]
    right = right[: min(stops, default=len(right))]
    best: tuple[int, int] | None = None
    for cue in _CUE.finditer(left):
        distance = len(left) - cue.end()
        best = _closer(best, distance, cue)
    for cue in _CUE.finditer(right):
        best = _closer(best, cue.start(), cue)
    return best[1] if best else default


def _closer(best: tuple[int, int] | None, distance: int, cue: re.Match[str]) -> tuple[int, int]:
    sign = 1 if cue.group("future") else -1
    if best is None or distance < best[0]:
        return distance, sign
    return best
