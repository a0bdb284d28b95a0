"""Event extraction on our own sentences: which date is the event's, planned events, frames."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dateline.events import extract_events
from dateline.events.attach import QuoteMarks
from dateline.events.frame import _PLANNED, plan_cue
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
    # A dateline dates the report; the event is the day the body gives.
    (
        "OSLAND, May 4 (NPA) - Rebels shelled the port late on Monday, officials said.",
        {"May 4": "2005-05-04", "Monday": "2005-05-02"},
        "2005-05-02",
    ),
    (
        "VERRA, June 9 -- Floods cut the main road on Sunday.",
        {"June 9": "2005-06-09", "Sunday": "2005-06-05"},
        "2005-06-05",
    ),
    # With no other date, the dateline's is the best the text gives.
    ("OSLAND, May 4 (NPA) - Rebels shelled the port.", {"May 4": "2005-05-04"}, "2005-05-04"),
    # "Before 6 p.m. on Tuesday" bounds the hour, not the day.
    (
        "A storm hit the coast shortly before 6 p.m. on Tuesday.",
        {"6 p.m. on Tuesday": "2005-03-01T18:00"},
        "2005-03-01",
    ),
    ("The strike has lasted since Tuesday.", {"Tuesday": "2005-03-01"}, None),
    (
        "The vote may delay the mission beyond March 2005.",
        {"March 2005": "2005-03"},
        None,
    ),
    (
        "Donors pledged $2 billion on Monday, short of what the port will need by 2009.",
        {"Monday": "2005-03-07", "2009": "2009"},
        "2005-03-07",
    ),
    (
        "Donors pledged $2 billion, short of what the port will need by 2009.",
        {"2009": "2009"},
        None,
    ),
    # Quoted speech counts "yesterday" from the speaker's day, which the text does not give.
    (
        'Rivera said: "We were promised calm. Yesterday a shell hit the depot."',
        {"Yesterday": "2005-03-06"},
        None,
    ),
    (
        'The shell that hit the depot on March 6 was "a warning", Rivera said.',
        {"March 6": "2005-03-06"},
        "2005-03-06",
    ),
    (
        "The party, opposed to the plan since the budget debate in 2003, welcomed the vote.",
        {"2003": "2003"},
        None,
    ),
    (
        "It is the first attack since troops arrived in January 2004.",
        {"January 2004": "2004-01"},
        "2004-01",
    ),
    # A bound is not the event of a done thing: the curfew did not happen in March.
    ("The curfew stayed in force until March 2005.", {"March 2005": "2005-03"}, None),
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
    (
        "The cabinet on Monday decided to keep the unit there until next year.",
        {"Monday": "2004-01-19"},
        False,
    ),
    (
        "Troops shelled the port on Monday, and the army said it will keep firing.",
        {"Monday": "2004-01-19"},
        False,
    ),
    ("The minister said talks will resume in March 2004.", {"March 2004": "2004-03"}, True),
    (
        "Talks were expected to resume on January 12, 2004.",
        {"January 12, 2004": "2004-01-12"},
        True,
    ),
    # The end a plan sets dates it when nothing else does.
    ("The patrols are set to continue until June 2004.", {"June 2004": "2004-06"}, True),
    ("The last tents will be cleared by March 2004.", {"March 2004": "2004-03"}, True),
    (
        "The camp will stay open until 1 May 2004, the ministry said on Monday.",
        {"1 May 2004": "2004-05-01", "Monday": "2004-01-19"},
        True,
    ),
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
        ("The soldiers landed in Kuwait.", "2004-01-26", "lead"),
    ]


def test_plan_end_dates_a_plan_only_without_a_better_date(make_article: Make) -> None:
    text = "The cabinet on Monday decided to keep the unit in the field until May 2005."
    dates = {"Monday": "2004-01-19", "May 2005": "2005-05"}
    (event,) = extract_events(make_article(text, dates, "2004-01-20")).events
    assert event.date == "2004-01-19"
    text = "The patrols are set to continue until June 2004."
    (event,) = extract_events(make_article(text, {"June 2004": "2004-06"}, "2004-01-20")).events
    assert (event.date, event.planned) == ("2004-06", True)


def test_lead_details_take_the_date_of_the_news_they_tell(make_article: Make) -> None:
    text = (
        "Floods swept through the valley on Saturday. Two bridges collapsed. "
        "The storm of 1998 was worse. Rescuers searched the banks. "
        "Relief flights were delayed for a day. Farmers fear for the harvest. Roads closed."
    )
    dates = {"Saturday": "2005-03-05", "1998": "1998"}
    events = extract_events(make_article(text, dates, "2005-03-07")).events
    assert [(e.sentence.text, e.date, e.date_source) for e in events] == [
        ("Floods swept through the valley on Saturday.", "2005-03-05", "explicit"),
        ("Two bridges collapsed.", "2005-03-05", "lead"),
        ("The storm of 1998 was worse.", "1998", "explicit"),
        ("Rescuers searched the banks.", "2005-03-05", "lead"),
        # A duration places nothing: the sentence is as undated as the others.
        ("Relief flights were delayed for a day.", "2005-03-05", "lead"),
    ]
    first = events[0].sentence.start
    assert [e.continues for e in events] == [None, first, None, first, first]


def test_a_plan_in_the_lead_is_not_a_detail_of_the_news(make_article: Make) -> None:
    text = "Troops left the capital on Monday. More are expected to leave on March 7."
    dates = {"Monday": "2005-03-07", "March 7": "2005-03-07"}
    events = extract_events(make_article(text, dates, "2005-03-08")).events
    assert [(e.planned, e.continues) for e in events] == [(False, None), (True, None)]


def test_old_lead_event_is_not_the_news(make_article: Make) -> None:
    text = "The dam was finished in May 2001. Engineers inspected it."
    events = extract_events(make_article(text, {"May 2001": "2001-05"}, "2005-03-07")).events
    assert [(e.date, e.date_source) for e in events] == [
        ("2001-05", "explicit"),
        ("2005-03-07", "article"),
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
    ("text", "actors"),
    [
        (
            "OSLAND, May 4 (NPA) - Two Varnian diplomats met Governor Ana Rios in Tessel.",
            ("Varnian", "Governor Ana Rios", "Tessel"),
        ),
        ("TESSEL -- The Harbour Board fired Mr. Lund.", ("Harbour Board", "Lund")),
        ("The envoys met on Feb. 21 in Osland.", ("Osland",)),
    ],
)
def test_actors(make_article: Make, text: str, actors: tuple[str, ...]) -> None:
    (event,) = extract_events(make_article(text, published="2004-01-26")).events
    assert event.actors == actors


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Donors pledged 5,000 helmets.", [(5000.0, "helmets")]),
        ("Turnout rose 4.5 percent.", [(4.5, "percent")]),
        ("The fund received €2 billion.", [(2e9, "EUR")]),
        ("Nobody was counted.", []),
        ("A 120-member team flew out.", [(120.0, "member team")]),
        ("The 3rd Brigade moved north.", []),
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


@pytest.mark.parametrize(
    "text",
    [
        "The council will vote on Monday.",
        "THE COUNCIL WILL VOTE.",
        "Officials claimed the talks were set back.",  # cue words inside other words only
        "The summit is expected to open next week.",
        "The talks, to be held in Geneva, were delayed.",
        "Rebels shelled the port on Tuesday.",
        "Le conseil ſhall vote.",  # long s: re.I reads it as "s", so the search decides
        "",
    ],
)
def test_plan_cue_is_the_first_match_of_the_plan_pattern(text: str) -> None:
    found, expected = plan_cue(text), _PLANNED.search(text)
    assert (found and found.span()) == (expected and expected.span())


def test_quote_marks_count_from_the_paragraph_start() -> None:
    text = (
        'He said "we will stay" and left. "Yesterday it rained," she said.\n'
        '\u201cTomorrow\u201d they vote. "Open\n\nNew paragraph" ends "here"'
    )
    quotes = QuoteMarks(text)
    for offset in range(len(text) + 1):
        paragraph = text.rfind("\n", 0, offset) + 1
        marks = sum(text[i] in '"\u201c\u201d' for i in range(paragraph, offset))
        assert quotes.inside(offset) == (marks % 2 == 1), offset
