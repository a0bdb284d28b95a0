"""The who/what/where of one sentence, by light surface rules (no parser in the default install).

Good enough to label and compare events: capitalised spans are actors, a capitalised span
after "in"/"at"/"near" is the place, the first finite-looking verb is the predicate.
"""

from __future__ import annotations

import re

from dateline.clean.datelines import DATELINE_OPENING
from dateline.english import MONTH_NAMES, WEEKDAY_NAMES, capitalised

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'-]*")
_CAPITALISED = re.compile(r"(?:[A-Z][A-Za-z'.-]*(?:\s+(?:of|de|al|bin|the)\s+|\s+)?)+")
_NOT_NAMES = frozenset(
    [
        "The",
        "A",
        "An",
        "He",
        "She",
        "It",
        "They",
        "We",
        "I",
        "You",
        "But",
        "And",
        "In",
        "On",
        "At",
        "This",
        "That",
        "These",
        "Those",
        "There",
        "His",
        "Her",
        "Their",
        "Its",
        "Our",
        "After",
        "Before",
        "When",
        "While",
        "As",
        "If",
        "However",
        "Meanwhile",
        "Yet",
        "Also",
        "Then",
        "Some",
        "Many",
        "Most",
        *capitalised(WEEKDAY_NAMES),
        *capitalised(MONTH_NAMES),
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "By",
        "For",
        "From",
        "With",
        "Under",
        "Over",
        "Since",
        "Until",
        "Last",
        "Next",
        "Earlier",
        "Later",
        "Today",
        "Yesterday",
        "Tomorrow",
        # Month abbreviations ("Feb. 21") and counts opening a sentence ("Two diplomats").
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Sept",
        "Oct",
        "Nov",
        "Dec",
        "One",
        "Two",
        "Three",
        "Four",
        "Five",
        "Six",
        "Seven",
        "Eight",
        "Nine",
        "Ten",
        "Twenty",
        "Thirty",
        "Forty",
        "Fifty",
        "Hundreds",
        "Thousands",
    ]
)
_PLACE_CUE = re.compile(r"\b(?:in|at|near|outside|from|to)\s+((?:[A-Z][A-Za-z'-]+\s?){1,3})")
_IRREGULAR_PAST = frozenset(
    [
        "said",
        "told",
        "began",
        "broke",
        "brought",
        "built",
        "came",
        "chose",
        "cut",
        "did",
        "drew",
        "drove",
        "fell",
        "fought",
        "found",
        "flew",
        "fled",
        "gave",
        "went",
        "grew",
        "held",
        "hit",
        "kept",
        "knew",
        "led",
        "left",
        "lost",
        "made",
        "met",
        "paid",
        "put",
        "ran",
        "rose",
        "saw",
        "sent",
        "set",
        "shot",
        "sold",
        "spoke",
        "spent",
        "stood",
        "struck",
        "swore",
        "took",
        "thought",
        "threw",
        "won",
        "wrote",
        "became",
        "beat",
        "bought",
        "caught",
        "sank",
        "sought",
        "spread",
        "shut",
        "withdrew",
        "overthrew",
    ]
)
_PLANNED = re.compile(
    r"\b(?:will|shall|plans? to|planning to|planned to|intends? to|aims? to|"
    r"(?:is|are|was|were) (?:expected|scheduled|due|set|slated|poised|going) to|"
    r"to be held|next (?:week|month|year))\b",
    re.IGNORECASE,
)
_PLAN_WORDS = (
    "will",
    "shall",
    "plan",
    "intend",
    "aim",
    "expected",
    "scheduled",
    "due",
    "set",
    "slated",
    "poised",
    "going",
    "held",
    "next",
)
_AUX_VERBS = frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "has",
        "have",
        "had",
        "will",
        "would",
        "can",
        "could",
        "may",
        "might",
    ]
)


def actors(text: str) -> tuple[str, ...]:
    """Names in the sentence (capitalised spans), in order, without duplicates or the dateline
    (it names where the report was filed and by whom, not who acted)."""
    found: list[str] = []
    dateline = DATELINE_OPENING.match(text)
    if dateline:
        text = text[dateline.end() :]
    for match in _CAPITALISED.finditer(text):
        words = match.group().split()
        while words and words[0].rstrip(".") in _NOT_NAMES:
            words.pop(0)
        while words and words[-1] in {"of", "de", "al", "bin", "the"}:
            words.pop()
        name = " ".join(words).rstrip(".,")
        if name and name not in found and not name.isdigit():
            found.append(name)
    return tuple(found[:6])


def place(text: str) -> str:
    """The first capitalised span after a place preposition, if any."""
    for match in _PLACE_CUE.finditer(text):
        name = match.group(1).strip()
        if name.split()[0] not in _NOT_NAMES:
            return name
    return ""


def predicate(text: str) -> str:
    """The first word that looks like a finite verb (past tense, or after an auxiliary)."""
    tokens = [t.lower() for t in _TOKEN.findall(text)]
    for index, token in enumerate(tokens):
        if token in _IRREGULAR_PAST or (token.endswith("ed") and len(token) > 4):
            return token
        if token in _AUX_VERBS and index + 1 < len(tokens):
            following = tokens[index + 1]
            if following.endswith(("ed", "ing", "en")) or following in _IRREGULAR_PAST:
                return following
    return ""


def plan_cue(text: str) -> re.Match[str] | None:
    """The first plan cue of the sentence ("will", "is expected to"), if any."""
    if text.isascii():
        # Every cue holds one of these words, and in ASCII text `re.I` is plain lowercasing:
        # most sentences are ruled out by substring tests, several times faster than the search.
        low = text.lower()
        if not any(word in low for word in _PLAN_WORDS):
            return None
    return _PLANNED.search(text)


def is_planned(text: str) -> bool:
    """True when the sentence reports something that has not happened yet."""
    return plan_cue(text) is not None


def is_verb_form(word: str) -> bool:
    """A lower-case word that looks like a finite verb or participle ("arrived", "was")."""
    return word in _IRREGULAR_PAST or word in _AUX_VERBS or (word.endswith("ed") and len(word) > 4)


def plan_leads(text: str) -> bool:
    """True when a plan cue comes before any past-tense verb.

    Then the sentence's own event is the plan ("is expected to depart on Tuesday"); after a
    past verb the plan is only mentioned by a done event ("decided on Thursday to extend the
    mission until next year", "called the attack a crime and said work will go on").
    """
    return cue_leads(text, plan_cue(text))


def cue_leads(text: str, cue: re.Match[str] | None) -> bool:
    """`plan_leads` given the sentence's `plan_cue`, for callers that need both."""
    if cue is None:
        return False
    for token in _TOKEN.finditer(text[: cue.start()]):
        word = token.group().lower()
        if word in _IRREGULAR_PAST or (word.endswith("ed") and len(word) > 4):
            return False
    return True
