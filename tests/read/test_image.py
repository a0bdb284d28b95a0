"""An article's picture, for the TimelineJS media slot: og:image of a page, `image` (or
`urlToImage`, `image_url`, `top_image`) of a record; only http(s) addresses are kept."""

from __future__ import annotations

import json

import pytest
from readkit import STORY, only_article, read_all

PAGE = """<!DOCTYPE html><html><head><title>Troops leave Brenna</title>
<meta property="og:image" content="{image}">
<meta property="article:published_time" content="2025-05-02"></head>
<body><article><h1>Troops leave Brenna</h1><p>The last troops left Brenna on May 1, 2025,
ending a mission of three years, the defence ministry said in a statement on Friday.</p>
<p>Residents lined the road out of the town as the convoy passed, and the mayor thanked the
soldiers for their work in the flooded valley.</p></article></body></html>"""


@pytest.mark.parametrize(
    ("image", "kept"),
    [
        ("https://pictures.example/brenna.jpg", "https://pictures.example/brenna.jpg"),
        ("javascript:alert(1)", ""),
        ("data:image/png;base64,AAAA", ""),
    ],
)
def test_page_og_image(write, image: str, kept: str) -> None:
    article = only_article(read_all(write("page.html", PAGE.format(image=image))))
    assert article.image == kept


@pytest.mark.parametrize("field", ["image", "urlToImage", "image_url", "top_image"])
def test_record_image_fields(write, field: str) -> None:
    record = {"text": STORY, field: " https://pictures.example/a.jpg "}
    article = only_article(read_all(write("a.jsonl", json.dumps(record))))
    assert article.image == "https://pictures.example/a.jpg"


def test_a_record_without_a_picture_has_none(write) -> None:
    assert only_article(read_all(write("b.jsonl", json.dumps({"text": STORY})))).image == ""
