"""A saved page's title, author, site name, address and picture, read from its markup.

trafilatura's metadata pass also dates the page, guesses an author from the page's bylines
and collects categories, tags and a licence: on the real pages of `bench/read_html.py` that
was as much CPU time as taking out the body. dateline dates pages itself (`read.pagedate`)
and uses none of the rest, so only trafilatura's readers of what the markup states run here:
meta tags, JSON-LD, `<title>`/`<h1>`, the canonical link. The byline guess is left out too:
on the real pages it named a commenter or a date as often as a writer ("Colin Rust commented
on", "CBS News February"), and it cost a third of the whole metadata pass.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import unescape

from lxml.html import HtmlElement
from trafilatura.metadata import (
    examine_meta,
    extract_meta_json,
    extract_sitename,
    extract_title,
    extract_url,
)
from trafilatura.utils import line_processing


@dataclass(frozen=True)
class PageMeta:
    """What the page's markup says it is; a field is "" when the page does not say."""

    title: str
    author: str
    sitename: str
    url: str
    image: str


def page_meta(tree: HtmlElement, url: str = "") -> PageMeta:
    """The title, author, site name and address the page's markup states.

    `url`, when the caller knows where the page came from, stands in for a page without a
    canonical link.
    """
    found = extract_meta_json(tree, examine_meta(tree))
    # A one-word author is a handle or a desk ("newsdesk"), not a name.
    author = found.author if found.author and " " in found.author else ""
    address = found.url or extract_url(tree, url or None) or ""
    sitename = (found.sitename or extract_sitename(tree) or "").lstrip("@")
    if sitename and "." not in sitename and not sitename[0].isupper():
        sitename = sitename.title()
    return PageMeta(
        title=_tidy(found.title or extract_title(tree) or ""),
        author=_tidy(author),
        sitename=_tidy(sitename),
        url=_tidy(address),
        image=(found.image or "").strip(),
    )


def _tidy(value: str) -> str:
    """One line of text: entities decoded, control characters out, spaces collapsed."""
    return line_processing(unescape(value)) or ""
