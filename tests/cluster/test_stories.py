"""Stories on our own small corpus: two matters of one government are two stories."""

from __future__ import annotations

from collections.abc import Callable
from importlib import resources
from pathlib import Path

import pytest

from dateline.cluster.duplicates import mark_duplicates
from dateline.cluster.stories import Story, group_stories
from dateline.model import Article
from dateline.pipeline import process, read_all
from dateline.settings import Settings

SAMPLE = Path(str(resources.files("dateline") / "data" / "sample" / "articles"))

Make = Callable[..., Article]

DEPLOYMENT = [
    "Japan's government ordered ground troops to southern Iraq. Prime Minister Koizumi said the "
    "soldiers would help rebuild Samawah. The deployment of troops is the largest since 1945.",
    "The first Japanese troops arrived in Samawah, Iraq. Tokyo said the soldiers would purify "
    "water. Critics in Japan say the deployment breaks the pacifist constitution.",
    "More Japanese soldiers left for Iraq. The Defense Agency said 600 troops would be based "
    "in Samawah. Koizumi defended the deployment in parliament.",
]
AID = [
    "Japan's government pledged $500 million in aid to tsunami victims. Prime Minister Koizumi "
    "said the grant would fund relief in Indonesia and Sri Lanka.",
    "Tokyo doubled its tsunami relief pledge. The aid grant for Indonesia and Sri Lanka will "
    "pay for food, shelter and reconstruction, Japan said.",
    "Japanese relief teams reached tsunami-hit Aceh in Indonesia. Koizumi said more aid grants "
    "for tsunami survivors would follow.",
]


def _ids(stories: list[Story]) -> list[set[str]]:
    return [set(s.article_ids) for s in stories]


def test_two_matters_of_one_government_are_two_stories(make_article: Make) -> None:
    deployment = [make_article(t, ident=f"d{i}") for i, t in enumerate(DEPLOYMENT)]
    aid = [make_article(t, ident=f"a{i}") for i, t in enumerate(AID)]
    mixed = [deployment[0], aid[0], deployment[1], aid[1], deployment[2], aid[2]]
    stories = group_stories(mixed)
    assert sorted(_ids(stories), key=sorted) == [{"a0", "a1", "a2"}, {"d0", "d1", "d2"}]
    assert [s.id for s in stories] == [1, 2]
    labels = {frozenset(s.article_ids): s.terms for s in stories}
    assert "tsunami" in labels[frozenset({"a0", "a1", "a2"})]


def test_copies_follow_their_original(make_article: Make) -> None:
    articles = [make_article(t, ident=f"d{i}") for i, t in enumerate(DEPLOYMENT)]
    articles += [make_article(t, ident=f"a{i}") for i, t in enumerate(AID)]
    articles.append(make_article(AID[0], ident="copy", duplicate_of="a0"))
    stories = group_stories(articles)
    story_of = {a: s.id for s in stories for a in s.article_ids}
    assert story_of["copy"] == story_of["a0"] != story_of["d0"]


def test_no_articles_no_stories() -> None:
    assert group_stories([]) == []


@pytest.fixture(scope="module")
def sample_articles() -> list[Article]:
    settings = Settings()
    read = read_all([SAMPLE], settings)
    return mark_duplicates(process(read.articles, settings), settings.dedup)


def test_sample_corpus_gives_its_two_stories_whatever_the_shared_actors(
    sample_articles: list[Article],
) -> None:
    stories = group_stories(sample_articles)
    by_id = {a.id: a for a in sample_articles}
    quake = [s for s in stories if any("quake" in by_id[i].title.lower() for i in s.article_ids)]
    assert len(quake) == 1, [s.label for s in quake]
    in_quake = {by_id[i].title for i in quake[0].article_ids}
    assert all("Mirenza" not in title for title in in_quake)
    assert len(in_quake) >= 6
    mission = stories[0]
    assert mission is not quake[0] and len(mission.article_ids) >= 20
