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


def test_chrome_of_the_raw_page_never_decides() -> None:
    raw = (
        f"Harbor news\nCookie notice: our privacy policy is effective Jan. 1, 1999\n{BODY}\n"
        "12 comments\nsailor_joe — June 3, 2011 at 9:12 am"
    )
    found = infer_publication_date(Article.from_raw("story.txt", raw, text=BODY))
    assert found.date not in (date(1999, 1, 1), date(2011, 6, 3))


def test_the_date_line_of_the_raw_page_decides() -> None:
    raw = f"Harbor deal approved\nBy Ann Lee | Published May 21, 2007 10:02\n{BODY}"
    page = Article.from_raw("story.txt", raw, text=BODY, title="Harbor deal approved")
    found = infer_publication_date(page)
    assert found.date == date(2007, 5, 21) and found.evidence[0].startswith("By Ann Lee")


def test_a_day_in_the_file_name_dates_the_article() -> None:
    named = Article.from_raw("clips/herald-2011-03-14.txt", BODY, text=BODY)
    found = infer_publication_date(named)
    assert found.date == date(2011, 3, 14) and "file name" in found.evidence[0]
    assert infer_publication_date(Article.from_raw("1484494308.txt", BODY, text=BODY)).date != (
        date(1484, 4, 9)
    )


def test_page_confidence_grows_with_the_places_that_agree() -> None:
    day = date(2007, 5, 14)
    many = article(metadata_date=day, metadata_sources=("JSON-LD datePublished", "meta", "URL"))
    alone = article(metadata_date=day, metadata_sources=("<time>",), metadata_disputed=True)
    assert infer_publication_date(many).confidence >= 0.9
    assert infer_publication_date(alone).confidence < 0.9


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


def test_a_headline_ending_in_its_date_dates_the_article() -> None:
    titled = article(title="Council Approves Bridge Repairs - 2011-03-14")
    found = infer_publication_date(titled)
    assert found.date == date(2011, 3, 14) and found.evidence == (titled.title,)
    mentioned = infer_publication_date(article(title="What the 2011-03-14 vote means"))
    assert mentioned.date != date(2011, 3, 14)


def test_a_text_past_the_mention_budget_is_dated_from_its_first_mentions_and_says_so() -> None:
    """A page of thousands of dates (a list, an index, hostile input) is read up to a budget
    and the cut is recorded, instead of stalling the run (issue 14.3)."""
    from dateline.date.infer import MENTION_BUDGET

    lines = [f"The ferry sailed on March {1 + n % 28}, 2007." for n in range(MENTION_BUDGET + 200)]
    text = " ".join(lines)  # one line, as a page without line breaks reaches the stage
    found = infer_publication_date(Article.from_raw("list.txt", text, text=text))
    assert found.evidence[-1] == (
        f"read the first {MENTION_BUDGET} of {MENTION_BUDGET + 200} "
        "time mentions (the date stage's budget per article)"
    )
    assert found.earliest is not None and found.earliest.year == 2007
    short = infer_publication_date(article())
    assert not any("budget" in line for line in short.evidence)


# A saved page run onto one line: a list of other clips, each stamped when the page was saved,
# then the story. None of those stamps is the story's.
LISTED = (
    "updated: Mon Oct 14 2013 09:12:00 Ferry crews vote to strike over rosters. "
    "Harbor board hears dredging plan updated: Fri Aug 02 2013 17:40:00 Residents ask about "
    "noise. The harbor commission on Monday approved a plan to deepen the channel. Dredging "
    "will start in October. The Army Corps approved the permit on March 2, 2007."
)


def test_stamps_of_a_listed_page_do_not_date_its_story() -> None:
    found = infer_publication_date(Article.from_raw("clip.txt", LISTED, text=LISTED))
    assert found.date != date(2013, 10, 14)
    assert found.earliest == date(2007, 3, 2)


def test_one_stamp_of_its_shape_still_dates_the_page() -> None:
    text = "MOSCOW | Mon May 21, 2007 6:01 pm EDT MOSCOW - " + BODY
    found = infer_publication_date(Article.from_raw("wire.txt", text, text=text))
    assert found.date == date(2007, 5, 21)
