"""Which evidence wins, and the stage contract: pure, one new Article out."""

from __future__ import annotations

import dataclasses
from datetime import date

from dateline.date import date_article, infer_publication_date
from dateline.model import Article

BODY = (
    "The harbor commission on Monday approved a plan to deepen the channel. Dredging will "
    "start in October. The Army Corps approved the permit on March 2, 2007."
)


def article(**fields: object) -> Article:
    return Article.from_raw("story.txt", BODY, text=BODY, **fields)


def test_metadata_beats_header_url_and_content() -> None:
    found = infer_publication_date(
        article(
            metadata_date=date(2007, 5, 14),
            header=("Published: May 20, 2007",),
            url="https://example.org/2007/05/21/harbor",
        )
    )
    assert found.date == date(2007, 5, 14)
    assert found.method == "metadata"
    assert found.confidence > 0.9


def test_header_beats_url_and_content() -> None:
    found = infer_publication_date(
        article(header=("Published: May 20, 2007",), url="https://example.org/2007/05/21/x")
    )
    assert (found.date, found.earliest, found.latest) == (date(2007, 5, 20),) * 3
    assert found.method == "header"
    assert found.evidence == ("Published: May 20, 2007",)


def test_url_beats_content() -> None:
    found = infer_publication_date(article(url="https://example.org/news/2007/05/14/harbor"))
    assert found.date == date(2007, 5, 14)
    assert found.method == "metadata"


def test_content_when_nothing_else() -> None:
    found = infer_publication_date(article())
    assert found.method == "content"
    assert found.earliest == date(2007, 3, 2)


def test_updated_header_bounds_from_above() -> None:
    found = infer_publication_date(article(header=("Updated: May 25, 2007 10:02 AM",)))
    assert found.date == date(2007, 5, 25)
    assert found.latest == date(2007, 5, 25)
    assert found.earliest == date(2007, 3, 2)
    assert found.confidence < 0.9


def test_header_without_year_takes_it_from_the_text() -> None:
    found = infer_publication_date(article(header=("PORT CARROW, May 14 (Tribune) -",)))
    assert found.date == date(2007, 5, 14)


def test_raw_text_is_never_read() -> None:
    raw = "Published: Jan. 1, 1999\n" + BODY
    found = infer_publication_date(Article.from_raw("story.txt", raw, text=BODY))
    assert found.date != date(1999, 1, 1)


def test_date_article_is_pure() -> None:
    original = article(header=("Published: May 20, 2007",))
    snapshot = dataclasses.replace(original)
    first = date_article(original)
    second = date_article(original)
    assert original == snapshot and original.published is None
    assert first == second
    assert first.published is not None and first.published.date == date(2007, 5, 20)
    assert dataclasses.replace(first, published=None) == original


def test_empty_article_has_no_date() -> None:
    found = infer_publication_date(Article.from_raw("empty.txt", "", text=""))
    assert found.method == "none"
    assert found.date is None and found.confidence == 0.0


def test_stated_day_is_the_likeliest_at_day_granularity() -> None:
    found = infer_publication_date(article(header=("Published: May 20, 2007",)))
    assert (found.likeliest, found.granularity) == (date(2007, 5, 20), "day")


def test_url_month_alone_is_likeliest_at_month_granularity() -> None:
    text = "The mayor said the bridge would reopen soon."
    undated = Article.from_raw("s.txt", text, text=text, url="https://example.org/2007/05/x")
    found = infer_publication_date(undated)
    assert found.date is None
    assert (found.likeliest, found.granularity) == (date(2007, 5, 1), "month")
