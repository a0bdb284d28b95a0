"""The self-contained HTML export: escaped data, a CSP that matches, and it runs offline."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from pathlib import Path

import pytest

from dateline.model import Article, Citation, Timeline, TimelineEntry
from dateline.render.html import render, script_json

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "test-output" / "screenshots"
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

PAYLOAD = (
    "Rebels struck on May 4, 2005. </script><script>window.pwned=1</script>"
    '<img src=x onerror="window.pwned=2"> &amp; \u2028 done.'
)


@pytest.fixture
def hostile() -> Timeline:
    article = Article.from_raw(
        "evil.html",
        PAYLOAD,
        text=PAYLOAD,
        title="<b onmouseover=x>T</b>",
        outlet="Evil </script> Wire",
    )
    entry = TimelineEntry("2005-05-04", PAYLOAD, (Citation(article.id, PAYLOAD, 0, len(PAYLOAD)),))
    return Timeline((article,), (entry,))


def _data(page: str) -> dict:
    found = re.search(
        r'<script type="application/json" id="dateline-data">(.*?)</script>', page, re.S
    )
    assert found is not None
    return json.loads(found.group(1))


def test_data_block_round_trips_and_cannot_close_early(hostile: Timeline) -> None:
    page = render(hostile)
    data = _data(page)
    assert data["entries"][0]["summary"] == PAYLOAD
    assert data["documents"][hostile.documents[0].id]["text"] == PAYLOAD
    assert page.count("</script>") == 3  # data, viewer, boot: nothing from the article
    assert "window.pwned" not in page.split('id="dateline-data">')[0]


def test_script_json_escapes_markup_characters() -> None:
    text = script_json({"a": "</script><!-- & \u2028"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"a": "</script><!-- & \u2028"}


def test_csp_hashes_match_the_inline_script_and_style(timeline: Timeline) -> None:
    page = render(timeline)
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "default-src 'none'" in csp
    inline = re.findall(r"<script>(.*?)</script>", page, re.S)
    inline += re.findall(r"<style>(.*?)</style>", page, re.S)
    assert len(inline) == 3
    for source in inline:
        digest = base64.b64encode(hashlib.sha256(source.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp


def test_nothing_is_loaded_from_elsewhere(timeline: Timeline) -> None:
    page = render(timeline)
    urls = re.findall(r'(?:src|href)="([^"]*)"', page)
    assert urls and all(url.startswith(("data:", "#")) for url in urls)


def test_title_is_escaped(timeline: Timeline) -> None:
    page = render(timeline, title="<i>Mission</i> & after")
    assert "<title>&lt;i&gt;Mission&lt;/i&gt; &amp; after</title>" in page


@pytest.mark.browser
def test_export_runs_offline_in_chromium(
    hostile: Timeline, timeline: Timeline, tmp_path: Path
) -> None:
    if not CHROMIUM.exists():
        pytest.skip(f"headless Chromium not found at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    merged = Timeline(timeline.documents + hostile.documents, timeline.entries + hostile.entries)
    path = tmp_path / "timeline.html"
    path.write_text(render(merged), encoding="utf-8")
    SHOTS.mkdir(parents=True, exist_ok=True)
    requests: list[str] = []
    errors: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 800}, offline=True)
            page.on("request", lambda r: requests.append(r.url))
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.goto(path.as_uri())
            page.wait_for_selector(".entry-open")
            dates = page.locator(".entry-date").all_inner_texts()
            assert dates == ["July 26, 2003", "December 9, 2003", "February 2004", "May 4, 2005"]
            page.locator(".entry-open").nth(3).click()
            mark = page.locator(".source-text mark")
            mark.wait_for()
            assert "</script><script>window.pwned=1</script>" in mark.inner_text()
            assert page.evaluate("window.pwned") is None
            assert page.locator(".sources img").count() == 0
            page.screenshot(path=str(SHOTS / "export-offline.png"))
        finally:
            browser.close()
    assert requests == [path.as_uri()]
    assert errors == []


def _big_timeline(count: int) -> Timeline:
    text = " ".join(f"Event number {n} happened in the valley." for n in range(count))
    article = Article.from_raw("big.txt", text, text=text, outlet="Valley Wire")
    entries = []
    at = 0
    for n in range(count):
        sentence = f"Event number {n} happened in the valley."
        start = text.index(sentence, at)
        at = start + len(sentence)
        day = f"{1990 + n % 30}-{1 + n % 12:02d}-{1 + n % 28:02d}"
        entries.append(TimelineEntry(day, sentence, (Citation(article.id, sentence, start, at),)))
    return Timeline((article,), tuple(entries))


@pytest.mark.long
@pytest.mark.browser
def test_a_thousand_entries_render_in_chunks(tmp_path: Path) -> None:
    if not CHROMIUM.exists():
        pytest.skip(f"headless Chromium not found at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    path = tmp_path / "big.html"
    path.write_text(render(_big_timeline(1000)), encoding="utf-8")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 800})
            page.goto(path.as_uri())
            page.wait_for_selector(".entry-open")
            first = page.locator(".entry-open").count()
            assert first < 1000  # only a chunk is put in the page at first
            assert "1000 entries" in page.locator("[data-role=count]").inner_text()
            for _ in range(40):
                if page.locator(".entry-open").count() == 1000:
                    break
                page.locator("li.more").scroll_into_view_if_needed()
                page.wait_for_timeout(100)
            assert page.locator(".entry-open").count() == 1000
            page.screenshot(path=str(SHOTS / "export-1000.png"))
        finally:
            browser.close()
