"""`story.txt.meta.json` beside `story.txt`: what the user knows of the article wins."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from dateline.model import Article, Failure
from dateline.read import read_paths

CLIPPING = (
    "Ferry crews walk out\nThe ferry crews of the Halvard line stopped work on Friday "
    "over their pay, the union said.\n"
)


def write(folder: Path, meta: object | None) -> Path:
    path = folder / "ferry.txt"
    path.write_text(CLIPPING, encoding="utf-8")
    if meta is not None:
        text = meta if isinstance(meta, str) else json.dumps(meta)
        (folder / "ferry.txt.meta.json").write_text(text, encoding="utf-8")
    return path


def test_a_sidecar_gives_the_date_title_url_and_outlet(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "date": "2012-05-07",
            "title": "Crews strike",
            "url": "https://x.example/a",
            "outlet": "Valley Courier",
        },
    )
    found = list(read_paths([tmp_path]))  # the folder: the sidecar is not an article
    assert len(found) == 1 and isinstance(found[0], Article)
    article = found[0]
    assert article.given_date == date(2012, 5, 7)
    assert (article.title, article.url, article.outlet) == (
        "Crews strike",
        "https://x.example/a",
        "Valley Courier",
    )


def test_without_a_sidecar_the_article_is_as_read(tmp_path: Path) -> None:
    (article,) = read_paths([write(tmp_path, None)])
    assert isinstance(article, Article) and article.given_date is None


@pytest.mark.parametrize(
    "meta, problem",
    [
        ("{not json", "not a JSON object"),
        ([1, 2], "not a JSON object"),
        ({"date": "7 May 2012"}, "is not YYYY-MM-DD"),
        ({"date": "2012-02-30"}, "is not YYYY-MM-DD"),
        ({"title": 3}, "title must be a string"),
        ({"published": "2012-05-07"}, "unknown field(s) published"),
    ],
)
def test_a_bad_sidecar_is_one_line_naming_it(tmp_path: Path, meta: object, problem: str) -> None:
    (found,) = read_paths([write(tmp_path, meta)])
    assert isinstance(found, Failure)
    assert found.source.endswith("ferry.txt.meta.json")
    assert problem in found.reason and "\n" not in found.reason


def test_a_lone_meta_json_is_read_as_a_file(tmp_path: Path) -> None:
    """Only a sidecar beside its article is skipped: a lone one is named, never dropped."""
    (tmp_path / "orphan.txt.meta.json").write_text('{"date": "2012-05-07"}', encoding="utf-8")
    assert len(list(read_paths([tmp_path]))) == 1
