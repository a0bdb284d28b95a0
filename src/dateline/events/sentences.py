"""Sentence splitting with exact offsets into the clean text.

Rules rather than a model: news prose is regular enough, the splitter must be fast on a
100k-article corpus, and every sentence must cite `article.text[start:end]` exactly. The
hard cases are periods that do not end a sentence (titles, initials, "U.S.", "Feb. 3",
decimals) and line breaks that do (headings, list items, paragraphs) or do not (hard wraps).
"""

from __future__ import annotations

import itertools
import re

from dateline.clean.datelines import AGENCY_DATELINE, DATELINE_HEAD
from dateline.english import MONTH_ABBREVIATIONS
from dateline.model import Sentence

# Abbreviations after which a period never ends a sentence: titles and words that are
# always followed by a name or a number.
_TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "maj",
        "adm",
        "cmdr",
        "gov",
        "sen",
        "sens",
        "rep",
        "reps",
        "pres",
        "rev",
        "fr",
        "st",
        "mt",
        "ft",
        "no",
        "nos",
        "vol",
        "vs",
        "v",
        "pp",
        "fig",
        "art",
        "dept",
        "insp",
        "supt",
        "cpl",
        "pvt",
        "brig",
        "hon",
        "messrs",
        "mme",
        "approx",
        "est",
        "ca",
    ]
)
# Month abbreviations end a sentence only when no day number follows.
_MONTHS = frozenset(MONTH_ABBREVIATIONS)
# Abbreviations that may end a sentence: split only before a typical sentence opener.
_AMBIGUOUS = frozenset(
    ["inc", "co", "corp", "ltd", "jr", "sr", "etc", "bros", "plc", "llc", "am", "pm"]
)
# Words that open sentences; after "U.S." or "Inc." they signal a boundary.
_OPENERS = frozenset(
    [
        "the",
        "a",
        "an",
        "he",
        "she",
        "it",
        "they",
        "we",
        "i",
        "you",
        "but",
        "and",
        "so",
        "in",
        "on",
        "at",
        "this",
        "that",
        "these",
        "those",
        "there",
        "his",
        "her",
        "their",
        "its",
        "our",
        "after",
        "before",
        "when",
        "while",
        "as",
        "if",
        "however",
        "meanwhile",
        "yet",
        "also",
        "then",
        "some",
        "many",
        "most",
        "one",
        "two",
        "three",
        "no",
        "officials",
        "police",
        "mr",
        "mrs",
        "ms",
        "dr",
    ]
)

_TERMINAL = re.compile(r"[.!?]+|…")
# Closing marks glued to the period, or after a space only in tokenised text ("said . ''").
_CLOSERS = re.compile(r"(?:''|[\"”’')\]»]|\s+(?:''|[”’»]))*")
_OPENER_CHARS = "\"'“‘([«`"
_LIST_MARKER = re.compile(r"\s*(?:[-*•–—]\s|\d{1,2}[.)]\s|\(?[a-z][.)]\s)")
_PARAGRAPH = re.compile(r"\n[ \t]*\n")
# A page's time stamp ends its heading: "Monday 14 February 2005 17.14 GMT", "HONG KONG | Mon
# Apr 27, 2009 7:16 am", "21 December 2011 Last updated at 04:27 GMT". The text after it is
# the story, with its own dates; glued to the stamp, its first sentence would take the stamp's
# day ("... 00.01 BST Iraq's new rulers split yesterday") and the heading's words.
_TIME_STAMP = re.compile(
    r"(?:19|20)(?<!\d\d\d)\d\d,?\s+(?:(?:at|[Ll]ast updated at)\s+)?\d{1,2}[:.]\d{2}"
    r"(?:\s?[AaPp]\.?[Mm]\.?)?(?:\s?(?:GMT|BST|UTC|CET|CEST|[ECMP][SD]?T)\b)?"
)
# A photo credit ends its caption: "Photograph: Dario Lopez-Mills/AP", "Photograph: Alfredo
# Estrella/AFP/Getty Images", "Photo: PA". Pasted pages glue it to the story's next sentence.
# (Neither pattern opens with a word boundary: one there makes the scan three times slower.)
_PHOTO_CREDIT = re.compile(
    r"(?:Photograph|Photo|Picture)s?:\s+(?:[^\s/][^/]{0,40}?(?:\\?/[A-Z][\w.-]*)+"
    r"(?:\s(?:[Ii]mages|Features|Pictures))?|(?:AP|PA|AFP|EPA|Reuters|Getty Images)\b)"
)
# A spaced vertical bar separates page items ("MEXICO CITY | Sat Apr 25, 2009 7:32 pm | ..."):
# prose never uses one, so each side is a unit of its own and the bar is dropped.
_PAGE_SEPARATOR = re.compile(r"\s\|(?=\s)")
_STORY_START = re.compile(r"\s+[A-Z\"“'‘(]")
# Lines shorter than this without end punctuation are headings or list items, not wraps.
_SHORT_LINE = 60
# A "sentence" longer than this (page chrome without punctuation) is cut at whitespace so
# one entry never cites a whole page.
_MAX_SENTENCE = 1500


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Sentences of `text` in order, each stripped, with `text[start:end] == sentence.text`."""
    sentences: list[Sentence] = []
    for block_start, block_end in _blocks(text):
        start = block_start
        for boundary in _boundaries(text, block_start, block_end):
            _emit(text, start, boundary, sentences)
            start = boundary
        _emit(text, start, block_end, sentences)
    return tuple(sentences)


def _blocks(text: str) -> list[tuple[int, int]]:
    """Spans separated by paragraph breaks or by line breaks that end a unit."""
    cuts = [0]
    for para in _PARAGRAPH.finditer(text):
        cuts.append(para.start())
    pos = text.find("\n")
    while pos != -1:
        if _line_break_ends_unit(text, pos):
            cuts.append(pos)
        pos = text.find("\n", pos + 1)
    cuts.append(len(text))
    cuts = sorted(set(cuts))
    return [(a, b) for a, b in itertools.pairwise(cuts) if b > a]


def _line_break_ends_unit(text: str, pos: int) -> bool:
    line_start = text.rfind("\n", 0, pos) + 1
    previous = text[line_start:pos].rstrip()
    following_end = text.find("\n", pos + 1)
    following = text[pos + 1 : following_end if following_end != -1 else len(text)]
    if not previous or not following.strip():
        return True
    if previous[-1] in ".!?:;\"”’')…" or len(previous.strip()) < _SHORT_LINE:
        return True
    if _LIST_MARKER.match(following):
        return True
    stripped = following.lstrip()
    return bool(stripped) and not stripped[0].islower() and len(following) < _SHORT_LINE


def _boundaries(text: str, start: int, end: int) -> list[int]:
    """Offsets inside [start, end) where a sentence ends (just after its closing marks)."""
    cuts: list[int] = []
    if text.find(")", start, end) != -1:
        # A wire dateline opens a story: pages often glue headlines and photo captions to it
        # without end punctuation.
        for match in AGENCY_DATELINE.finditer(text, start, end):
            before = text[start : match.start()]
            if before[-1:].isspace() and not DATELINE_HEAD.fullmatch(before):
                cuts.append(match.start())
    if text.find("|", start, end) != -1:
        for match in _PAGE_SEPARATOR.finditer(text, start, end):
            cuts.extend((match.start(), match.end()))
    for stamp in (_TIME_STAMP, _PHOTO_CREDIT):
        for match in stamp.finditer(text, start, end):
            if _STORY_START.match(text, match.end(), end):
                cuts.append(match.end())
    for match in _TERMINAL.finditer(text, start, end):
        closers = _CLOSERS.match(text, match.end(), end)
        cut = closers.end() if closers else match.end()
        if cut >= end or not text[cut].isspace():
            continue
        nxt = _next_word(text, cut, end)
        if nxt and _is_boundary(text, start, match.start(), match.group(), nxt):
            cuts.append(cut)
    return sorted(set(cuts))


def _next_word(text: str, pos: int, end: int) -> str:
    while pos < end and text[pos].isspace():
        pos += 1
    word_end = pos
    while word_end < end and not text[word_end].isspace():
        word_end += 1
    return text[pos:word_end]


def _is_boundary(text: str, block_start: int, dot: int, marks: str, nxt: str) -> bool:
    first = nxt[0]
    if first.islower():
        return False
    if marks != ".":
        return first.isupper() or first.isdigit() or first in _OPENER_CHARS
    word = _previous_word(text, block_start, dot)
    key = word.lower().rstrip(".")
    bare = nxt.strip(_OPENER_CHARS).lower()
    if key in _TITLES:
        return False
    if key in _MONTHS:
        return not first.isdigit()
    if key in _AMBIGUOUS:
        return bare in _OPENERS
    if len(word) == 1 and word.isupper():
        return False  # an initial: "George W. Bush"
    if "." in word and all(len(part) <= 2 for part in word.split(".")):
        return bare in _OPENERS  # "U.S.", "a.m.": a boundary only before an opener
    return first.isupper() or first.isdigit() or first in _OPENER_CHARS


def _previous_word(text: str, block_start: int, dot: int) -> str:
    pos = dot
    while pos > block_start and not text[pos - 1].isspace():
        pos -= 1
    return text[pos:dot]


def _emit(text: str, start: int, end: int, out: list[Sentence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end or text[start:end] == "|":
        return
    while end - start > _MAX_SENTENCE:
        cut = text.rfind(" ", start, start + _MAX_SENTENCE)
        if cut <= start:
            cut = start + _MAX_SENTENCE
        _emit(text, start, cut, out)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        out.append(Sentence(start, end, text[start:end]))
