"""Timeline selection on a small hand-written corpus: salience, redundancy, filters, query."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dateline.errors import SettingsError
from dateline.events import extract_events
from dateline.model import Article, Event
from dateline.select import build_entries, default_dates
from dateline.select.entries import _mmr, _Scored
from dateline.select.weights import WEIGHTS
from dateline.timex import tag_article

Make = Callable[..., Article]


@pytest.fixture
def corpus(make_article: Make) -> list[Article]:
    texts = [
        (
            "Japan sent 600 ground troops to Iraq on January 26, 2004. "
            "The deployment is the first since 1945.",
            {"January 26, 2004": "2004-01-26", "1945": "1945"},
            "2004-01-27",
        ),
        (
            "On January 26, 2004, Japan sent 600 ground troops to southern Iraq. "
            "Tokyo pledged $350 million in aid on March 2, 2004.",
            {"January 26, 2004": "2004-01-26", "March 2, 2004": "2004-03-02"},
            "2004-03-03",
        ),
        (
            "Japanese ground troops, 600 in all, were sent to Iraq on January 26, 2004. "
            "A second contingent is expected to leave on April 10, 2004.",
            {"January 26, 2004": "2004-01-26", "April 10, 2004": "2004-04-10"},
            "2004-02-01",
        ),
        (
            "Tokyo pledged $350 million in reconstruction aid for Iraq on March 2, 2004.",
            {"March 2, 2004": "2004-03-02"},
            "2004-03-02",
        ),
    ]
    return [extract_events(make_article(t, d, p)) for t, d, p in texts]


def test_entries_are_dated_sorted_and_cite_exact_sentences(corpus: list[Article]) -> None:
    entries = build_entries(corpus, dates=3)
    assert [e.date for e in entries] == ["2004-01-26", "2004-03-02", "2004-04-10"]
    texts = {a.id: a.text for a in corpus}
    for entry in entries:
        assert entry.summary == entry.sources[0].sentence
        for source in entry.sources:
            assert texts[source.document][source.start : source.end] == source.sentence


def test_reports_of_one_event_merge_into_one_entry_with_many_sources(corpus: list[Article]) -> None:
    first = build_entries(corpus, dates=1)
    assert [e.date for e in first] == ["2004-01-26"]
    assert len(first[0].sources) == 3


def test_no_redundant_second_entry_on_a_date(corpus: list[Article]) -> None:
    entries = build_entries(corpus, dates=1, per_date=2)
    # The three reports of the deployment are one event: at most one of them is an entry;
    # a second entry, if any, must tell something else.
    assert sum("600" in e.summary for e in entries) == 1
    assert {e.date for e in entries} == {"2004-01-26"}


def test_planned_event_is_marked(corpus: list[Article]) -> None:
    entries = {e.date: e for e in build_entries(corpus, dates=3)}
    assert entries["2004-04-10"].planned
    assert not entries["2004-01-26"].planned


def test_date_range_filter(corpus: list[Article]) -> None:
    entries = build_entries(corpus, date_from="2004-02-01", date_to="2004-03-31")
    assert [e.date for e in entries] == ["2004-03-02"]


def test_query_picks_the_pile(corpus: list[Article]) -> None:
    # The query picks the articles; their story's words, not the query's alone, keep
    # reports on it (a keyword in every report scored lower on Timeline17).
    entries = build_entries(corpus, query="reconstruction aid pledged")
    matching = {a.id for a in corpus if "aid" in a.text}
    assert entries and all(c.document in matching for e in entries for c in e.sources)
    assert "2004-03-02" in {e.date for e in entries}


def test_since_is_never_an_entry_date(corpus: list[Article]) -> None:
    assert all(not e.date.startswith("1945") for e in build_entries(corpus, dates=10))


def test_syndicated_copy_adds_no_source(make_article: Make, corpus: list[Article]) -> None:
    original = corpus[0]
    copy = extract_events(
        make_article(
            original.text,
            {"January 26, 2004": "2004-01-26"},
            "2004-01-27",
            ident="copy",
            duplicate_of=original.id,
        )
    )
    with_copy = build_entries([*corpus, copy], dates=1)
    assert [len(e.sources) for e in with_copy] == [3]
    assert all(s.document != "copy" for s in with_copy[0].sources)


def test_empty_corpus() -> None:
    assert build_entries([]) == ()


@pytest.mark.parametrize(("articles", "expected"), [(0, 5), (2, 5), (4, 8), (30, 60), (10_000, 60)])
def test_default_dates_scale_with_the_corpus(articles: int, expected: int) -> None:
    assert default_dates(articles) == expected


def test_precision_day_keeps_only_day_entries(make_article: Make) -> None:
    texts = [
        ("Flights stopped in March 2004 after the strike.", {"March 2004": "2004-03"}),
        (
            "Airlines said flights stopped in March 2004 across the country.",
            {"March 2004": "2004-03"},
        ),
        ("The airline strike ended on April 2, 2004 after talks.", {"April 2, 2004": "2004-04-02"}),
    ]
    corpus = [extract_events(make_article(t, d, ident=f"p{i}")) for i, (t, d) in enumerate(texts)]
    assert {e.date for e in build_entries(corpus, dates=2)} == {"2004-03", "2004-04-02"}
    assert [e.date for e in build_entries(corpus, dates=2, precision="day")] == ["2004-04-02"]


def test_unknown_precision_is_a_settings_error(corpus: list[Article]) -> None:
    with pytest.raises(SettingsError, match="precision"):
        build_entries(corpus, precision="hour")


def test_a_small_pile_keeps_a_page_about_another_matter(
    make_article: Make, corpus: list[Article]
) -> None:
    # Five articles were gathered by hand: the ferry page is there on purpose.
    ferry = extract_events(
        make_article(
            "The Halvard ferry line reopened on May 1, 2007, after a winter of repairs.",
            {"May 1, 2007": "2007-05-01"},
            "2007-05-02",
            ident="ferry",
        )
    )
    entries = build_entries([*corpus, ferry], dates=10)
    assert "2007-05-01" in {e.date for e in entries}


def test_a_second_sizeable_story_keeps_its_entries(
    make_article: Make, corpus: list[Article]
) -> None:
    ferries = [
        extract_events(make_article(text, {when: value}, published, ident=ident))
        for text, when, value, published, ident in [
            (
                "The Halvard ferry line reopened on May 1, 2007, after a winter of repairs "
                "to the ferry harbour.",
                "May 1, 2007",
                "2007-05-01",
                "2007-05-02",
                "ferry-1",
            ),
            (
                "Halvard ferry crossings to the harbour doubled after the ferry line "
                "reopened on May 1, 2007.",
                "May 1, 2007",
                "2007-05-01",
                "2007-05-20",
                "ferry-2",
            ),
        ]
    ]
    entries = build_entries([*corpus, *ferries], dates=10)
    assert "2007-05-01" in {e.date for e in entries}


def test_a_forecast_gives_way_to_the_report_of_the_day(make_article: Make) -> None:
    forecast = (
        "The second ferry is due to sail for the islands on May 9, carrying tents, blankets "
        "and water tanks for the villages cut off by the storm."
    )
    report = (
        "The second ferry sailed for the islands on Wednesday, carrying tents, blankets and "
        "water tanks for the villages cut off by the storm."
    )
    articles = [
        extract_events(tag_article(make_article(forecast, {}, "2012-05-01"))),
        extract_events(tag_article(make_article(report, {}, "2012-05-10"))),
    ]
    (entry,) = build_entries(articles, dates=1)
    assert entry.date == "2012-05-09"
    assert entry.summary == report
    assert not entry.planned


def test_an_entry_also_cites_the_lead_sentences_that_go_on_telling_it(make_article: Make) -> None:
    text = (
        "The last convoy of peacekeepers crossed the northern border on Sunday, ending a "
        "mission that lasted six years.\n\n"
        "A farewell parade in the border town was watched by several thousand residents.\n\n"
        "The force handed its base to the national army last month."
    )
    article = extract_events(tag_article(make_article(text, {}, "2011-09-12")))
    (entry,) = build_entries([article], dates=1)
    assert entry.date == "2011-09-11"
    assert entry.summary.startswith("The last convoy")
    cited = [c.sentence for c in entry.sources]
    assert cited[0] == entry.summary
    assert (
        "A farewell parade in the border town was watched by several thousand residents." in cited
    )
    assert not any(c.startswith("The force handed") for c in cited)


def test_sharing_story_words_with_an_entry_is_not_repetition(make_article: Make) -> None:
    text = (
        "Three aid workers were kidnapped on the western highway on Thursday. "
        "The minister praised the mediators on Thursday. "
        "Three aid workers, kidnapped on Thursday, were freed on the highway."
    )
    events = extract_events(tag_article(make_article(text, {}, "2004-04-09"))).events
    kidnap, aside, freed = events[:3]
    chosen = [_Scored(freed, {"aid": 1.0}, 1.0)]

    def scored(event: Event, score: float, overlap: float) -> _Scored:
        rest = (1.0 - overlap**2) ** 0.5
        return _Scored(event, {"aid": overlap, str(event.sentence.start): rest}, score)

    # A little less central than the report, the aside would win if every shared word cost.
    lead = scored(kidnap, 0.385, WEIGHTS.background_overlap - 0.05)
    other = scored(aside, 0.376, 0.05)
    assert _mmr([lead, other], chosen, 1, WEIGHTS) == [lead]
    # Real repetition still gives way.
    repeat = scored(kidnap, 0.385, 0.5)
    assert _mmr([repeat, other], chosen, 1, WEIGHTS) == [other]


def test_a_lone_article_s_opening_sentence_leads_its_day(make_article: Make) -> None:
    # Only this article speaks for Saturday; the minister's reaction, further down and nearer
    # the ideal entry length, would otherwise stand for the day instead of the killing.
    text = (
        "Two aid workers were shot dead on Saturday when gunmen opened fire on their lorry on "
        "the coast road north of the port, west of the capital, the charity that employed "
        "them said in a statement late last night.\n\n"
        "The charity has worked in the region since 2001.\n\n"
        "Its director visited the clinic in January.\n\n"
        "It runs four clinics.\n\n"
        "It also runs a school.\n\n"
        "In a short statement on Saturday night, the minister called the shooting a cowardly "
        "crime against people who came to help and said the charity would stay."
    )
    article = extract_events(tag_article(make_article(text, {}, "2009-03-15")))
    entries = build_entries([article], dates=2)
    assert [e.date for e in entries] == ["2009-01", "2009-03-14"]
    assert entries[1].summary.startswith("Two aid workers were shot dead")
