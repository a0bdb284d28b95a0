"""The compiled patterns of the temporal grammar, one per expression family.

Every pattern finds what `finditer` over the whole text would (`scan` tries it only near its
core token, so each pattern has an entry in `scan.ANCHORS`); overlapping candidates are settled
in `tagger` (longest wins). Month and weekday names must be capitalised — "may", "march", "sun"
and "We" are words, not dates. A pattern may name a group `span` to tag less than it matched
(the context words around "a year" in "$5 a year" decide it is a set, but are not part of it).
Patterns whose name starts with "block" tag nothing: they claim names that contain a date word
("Good Friday Agreement", "Theresa May", "Black Monday") so the date rules cannot take them.
"""

from __future__ import annotations

import re

from dateline.english import MONTH_ABBREVIATIONS, MONTH_NAMES, WEEKDAY_NAMES, capitalised
from dateline.timex.lexicon import (
    HOLIDAYS,
    MOVABLE_HOLIDAYS,
    NAMED_PERIODS,
    NUMBERS,
    ORDINALS,
    WEEKDAY_SHORT_FORMS,
)


def _alt(words: list[str] | tuple[str, ...]) -> str:
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )


_WEEKDAY_NAME = "|".join(capitalised(WEEKDAY_NAMES))
_WEEKDAYS_PLURAL = "|".join(f"{day}s" for day in capitalised(WEEKDAY_NAMES))
MONTH = (
    rf"(?-i:{'|'.join(capitalised(MONTH_NAMES))}|{'|'.join(n.upper() for n in MONTH_NAMES)}"
    rf"|(?:{'|'.join(capitalised(list(MONTH_ABBREVIATIONS)))})\.?)"
)
WEEKDAY = rf"(?-i:{_WEEKDAY_NAME}|(?:{'|'.join(capitalised(list(WEEKDAY_SHORT_FORMS)))})\.)"
YEAR = r"(?:1[5-9]\d\d|20\d\d)"
DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
ORDWORD = _alt([w for w in ORDINALS if not w[0].isdigit() and w != "final"])
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_SIMPLE = _alt([w for w in NUMBERS if w not in ("a", "an", "half a", "a half")])
_DIGITS = "one|two|three|four|five|six|seven|eight|nine"
_TEENS_TENS = (
    rf"{_TENS}|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
)
# A year said in words, as broadcast transcripts write it: "nineteen ninety-four".
_YY = rf"(?:{_TEENS_TENS})(?:[\s-](?:{_DIGITS}))?"
SPOKEN = (
    rf"(?:two\s+thousand(?:\s+(?:and\s+)?(?:{_YY}|{_DIGITS}))?"
    rf"|(?:nineteen|eighteen)\s+(?:hundred\s+(?:and\s+)?)?{_YY})\b"
)
NUMWORD = rf"(?:(?:{_TENS})[\s-]+(?:one|two|three|four|five|six|seven|eight|nine)\b|{_SIMPLE})"
VAGUE = r"several|a\s+few|few|many|some|a\s+couple\s+of|a\s+number\s+of|couple\s+of"
NUM = rf"(?:\d{{1,3}}(?:\.\d+)?|{NUMWORD}|half\s+an?|an?|{VAGUE})"
UNIT = r"(?:second|minute|hour|day|night|weekend|week|month|quarter|year|decade|century|centurie)"
SEASON = r"(?:spring|summer|fall|autumn|winter)"
PART = r"(?:morning|afternoon|evening|night)"
APPROX = (
    r"about|nearly|almost|roughly|around|approximately|some|more\s+than|less\s+than"
    r"|fewer\s+than|at\s+least|at\s+most|up\s+to|over|under|just\s+over|just\s+under"
)
MOD = (
    r"early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of"
    r"|the\s+close\s+of|earlier|later|the\s+first\s+half\s+of|the\s+second\s+half\s+of"
)
RELWORD = r"this|last|next|past|previous|coming|current"
ANAPHOR = (
    r"the\s+following|the\s+next|the\s+previous|the\s+preceding|the\s+prior|that\s+same|that"
    r"|the\s+same"
)

_NAMED = _alt(list(NAMED_PERIODS))
_HOLIDAY = _alt(list(HOLIDAYS) + list(MOVABLE_HOLIDAYS))

PATTERNS: list[tuple[str, str]] = [
    (
        "block_name",
        r"\bGood\s+Friday\s+(?:Agreement|Accord|peace)|\b(?:Black|Super|Cyber|Man"
        rf"|Girl|Ash|Easter|Bloody|Holy|Maundy|Shrove)\s+(?-i:{_WEEKDAY_NAME})\b"
        r"|\b(?:Theresa|Brian|Mrs\.|Ms\.|Mr\.)\s+May\b"
        r"|\b(?-i:USA|the)\s+(?-i:Today)\b|\bSunday\s+(?-i:Times|Telegraph|Mirror|Express)\b"
        r"|\bFriday\s+prayers?\b|\b(?-i:Arab|Prague|Jasmine)\s+Spring\b",
    ),
    (
        "iso",
        rf"\b(?P<y>{YEAR})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:[T\s](?P<H>[01]\d|2[0-3]):(?P<M>[0-5]\d))?\b(?![-/]\d)",
    ),
    ("compact", rf"(?<![\d-])(?P<y>{YEAR})(?P<m>0[1-9]|1[0-2])(?P<d>[0-2]\d|3[01])(?!\d)"),
    ("slash", r"(?<![\d/])(?P<a>[01]?\d)/(?P<b>[0-3]?\d)/(?P<y>\d{4}|\d{2})(?![\d/])"),
    (
        "mdy",
        rf"\b(?P<weekof>the\s+week\s+of\s+)?(?P<wd>{WEEKDAY},?\s+)?(?P<month>{MONTH})\s+(?P<day>{DAYNUM}|{ORDWORD})\b(?![:,.]?\d)(?:,?\s+(?P<year>{YEAR})\b|\s+(?P<rel>last|this|next)\s+year\b)?",
    ),
    (
        "dmy",
        rf"\b(?P<weekof>the\s+week\s+of\s+)?(?P<wd>{WEEKDAY},?\s+)?(?:the\s+)?(?P<day>{DAYNUM}|{ORDWORD})\s+(?:of\s+)?(?P<month>{MONTH})(?:,?\s+(?P<year>{YEAR})|\s+(?P<rel>last|this|next)\s+year)?\b",
    ),
    ("month_year", rf"\b(?P<month>{MONTH}),?\s+(?:of\s+)?(?P<year>{YEAR}\b|'\d\d\b|{SPOKEN})"),
    ("month", rf"\b(?P<month>{MONTH})(?!\w)"),
    ("rel_month", rf"\b(?P<dir>{RELWORD}|early|late|mid)[\s-]+(?P<month>{MONTH})\b(?!\.?\s+\d)"),
    (
        "month_rel",
        rf"\b(?P<month>{MONTH}),?\s+(?:of\s+)?(?P<dir>last|this|next)\s+year\b",
    ),
    (
        "year",
        rf"(?<![\d$£€,.#/])(?<!\d-)(?P<year>{YEAR})(?![\d%]|[,.]\d|-(?:year|member|strong|seat|page|point|man|foot|meter|mile))",
    ),
    ("year_tail", r"(?<=(?<!\d)(?:1[5-9]|20)\d\d[-–/])(?P<yy>\d\d)\b(?![-/]\d)"),
    ("fiscal", rf"\b(?:fiscal(?:\s+year)?|FY)\s*(?P<year>{YEAR}|'\d\d|\d\d\b)"),
    (
        "decade",
        r"\b(?:(?P<the>the)\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?:(?P<full>(?:1[5-9]|20)\d)0'?s|(?P<apos>')?(?P<short>\d)0'?s(?=\W|$)|(?P<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b",
    ),
    (
        "century",
        rf"\b(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?P<n>\d{{1,2}}(?:st|nd|rd|th)|{ORDWORD})[\s-]+century\b",
    ),
    ("deictic", r"\b(?P<word>today|tonight|tomorrow|yesterday)\b"),
    (
        "ref",
        r"\b(?P<word>now|currently|presently|nowadays|these\s+days|at\s+present|at\s+the\s+moment|right\s+now|recently|lately|the\s+past|recent\s+(?:days|weeks|months|years|decades)|the\s+future|the\s+coming\s+(?:days|weeks|months|years|decades)|coming\s+(?:days|weeks|months|years|decades)|the\s+time\s+being|once|current|recent|future)\b",
    ),
    (
        "rel_unit",
        rf"\b(?P<dir>{RELWORD})\s+(?P<unit>week|weekend|month|quarter|year|decade|century)\b",
    ),
    ("rel_weekday", rf"\b(?P<dir>this|last|next|past|coming)\s+(?P<wd>{WEEKDAY})"),
    (
        "anaphor",
        rf"\b(?P<dir>{ANAPHOR})\s+(?P<unit>day|week|weekend|month|year|morning|afternoon|evening|night|{WEEKDAY})(?!\w)",
    ),
    (
        "rel_period",
        r"\b(?P<dir>the\s+year-(?:earlier|ago)|year-(?:earlier|ago)|the\s+(?:latest|current|previous|past|last|prior|same|comparable|first|second|recent|corresponding|fiscal)|the|this|that)[\s-]+(?P<unit>quarter|period|half|year|month|week|day)\b(?!-)",
    ),
    ("year_quarter", rf"\b(?:the\s+)?(?P<year>{YEAR})\s+(?:fiscal\s+)?(?:quarter|period)\b"),
    (
        "spoken_year",
        rf"\b(?:the\s+year\s+)?(?P<year>{SPOKEN})",
    ),
    ("weekend", r"\bthe\s+weekend\b"),
    (
        "whole_period",
        r"\b(?:the|a)\s+(?:full|entire|whole)\s+(?P<unit>day|week|month|quarter|year)\b",
    ),
    (
        "year_end",
        r"\b(?P<word>year-end|year\s+end|the\s+end\s+of\s+the\s+year|year's\s+end)\b",
    ),
    ("year_earlier", r"\b(?:the\s+)?year-(?:earlier|ago)\b"),
    (
        "quarter",
        rf"\b(?:the\s+)?(?:(?P<qyear>{YEAR})(?:'s)?\s+|(?P<poss>this|last|next)\s+year's\s+|(?P<ago>year-(?:ago|earlier))\s+)?(?:fiscal\s+)?(?P<ord>first|second|third|fourth|final|1st|2nd|3rd|4th)[\s-]+(?:fiscal[\s-]+)?(?P<unit>quarter|half)(?:[\s-]+of\s+(?:fiscal\s+)?(?:(?P<year>{YEAR})|(?P<ofrel>this|last|next)\s+year))?s?\b",
    ),
    (
        "quarter_code",
        rf"\b(?P<q>[1-4])Q(?:\s*(?P<year>{YEAR}))?\b|\bQ(?P<q2>[1-4])(?:\s+(?P<year2>{YEAR}))?\b",
    ),
    (
        "season",
        rf"\b(?:(?P<dir>this|last|next|past|coming|early|late|mid|the|that)[\s-]+)(?P<season>{SEASON})(?:\s+(?:of\s+)?(?P<year>{YEAR}\b|{SPOKEN}))?\b|\b(?P<season2>(?-i:Spring|Summer|Fall|Autumn|Winter|spring|summer|autumn|winter))\s+(?:of\s+)?(?P<year2>{YEAR})\b",
    ),
    (
        "set_rate",
        r"(?:\d|\bpercent|\btimes|\btwice|\bonce|\bthrice|\bmillion|\bbillion|\bdollars|%)\s+(?P<span>(?:a|per|each)\s+(?P<unit>second|minute|hour|day|week|month|quarter|year))\b",
    ),
    (
        "duration",
        rf"\b(?:(?P<approx>{APPROX})\s+(?!the\b))?(?:(?P<the>the\s+)?(?P<dir>past|last|next|first|latest|previous|coming|final|following|initial|ensuing|remaining|preceding|same|prior)\s+)?(?P<num>{NUM})(?P<frac>\s+1/2|½|\s+and\s+a\s+half)?[\s-]+(?:(?:more|additional|extra|further|straight|consecutive|full|trading|business|working)\s+)?(?P<unit>{UNIT})s?(?![\s-]+old\b|-old\b|(?<=quarters)\s+of\b)(?<!-quarters)(?P<half>\s+and\s+a\s+half)?(?P<long>[\s-]+long)?(?:\s+(?P<post>ago|earlier|later|from\s+now|hence|back|previously))?\b",
    ),
    (
        "the_duration",
        r"\b(?P<the>the\s+)(?P<dir>past|last|next|coming|previous|following|preceding|ensuing|remaining|first|latest|final)\s+(?P<unit>hour|day|week|weekend|month|year|decade|century)\b",
    ),
    (
        "bare_units",
        r"(?<!\d\s)\b(?P<unit>seconds|minutes|hours|days|weeks|months|years|decades|centuries)\b(?!\s+(?:of|ago|earlier|later|old)\b)",
    ),
    (
        "set_every",
        rf"\b(?:every|each)\s+(?:other\s+)?(?:(?P<num>\d+|{NUMWORD})\s+)?(?P<unit>{UNIT}|{WEEKDAY}|{MONTH}|{SEASON}|morning|afternoon|evening|night)s?\b",
    ),
    (
        "set_word",
        r"\b(?P<word>hourly|daily|nightly|weekly|biweekly|monthly|quarterly|annually|yearly|semiannually|biannually)\b",
    ),
    (
        "set_weekday",
        rf"\b(?:on\s+)?(?P<wd>(?-i:{_WEEKDAYS_PLURAL}))(?:\s+(?P<part>{PART})s)?\b",
    ),
    (
        "part_of_day",
        rf"\b(?:(?P<pre>this|yesterday|tomorrow|last|early|late|the|that|{WEEKDAY})\s+)?(?:(?P<mod>early|late|mid)[\s-])?(?P<part>{PART})\b(?:\s+(?P<post>{WEEKDAY}|yesterday|today|tomorrow))?|\b(?P<word>overnight|midday|noon|midnight)\b(?:\s+(?P<post2>{WEEKDAY}|yesterday|today|tomorrow))?",
    ),
    (
        "clock",
        rf"\b(?P<h>[01]?\d|2[0-3])(?:[:.](?P<m>[0-5]\d))?\s*(?P<ap>[ap]\.m\.?|[ap]m\b|(?-i:[AP]M)\b|o'clock)(?:\s+(?P<tz>(?-i:[ECMP][SD]T|GMT|UTC|BST|CET)))?(?:,?\s+(?:on\s+)?(?P<post>{WEEKDAY}|yesterday|today|tomorrow|tonight|(?P<month>{MONTH})\s+(?P<day>{DAYNUM})\b))?",
    ),
    (
        "clock24",
        r"(?<![\d:.,$])(?P<h>[01]\d|2[0-3]):(?P<m>[0-5]\d)(?![\d:])(?:\s+(?P<tz>(?-i:[ECMP][SD]T|GMT|UTC|BST|CET)))?",
    ),
    ("weekday", rf"\b(?P<wd>{WEEKDAY})(?!\w)"),
    (
        "ordinal_day",
        r"\bthe\s+(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\b(?=\s*(?:[.,;:)]|$|and\b|to\b|or\b))",
    ),
    ("named", rf"\b(?P<name>{_NAMED})\b"),
    ("holiday", rf"\b(?P<name>{_HOLIDAY})\b(?:,?\s+(?P<year>{YEAR}))?"),
]

COMPILED: list[tuple[str, re.Pattern[str]]] = [
    (name, re.compile(pattern, re.I)) for name, pattern in PATTERNS
]

# A period modifier in front of a date ("late June", "the end of 2004"), and its TIMEX3 mod.
MODIFIER = re.compile(rf"(?:^|(?<=\W))(?P<mod>{MOD})[\s-]+$", re.I)
MOD_VALUES = {
    "early": "START", "the beginning of": "START", "the start of": "START",
    "late": "END", "the end of": "END", "the close of": "END", "mid": "MID",
    "the middle of": "MID", "earlier": "", "later": "",
    "the first half of": "START", "the second half of": "END",
}  # fmt: skip
APPROX_VALUES = {
    "about": "APPROX", "roughly": "APPROX", "around": "APPROX", "approximately": "APPROX",
    "some": "APPROX", "nearly": "LESS_THAN", "almost": "LESS_THAN", "less than": "LESS_THAN",
    "fewer than": "LESS_THAN", "under": "LESS_THAN", "just under": "LESS_THAN",
    "up to": "EQUAL_OR_LESS", "at most": "EQUAL_OR_LESS", "more than": "MORE_THAN",
    "over": "MORE_THAN", "just over": "MORE_THAN", "at least": "EQUAL_OR_MORE",
}  # fmt: skip
