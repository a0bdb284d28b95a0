"""Date pools: a sentence speaks for every day it names; undated leads for the news days."""

from __future__ import annotations

from collections.abc import Callable

from dateline.events import extract_events
from dateline.model import Article
from dateline.select.candidates import candidate_reports
from dateline.select.topic import topic_words
from dateline.timex import tag_article

Make = Callable[..., Article]


class _Every:
    """Every date is wanted."""

    def __contains__(self, value: object) -> bool:
        return True


_ALL = _Every()


def _pool(article: Article) -> dict[str, list[str]]:
    pools: dict[str, list[str]] = {}
    for report in candidate_reports(article, _ALL):
        pools.setdefault(report.date, []).append(report.sentence.text)
    return pools


def test_a_sentence_naming_two_days_is_a_candidate_for_both(make_article: Make) -> None:
    text = (
        "Rescuers reached the mine on August 22, 2010, seventeen days after the collapse "
        "of August 5, 2010. Families kept vigil at the gate."
    )
    article = extract_events(
        make_article(
            text,
            {"August 22, 2010": "2010-08-22", "August 5, 2010": "2010-08-05"},
            "2010-08-23",
        )
    )
    pools = _pool(article)
    first = text.split(". ")[0] + "."
    assert first in pools["2010-08-22"]
    assert pools["2010-08-05"] == [first]


def test_undated_lead_speaks_for_its_publication_day_only(make_article: Make) -> None:
    article = extract_events(
        make_article("The central bank cut its main rate by half a point.", {}, "2011-11-04")
    )
    pools = _pool(article)
    assert set(pools) == {"2011-11-04"}


def test_only_past_tense_undated_leads_speak_for_the_publication_day(make_article: Make) -> None:
    text = (
        "The central bank cut its main rate by half a point. "
        "Ministers will meet to discuss the budget. "
        "Growth slowed in March, officials said. "
        "Markets across the region."
    )
    article = extract_events(make_article(text, {"March": "2011-03"}, "2011-11-04"))
    assert _pool(article)["2011-11-04"] == ["The central bank cut its main rate by half a point."]


def test_future_day_from_a_mention_is_planned(make_article: Make) -> None:
    text = "The court will rule on the appeal, lawyers said, with a hearing on May 3, 2012."
    article = extract_events(make_article(text, {"May 3, 2012": "2012-05-03"}, "2012-04-20"))
    reports = [r for r in candidate_reports(article, _ALL) if r.date == "2012-05-03"]
    assert reports and all(r.planned for r in reports)


def test_topic_words_are_the_words_most_articles_share(make_article: Make) -> None:
    texts = [
        "The oil spill reached the coast of Louisiana.",
        "Engineers tried to cap the oil well that caused the spill.",
        "The spill fund paid fishermen; oil prices fell.",
        "A football match was played in the rain.",
    ]
    articles = [make_article(t, ident=f"t{i}") for i, t in enumerate(texts)]
    assert topic_words(articles, count=2) == frozenset({"oil", "spill"})


def test_undated_lead_detail_speaks_for_the_day_of_the_leads_news(make_article: Make) -> None:
    text = (
        "Gunmen ambushed a convoy of aid lorries near the river crossing on Saturday. "
        "Two drivers were wounded and taken to hospital in the provincial capital."
    )
    article = extract_events(tag_article(make_article(text, {}, "2009-03-16")))
    pools = _pool(article)
    detail = text.split(". ")[1]
    assert detail in pools["2009-03-14"]
    assert detail not in pools.get("2009-03-16", [])
