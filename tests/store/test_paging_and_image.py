"""The store pages its listing in first-seen order, and keeps an article's picture."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from storekit import article

from dateline.store import Store


def test_pages_follow_first_seen_order(tmp_path: Path) -> None:
    articles = [
        article(f"Report number {n} says the ferry ran late again.", f"r{n}.txt") for n in range(7)
    ]
    with Store(tmp_path / "s.db") as store:
        store.add(articles)
        everything = [a.id for a in store.articles()]
        pages = [[a.id for a in store.articles(page=(3, offset))] for offset in (0, 3, 6)]
        assert pages == [everything[0:3], everything[3:6], everything[6:7]]
        assert store.articles(page=(3, 9)) == []
        assert [a.id for a in store.articles(page=(-1, 5))] == everything[5:]


def test_the_picture_survives_the_store(tmp_path: Path) -> None:
    pictured = dataclasses.replace(
        article("The ferry ran late on Monday.", "a.txt"),
        image="https://pictures.example/ferry.jpg",
    )
    with Store(tmp_path / "s.db") as store:
        store.add([pictured])
    with Store(tmp_path / "s.db") as store:
        (back,) = store.articles()
    assert back.image == "https://pictures.example/ferry.jpg"
