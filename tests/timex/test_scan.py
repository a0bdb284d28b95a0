"""The anchored scan finds exactly what `finditer` over the whole text finds, pattern by pattern.

Hand-written sentences for each family, random word salad built from the grammar's own words
(so prefixes, hyphens, odd spacing and near misses meet every pattern), the sample corpus and,
when present, the shared TempEval-3 and Timeline17 data.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path
from re import _parser

import pytest

from dateline.timex.grammar import COMPILED
from dateline.timex.lexicon import HOLIDAYS, MOVABLE_HOLIDAYS, NAMED_PERIODS, NUMBERS, ORDINALS
from dateline.timex.scan import _FOLDS, ANCHORS, all_matches, full_scan, word_starts

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "data"

Found = list[tuple[str, tuple[int, int], dict[str, str | None]]]


def _found(matches: object) -> Found:
    return [(name, m.span(), m.groupdict()) for name, m in matches]  # type: ignore[attr-defined]


def assert_same(text: str) -> None:
    assert _found(all_matches(text)) == _found(full_scan(text)), text


SENTENCES = [
    "More than the past twenty-one and a half trading years, prices rose.",
    "About 2 1/2 years ago, and for nearly a couple of months later, it fell.",
    "The week of Thursday, the 21st of January, 2004 and Monday, Jan. 19, 1998.",
    "On 26 February 2003, 2/26/2022, 2003-11-04T10:30 and 19980101 it rained.",
    "In the mid-1990s, the '90s, the late nineteen-eighties and the 19th century.",
    "At 10:30 a.m. EST Friday, 3pm, 9 o'clock tonight and 23:15 GMT.",
    "Sales of $5 a year, 20% per month, twice a day, 3 times each week.",
    "The fiscal first quarter of 1998, last year's second half, 1Q 2004, Q3, FY98.",
    "Late last Oct. 23, early June, mid-July, May last year, the end of 2004.",
    "Good Friday Agreement, Theresa May, Mrs. May, USA Today, Sunday Times, Black Monday.",
    "Every other week, each Monday morning, Tuesdays, daily, semiannually, biweekly.",
    "The following day, that same week, the previous month, the year-earlier quarter.",
    "Christmas Eve, the Fourth of July, New Year's Day, Thanksgiving 2003, World War II.",
    "Now, currently, these days, at the moment, in recent years, the coming months.",
    "Years, decades, centuries, seconds and hours passed; the weekend, the whole year.",
    "Spring 2004, this winter, the summer of 1998, the Arab Spring, year-end, year's end.",
    "nineteen ninety-four, two thousand and three, the year eighteen hundred and twelve",
    "MARCH 3, 1999 and JULY 1997 and 1998-99 and 1996/97 and 2003\u20134.",
    "Tabs\tand\n\nnewlines  between   the   past    two\n\nweeks\tand five - year - old.",
    "A 10-year-old, the 50-member body, 1,998 people, #2004, $1998, 12345678901.",
    "the 3rd and the 21st, or the 2nd; 4th-quarter, first-half, the third quarter's",
    "\u017fome years ago, the \u0131dea, \u0130stanbul in March 2004.",
    "\u2018March\u2019 \u201c2004\u201d \u2014 the year\u2019s end, caf\u00e9 at 5 p.m. on Friday",
    "",
    "1998",
    "years",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_anchored_scan_equals_full_scan_on_sentences(text: str) -> None:
    assert_same(text)


def _vocabulary() -> list[str]:
    words = [
        "January", "Jan.", "MAY", "May", "Sept.", "Monday", "Thurs.", "Fridays", "today",
        "second", "minutes", "hour", "day", "nights", "weekend", "weeks", "month", "quarter",
        "quarters", "year", "years", "decade", "century", "centuries", "period", "half",
        "about", "more than", "the", "a", "an", "past", "last", "next", "this", "that", "same",
        "following", "early", "late", "mid", "end", "of", "fiscal", "FY", "spring", "summer",
        "morning", "night", "noon", "midnight", "ago", "later", "long", "old", "every",
        "each", "per", "percent", "times", "once", "daily", "yearly", "now", "recent",
        "future", "a.m.", "pm", "PM", "o'clock", "EST", "1998", "2004", "98", "'90s",
        "1990s", "80s", "21st", "3rd", "10:30", "9", "12", "31", "2/26/2022", "2003-11-04",
        "19980101", "1Q", "Q3", "5%", "1/2", "\u00bd", "$5", "year-end", "year-ago",
        "year-earlier", "year's", "nineteen", "ninety-six", "thousand", "Good", "Theresa",
        "Today", "Arab", "Spring", "Eve", "war", "World", "II", "depression", "Great",
    ]  # fmt: skip
    words += list(NUMBERS) + list(ORDINALS) + list(HOLIDAYS) + list(MOVABLE_HOLIDAYS)
    return words + list(NAMED_PERIODS)


SEPARATORS = [" "] * 12 + ["  ", "\n", "\n\n", "-", ", ", ". ", "/", " - ", "\t", ""]


def test_anchored_scan_equals_full_scan_on_word_salad() -> None:
    rng = random.Random(20041)
    words = _vocabulary()
    for _ in range(400):
        parts = []
        for _ in range(rng.randint(1, 40)):
            word = rng.choice(words)
            word = word.title() if rng.random() < 0.15 else word
            parts += [word, rng.choice(SEPARATORS)]
        assert_same("".join(parts))


def test_anchored_scan_equals_full_scan_on_sample_corpus() -> None:
    folder = ROOT / "src" / "dateline" / "data" / "sample" / "articles"
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        assert_same(path.read_text(errors="replace"))


def _shared_texts() -> list[str]:
    texts = [p.read_text() for p in sorted((SHARED / "tempeval3").rglob("*.tml"))[:60]]
    for path in sorted((SHARED / "tls" / "t17").glob("*/articles.json"))[:6]:
        texts += [a["text"] for a in json.loads(path.read_text())[:8]]
    return texts


def test_anchored_scan_equals_full_scan_on_shared_data() -> None:
    texts = _shared_texts()
    if not texts:
        pytest.skip("shared TempEval-3 / Timeline17 data not present")
    for text in texts:
        assert_same(text)


def test_every_pattern_is_anchored() -> None:
    assert set(ANCHORS) == {name for name, _ in COMPILED}


def test_no_pattern_matches_the_empty_string() -> None:
    """An empty match would make `finditer` retry its position; the scan does not."""
    for name, pattern in COMPILED:
        assert _parser.parse(pattern.pattern, pattern.flags).getwidth()[0] > 0, name


def test_folds_lists_every_character_re_i_reads_as_another_ascii_letter() -> None:
    letters = re.compile("[a-z]", re.I)
    folds = {
        chr(c)
        for c in range(128, 0x110000)
        if letters.fullmatch(chr(c)) and len(chr(c).lower()) == 1 and not chr(c).lower().isascii()
    }
    assert folds == set(_FOLDS)


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "_",
        "a",
        "On 26 February 2003, 2/26",
        "  snake_case and x2y  ",
        "İstanbul, 3 Ağustos",
        "tab\there\nline_2 - 40%",
    ],
)
def test_word_starts_are_where_finditer_finds_words(text: str) -> None:
    assert word_starts(text) == [m.start() for m in re.finditer(r"\w+", text)]


def test_word_starts_on_the_sample_corpus() -> None:
    folder = ROOT / "src" / "dateline" / "data" / "sample" / "articles"
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        text = path.read_text(errors="replace")
        assert word_starts(text) == [m.start() for m in re.finditer(r"\w+", text)]
