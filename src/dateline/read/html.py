"""A saved web page to an Article: main text via trafilatura, metadata from the markup.

The page is parsed once; the body, the metadata (`read.pagemeta`) and the date
(`read.pagedate`) are read from that one tree. The text trafilatura keeps is the article body
without menus and comments, and the cleaner keeps it as it is (`Article.extracted`). The date
is the page's own statement of its first publication day, with the part of the page that
gave it.
"""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlsplit

from dateline.model import Article, Failure
from dateline.read.pagedate import page_date, parsed_page

# Fewer words than this is navigation residue ("Home | News"), not an article body.
_MIN_WORDS = 5
# Scripts written without spaces between words: two characters count as one word.
_UNSPACED = re.compile(
    r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]"
)
# trafilatura's recall-favouring mode without its fallback extractors: on the real pages of
# `dateline eval body` (Article Extraction Benchmark) F1 0.964 against 0.956 with its defaults
# (comments off), 0.958 precision-favouring; better on both halves of the pages, and faster.
_FAVOR_RECALL = True
_FAST = True
# htmldate's own floor is 1995; archives of older stories exist (and their pages say so).
_MIN_DATE = date(1900, 1, 1)


def read_html(
    source: str, page: str, url: str = "", crawled: date | None = None
) -> Article | Failure:
    """The article in an HTML page, or a Failure when the page has no body text.

    `url`, when the caller knows where the page came from (a WARC target), wins over the
    page's canonical link. `crawled` (a WARC date) caps the publication date: nothing is
    published after it is fetched.
    """
    # trafilatura loads with the first page, not with the module (see `parsed_page`).
    from trafilatura import bare_extraction
    from trafilatura.settings import Document

    from dateline.read.pagemeta import page_meta

    try:
        tree = parsed_page(page)
        if tree is None:
            return Failure(source, "HTML page has no main text")
        meta = page_meta(tree, url)
        document = bare_extraction(
            tree,
            url=url or meta.url or None,
            include_comments=False,
            favor_recall=_FAVOR_RECALL,
            fast=_FAST,
        )
    except (ValueError, TypeError, RecursionError) as exc:
        return Failure(source, f"HTML could not be parsed ({type(exc).__name__})")
    if not isinstance(document, Document) or not document.text:
        return Failure(source, "HTML page has no main text")
    text = _without_title(document.text.strip(), meta.title)
    if _words(text) < _MIN_WORDS:
        return Failure(source, "HTML page has no main text")
    page_url = url or meta.url
    stamp = page_date(tree, _MIN_DATE, crawled, url)
    return Article.from_raw(
        source,
        text,
        title=meta.title,
        outlet=meta.sitename or _host(page_url),
        author=meta.author,
        url=page_url,
        metadata_date=stamp.day if stamp else None,
        metadata_sources=stamp.sources if stamp else (),
        metadata_disputed=stamp.disputed if stamp else False,
        extracted=True,
        image=image_address(meta.image),
    )


def image_address(value: object) -> str:
    """A picture's address worth publishing (og:image, a record's `image`): http(s) only,
    never a script, data or file URL."""
    text = value.strip() if isinstance(value, str) else ""
    return text if text.startswith(("https://", "http://")) and len(text) <= 2000 else ""


def _words(text: str) -> int:
    return len(text.split()) + len(_UNSPACED.findall(text)) // 2


def _without_title(text: str, title: str) -> str:
    """The body without the headline trafilatura repeats as its first line."""
    first, _, rest = text.partition("\n")
    if title and " ".join(first.split()).casefold() == " ".join(title.split()).casefold():
        return rest.strip()
    return text


def _host(url: str) -> str:
    """The site a URL belongs to, as an outlet name of last resort ("www." dropped)."""
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")
