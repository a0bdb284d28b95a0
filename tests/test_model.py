import dataclasses

import pytest

import dateline
from dateline.model import Article, content_id


def test_public_names_are_pinned():
    assert sorted(dateline.__all__) == sorted(
        [
            "Article",
            "Citation",
            "Curation",
            "DatelineError",
            "DayRange",
            "Event",
            "Failure",
            "InputError",
            "PublicationDate",
            "Sentence",
            "Settings",
            "SettingsError",
            "Store",
            "StoreError",
            "TimeMention",
            "Timeline",
            "TimelineEntry",
            "__version__",
            "load_settings",
            "tag",
            "timeline",
        ]
    )
    for name in dateline.__all__:  # the front door's names load on first use
        assert getattr(dateline, name) is not None
    with pytest.raises(AttributeError):
        _ = dateline.nothing_here


def test_content_id_ignores_whitespace_layout_but_not_words():
    assert content_id("A  cabinet\r\nmeeting.") == content_id("A cabinet meeting.")
    assert content_id("A cabinet meeting.") != content_id("A cabinet meeting!")


def test_articles_are_immutable():
    article = Article.from_raw("x.txt", "Some text.")
    with pytest.raises(dataclasses.FrozenInstanceError):
        article.text = "changed"  # type: ignore[misc]
