from __future__ import annotations

from cleankit import BODY

from dateline.clean import boilerplate_key, normalise_line, repeated_lines
from dateline.model import Article
from dateline.pipeline import process
from dateline.settings import CleanSettings, Settings

FOOTER = "Island Times: independent since 1892"

STORIES = [
    "Lifeboat crews rescued four walkers cut off by the tide near Elgol on Sunday afternoon, "
    "the coastguard said, and all four were taken to hospital in Broadford as a precaution.",
    "A new distillery on the west coast of the island will open to visitors in June after "
    "planners approved a visitor centre and car park for 60 vehicles on Thursday evening.",
    "Islanders will vote next month on whether to build a second wind turbine at the community "
    "farm, which has earned £1.2 million for local projects since the first began turning.",
    "Road repairs on the single-track route to Glendale will close the road overnight for "
    "three weeks from Monday, the council said, with a diversion through Dunvegan signposted.",
]
WIRE_LINE = "The company declined to comment on the figures."


def _article(source: str, body: list[str], outlet: str = "") -> Article:
    return Article.from_raw(source, "\n\n".join(["Home", *body, FOOTER]), outlet=outlet)


def test_line_on_many_pages_of_one_outlet_is_boilerplate() -> None:
    articles = [_article(f"times/{i}.txt", [story]) for i, story in enumerate(STORIES)]
    sets = repeated_lines(articles, CleanSettings())
    assert sets == {"times": frozenset({"home", normalise_line(FOOTER)})}


def test_threshold_comes_from_settings() -> None:
    articles = [_article(f"times/{i}.txt", [story]) for i, story in enumerate(STORIES[:2])]
    assert repeated_lines(articles, CleanSettings())["times"] == frozenset()
    low = repeated_lines(articles, CleanSettings(repeated_line_min_docs=2))
    assert normalise_line(FOOTER) in low["times"]


def test_counting_is_per_outlet_so_syndicated_copy_is_not_boilerplate() -> None:
    # The same wire story carried by three outlets: its lines are in three documents, but
    # only once per outlet.
    articles = [
        _article(f"{outlet}/wire.txt", [WIRE_LINE, STORIES[0]], outlet=outlet)
        for outlet in ("Island Times", "Daily Courier", "Harbour News")
    ]
    assert all(not lines for lines in repeated_lines(articles, CleanSettings()).values())


def test_versions_of_one_story_count_once() -> None:
    # Three updates of one story in one outlet share their long paragraphs; their short
    # sentences must not become furniture.
    versions = [
        _article(f"times/v{i}.txt", [STORIES[0], STORIES[1], WIRE_LINE, f"Update {i}."])
        for i in range(3)
    ]
    others = [_article(f"times/o{i}.txt", [story]) for i, story in enumerate(STORIES[2:])]
    sets = repeated_lines(versions + others, CleanSettings())
    assert normalise_line(WIRE_LINE) not in sets["times"]
    assert normalise_line(FOOTER) in sets["times"]


def test_groups_by_outlet_then_folder() -> None:
    assert boilerplate_key(Article.from_raw("a/b.txt", "x", outlet="The Times")) == "The Times"
    assert boilerplate_key(Article.from_raw("dump/feed.jsonl::17", "x")) == "dump"
    assert boilerplate_key(Article.from_raw("https://news.example.org/world/1", "x")) == (
        "https:/news.example.org/world"
    )


def test_the_run_removes_each_outlets_furniture() -> None:
    articles = [_article(f"times/{i}.txt", [story, *BODY]) for i, story in enumerate(STORIES)]
    cleaned = process(articles, Settings(), through="clean")
    assert len(cleaned) == len(articles)
    for article, story in zip(cleaned, STORIES, strict=True):
        assert article.text.split("\n\n") == [story, *BODY]
