"""Gate: on real copied pages the title is the page's headline, not a menu line.

The headline is taken from the saved HTML beside each page (its <h1>s and og:title), and
counted only where the copied text prints it as a line of its own.
"""

from __future__ import annotations

import gzip
from pathlib import Path

import lxml.html
import pytest

from dateline.clean import normalise_line
from dateline.model import Article
from dateline.pipeline import process
from dateline.settings import Settings

BODIES = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "real" / "bodies"


def _headlines(html: Path) -> set[str]:
    page = lxml.html.fromstring(gzip.decompress(html.read_bytes()).decode("utf-8", "replace"))
    found = [" ".join(h.text_content().split()) for h in page.iter("h1")]
    found += page.xpath('//meta[@property="og:title"]/@content')
    return {normalise_line(text) for text in found if normalise_line(text)}


@pytest.mark.data
@pytest.mark.skipif(not BODIES.is_dir(), reason="real pages not in ../shared/data/real/bodies")
def test_the_headline_is_the_title_of_real_copied_pages() -> None:
    pages = sorted((BODIES / "text").glob("*.txt"))
    articles = [Article.from_raw(str(p), p.read_text(encoding="utf-8")) for p in pages]
    scored = hits = 0
    for page, article in zip(pages, process(articles, Settings(), through="clean"), strict=True):
        headlines = _headlines(BODIES / "html" / f"{page.stem}.html.gz")
        lines = {normalise_line(line) for line in page.read_text(encoding="utf-8").splitlines()}
        if headlines & lines:
            scored += 1
            hits += normalise_line(article.title) in headlines
    assert scored >= 110
    # Measured 0.966 (115 of 119 pages; by hand two more are right: an h1 that names the
    # site, an h1 of another story); 0.941 before the window title kept its separators, the
    # echo counted shared words first and title-case headlines could end with a full stop;
    # 0.908 before the window-echo rule, 0.41 before the window-title rule.
    assert hits / scored >= 0.96
