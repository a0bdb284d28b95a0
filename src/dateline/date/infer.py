"""Infer when an article was written, strongest evidence first.

Metadata the page carried, then a day in the file's name, then the page's own date line,
then a header line the cleaner kept, a date in the URL, and last what the text implies,
narrowed by what the world knows of the office holders and events it names (`world`). The
date line is looked for in `raw_text`, the page as it came, because copied pages keep it
among their chrome; comments, notices, captions, sidebars and what follows the story are
kept from deciding there (`pagestamp`).
"""

from __future__ import annotations

import calendar
import dataclasses
from collections.abc import Sequence
from datetime import date
from pathlib import PurePath

from dateline.date.bounds import Bound
from dateline.date.content import Estimate, estimate_from_text
from dateline.date.given import given_publication
from dateline.date.header import (
    Stated,
    header_date,
    text_urls,
    title_stamp,
    top_lines,
    url_day,
    url_month,
)
from dateline.date.world import within_world
from dateline.date.years import PAST_REACH
from dateline.model import Article, PublicationDate
from dateline.read.pagestamp import GOOD_SCORE, PageStamp, page_stamp
from dateline.read.pagetext import written_dates
from dateline.timex import tag

# Confidence per kind of evidence, set by hand: a page's metadata is its own statement of the
# day; a header line is reached only when no date line of the page passed `pagestamp` (so it
# may be one of the lines kept from deciding there: 8 of 12 right on `real/dates/text`); a
# URL path is usually the publication day but sometimes the day the story was filed or first
# drafted; an "updated" line comes on or after the writing day.
METADATA_CONFIDENCE = 0.95
HEADER_CONFIDENCE = 0.8
URL_CONFIDENCE = 0.85
UPDATED_CONFIDENCE = 0.7
URL_MONTH_CONFIDENCE = 0.5  # the URL's month, with a point from the text inside it
URL_MONTH_ONLY_CONFIDENCE = 0.3
# A day in the file's name: whoever saved the file wrote it there; set by hand (no measured
# set names its files so), below the confident level until one does.
FILE_NAME_CONFIDENCE = 0.85
# A date line chosen among all the dates a page writes (`pagestamp`), by what backs it: a
# score of pagestamp.GOOD_SCORE or more, or the header reading agreeing. Measured on
# `real/dates/text`: backed and naming publication, right on 35 of 35 pages of each half;
# backed, 0.92; neither, 0.81.
STAMP_SURE_CONFIDENCE = 0.93
STAMP_CONFIDENCE = 0.85
STAMP_WEAK_CONFIDENCE = 0.7
# A saved page's day by how many kinds of place state it (meta tags, JSON-LD, <time>, URL,
# htmldate's search...), less one when another day is stated too: 0, 1, 2, 3, 4 or more.
# Measured on `real/dates/html`: right on 0.70, 0.83, 0.89, 0.98 and 0.99 of pages.
PAGE_CONFIDENCE = (0.6, 0.75, 0.85, 0.93, 0.96)
# Time mentions the text's estimate reads, at most: a news report has tens, a page of
# thousands is a list or an index whose first ones date it as well; each costs a look at its
# clause, so past this an article would take seconds.
MENTION_BUDGET = 1000


def date_article(article: Article) -> Article:
    """The article with `published` filled in; a day the user gave wins over inference."""
    if article.given_date is not None:
        return dataclasses.replace(article, published=given_publication(article.given_date))
    return dataclasses.replace(article, published=infer_publication_date(article))


def infer_publication_date(article: Article, bounds: Sequence[Bound] = ()) -> PublicationDate:
    """When `article` was written: an interval, a point estimate and what decided it.

    `bounds` are intervals known beside the text (what the world knows of the people and
    events it names, say): the text's own clues are read inside them (`bounds`).
    """
    found = _infer(article, bounds)
    if found.date is not None:
        return dataclasses.replace(found, likeliest=found.date, granularity="day")
    return found


def _infer(article: Article, bounds: Sequence[Bound]) -> PublicationDate:
    if article.metadata_date is not None:
        day = article.metadata_date
        source = ", ".join(article.metadata_sources) or "metadata date"
        if article.metadata_disputed:
            source += " (another day elsewhere on the page)"
        confidence = _page_confidence(article.metadata_sources, article.metadata_disputed)
        return PublicationDate(day, day, day, confidence,
                               (f"{source}: {day.isoformat()}",), "metadata")  # fmt: skip
    if (named := _file_name_day(article.source)) is not None:
        evidence = (f"file name {article.source.split('::')[0]}",)
        return PublicationDate(named, named, named, FILE_NAME_CONFIDENCE, evidence, "header")
    text = article.text
    content = _TextEstimate(text, bounds)
    stated = (
        header_date(article.header)
        or header_date(top_lines(text))
        or header_date(title_stamp(article.title))
    )
    stamp = page_stamp(article)
    if stamp is not None:
        header_day = _stated_day(stated, content) if stated is not None else None
        return _from_stamp(stamp, header_day == stamp.day)
    if (titled := _title_day(article.title)) is not None:
        return PublicationDate(titled, titled, titled, HEADER_CONFIDENCE, (article.title,),
                               "header")  # fmt: skip
    if stated is not None and (found := _from_header(stated, content)) is not None:
        return found
    for url in (article.url, *text_urls(text)):
        if url and (found := _from_url(url, content)) is not None:
            return found
    guess = content.get()
    method = "content" if guess.earliest or guess.latest or guess.likeliest else "none"
    found = PublicationDate(guess.point, guess.earliest, guess.latest, guess.confidence,
                            guess.evidence, method, guess.likeliest, guess.granularity)  # fmt: skip
    return within_world(found, text)


class _TextEstimate:
    """The text's own estimate, tagged only if some decision needs it: a header date with
    its year and no "updated" settles the day without reading the body."""

    def __init__(self, text: str, bounds: Sequence[Bound] = ()) -> None:
        self.text = text
        self.bounds = bounds
        self._estimate: Estimate | None = None

    def get(self) -> Estimate:
        if self._estimate is None:
            mentions = tag(self.text, None) if self.text.strip() else []
            estimate = estimate_from_text(self.text, mentions[:MENTION_BUDGET], self.bounds)
            if len(mentions) > MENTION_BUDGET:  # said, not silently cut
                estimate = dataclasses.replace(
                    estimate,
                    evidence=(
                        *estimate.evidence,
                        f"read the first {MENTION_BUDGET} of {len(mentions)} "
                        "time mentions (the date stage's budget per article)",
                    ),
                )
            self._estimate = estimate
        return self._estimate


def _file_name_day(source: str) -> date | None:
    """A day in the file's name (`herald-2011-03-14.txt`, `20110314_story.html`)."""
    name = PurePath(source.split("::")[0]).name
    return url_day(name) if name else None


def _title_day(title: str) -> date | None:
    """The day a headline ends in ("Council Approves Bridge Repairs - 2011-03-14")."""
    found = written_dates(title)
    if found and not title[found[-1].end :].strip(" )]|"):
        return found[-1].day
    return None


def _from_stamp(stamp: PageStamp, header_agrees: bool) -> PublicationDate:
    """The page's date line; an "updated" one only bounds the writing day from above."""
    day = stamp.day
    backed = header_agrees or stamp.score >= GOOD_SCORE
    if stamp.published and backed:
        confidence = STAMP_SURE_CONFIDENCE
    elif backed:
        confidence = STAMP_CONFIDENCE
    else:
        confidence = STAMP_WEAK_CONFIDENCE
    earliest = None if stamp.updated else day
    return PublicationDate(day, earliest, day, confidence, (stamp.line,), "header")


def _page_confidence(sources: tuple[str, ...], disputed: bool) -> float:
    """How far a page's day holds: the more kinds of place on the page state it, the surer;
    a page that states another day elsewhere counts one less."""
    if not sources:
        return METADATA_CONFIDENCE
    return PAGE_CONFIDENCE[max(0, min(len(sources) - disputed, len(PAGE_CONFIDENCE) - 1))]


def _from_header(stated: Stated, text_estimate: _TextEstimate) -> PublicationDate | None:
    day = _stated_day(stated, text_estimate)
    if day is None:
        return None
    if stated.updated:
        # Written on or before the update; the text may say how much before.
        content = text_estimate.get()
        earliest = content.earliest if content.earliest and content.earliest <= day else None
        return PublicationDate(day, earliest, day, UPDATED_CONFIDENCE, (stated.line,), "header")
    return PublicationDate(day, day, day, HEADER_CONFIDENCE, (stated.line,), "header")


def _stated_day(stated: Stated, text_estimate: _TextEstimate) -> date | None:
    """The header's day; a header without a year takes it from the text's dated events."""
    if stated.year is not None:
        return stated.on(stated.year)
    content = text_estimate.get()
    reference = content.earliest or content.point
    if reference is None:
        return None
    limit = reference + PAST_REACH
    for year in (limit.year, limit.year - 1):
        day = stated.on(year)
        if day is not None and reference <= day <= limit:
            return day
    return None


def _from_url(url: str, text_estimate: _TextEstimate) -> PublicationDate | None:
    day = url_day(url)
    if day is not None:
        return PublicationDate(day, day, day, URL_CONFIDENCE, (url,), "metadata")
    month = url_month(url)
    if month is None:
        return None
    first = date(*month, 1)
    last = date(*month, calendar.monthrange(*month)[1])
    content = text_estimate.get()
    point = content.point if content.point and first <= content.point <= last else None
    confidence = URL_MONTH_CONFIDENCE if point else URL_MONTH_ONLY_CONFIDENCE
    grain = "day" if point else "month"
    return PublicationDate(point, first, last, confidence, (url,), "metadata", point or first,
                           grain)  # fmt: skip
