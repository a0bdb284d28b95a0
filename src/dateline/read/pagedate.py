"""When a saved page says it was published, and which part of the page says so.

A page states its day in several places: meta tags, JSON-LD, `<time>` elements, its address.
Each is read here on its own and kept with its name ("meta article:published_time",
"JSON-LD datePublished", "<time>", "URL"), so the date stage can say what decided and trust
each kind as far as it has proved right. htmldate's extensive search (markup, then the page's
free text) is the floor: it decides only when the page's own markup names no publication day.
"""

from __future__ import annotations

import copy
import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from dateline.model import Article
from dateline.read.metadate import parse_date
from dateline.read.pagestamp import GOOD_SCORE, page_stamp

if TYPE_CHECKING:
    from lxml import html as lxml_html

# Meta names and properties that hold the first publication day (lower-cased). Modified and
# updated stamps are left out on purpose: an update comes after the article was written.
PUBLISHED_META = frozenset(
    {
        "article:published_time", "og:article:published_time", "og:published_time",
        "article:published", "published_time", "datepublished", "date_published",
        "publishdate", "publish-date", "publish_date", "pubdate", "publication_date",
        "dc.date.issued", "dcterms.issued", "dc.date.created", "dcterms.created",
        "dc.date", "dcterms.date", "date", "citation_publication_date", "citation_date",
        "sailthru.date", "parsely-pub-date", "article.published", "originalpublicationdate",
        "article_date_original", "date.available", "created", "release_date",
    }
)  # fmt: skip
_JSON_KEYS = ("datePublished", "dateCreated")
# Classes of an element whose text or title is the post's own date ("entry-date published").
_DATE_CLASS = re.compile(r"\b(?:published|entry-date|post-date|publish-date|pubdate)\b", re.I)
_DATE_IN_URL = re.compile(
    r"(?<!\d)((?:19|20)\d\d)([/_-])(0?[1-9]|1[0-2])\2(0?[1-9]|[12]\d|3[01])(?=[/._-]|$)"
)


HTMLDATE = "htmldate extensive search"
_VISIBLE = ("<time>", "itemprop datePublished")
# How far a visible date may be from htmldate's and still win: chosen on half the real pages
# (`real/dates/html`, files by CRC-32 parity: 7, 31 and 400 days tried; 31 best) and held on
# the other half (+4 right pages on each half over htmldate alone).
VISIBLE_REACH = 31
# A well-placed date line of the page's text overrules up to this many kinds of place
# agreeing on another day, none disputing: chosen on half the real pages (1, 2, 3 tried;
# 2 best: +6 right pages) and held on the other (+4).
TEXT_LINE_OVERRULES = 2
TEXT_LINE_SHOWN = 60
# Elements that start a new line of the text a reader sees.
_BLOCKS = (
    "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "td", "th", "article",
    "section", "header", "footer", "time", "span", "a", "ul", "ol", "table", "dd", "dt",
    "figcaption", "blockquote", "aside", "nav", "main", "form", "label", "button", "address",
)  # fmt: skip
# Which source names the day when several agree: the page's structured statement first.
_RANK = {"JSON-LD datePublished": 0, "meta": 1, "itemprop": 1, "<time>": 2, "URL": 3,
         "class": 4, "JSON-LD dateCreated": 5}  # fmt: skip


@dataclass(frozen=True)
class Stamp:
    """A publication day the page states, and where: `source` names the tag or place."""

    day: date
    source: str


@dataclass(frozen=True)
class PageDate:
    """The page's day; `sources` are the kinds of place that state it, the deciding one
    first; `disputed` when some other place on the page states another day."""

    day: date
    sources: tuple[str, ...]
    disputed: bool


def page_date(
    tree: lxml_html.HtmlElement | None, min_date: date, max_date: date | None = None, url: str = ""
) -> PageDate | None:
    """The page's publication day with the source that decided it, or None.

    htmldate's extensive search decides, unless the page shows its day in a visible element
    (`<time>`, an element marked `itemprop="datePublished"`) that differs from it by less
    than a month: hidden stamps are often in UTC or are the last change, while the page
    prints its own local publication day. `tree` is the page as `parsed_page` gives it; it
    is left as it was.
    """
    if tree is None:
        return None
    shown = copy.deepcopy(tree)  # visible_text changes its tree
    stamps = [s for s in _stamps(tree) if _plausible(s.day, min_date, max_date)]
    # htmldate reads a parsed tree six times faster than the page's string, with the same
    # answers (200 pages of real/dates).
    found = _htmldate(tree, url, min_date, max_date)
    if found is not None and (found.month, found.day) == (1, 1) and found not in _days(stamps):
        # htmldate's answer when all it found is a year (a copyright line): no day at all.
        found = None
    decided = _decide(stamps, found)
    if decided is None:
        line = _text_line(shown)
        return PageDate(line.day, (line.source,), False) if line else None
    if found is not None:
        stamps.append(Stamp(found, HTMLDATE))
    agreeing = [decided.source] + [s.source for s in stamps if s.day == decided.day]
    kinds = tuple(dict.fromkeys(_kind(source) for source in agreeing))
    disputed = any(s.day != decided.day for s in stamps)
    line = _text_line(shown)
    if line is None:
        return PageDate(decided.day, (decided.source, *kinds[1:]), disputed)
    if line.day == decided.day:
        return PageDate(decided.day, (decided.source, *kinds[1:], line.source), disputed)
    if len(kinds) <= TEXT_LINE_OVERRULES and not disputed:
        return PageDate(line.day, (line.source,), True)
    return PageDate(decided.day, (decided.source, *kinds[1:]), True)


def parsed_page(page: str) -> lxml_html.HtmlElement | None:
    """The page's markup as a tree, or None when it holds none. trafilatura's loader, so the
    body, the metadata and the date are read from one parse; unlike lxml's own it takes a
    page that declares its encoding in an XML prolog."""
    # Imported on the first page, not with the module: a pile of text files, and every
    # `dateline` command that reads none, starts without trafilatura's 0.4 s of imports.
    from lxml.etree import ParserError, XMLSyntaxError
    from trafilatura.utils import load_html

    try:
        return load_html(page)
    except (ParserError, XMLSyntaxError, ValueError, TypeError):
        return None  # damaged markup (control characters lxml will not take back)


def _text_line(tree: lxml_html.HtmlElement | None) -> Stamp | None:
    """The date line a reader sees by the headline, when it is well placed (`pagestamp`)."""
    if tree is None:
        return None
    try:
        headline = next((" ".join(h.text_content().split()) for h in tree.iter("h1")), "")
        text = visible_text(tree)
    except ValueError:
        return None
    shown = Article.from_raw("", text, title=headline)
    found = page_stamp(shown)
    if found is None or found.score < GOOD_SCORE:
        return None
    return Stamp(found.day, f"text line {found.line[:TEXT_LINE_SHOWN]!r}")


def visible_text(tree: lxml_html.HtmlElement) -> str:
    """The page's text as a reader sees it, one block to a line (scripts and styles out).
    The tree is changed: pass one parsed for this."""
    for hidden in tree.xpath("//script | //style | //noscript | //template | //svg | //head"):
        hidden.drop_tree()
    for element in tree.iter(*_BLOCKS):
        element.text = "\n" + (element.text or "")
        element.tail = "\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in tree.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def _days(stamps: list[Stamp]) -> set[date]:
    return {s.day for s in stamps}


def _decide(stamps: list[Stamp], found: date | None) -> Stamp | None:
    shown = _visible(stamps)
    if shown and (found is None or abs((shown.day - found).days) <= VISIBLE_REACH):
        return shown
    if found is not None:
        named = [s for s in stamps if s.day == found]
        return choose(named) if named else Stamp(found, HTMLDATE)
    return choose(stamps) if stamps else None


def _kind(source: str) -> str:
    """Meta tags count as one kind of place, however many names they use; so do classes."""
    first = source.split(" ", 1)[0]
    return first if first in ("meta", "class") else source


def _visible(stamps: list[Stamp]) -> Stamp | None:
    """The day the page's visible date elements show, when they all show the same one."""
    shown = [s for s in stamps if s.source in _VISIBLE]
    return shown[0] if shown and len({s.day for s in shown}) == 1 else None


def choose(stamps: list[Stamp]) -> Stamp:
    """The first stamp by source rank (markup order breaks ties)."""
    return min(stamps, key=lambda s: _RANK.get(s.source, _RANK.get(s.source.split(" ")[0], 9)))


def page_stamps(page: str) -> list[Stamp]:
    """Every publication day the page's markup states, in the order the page gives them."""
    return _stamps(parsed_page(page))


def _stamps(tree: lxml_html.HtmlElement | None) -> list[Stamp]:
    if tree is None:
        return []
    stamps = [*_json_ld(tree), *_meta(tree), *_time_elements(tree), *_classed(tree)]
    stamps.extend(_url(tree))
    return stamps


def _meta(tree: lxml_html.HtmlElement) -> Iterator[Stamp]:
    for element in tree.iter("meta"):
        for attribute in ("property", "name", "itemprop", "http-equiv"):
            name = (element.get(attribute) or "").strip().lower()
            if name in PUBLISHED_META and (day := parse_date(element.get("content"))):
                yield Stamp(day, f"meta {name}")
    for element in tree.xpath('//*[@itemprop="datePublished"][not(self::meta)]'):
        value = element.get("datetime") or element.get("content") or element.text_content()
        if day := parse_date(value.strip()):
            yield Stamp(day, "itemprop datePublished")


def _json_ld(tree: lxml_html.HtmlElement) -> Iterator[Stamp]:
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text_content() or "")
        except ValueError:
            continue
        for key, value in _walk(data):
            if key in _JSON_KEYS and (day := parse_date(value)):
                yield Stamp(day, f"JSON-LD {key}")


def _walk(data: object) -> Iterator[tuple[str, object]]:
    """Every key and value of nested JSON, outer objects first."""
    if isinstance(data, dict):
        yield from data.items()
        for value in data.values():
            yield from _walk(value)
    elif isinstance(data, list):
        for item in data:
            yield from _walk(item)


def _time_elements(tree: lxml_html.HtmlElement) -> Iterator[Stamp]:
    for element in tree.iter("time"):
        if day := parse_date((element.get("datetime") or "").strip()):
            yield Stamp(day, "<time>")


def _classed(tree: lxml_html.HtmlElement) -> Iterator[Stamp]:
    for element in tree.xpath("//abbr[@title] | //span[@class] | //div[@class] | //p[@class]"):
        if not _DATE_CLASS.search(element.get("class") or ""):
            continue
        value = element.get("title") if element.tag == "abbr" else element.text_content()
        if value and len(value) < 60 and (day := parse_date(value.strip())):
            yield Stamp(day, f"class {element.get('class', '').split()[0]}")


def _url(tree: lxml_html.HtmlElement) -> Iterator[Stamp]:
    addresses = tree.xpath('//link[@rel="canonical"]/@href | //meta[@property="og:url"]/@content')
    for address in addresses:
        for found in _DATE_IN_URL.finditer(str(address)):
            year, _, month, day = found.groups()
            try:
                yield Stamp(date(int(year), int(month), int(day)), "URL")
            except ValueError:
                continue


def _plausible(day: date, min_date: date, max_date: date | None) -> bool:
    return min_date <= day and (max_date is None or day <= max_date)


def _htmldate(
    tree: lxml_html.HtmlElement, url: str, min_date: date, max_date: date | None
) -> date | None:
    from htmldate import find_date

    logging.getLogger("htmldate").setLevel(logging.CRITICAL)
    try:
        value = find_date(
            tree,
            url=url or None,
            extensive_search=True,
            original_date=True,
            min_date=min_date.isoformat(),
            max_date=max_date.isoformat() if max_date else None,
        )
    except (ValueError, TypeError, RecursionError):
        return None
    return date.fromisoformat(value) if value else None
