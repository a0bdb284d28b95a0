"""Event extraction on our own sentences: which date is the event's, planned events, frames."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dateline.events import extract_events
from dateline.model import Article

Make = Callable[..., Article]

# (sentence, time mentions, expected event date or None)
DATES = [
    (
        "Japan sent 600 troops to Iraq on January 26, 2004.",
        {"January 26, 2004": "2004-01-26"},
        "2004-01-26",
    ),
    (
        "It is the first deployment since 1945, and it began on January 26, 2004.",
        {"1945": "1945", "January 26, 2004": "2004-01-26"},
        "2004-01-26",
    ),
    ("It is the first deployment of troops abroad since 1945.", {"1945": "1945"}, None),
    ("Prices are higher than in 2003.", {"2003": "2003"}, None),
    ("Fuel costs stayed at 2008 levels.", {"2008": "2008"}, None),
    (
        "Parliament repealed a law passed in 2001 on March 3, 2004.",
        {"2001": "2001", "March 3, 2004": "2004-03-03"},
        "2004-03-03",
    ),
    (
        "Parliament repealed a law passed last year.",
        {"last year": "2003"},
        "2003",
    ),
    (
        "The minister said on Tuesday that the unit had withdrawn in December 2003.",
        {"Tuesday": "2004-01-27", "December 2003": "2003-12"},
        "2003-12",
    ),
    ("The minister said on Tuesday that talks failed.", {"Tuesday": "2004-01-27"}, "2004-01-27"),
    ("The army attacked on Monday.", {"Monday": "2004-01-26"}, "2004-01-26"),
    ("Flights were suspended in March 2004.", {"March 2004": "2004-03"}, "2004-03"),
    ("The talks, held every XXXX, stalled.", {"XXXX": "XXXX-XX-XX"}, None),
]


@pytest.mark.parametrize(("text", "dates", "expected"), DATES)
def test_event_date(
    make_article: Make, text: str, dates: dict[str, str], expected: str | None
) -> None:
    # Undated lead sentences get the article's date; publish none so only mentions count.
    events = extract_events(make_article(text, dates)).events
    assert [e.date for e in events] == ([expected] if expected else [])
    assert all(e.date_source == "explicit" for e in events)


PLANNED = [
    (
        "The ship is expected to depart on February 3, 2004.",
        {"February 3, 2004": "2004-02-03"},
        True,
    ),
    ("The government will send aid in March 2004.", {"March 2004": "2004-03"}, True),
    ("Tokyo plans to open an embassy on May 1, 2004.", {"May 1, 2004": "2004-05-01"}, True),
    ("The ship departed on February 3, 2004.", {"February 3, 2004": "2004-02-03"}, False),
]


@pytest.mark.parametrize(("text", "dates", "planned"), PLANNED)
def test_planned_events(
    make_article: Make, text: str, dates: dict[str, str], planned: bool
) -> None:
    (event,) = extract_events(make_article(text, dates, published="2004-01-20")).events
    assert event.planned is planned


def test_future_date_after_publication_is_planned(make_article: Make) -> None:
    text = "The parliament votes on February 10, 2004."
    (event,) = extract_events(
        make_article(text, {"February 10, 2004": "2004-02-10"}, "2004-01-20")
    ).events
    assert event.planned


def test_undated_lead_sentence_takes_the_article_date(make_article: Make) -> None:
    text = (
        "Japan dispatched its first ground troops to Iraq. The soldiers landed in Kuwait. "
        "Critics say the mission is risky. Officials fear attacks. Many disagree. Some protest. "
        "The advance team arrived earlier."
    )
    events = extract_events(make_article(text, published="2004-01-26")).events
    assert [(e.sentence.text, e.date, e.date_source) for e in events] == [
        ("Japan dispatched its first ground troops to Iraq.", "2004-01-26", "article"),
        ("The soldiers landed in Kuwait.", "2004-01-26", "article"),
    ]


def test_event_frame(make_article: Make) -> None:
    text = "Japan sent 600 ground troops and $350 million in aid to Samawah on January 26, 2004."
    (event,) = extract_events(make_article(text, {"January 26, 2004": "2004-01-26"})).events
    assert event.predicate == "sent"
    assert "Japan" in event.actors
    assert event.place == "Samawah"
    assert [(q.text, q.value, q.unit) for q in event.quantities] == [
        ("600 ground troops", 600.0, "ground troops"),
        ("$350 million", 350e6, "USD"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Donors pledged 5,000 helmets.", [(5000.0, "helmets")]),
        ("Turnout rose 4.5 percent.", [(4.5, "percent")]),
        ("The fund received €2 billion.", [(2e9, "EUR")]),
        ("Nobody was counted.", []),
    ],
)
def test_quantities(make_article: Make, text: str, expected: list[tuple[float, str]]) -> None:
    (event,) = extract_events(make_article(text, published="2004-01-26")).events
    assert [(q.value, q.unit) for q in event.quantities] == expected


def test_input_is_not_mutated_and_offsets_cite_the_text(make_article: Make) -> None:
    text = "Troops left on May 2, 2004. More followed on May 9, 2004."
    source = make_article(text, {"May 2, 2004": "2004-05-02", "May 9, 2004": "2004-05-09"})
    result = extract_events(source)
    assert source.events == () and source.sentences == ()
    assert [e.date for e in result.events] == ["2004-05-02", "2004-05-09"]
    for event in result.events:
        assert text[event.sentence.start : event.sentence.end] == event.sentence.text
