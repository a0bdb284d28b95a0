"""Header lines: the byline, date and dateline lines a page prints around the headline.

They are not body text, but the date stage needs them, so the cleaner moves them to
`Article.header` instead of dropping them. Recognition is by vocabulary: a date line is made
only of date/time words, a byline only of "By", names and newsroom roles — so "By Tuesday,
the leak had spread" stays in the body.
"""

from __future__ import annotations

import re

from dateline.clean.datelines import DATELINE_ALONE
from dateline.english import MONTHS, WEEKDAY_ABBREVIATIONS, WEEKDAY_NAMES


def _words(text: str) -> list[str]:
    return text.split()


_MONTHS = list(MONTHS)
_WEEKDAYS = [*WEEKDAY_NAMES, *WEEKDAY_ABBREVIATIONS]
_DATE_FILLER = _words(
    "published updated posted modified created first last date on at the of by am pm a.m. "
    "p.m. noon midnight et est edt ct cst cdt mt pt pst pdt gmt bst utc cet cest ist jst aest "
    "hkt sgt msk z today yesterday ago hour hours hr hrs minute minutes min mins day days "
    "week weeks an a just now time uploaded issued issue edition print"
)
_DATE_WORDS = frozenset(_MONTHS + _WEEKDAYS + _DATE_FILLER)
_NUMERIC = re.compile(
    r"^(?:\d{1,4}(?:st|nd|rd|th)?|\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:am|pm|a\.m\.|p\.m\.)?"
    r"|\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}(?:t[\d:.]+z?)?|[+-]\d{2}:?\d{2})$"
)
_TOKEN_EDGE = ",;|()[]–—-·•:"
_PARTS = re.compile(r"\s+(?:\||•|·|/|–|—)\s+")

_ROLES = _words(
    "staff writer reporter correspondent editor senior chief political business foreign "
    "diplomatic health science technology security defence defense economics environment "
    "sports sport special contributor contributing columnist analyst producer associated "
    "press writers wire service services news agency agencies and in for the of with to "
    "international national local bureau desk team digital online video data investigative "
    "cnn bbc reuters ap afp upi nbc abc cbs fox"
)
_ROLE_WORDS = frozenset(_ROLES)
_BY = re.compile(r"^(?:by|written by|words by|story by|posted by|reported by)\s+", re.IGNORECASE)
_NAME_WORD = re.compile(r"^(?:[A-Z][\w'’.-]*|[A-Z]\.|(?:de|van|von|da|del|al|bin|el|le|la))$")
_NAME_ROLE = re.compile(
    r"^(?P<name>[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3})\s*[,|–—-]\s*(?P<role>.+)$"
)


_COPYRIGHT_OWNER = re.compile(
    r"(?i:©|\(c\)|copyright)\s*(?:(?i:©|copyright)\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?(?:by\s+)?"
    r"(?P<name>[A-Z][\w&'’-]*(?: (?:[A-Z&][\w&'’-]*|of|the|and|for)){0,5})"
)
_COMPANY_SUFFIX = re.compile(r"[,.]?\s+(?:Inc|Ltd|LLC|plc|Co|Corp|Limited|GmbH|S\.A)\.?$")
_NOT_OWNER = frozenset({"all", "the", "by", "this", "and", "copyright"})


def _tokens(text: str) -> list[str]:
    return [tok.strip(_TOKEN_EDGE).casefold() for tok in text.split() if tok.strip(_TOKEN_EDGE)]


def is_date_line(text: str) -> bool:
    """A line made only of date and time words, with at least one real date in it."""
    tokens = _tokens(text)
    if not 1 <= len(tokens) <= 16:
        return False
    has_date = False
    for token in tokens:
        bare = token.rstrip(".,")
        if _NUMERIC.match(token) or _NUMERIC.match(bare):
            has_date = has_date or len(bare) == 4 or not bare.isdigit()
        elif bare in _DATE_WORDS or token in _DATE_WORDS:
            has_date = has_date or bare in _MONTHS or bare == "ago"
        else:
            return False
    return has_date


def _is_name_list(text: str) -> bool:
    words = text.replace(",", " , ").split()
    names = [w for w in words if w not in {",", "and", "&"}]
    return bool(names) and len(names) <= 12 and all(_NAME_WORD.match(w) for w in names)


def _byline_name(text: str) -> str | None:
    """The name part of a byline, or None when the line is not one."""
    match = _BY.match(text)
    if match:
        rest = text[match.end() :].strip()
        if rest[:4].casefold() == "the ":
            rest = rest[4:]
        name = re.split(r"\s*(?:,|\||\(|–|—| - | for | in )\s*", rest, maxsplit=1)[0]
        tail = [w.strip(_TOKEN_EDGE) for w in rest[len(name) :].split()]
        if not name or len(rest.split()) > 14 or not _is_name_list(name):
            return None
        if any(w and w.casefold() not in _ROLE_WORDS and not w[:1].isupper() for w in tail):
            return None
        return name
    match = _NAME_ROLE.match(text)
    if match and all(w in _ROLE_WORDS for w in _tokens(match["role"])):
        return match["name"]
    return None


def is_name_only(text: str) -> bool:
    """A bare "Jane Doe" ("Sofie Aune and Courier staff") line: a byline beside a date."""
    words = text.split()
    if not 2 <= len(words) <= 6:  # before looking at each word: paragraphs come here too
        return False
    names = [w for w in words if w.casefold() not in _ROLE_WORDS]
    return (
        "," not in text
        and not _BY.match(text)
        and not is_date_line(text)
        and (bool(names) or all(w[:1].isupper() for w in words))  # "Associated Press Writer"
        and all(_NAME_WORD.match(w) for w in names)
    )


def is_byline(text: str) -> bool:
    return _byline_name(text) is not None


def is_header_line(text: str) -> bool:
    """A byline, a date line, a set-apart dateline, or "|"-joined parts of those."""
    if len(text) > 160:
        return False
    parts = [part for part in _PARTS.split(text) if part.strip()]
    if len(parts) > 1:
        return any(is_date_line(p) for p in parts) and all(
            is_date_line(p) or is_byline(p) or is_name_only(p) for p in parts
        )
    return is_date_line(text) or is_byline(text) or _is_dateline_only(text)


def _is_dateline_only(text: str) -> bool:
    """ "WASHINGTON (AP) —" or "LONDON, Feb 3 (Reuters) -" alone on a line: a dateline the page
    set apart from the lead paragraph. It must end in a dash/colon or name an agency, so an ALL
    CAPS section label ("WORLD") is not one."""
    core = text.rstrip(" -–—:_")
    match = DATELINE_ALONE.match(core)
    return match is not None and (core != text or match["agency"] is not None)


# A calendar date inside a longer line: "Friday 7 January 2011", "March 12, 2019", "Nov. 8",
# "2014-04-19", "12.03.2015".
_MONTH_NAME = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE_IN_LINE = re.compile(
    rf"(?i:\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH_NAME}(?:,?\s+\d{{4}})?\b"
    rf"|\b{_MONTH_NAME}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}})?"
    r"|(?<![\d./])(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[./]\d{1,2}[./]\d{2,4})(?![\d./]))"
)
_BY_NAME = re.compile(r"\b(?i:by)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}")
_CAPTION_START = re.compile(r"^\W*(?:photo|picture|image|caption|video|watch|listen)", re.I)
# A date line may carry the outlet ("guardian.co.uk, Friday 7 January 2011"), a page number
# or an author label ("12.03.2015 | Author: Marta Lepik"), but no more than this many other
# words: "March 30, 2006 — Ferry fares to rise in April" is a story-list entry.
DATED_HEADER_OTHER_WORDS = 4
_PUBLISHED_WORD = re.compile(r"\bpublished\b(?!\s+by\b)", re.I)
# "Printed from: https://..." names the page's own address.
_PAGE_URL = re.compile(
    r"^\W*(?i:printed from|retrieved from|source|url|permalink|short ?link|link to this \w+"
    r"|find this article at|article (?:url|link))\s*:?\s*(?:https?://|www\.)\S+\s*$"
)


def is_dated_header(text: str) -> bool:
    """A line that prints a date beside header words: the outlet, a byline, "Posted on".

    Wider than `is_date_line`, so the cleaner uses it only above the body, where the page's
    own date stands, and never on a caption or copyright line.
    """
    if len(text) > 160 or _CAPTION_START.search(text) or re.search(r"©|\bcopyright\b", text, re.I):
        return False
    if _DATE_IN_LINE.search(text) is None:
        return False
    rest = _BY_NAME.sub(" ", _DATE_IN_LINE.sub(" ", text))
    other = [
        token for token in _tokens(rest) if token.rstrip(".,") not in _DATE_WORDS
        and not _NUMERIC.match(token.rstrip(".,"))
    ]  # fmt: skip
    return len(other) <= DATED_HEADER_OTHER_WORDS


def is_publication_stamp(text: str) -> bool:
    """ "Published: 2009/06/09 14:22:51 GMT" anywhere on the page: its own stamp. Only
    "published" counts below the body, where comments say "posted" and sidebars "updated"."""
    return _PUBLISHED_WORD.search(text) is not None and is_dated_header(text)


def is_page_url(text: str) -> bool:
    """ "Printed from: https://..." — the page's own address, often dated in its path."""
    return _PAGE_URL.match(text) is not None


def byline_author(text: str) -> str:
    """The author named by a header line ("" when it names none); ALL CAPS names are re-cased."""
    for part in _PARTS.split(text):
        part = part.strip()
        name = part if is_name_only(part) else _byline_name(part)
        if name:
            return name.title() if name.isupper() else name
    return ""


def copyright_owner(text: str) -> str:
    """The outlet of "© 2004 The Daily Courier. All rights reserved." ("" when unclear)."""
    match = _COPYRIGHT_OWNER.search(text)
    if not match:
        return ""
    name = _COMPANY_SUFFIX.sub("", match["name"].rstrip(".,"))
    while name and name.split()[-1].casefold() in {"all", "the", "of", "and", "for"}:
        name = name.rsplit(" ", 1)[0] if " " in name else ""
    if not name or name.casefold() in _NOT_OWNER or not name[:1].isupper():
        return ""
    return name
