"""Exports checked in the programs that consume them, in headless Chromium: the TimelineJS
export in Knight Lab's own TimelineJS, the HTML viewer's disagreement badges, name facets
and changes on the hand-written pile (tests/select/pile), and the SVG chart as a browser
shows it.

TimelineJS comes from npm (`@knight-lab/timelinejs`), installed by .ci/run into
$DATELINE_TIMELINEJS (default ~/.cache/dateline-tests/timelinejs); without it the test skips
and says how to install it.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import dateline
from dateline.model import Timeline

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PILE = Path(__file__).parents[1] / "select" / "pile" / "pile.jsonl"
TIMELINEJS = Path(
    os.environ.get("DATELINE_TIMELINEJS", Path.home() / ".cache" / "dateline-tests" / "timelinejs")
)
DIST = TIMELINEJS / "node_modules" / "@knight-lab" / "timelinejs" / "dist"


@pytest.fixture(scope="module")
def pile() -> Timeline:
    return dateline.timeline(PILE)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip(f"headless Chromium not found at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def test_timelinejs_shows_every_slide_once_in_real_timelinejs(
    browser: Any, pile: Timeline, tmp_path: Path
) -> None:
    if not (DIST / "js" / "timeline.js").exists():
        pytest.skip(
            f"TimelineJS not installed in {TIMELINEJS}: npm install --prefix "
            f"{TIMELINEJS} @knight-lab/timelinejs (as .ci/run does)"
        )
    shutil.copy(DIST / "js" / "timeline.js", tmp_path / "timeline.js")
    shutil.copy(DIST / "css" / "timeline.css", tmp_path / "timeline.css")
    data = json.loads(pile.to_timelinejs())
    # One slide with a picture: its media slot carries the credit (the address is never
    # fetched: the page runs offline).
    pictured = data["events"][0]
    pictured["media"] = {
        "url": "https://pictures.example/holm.jpg",
        "credit": "Coastal Wire",
        "caption": "Troops leave",
    }
    page_text = (
        '<!DOCTYPE html><html><head><meta charset="utf-8">'
        '<link rel="stylesheet" href="timeline.css"><script src="timeline.js"></script></head>'
        '<body><div id="timeline" style="width: 1100px; height: 650px"></div><script>'
        f"window.tl = new TL.Timeline('timeline', {json.dumps(data)}, {{}});"
        "</script></body></html>"
    )
    (tmp_path / "index.html").write_text(page_text, encoding="utf-8")
    errors: list[str] = []
    page = browser.new_page(viewport={"width": 1200, "height": 800}, offline=True)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto((tmp_path / "index.html").as_uri())
    page.wait_for_selector(".tl-slide .tl-headline")
    slides = page.eval_on_selector_all(
        ".tl-slide:not(.tl-slide-titleslide)",
        """els => els.map(s => ({
            headline: (s.querySelector('.tl-headline') || {}).innerText || '',
            text: (s.querySelector('.tl-text-content') || {}).innerText || ''}))""",
    )
    groups = page.locator(".tl-timegroup-message").all_inner_texts()
    page.evaluate("window.tl.goTo(1)")  # media loads when its slide comes near
    page.wait_for_selector(".tl-slide .tl-credit")
    credits = page.locator(".tl-slide .tl-credit").all_inner_texts()
    page.close()
    assert errors == []
    assert [c.strip() for c in credits if c.strip()] == ["Coastal Wire"]
    assert len(slides) == len(pile.entries)
    # One row per story on the time axis, labelled as the export groups them.
    assert sorted(groups) == sorted({s["group"] for s in data["events"]}) and len(groups) > 1
    for slide, entry in zip(slides, sorted(pile.entries, key=lambda e: e.date), strict=True):
        headline, text = " ".join(slide["headline"].split()), " ".join(slide["text"].split())
        # A short headline that is not the text again, nor the text cut short.
        assert headline and headline != text and not entry.summary.startswith(headline)
        assert text.count(entry.summary) == 1  # the sentence once, never again as a source
        if entry.disagreements:
            assert "Sources disagree" in text


def test_viewer_badges_disagreements_and_filters_by_name(
    browser: Any, pile: Timeline, tmp_path: Path
) -> None:
    path = tmp_path / "pile.html"
    path.write_text(pile.to_html(), encoding="utf-8")
    errors: list[str] = []
    page = browser.new_page(viewport={"width": 1280, "height": 860}, offline=True)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(path.as_uri())
    page.wait_for_selector(".entry-open")
    page.locator(".entry-open >> nth=-1").scroll_into_view_if_needed()
    flagged = sum(1 for e in pile.entries if e.disagreements)
    assert page.locator(".badge.disagree").count() == flagged
    first = page.locator(".entry-open", has=page.locator(".badge.disagree")).first
    first.click()
    table = page.locator(".disagreement .claims")
    table.wait_for()
    words = table.locator(".claim-words").all_inner_texts()
    assert sorted(words) == ["600 ground troops", "about 1,000 ground troops"]
    holm = sum(1 for e in pile.entries if any(x.name == "Anna Holm" for x in e.entities))
    option = page.locator("[data-role=entity] option", has_text="Anna Holm")
    assert option.inner_text() == f"Anna Holm · person ({holm})"
    page.select_option("[data-role=entity]", "Anna Holm")
    assert page.locator(".entry-date").count() == holm
    page.select_option("[data-role=entity]", "")
    # A name in an entry's panel opens that name's own timeline.
    first.click()
    page.locator(".names .name", has_text="Kharesh").click()
    kharesh = sum(1 for e in pile.entries if any(x.name == "Kharesh" for x in e.entities))
    assert page.locator(".entry-date").count() == kharesh
    assert page.input_value("[data-role=entity]") == "Kharesh"
    page.close()
    assert errors == []


TOLL = [
    ("2025-03-04", "A car bomb in Korvel killed 12 people at the market on March 3, police said."),
    (
        "2025-03-06",
        "The toll from the market bombing in Korvel rose to 25 people killed on March 5.",
    ),
    (
        "2025-03-10",
        "By March 9 the toll of the Korvel bombing had reached 40 people killed, "
        "hospital officials said.",
    ),
    # One more incident, not the running count: no point of the series.
    (
        "2025-03-08",
        "Three more people died on March 7 when a device went off near the Korvel "
        "checkpoint, the army said.",
    ),
]


def test_viewer_lists_how_a_count_changed(browser: Any, tmp_path: Path) -> None:
    pile = tmp_path / "toll.jsonl"
    pile.write_text(
        "".join(
            json.dumps({"date": d, "outlet": "Coastal Wire", "text": t}) + "\n" for d, t in TOLL
        ),
        encoding="utf-8",
    )
    timeline = dateline.timeline(pile)
    (change,) = timeline.changes
    assert [c.words for c in change.claims] == ["12 people", "25 people", "40 people"]
    path = tmp_path / "toll.html"
    path.write_text(timeline.to_html(), encoding="utf-8")
    page = browser.new_page(offline=True)
    page.goto(path.as_uri())
    page.wait_for_selector(".entry-open")
    shown = page.locator("[data-role=changes] li").all_inner_texts()
    page.close()
    assert shown == [
        "dead in Korvel: rose from “12 people” to “40 people” in 2 steps between "
        "March 3, 2025 and March 9, 2025"
    ]


def test_svg_chart_in_chromium_has_labels_and_no_blank_band(
    browser: Any, pile: Timeline, tmp_path: Path
) -> None:
    """The SVG as a browser shows it: the labels are text, and the drawing reaches the image's
    edges (a screenshot of the image, its inked rows and columns)."""
    import io

    import numpy
    from matplotlib import image

    path = tmp_path / "chart.svg"
    path.write_text(pile.to_svg(), encoding="utf-8")
    page = browser.new_page(viewport={"width": 1400, "height": 700}, offline=True)
    page.goto(path.as_uri())
    shot = page.locator("svg").screenshot()
    labels = page.locator("svg text").all_text_contents()
    page.close()
    ink = (image.imread(io.BytesIO(shot), format="png")[..., :3] < 0.95).any(axis=2)
    rows, columns = numpy.flatnonzero(ink.any(axis=1)), numpy.flatnonzero(ink.any(axis=0))
    height, width = ink.shape
    assert rows[0] <= 12 and height - 1 - rows[-1] <= 12
    assert columns[0] <= 12 and width - 1 - columns[-1] <= 12
    assert any("Anna Holm" in label or "Kharesh" in label for label in labels)
