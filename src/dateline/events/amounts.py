"""Amounts as a reporter states them: the number, how sure the words are, and what is counted.

"600 troops", "six hundred troops" and "more than 500 troops" can all be true at once, while
"600 troops" and "about 1,000 troops" cannot. So each amount is the interval of values its
words allow ("more than 500" is 500 to 750, "about 1,000" is 900 to 1,100), and two sources
disagree only when their intervals do not meet. The counted thing is the head noun after the
number, singular, with a few synonyms made one ("soldiers" and "troops"), and casualty words
read from the verb around it ("killing 12 people", "40 were killed": the dead).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dateline.events.frame import is_verb_form
from dateline.events.quantities import UNIT_ENDS

_ONES = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {
    "hundred": 100,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "dozen": 12,
    "bn": 1e9,
    "m": 1e6,
}
# (low, high) as multiples of the stated number, for the words before it. Calibrated by
# reading: "more than 500" is said of 501 to about 749 (past that, reporters say "about 700").
HEDGES = {
    ("more", "than"): (1.0, 1.5),
    ("over",): (1.0, 1.5),
    ("at", "least"): (1.0, 1.5),
    ("upwards", "of"): (1.0, 1.5),
    ("in", "excess", "of"): (1.0, 1.5),
    ("about",): (0.9, 1.1),
    ("around",): (0.9, 1.1),
    ("some",): (0.9, 1.1),
    ("roughly",): (0.9, 1.1),
    ("approximately",): (0.9, 1.1),
    ("an", "estimated"): (0.9, 1.1),
    ("estimated",): (0.9, 1.1),
    ("nearly",): (0.85, 1.0),
    ("almost",): (0.85, 1.0),
    ("close", "to"): (0.85, 1.0),
    ("fewer", "than"): (0.5, 1.0),
    ("less", "than"): (0.5, 1.0),
    ("under",): (0.5, 1.0),
    ("up", "to"): (0.5, 1.0),
    ("as", "many", "as"): (0.5, 1.0),
    ("no", "more", "than"): (0.5, 1.0),
    ("at", "most"): (0.5, 1.0),
}
# "hundreds of troops": the least and most the plural allows.
_VAGUE = {
    "dozens": (24, 99),
    "scores": (40, 99),
    "hundreds": (200, 999),
    "thousands": (2000, 9999),
    "millions": (2e6, 9.99e6),
}
_CURRENCY = {
    "$": "USD",
    "US$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "dollars": "USD",
    "dollar": "USD",
    "euros": "EUR",
    "euro": "EUR",
}
# One name for a counted thing that news writes several ways.
SYNONYMS = {
    "soldier": "troop",
    "troop": "troop",
    "peacekeeper": "troop",
    "death": "dead",
    "fatality": "dead",
    "casualty": "dead",
    "body": "dead",
    "killed": "dead",
    "injured": "injured",
    "wounded": "injured",
    "injury": "injured",
}
_GENERIC = frozenset(
    [
        "people",
        "person",
        "civilian",
        "resident",
        "villager",
        "passenger",
        "worker",
        "child",
        "man",
        "woman",
        "victim",
        "other",
    ]
)
_KILLED = re.compile(r"\b(?:killed|dead|died|killing|kill|kills|lost their lives|perished)\b")
_HURT = re.compile(r"\b(?:injured|wounded|hurt|injuring|wounding)\b")
_STOP = UNIT_ENDS | frozenset(
    [
        "will",
        "would",
        "could",
        "near",
        "towards",
        "toward",
        "through",
        "across",
        "off",
        "outside",
        "inside",
        "against",
        "during",
        "while",
        "when",
        "because",
        "without",
        "within",
        "between",
        "among",
        "beyond",
        "around",
    ]
)
_TOKEN = re.compile(r"US\$|[$€£¥%]|\d[\d,]*(?:\.\d+)?|[A-Za-z]+(?:'[a-z]+)?")


@dataclass(frozen=True)
class Amount:
    """An amount in a sentence: the words, the values they allow, and what is counted."""

    words: str
    low: float
    high: float
    unit: str  # "troop", "dead", "USD", "percent", ... ; "" when nothing counted follows
    start: int  # offsets in the sentence
    end: int

    def meets(self, other: Amount) -> bool:
        """Whether both can be true: their intervals overlap."""
        slack = 1e-9 * max(self.high, other.high, 1.0)
        return self.low <= other.high + slack and other.low <= self.high + slack


def find_amounts(sentence: str, skip: tuple[tuple[int, int], ...] = ()) -> tuple[Amount, ...]:
    """The amounts of `sentence`; spans in `skip` (its time expressions) hold none."""
    tokens = [
        (m.group(), m.start(), m.end())
        for m in _TOKEN.finditer(sentence)
        if not any(a < m.end() and m.start() < b for a, b in skip)
    ]
    found: list[Amount] = []
    index = 0
    while index < len(tokens):
        amount, index = _amount_at(sentence, tokens, index)
        if amount is not None:
            found.append(amount)
    return tuple(found)


def _amount_at(
    sentence: str, tokens: list[tuple[str, int, int]], index: int
) -> tuple[Amount | None, int]:
    words = [t[0].lower() for t in tokens]
    hedge, factor = _hedge(words, index)
    at = index + len(hedge)
    currency = _CURRENCY.get(tokens[at][0]) if at < len(tokens) else None
    if currency:
        at += 1
    vague = _VAGUE.get(words[at]) if at < len(words) else None
    if vague and at + 1 < len(words) and words[at + 1] == "of":
        low, high, after = vague[0], vague[1], at + 2
    else:
        number = _number(words, at)
        if number is None:
            return None, index + 1
        value, after = number
        low, high = value * factor[0], value * factor[1]
        ranged = _range_end(words, after)
        if ranged is not None and not hedge:
            high, after = ranged
    unit, end = _unit(sentence, tokens, after, currency)
    if not unit and not currency and after - at == 1 and _plain_year(words[at]):
        return None, after
    unit = _casualty(sentence, tokens, index, end, unit)
    last = max(end, after) - 1
    start_char, end_char = tokens[index][1], tokens[last][2]
    return Amount(sentence[start_char:end_char], low, high, unit, start_char, end_char), max(
        after, index + 1
    )


def _hedge(words: list[str], index: int) -> tuple[tuple[str, ...], tuple[float, float]]:
    for hedge, factor in HEDGES.items():
        if tuple(words[index : index + len(hedge)]) == hedge and index + len(hedge) < len(words):
            following = words[index + len(hedge)]
            if following[0].isdigit() or following in _ONES or following in _CURRENCY:
                return hedge, factor
    return (), (1.0, 1.0)


def _number(words: list[str], at: int) -> tuple[float, int] | None:
    """The number starting at token `at` (digits or words, with a scale), and where it ends."""
    if at >= len(words):
        return None
    word = words[at]
    if word[0].isdigit():
        value, at = float(word.replace(",", "")), at + 1
    elif word in _ONES and (word not in ("a", "an") or _scale_next(words, at)):
        value, at = _spelled(words, at)
    else:
        return None
    while at < len(words) and words[at] in _SCALES and not (words[at] == "m" and value > 1e6):
        value, at = value * _SCALES[words[at]], at + 1
    return value, at


def _scale_next(words: list[str], at: int) -> bool:
    return at + 1 < len(words) and words[at + 1] in _SCALES


def _spelled(words: list[str], at: int) -> tuple[float, int]:
    """ "six hundred", "forty two", "two thousand five hundred" (hyphens are split)."""
    total, current = 0.0, 0.0
    while at < len(words):
        word = words[at]
        if word in _ONES and not (word in ("a", "an") and current):
            current += _ONES[word]
        elif word == "hundred" and current:
            current *= 100
        elif word in ("thousand", "million", "billion") and current:
            total, current = total + current * _SCALES[word], 0.0
        elif word == "and" and at + 1 < len(words) and words[at + 1] in _ONES and current:
            pass
        else:
            break
        at += 1
    return total + current, at


def _range_end(words: list[str], at: int) -> tuple[float, int] | None:
    """ "500 to 600", "500 and 600" (after "between"): the second number and its end."""
    if at + 1 < len(words) and words[at] in ("to", "and") and words[at + 1][0].isdigit():
        number = _number(words, at + 1)
        if number is not None:
            return number
    return None


def _unit(
    sentence: str, tokens: list[tuple[str, int, int]], at: int, currency: str | None
) -> tuple[str, int]:
    """The counted thing's head noun after the number, and where the amount's words end:
    at most two words, no stop word, no verb after the first, no punctuation between."""
    words = [t[0].lower() for t in tokens]
    if currency:
        return currency, at
    if at < len(words) and words[at] in ("%", "percent"):
        return "percent", at + 1
    kept = at
    while (
        kept < len(words)
        and kept - at < 2
        and words[kept] not in _STOP
        and words[kept].isalpha()
        and not sentence[tokens[kept - 1][2] : tokens[kept][1]].strip(" -")
        and not (is_verb_form(words[kept]) and (kept > at or words[kept] not in SYNONYMS))
    ):
        kept += 1
    if kept == at:
        return "", at
    head = words[kept - 1]
    if head in _CURRENCY:
        return _CURRENCY[head], kept
    return _singular(head), kept


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        word = word[:-1]
    return SYNONYMS.get(word, word)


def _casualty(
    sentence: str, tokens: list[tuple[str, int, int]], start: int, end: int, unit: str
) -> str:
    """People counted in a sentence about killing or wounding are the dead or the injured."""
    if unit and unit not in _GENERIC:
        return unit
    before = sentence[max(0, tokens[start][1] - 20) : tokens[start][1]].lower()
    after_end = tokens[end - 1][2] if end > start else tokens[start][2]
    after = sentence[after_end : after_end + 30].lower()
    # The nearest cue decides: "killed 12 and wounded 42 others" counts 42 injured.
    kinds = ((_KILLED, "dead"), (_HURT, "injured"))
    cues = [
        (len(before) - m.end(), kind) for pattern, kind in kinds for m in pattern.finditer(before)
    ]
    cues += [(m.start(), kind) for pattern, kind in kinds for m in pattern.finditer(after)]
    return min(cues)[1] if cues else unit


def _plain_year(word: str) -> bool:
    return word.isdigit() and len(word) == 4 and 1800 <= int(word) <= 2100
