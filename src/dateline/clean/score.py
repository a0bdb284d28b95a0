"""How chrome-like one line looks on its own: shape features plus keyword evidence.

The score is chrome evidence minus body evidence; the cleaner adds context (position, runs of
short lines, list headings, the outlet's repeated lines) and removes a line at
`REMOVE_AT` or more. Body evidence is generous on purpose: dropping a body sentence costs more
than keeping a stray menu item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dateline.clean.datelines import DATELINE_OPENING
from dateline.clean.lines import ends_sentence, normalise_line, without_end_symbols
from dateline.clean.patterns import (
    AUTHOR_BIO,
    CREDIT,
    NAV_WORDS,
    SHORT_ANYWHERE,
    STRONG_ANYWHERE,
    STRONG_START,
    WEAK_START,
    WHOLE_LINE,
)

# Calibrated by hand on the first six annotated outlets (written after the first rules):
# a single decisive keyword (5) beats a short sentence's body credit (1.5-2.5); a bare
# non-sentence shape (1-2) alone does not remove a line.
REMOVE_AT = 2.0
DECISIVE = 5.0
# "Short" for keyword purposes: prompts and notices rarely run past this many words.
SHORT_WORDS = 15
# Longer than any notice, bio or caption: such a paragraph is never dropped on keywords alone.
LONG_WORDS = 60

_LEAD_BULLETS = re.compile(r"^[\s•·*>»›▶►■□◆●○–—-]+")
_SEPARATOR = re.compile(r"\s[|•·»›]\s|\s/\s.*\s/\s|\s>\s.*\s>\s")
_ARROWS = re.compile(r"[»›▶►]|>>|\.\.\.\s*$|…\s*$")
_SPEECH = re.compile(
    r"\b(?:said|says|say|told|tells|added|asked|according to|warned|explained|insisted"
    r"|wrote|replied|announced|argued|noted|stated|declared|claimed|recalled|admitted)\b",
    re.IGNORECASE,
)
_QUOTES = re.compile(r"[\"“”‘’']")
_SENTENCE_END = re.compile(r"(?:[^.][.!?]|…|\.\.\.|[。！？।؟])[\"'”’)」』）]*$")
_FULL_STOP = re.compile(r"[^.][.!?][\"'”’)]*$")
_OPENERS = "\"“‘'(¿¡[«"


@dataclass(frozen=True)
class Shape:
    """Surface features of one line."""

    words: int
    terminal: bool
    sentence: bool
    all_caps: bool
    title_ratio: float
    separators: bool
    nav_ratio: float
    speech: bool


def shape(text: str) -> Shape:
    words = text.split()
    terminal = ends_sentence(text)
    first = text.lstrip(_OPENERS)[:1]
    if len(words) > LONG_WORDS:  # a long paragraph is body whatever its details: stay cheap
        return Shape(len(words), terminal, True, False, 0.0, False, 0.0, False)
    alpha = [w for w in words if any(c.isalpha() for c in w)]
    capital = sum(1 for w in alpha if w.lstrip(_OPENERS)[:1].isupper())
    lower = len(alpha) - capital
    return Shape(
        words=len(words),
        terminal=terminal,
        sentence=_SENTENCE_END.search(without_end_symbols(text)) is not None
        and len(words) >= 2
        and (first.isupper() or first.isdigit() or _uncased(first))
        and (lower >= 1 or DATELINE_OPENING.match(text) is not None),
        all_caps=sum(c.isalpha() for c in text) >= 3 and text.upper() == text,
        title_ratio=capital / len(alpha) if alpha else 0.0,
        separators=bool(_SEPARATOR.search(text)),
        nav_ratio=(
            sum(1 for w in words if w.casefold().strip(",|•·") in NAV_WORDS) / len(words)
            if words
            else 0.0
        ),
        speech=bool(_SPEECH.search(text)),
    )


def _uncased(letter: str) -> bool:
    """A letter of a script without capitals (CJK, Arabic, Devanagari...)."""
    return letter.isalpha() and not letter.isupper() and not letter.islower()


def _inside_quote(text: str, position: int) -> bool:
    before = text[:position]
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


def keyword_evidence(text: str, form: Shape) -> float:
    """Chrome evidence from furniture vocabulary; a match inside a quotation does not count.

    A long paragraph (a whole article on one line, as some dumps store it) is not searched:
    it holds body text whatever else it holds.
    """
    if form.words > LONG_WORDS:
        return 0.0
    return _keyword_evidence(text, form)


def _keyword_evidence(text: str, form: Shape) -> float:
    body = _LEAD_BULLETS.sub("", text)
    if WHOLE_LINE.fullmatch(normalise_line(body)):
        # Labels carry no full stop: "Click here." on its own may be a quoted one-liner.
        return 2.0 if _FULL_STOP.search(body) else DECISIVE
    if STRONG_ANYWHERE.search(body) or CREDIT.search(body) or AUTHOR_BIO.match(body):
        return DECISIVE
    if STRONG_START.match(body):
        return DECISIVE
    # Reported speech about a newsletter or a privacy policy is news, not a notice.
    notice = form.words <= SHORT_WORDS and not (form.sentence and form.speech)
    match = SHORT_ANYWHERE.search(body)
    if match and not _inside_quote(body, match.start()):
        return DECISIVE if notice else 2.0
    if WEAK_START.match(body):
        return 3.0
    return 0.0


def shape_evidence(form: Shape) -> float:
    """Chrome evidence from the look of the line: menus, labels, headline lists."""
    score = 0.0
    if not form.terminal:
        score += 1.0
        if form.words <= 3:
            score += 1.0
        # Prose always ends with punctuation; a long unpunctuated line is a caption,
        # a teaser or a headline.
        if form.words >= 8:
            score += 1.5
        if form.title_ratio >= 0.7 and form.words >= 2:
            score += 0.5
    if form.separators and form.words <= LONG_WORDS:
        score += 2.0
    if form.all_caps and form.words <= 8:
        score += 1.5
    if form.nav_ratio >= 0.6 and form.words >= 2:
        score += 2.0
    return score


def body_evidence(text: str, form: Shape) -> float:
    """Evidence that a line is reported text: sentence shape, length, speech."""
    score = 0.0
    if form.sentence:
        score += 1.5
        if form.words >= SHORT_WORDS:
            score += 1.0
    if form.words >= 40:
        score += 2.0
    if form.speech and (form.sentence or _QUOTES.search(text)):
        score += 1.0
    if form.words >= 8 and DATELINE_OPENING.match(text):
        score += 2.0
    return score


def arrows(text: str) -> bool:
    """Link-like endings ("Read the full story »", "More...") that mark teaser links."""
    return bool(_ARROWS.search(text))
