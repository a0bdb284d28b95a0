"""The tagger on our own sentences: each expression family, the traps, anchoring and tense."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.model import Article, PublicationDate
from dateline.timex import tag, tag_article

ANCHOR = date(2004, 1, 21)  # a Wednesday


def found(text: str, anchor: date | None = ANCHOR) -> dict[str, tuple[str, str]]:
    """Mention text -> (type, value); also checks every offset is exact."""
    mentions = tag(text, anchor)
    for m in mentions:
        assert text[m.start : m.end] == m.text
    return {m.text: (m.type, m.value) for m in mentions}


ABSOLUTE = [
    ("The deal closed on Feb. 26 after talks.", "Feb. 26", "2004-02-26"),
    ("It was signed Dec. 21, 2021, in Geneva.", "Dec. 21, 2021", "2021-12-21"),
    ("Voting ended on 26 February 2003.", "26 February 2003", "2003-02-26"),
    ("The form was dated 2/26/2022 by the clerk.", "2/26/2022", "2022-02-26"),
    ("The filing of 2003-11-04 was late.", "2003-11-04", "2003-11-04"),
    ("Results are due on February third.", "February third", "2004-02-03"),
    ("The treaty took effect in July 1997.", "July 1997", "1997-07"),
    ("Prices fell sharply in 1998 across the region.", "1998", "1998"),
    ("Profits rose in fiscal 1998 as costs fell.", "fiscal 1998", "1998"),
    ("Growth was strong in the 1990s.", "the 1990s", "199"),
    ("Steel was king in the 19th century here.", "the 19th century", "18"),
    ("Monday, Jan. 19, was a holiday.", "Monday, Jan. 19", "2004-01-19"),
    ("Sales in nineteen ninety-six were flat.", "nineteen ninety-six", "1996"),
    ("The office closes on Christmas Eve.", "Christmas Eve", "2003-12-24"),
    ("He fought in World War II as a pilot.", "World War II", "1939"),
]


@pytest.mark.parametrize(("text", "span", "value"), ABSOLUTE)
def test_absolute_dates(text: str, span: str, value: str) -> None:
    assert found(text)[span] == ("DATE", value)


RELATIVE = [
    ("Shares fell today in Tokyo.", "today", "2004-01-21"),
    ("Shares fell yesterday in Tokyo.", "yesterday", "2004-01-20"),
    ("The vote is tomorrow.", "tomorrow", "2004-01-22"),
    ("Inflation rose last year.", "last year", "2003"),
    ("Inflation will rise next month.", "next month", "2004-02"),
    ("The plant opened last week.", "last week", "2004-W03"),
    ("The plant opened three weeks ago.", "three weeks ago", "2004-W01"),
    ("The firm was sold two years ago.", "two years ago", "2002"),
    ("Output rose this year.", "this year", "2004"),
    ("Sales will rise in the third quarter.", "the third quarter", "2004-Q3"),
    ("Sales jumped in the first half of 2003.", "the first half of 2003", "2003-H1"),
    ("The law will pass this spring.", "this spring", "2004-SP"),
    ("The company is currently profitable.", "currently", "PRESENT_REF"),
    ("Prices have risen recently.", "recently", "PAST_REF"),
    ("Exports grew in recent years.", "recent years", "PAST_REF"),
    ("He plans to retire in the future.", "the future", "FUTURE_REF"),
    ("The market is now calm.", "now", "PRESENT_REF"),
    ("The mill closed earlier this month.", "earlier this month", "2004-01"),
]


@pytest.mark.parametrize(("text", "span", "value"), RELATIVE)
def test_relative_dates(text: str, span: str, value: str) -> None:
    assert found(text)[span] == ("DATE", value)


def test_part_of_period_modifiers() -> None:
    mentions = {
        m.text: m
        for m in tag("Talks will run from late June to early 2005, as in the mid-1990s.", ANCHOR)
    }
    assert (mentions["late June"].value, mentions["late June"].modifier) == ("2004-06", "END")
    assert (mentions["early 2005"].value, mentions["early 2005"].modifier) == ("2005", "START")
    assert (mentions["the mid-1990s"].value, mentions["the mid-1990s"].modifier) == ("199", "MID")


DURATIONS = [
    ("The strike lasted two decades.", "two decades", "P20Y"),
    ("Rates rose over the past three months.", "the past three months", "P3M"),
    ("They signed a one-year contract.", "one-year", "P1Y"),
    ("The flight took 16 hours.", "16 hours", "PT16H"),
    ("Talks went on for weeks.", "weeks", "PXW"),
    ("He waited several days for news.", "several days", "PXD"),
]


@pytest.mark.parametrize(("text", "span", "value"), DURATIONS)
def test_durations(text: str, span: str, value: str) -> None:
    assert found(text)[span] == ("DURATION", value)


def test_approximate_duration_keeps_its_modifier() -> None:
    (mention,) = tag("The siege lasted nearly two years.", ANCHOR)
    assert (mention.text, mention.value, mention.modifier) == (
        "nearly two years",
        "P2Y",
        "LESS_THAN",
    )


SETS = [
    ("The board meets every Monday.", "every Monday", "XXXX-WXX-1"),
    ("Dividends are paid annually.", "annually", "P1Y"),
    ("Inspections happen each year.", "each year", "P1Y"),
    ("The paper is printed daily.", "daily", "P1D"),
    ("Members pay $25 a year to join.", "a year", "P1Y"),
    ("The club meets on Tuesdays downtown.", "on Tuesdays", "XXXX-WXX-2"),
]


@pytest.mark.parametrize(("text", "span", "value"), SETS)
def test_sets(text: str, span: str, value: str) -> None:
    assert found(text)[span] == ("SET", value)


TIMES = [
    ("The blast came at 10:30 a.m. in the square.", "10:30 a.m.", "2004-01-21T10:30"),
    ("Police arrived at 9 p.m. yesterday.", "9 p.m. yesterday", "2004-01-20T21:00"),
    ("The minister spoke this morning.", "this morning", "2004-01-21TMO"),
    ("Fighting resumed last night.", "last night", "2004-01-20TNI"),
    ("The result is due tonight.", "tonight", "2004-01-21TNI"),
    ("Polls closed at 20:00 GMT.", "20:00 GMT", "2004-01-21T20:00"),
]


@pytest.mark.parametrize(("text", "span", "value"), TIMES)
def test_times(text: str, span: str, value: str) -> None:
    assert found(text)[span] == ("TIME", value)


TENSE = [
    ("The court on Monday ordered a retrial.", "Monday", "2004-01-19"),
    ("The delegation will depart on Friday.", "Friday", "2004-01-23"),
    ("The minister said Friday that talks failed.", "Friday", "2004-01-16"),
    ("The summit is scheduled to open Friday.", "Friday", "2004-01-23"),
    ("The cabinet meets Monday to discuss the budget.", "Monday", "2004-01-26"),
    ("Officials met last Tuesday.", "last Tuesday", "2004-01-20"),
    ("Officials meet next Tuesday.", "next Tuesday", "2004-01-27"),
    ("The vote was held on Wednesday.", "Wednesday", "2004-01-21"),
    ("Exports slumped in October.", "October", "2003-10"),
    ("Elections will be held in March.", "March", "2004-03"),
]


@pytest.mark.parametrize(("text", "span", "value"), TENSE)
def test_tense_decides_direction(text: str, span: str, value: str) -> None:
    assert found(text)[span] == ("DATE", value)


def test_narrative_anchoring_follows_the_text() -> None:
    text = "The quake struck on March 3, 2001. The next day rescuers arrived. Last year was calm."
    values = found(text)
    assert values["March 3, 2001"] == ("DATE", "2001-03-03")
    assert values["The next day"] == ("DATE", "2001-03-04")
    assert values["Last year"] == ("DATE", "2003")


def test_a_year_earlier_follows_a_quarter_under_discussion() -> None:
    values = found("Profit rose in the third quarter from a year earlier.")
    assert values["the third quarter"] == ("DATE", "2003-Q3")  # told in January: last year's
    assert values["a year earlier"] == ("DATE", "2002-Q3")


def test_year_ranges_give_both_years() -> None:
    values = found("The program ran 2005-07 in three states.")
    assert values["2005"] == ("DATE", "2005")
    assert values["07"] == ("DATE", "2007")


FALSE_POSITIVES = [
    "We may see more rain.",
    "Protesters will march on the capital.",
    "She said we should wait.",
    "The Good Friday Agreement ended the conflict.",
    "He told the Sun newspaper about it.",
    "The budget is $25 million this time.",
    "Police seized 5,000 helmets at the port.",
    "The 276-member assembly voted.",
    "About 1,500 troops were sent.",
    "Call 555-1234 for details.",
    "The home team won 3-2 in extra time.",
    "Theresa May spoke to reporters.",
    "The 6-year-old boy was found safe.",
    "The quarterly dividend was raised.",
    "April Ryan asked the first question.",
    "Ministers from Poland and Jan Kavan of Prague signed.",
    "Mr. Smith, 52 years old, will succeed him.",
    "Two thousand people marched and two thousand troops waited.",
    "The shed is 2 1/2 feet tall and cost a couple of dollars.",
]


@pytest.mark.parametrize("text", FALSE_POSITIVES)
def test_no_false_positives(text: str) -> None:
    assert found(text) == {}


NO_ANCHOR = [
    ("The court ruled on Monday.", "Monday", "XXXX-WXX-1"),
    ("Sales fell last year.", "last year", "XXXX"),
    ("Rain came yesterday.", "yesterday", "XXXX-XX-XX"),
    ("It was signed Dec. 21, 2021.", "Dec. 21, 2021", "2021-12-21"),
    ("Talks resume in October.", "October", "XXXX-10"),
]


@pytest.mark.parametrize(("text", "span", "value"), NO_ANCHOR)
def test_without_anchor_mentions_stay_and_values_keep_placeholders(
    text: str, span: str, value: str
) -> None:
    assert found(text, None)[span] == ("DATE", value)


def test_empty_and_odd_text_does_not_crash() -> None:
    assert tag("", None) == []
    assert tag("\x00\n\n   ", ANCHOR) == []
    assert tag("Feb. 30 and 13/45/2004 are not dates.", ANCHOR) == []


def test_tag_article_anchors_on_publication_date() -> None:
    text = "The mayor resigned yesterday."
    article = Article.from_raw(
        "a.txt", text, text=text, published=PublicationDate(ANCHOR, ANCHOR, ANCHOR, 1.0)
    )
    tagged = tag_article(article)
    assert [(m.text, m.value, m.anchor) for m in tagged.timexes] == [
        ("yesterday", "2004-01-20", "2004-01-21")
    ]
    assert article.timexes == ()


COMPOSITES = [
    (
        "Bids are due by 5 p.m. EST, Feb. 6, the firm said.",
        "5 p.m. EST, Feb. 6",
        "2004-02-06T17:00",
    ),
    (
        "The quake hit on March 3, 2001. The previous Friday was calm.",
        "The previous Friday",
        "2001-03-02",
    ),
    ("Profit fell from the year-ago third quarter.", "the year-ago third quarter", "2003-Q3"),
    ("The show opens this September.", "this September", "2004-09"),
    ("It was the year two thousand.", "the year two thousand", "2000"),
]


@pytest.mark.parametrize(("text", "span", "value"), COMPOSITES)
def test_composite_expressions_are_one_mention(text: str, span: str, value: str) -> None:
    assert found(text)[span][1] == value


SPANS = [
    ("Rebels withdrew 13 days after the vote.", "13 days", ("DURATION", "P13D")),
    ("The talks need two more weeks.", "two more weeks", ("DURATION", "P2W")),
    ("Sales for the full year fell.", "the full year", ("DURATION", "P1Y")),
    ("The blast came in mid-afternoon.", "mid-afternoon", ("TIME", "2004-01-21TAF")),
    (
        "The ship sank on May 2, 2003. That same day the port closed.",
        "That same day",
        ("DATE", "2003-05-02"),
    ),
]


@pytest.mark.parametrize(("text", "span", "expected"), SPANS)
def test_spans_follow_timeml_extent(text: str, span: str, expected: tuple[str, str]) -> None:
    assert found(text)[span] == expected


def test_public_names_are_pinned() -> None:
    import dateline.timex

    assert dateline.timex.__all__ == ["TimexValue", "tag", "tag_article"]
