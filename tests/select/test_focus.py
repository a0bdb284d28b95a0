"""Staying on the story: pages of a pile that are not about it are left out."""

from __future__ import annotations

from collections.abc import Callable

from dateline.model import Article
from dateline.select.focus import on_topic
from dateline.select.topic import sizeable_stories

Make = Callable[..., Article]

STORY = [
    "Estmark troops left Korvel for Mirenza on Monday, the first deployment of the mission.",
    "The Estmark mission in Mirenza grew as a second group of troops left Korvel.",
    "Troops of the Estmark mission built water points in Sabrin, Mirenza.",
    "Mortar rounds landed near the Estmark troops' camp in Sabrin, Mirenza.",
    "The assembly in Korvel extended the Estmark mission in Mirenza by one year.",
    "Estmark's defence minister visited the troops of the Mirenza mission in Sabrin.",
]
ASIDES = [
    "Radio listings: 9.00 Morning concert; 10.30 Gardeners' hour; 12.00 The news.",
    "Board: looking for the baptism record of Anna Lind, born 23rd December, 1815.",
]


def _pile(make_article: Make, texts: list[str]) -> list[Article]:
    return [make_article(text, ident=f"a{i}") for i, text in enumerate(texts)]


def _crawl(make_article: Make, story: list[str], asides: list[str]) -> list[Article]:
    """A crawled collection: each report of the story nine times over, and the asides."""
    return _pile(make_article, story * 9 + asides)


def test_pages_about_other_matters_are_left_out(make_article: Make) -> None:
    pile = _crawl(make_article, STORY, ASIDES)
    kept = on_topic(pile, sizeable_stories(pile))
    assert {a.text for a in kept} == set(STORY)


def test_a_share_of_zero_or_a_small_pile_keeps_every_page(make_article: Make) -> None:
    pile = _crawl(make_article, STORY, ASIDES)
    assert on_topic(pile, sizeable_stories(pile), share=0) == pile
    small = _pile(make_article, STORY + ASIDES)
    assert on_topic(small, sizeable_stories(small)) == small


def test_each_sizeable_story_keeps_its_pages(make_article: Make) -> None:
    quake = [
        "An earthquake struck Lindmark province, destroying homes in Brenna.",
        "Aftershocks of the Lindmark earthquake emptied Brenna's schools.",
        "Relief for the earthquake in Lindmark reached Brenna by road.",
        "Brenna began rebuilding the homes the Lindmark earthquake destroyed.",
    ]
    pile = _crawl(make_article, STORY + quake, [])
    kept = on_topic(pile, sizeable_stories(pile))
    assert kept == pile
