"""Date a saved page by the first comment posted below its story.

Readers comment on a story once it is out, most of them within the day: so the earliest of
the stamps a page lists below its story (several distinct date-and-clock stamps of one
shape, `read.pagetext.listed_dates`) is the last day the story can have been written, and
most often the day itself. A stamp that another page of the pile carries too is the site's
furniture (a box of tweets, a tile of related stories shown on every page), not a comment on
this page, so it dates nothing; that is why this is read across the pile, not per page.

The page's own date line and the user's word stand; a day the text only inferred (its latest
date, the pile's guess) gives way when it falls after the first comment, which it cannot.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections import Counter
from collections.abc import Sequence
from datetime import date, timedelta

from dateline.model import Article, PublicationDate, each, subset
from dateline.read.pagetext import listed_dates

# About the share of exact days the first comment gave on Timeline17's topics read as piles
# (114 of 148 pages with such stamps; all but 12 of the rest within a week after).
COMMENT_CONFIDENCE = 0.7
# The interval given: the month up to the first comment (written on or before it).
MONTH = timedelta(days=30)
# The methods a first comment does not overrule: the page's own date line, its markup, the
# user's word.
STATED = frozenset({"metadata", "header", "user"})
# The characters either side of a stamp, on its line, that make it one page's: its clock and
# its reply link, or a tile's headline.
STAMP_CONTEXT = 40


def first_comments(articles: Sequence[Article]) -> dict[int, Article]:
    """The articles whose day the first comment below them gives, by position."""
    stamps = each(articles, stamp_keys)
    carried: Counter[bytes] = Counter()
    for found in stamps:
        carried.update({key for key, _ in found})
    firsts = {}
    for index, found in enumerate(stamps):
        own = [day for key, day in found if carried[key] == 1]
        if own:
            firsts[index] = min(own)
    at = sorted(firsts)
    dated = {}
    for index, article in zip(at, subset(articles, at), strict=True):
        published = _first_comment(article.published, firsts[index])
        if published is not None:
            dated[index] = dataclasses.replace(article, published=published)
    return dated


def stamp_keys(article: Article) -> tuple[tuple[bytes, date], ...]:
    """Each listed stamp of the article as (a digest of it with its context, its day): read
    from its own text alone, so the pipeline answers it as the article is processed."""
    listed = listed_dates(article.text)
    if not listed:
        return ()
    lines = article.text.splitlines()
    found = []
    for written in listed:
        line = lines[written.line]
        context = line[max(0, written.start - STAMP_CONTEXT) : written.end + STAMP_CONTEXT]
        digest = hashlib.blake2b(context.strip().encode(), digest_size=8).digest()
        found.append((digest, written.day))
    return tuple(found)


def _first_comment(published: PublicationDate | None, day: date) -> PublicationDate | None:
    """The article's date once its first comment, on `day`, is known; None when it stands."""
    if published is not None and (
        published.method in STATED or (published.date is not None and published.date <= day)
    ):
        return None
    why = f"the first comment below the story is of {day.isoformat()}"
    return PublicationDate(day, day - MONTH, day, COMMENT_CONFIDENCE, (why,), "comments", day,
                           "day")  # fmt: skip
