"""The `clean` fixture: run the cleaner on a page written in a test."""

from __future__ import annotations

import pytest

from dateline.clean import clean_article
from dateline.model import Article
from dateline.settings import CleanSettings


@pytest.fixture
def clean():
    def run(text: str, **fields: object) -> Article:
        return clean_article(Article.from_raw("page.txt", text, **fields), CleanSettings())

    return run
