"""A saved page dated by the first comment below its story, read across the pile."""

from __future__ import annotations

from datetime import date

from dateline.model import Article, PublicationDate
from dateline.pile.comments import first_comments
from dateline.pipeline import corpus_dated, process
from dateline.settings import Settings

STORY = (
    "Ferry service to Kelm Island resumes\n"
    "The harbour board said the ferry to Kelm Island would run again on Thursday after "
    "divers cleared the wreck that had blocked the channel since the storm. Skipper Ada "
    "Rusk said bookings had doubled since the news broke on Monday.\n"
)
# Copied comment threads often come as one run of text, each comment and its stamp glued on.
COMMENTS = (
    "About time, my shop has been empty for weeks. March 9, 2011 at 4:32 pm | Reply The "
    "board should have paid the divers sooner. March 10, 2011 at 9:05 am | Reply Good news "
    "for the whole island, and for the ferry crews. March 12, 2011 at 11:47 am | Reply\n"
)
TWEETS = (
    "Follow us\n"
    "Could the island get a bridge? 7:01 pm ET February 11, 2013 RETWEET\n"
    "Storm season starts early this year 9:51 pm ET February 12, 2013 RETWEET\n"
)
OTHER_STORY = (
    "Divers finish clearing Kelm channel\n"
    "Divers working for the harbour board lifted the last of the wreck from the Kelm channel, "
    "the board said, and the ferry could sail again within days.\n"
)


def article(key: str, text: str, published: PublicationDate | None = None) -> Article:
    return Article(id=key, source=f"{key}.txt", raw_text=text, text=text, published=published)


def test_the_first_comment_dates_the_page_it_is_posted_on() -> None:
    dated = first_comments([article("ferry", STORY + COMMENTS)])
    published = dated[0].published
    assert published is not None
    assert published.date == date(2011, 3, 9)
    assert published.method == "comments"
    # Written on or before the first comment: the month up to it.
    assert (published.earliest, published.latest) == (date(2011, 2, 7), date(2011, 3, 9))
    assert "first comment" in published.evidence[0]


def test_stamps_that_other_pages_of_the_pile_carry_date_nothing() -> None:
    pile = [article("ferry", STORY + TWEETS), article("divers", OTHER_STORY + TWEETS)]
    assert first_comments(pile) == {}
    # The page's own comments still count beside the shared box.
    pile[0] = article("ferry", STORY + TWEETS + COMMENTS)
    assert set(first_comments(pile)) == {0}
    assert first_comments(pile)[0].published.date == date(2011, 3, 9)  # type: ignore[union-attr]


def test_a_stated_day_stands_and_an_inferred_one_gives_way_only_when_after_the_comment() -> None:
    header = PublicationDate(date(2011, 3, 11), date(2011, 3, 11), date(2011, 3, 11), 0.9,
                             ("March 11, 2011",), "header")  # fmt: skip
    assert first_comments([article("ferry", STORY + COMMENTS, header)]) == {}
    before = PublicationDate(date(2011, 3, 8), date(2011, 3, 8), None, 0.7, (), "content")
    assert first_comments([article("ferry", STORY + COMMENTS, before)]) == {}
    after = PublicationDate(date(2011, 3, 12), date(2011, 3, 12), None, 0.7, (), "content")
    found = first_comments([article("ferry", STORY + COMMENTS, after)])
    assert found[0].published.date == date(2011, 3, 9)  # type: ignore[union-attr]


def test_the_pipeline_dates_a_commented_page_and_resolves_its_weekdays() -> None:
    settings = Settings()
    pile = process(
        [Article(id="ferry", source="ferry.txt", raw_text=STORY + COMMENTS),
         Article(id="divers", source="divers.txt", raw_text=OTHER_STORY)],
        settings,
    )  # fmt: skip
    dated = corpus_dated(pile, settings)
    ferry = dated[0]
    assert ferry.published is not None and ferry.published.date == date(2011, 3, 9)
    # "on Thursday" in a story of Wednesday 9 March 2011 is the next day, once timex and
    # events ran again on the new day.
    assert any(m.value == "2011-03-10" for m in ferry.timexes)
