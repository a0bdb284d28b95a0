"""Hand-built articles for the timeline tests: our own sentences with the time mentions a tagger would give."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from dateline.model import Article, PublicationDate, TimeMention


def mention(text: str, phrase: str, value: str, occurrence: int = 0) -> TimeMention:
    """The TimeMention for the `occurrence`-th `phrase` in `text`."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(phrase, start + 1)
    kind = "TIME" if "T" in value[10:11] else "DATE"
    return TimeMention(start, start + len(phrase), phrase, kind, value)


def article(
    text: str,
    dates: dict[str, str] | None = None,
    published: str | None = None,
    ident: str | None = None,
    duplicate_of: str | None = None,
    title: str = "",
) -> Article:
    """An article whose `dates` maps phrases of `text` to TIMEX3 values."""
    timexes = tuple(mention(text, phrase, value) for phrase, value in (dates or {}).items())
    pub = None
    if published:
        day = date.fromisoformat(published)
        pub = PublicationDate(day, day, day, 1.0, method="metadata")
    built = Article.from_raw("test", text, text=text, timexes=timexes, published=pub, title=title)
    if ident:
        built = Article(**{**built.__dict__, "id": ident})
    if duplicate_of:
        built = Article(**{**built.__dict__, "duplicate_of": duplicate_of})
    return built


@pytest.fixture
def make_article() -> Callable[..., Article]:
    return article
