"""The web app in real headless Chromium, over a store of the bundled sample corpus.

Each step saves a screenshot to test-output/screenshots/ for a person to look at.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from dateline.pipeline import ingest
from dateline.settings import Settings
from dateline.store import Store
from dateline.web.app import create_app

pytestmark = pytest.mark.browser

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
SAMPLE = Path(str(resources.files("dateline") / "data" / "sample" / "articles"))

NEW_ARTICLE = (
    "Riverton Gazette\nPublished: May 2, 2007\nFerry line reopens\n"
    "RIVERTON -- The Halvard ferry line reopened on May 1, 2007, after a winter of repairs "
    "to its two boats.\n"
)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if not CHROMIUM.exists():
        pytest.skip(f"headless Chromium not found at {CHROMIUM}")
    if not SAMPLE.is_dir() or not any(SAMPLE.iterdir()):
        pytest.skip(f"sample corpus not found at {SAMPLE}")
    db = tmp_path_factory.mktemp("browser") / "sample.db"
    with Store(db) as store:
        ingest(store, [SAMPLE], Settings())
    port = _free_port()
    config = uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning")
    uv = uvicorn.Server(config)
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not uv.started:
        if time.monotonic() > deadline:
            pytest.fail("uvicorn did not start within 20 s")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    uv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser(server: str) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 860})
    opened = context.new_page()
    problems: list[str] = []
    opened.problems = problems
    opened.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    opened.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    opened.goto(server + "/")
    opened.wait_for_selector(".entry-open")
    yield opened
    context.close()
    assert problems == [], problems  # includes any CSP violation report


def wait_until(check: Callable[[], bool], seconds: float = 10) -> None:
    """Poll from Python: the page's CSP (rightly) forbids Playwright's in-page eval polling."""
    deadline = time.monotonic() + seconds
    while not check():
        if time.monotonic() > deadline:
            pytest.fail("timed out waiting for the page")
        time.sleep(0.05)


def _count(page: Any) -> int:
    count: int = page.locator(".entry-date").count()
    return count


def _upload_done(page: Any) -> None:
    page.locator("[data-role=upload-summary]", has_text="Done").wait_for()


def _dates(page: Any) -> list[str]:
    return page.eval_on_selector_all(
        ".entry-date", "els => els.map(e => e.getAttribute('datetime'))"
    )


def _start(value: str) -> str:
    return (value + "-01-01")[:10] if len(value) == 4 else (value + "-01")[:10]


def test_entries_render_in_date_order(page: Any) -> None:
    dates = _dates(page)
    assert len(dates) >= 5
    assert [_start(d) for d in dates] == sorted(_start(d) for d in dates)
    first = page.locator(".entry-date").first
    assert "-" not in first.inner_text()  # "June 2006", never "2006-06-01"
    page.screenshot(path=str(SHOTS / "01-timeline.png"))


def test_entry_opens_its_highlighted_source(page: Any, server: str) -> None:
    entry = page.locator(".entry-open").nth(2)
    summary = entry.locator(".entry-summary").inner_text()
    entry.click()
    mark = page.locator(".sources mark").first
    mark.wait_for()
    assert mark.inner_text().strip() == summary.strip() or summary.strip() in mark.inner_text()
    assert "confidence" in page.locator(".source-published").first.inner_text()
    assert mark.is_visible()
    page.screenshot(path=str(SHOTS / "02-source-highlighted.png"))
    page.keyboard.press("Escape")
    assert page.locator(".sources").is_hidden()


def test_keyboard_opens_an_entry(page: Any) -> None:
    page.locator(".entry-open").first.focus()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.locator(".sources mark").first.wait_for()
    assert page.evaluate("document.activeElement.className") == "panel-title"


def test_date_range_filter(page: Any) -> None:
    total = len(_dates(page))
    page.fill("[data-role=from]", "2004-01")
    page.fill("[data-role=to]", "2004-06")
    page.press("[data-role=to]", "Enter")
    wait_until(lambda: _count(page) < total)
    dates = _dates(page)
    assert dates and all("2004-01" <= _start(d)[:7] <= "2004-06" for d in dates)
    assert "of" in page.locator("[data-role=count]").inner_text()
    page.screenshot(path=str(SHOTS / "03-date-range.png"))
    page.click("[data-role=reset]")
    wait_until(lambda: _count(page) == total)


def test_brush_on_the_axis_narrows_the_list(page: Any) -> None:
    total = len(_dates(page))
    box = page.locator("[data-role=axis]").bounding_box()
    y = box["y"] + box["height"] / 3
    page.mouse.move(box["x"] + box["width"] * 0.05, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.3, y, steps=5)
    page.mouse.up()
    wait_until(lambda: _count(page) < total)
    assert page.input_value("[data-role=from]")
    page.screenshot(path=str(SHOTS / "04-brush.png"))


@pytest.mark.long
def test_upload_a_file_and_see_it_appear(page: Any, tmp_path: Path) -> None:
    article = tmp_path / "ferry.txt"
    article.write_text(NEW_ARTICLE, encoding="utf-8")
    page.click("nav a[data-view=add]")
    page.set_input_files("[data-role=files]", str(article))
    status = page.locator(".upload-status").last
    _upload_done(page)
    assert "1 added" in status.inner_text()
    page.screenshot(path=str(SHOTS / "05-upload.png"))
    page.click("nav a[data-view=timeline]")
    page.wait_for_selector("time[datetime='2007-05-01']")
    page.locator("time[datetime='2007-05-01']").scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / "06-uploaded-entry.png"))


def test_binary_upload_shows_an_error(page: Any, tmp_path: Path) -> None:
    picture = tmp_path / "story.txt"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    page.click("nav a[data-view=add]")
    page.set_input_files("[data-role=files]", str(picture))
    _upload_done(page)
    assert "PNG image" in page.locator(".upload-status").last.inner_text()
    # The browser logs the refused request itself; that one is expected.
    page.problems[:] = [p for p in page.problems if "status of 415" not in p]


@pytest.mark.long
def test_script_payload_is_inert(page: Any, tmp_path: Path) -> None:
    hostile = tmp_path / "vandals.html"
    hostile.write_text(
        "<html><head><title>Mural &lt;script&gt;window.pwned=1&lt;/script&gt;</title>"
        '<meta property="article:published_time" content="2007-08-02"></head><body><article>'
        "<p>Vandals painted &lt;script&gt;window.pwned=2&lt;/script&gt; and "
        '&lt;img src=x onerror="window.pwned=3"&gt; on the harbour wall on August 1, 2007.'
        "</p></article></body></html>",
        encoding="utf-8",
    )
    page.click("nav a[data-view=add]")
    page.set_input_files("[data-role=files]", str(hostile))
    _upload_done(page)
    page.click("nav a[data-view=timeline]")
    entry = page.locator(".entry-open", has_text="Vandals painted")
    entry.wait_for()
    entry.scroll_into_view_if_needed()
    assert "<script>window.pwned=2</script>" in entry.text_content()
    entry.click()
    page.locator(".sources mark").first.wait_for()
    assert "onerror" in page.locator(".sources mark").first.inner_text()
    assert page.evaluate("window.pwned") is None
    assert page.locator("main img, main script").count() == 0
    page.screenshot(path=str(SHOTS / "07-script-inert.png"))
    page.click("nav a[data-view=documents]")
    page.locator("td", has_text="window.pwned=1").first.wait_for()
    assert page.evaluate("window.pwned") is None
    page.screenshot(path=str(SHOTS / "08-documents.png"))


def test_phone_width(browser: Any, server: str) -> None:
    context = browser.new_context(
        viewport={"width": 390, "height": 800}, is_mobile=True, has_touch=True
    )
    phone = context.new_page()
    phone.goto(server + "/")
    phone.wait_for_selector(".entry-open")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    phone.screenshot(path=str(SHOTS / "09-phone.png"))
    phone.locator(".entry-open").first.click()
    phone.locator(".sources mark").first.wait_for()
    phone.screenshot(path=str(SHOTS / "10-phone-source.png"))
    context.close()


def test_zoom_goes_from_years_to_days(page: Any) -> None:
    unit = page.locator("[data-role=unit]")
    assert unit.inner_text() == "Showing years"
    for _ in range(8):
        page.click("[data-role=zoom-in]")
    assert unit.inner_text().startswith(("Showing months", "Showing days"))
    for _ in range(4):
        page.click("[data-role=zoom-in]")
    assert unit.inner_text().startswith("Showing days, ")
    page.screenshot(path=str(SHOTS / "11-zoomed-to-days.png"))
    for _ in range(12):
        page.click("[data-role=zoom-out]")
    assert unit.inner_text() in ("Showing years", "Showing decades")


def test_drag_and_drop_upload(page: Any) -> None:
    page.click("nav a[data-view=add]")
    transfer = page.evaluate_handle(
        """() => {
            const dt = new DataTransfer();
            const text = "Riverton Gazette\\nPublished: March 3, 2008\\nDock strike ends\\n" +
              "RIVERTON -- Dock workers ended their strike on March 2, 2008, after nine days.\\n";
            dt.items.add(new File([text], "dock.txt", { type: "text/plain" }));
            return dt;
        }"""
    )
    page.dispatch_event("[data-role=dropzone]", "drop", {"dataTransfer": transfer})
    _upload_done(page)
    assert "1 added" in page.locator(".upload-status").last.inner_text()
    page.click("nav a[data-view=timeline]")
    page.wait_for_selector("time[datetime='2008-03-02']", state="attached")


def test_search_and_story_filter(page: Any) -> None:
    total = _count(page)
    page.fill("[data-role=search]", "kidnapped")
    page.press("[data-role=search]", "Enter")
    wait_until(lambda: 0 < _count(page) < total)
    texts = page.locator(".entry-summary").all_text_contents()
    assert any("kidnap" in t.lower() for t in texts)
    page.screenshot(path=str(SHOTS / "12-search.png"))
    assert page.get_attribute(".downloads a >> nth=1", "href") == "/api/export/csv?q=kidnapped"
    page.fill("[data-role=search]", "")
    page.press("[data-role=search]", "Enter")
    wait_until(lambda: _count(page) == total)
    options = page.locator("[data-role=story] option")
    assert options.count() > 1
    page.select_option("[data-role=story]", index=1)
    wait_until(lambda: 0 < _count(page) < total)
    page.select_option("[data-role=story]", index=0)
    page.select_option("[data-role=entity]", index=1)
    wait_until(lambda: 0 < _count(page) < total)


def _building_first(times: int, seconds: float) -> tuple[Callable[[Any], None], dict[str, int]]:
    """A route handler that answers 202 "building" (2,000 articles, `seconds` so far) the
    first `times` requests, then lets them through; and its count of 202s left."""
    building = {"left": times}
    body = f'{{"status": "building", "articles": 2000, "seconds": {seconds}}}'

    def hold(route: Any) -> None:
        if building["left"]:
            building["left"] -= 1
            route.fulfill(status=202, content_type="application/json", body=body)
        else:
            route.continue_()

    return hold, building


def test_the_page_says_building_with_progress_never_empty_while_it_waits(
    browser: Any, server: str
) -> None:
    """While the server answers 202 "building" (a cold timeline of a big store), the page
    shows that with its progress, never "No dated entries yet" (issue 13)."""
    context = browser.new_context(viewport={"width": 1280, "height": 860})
    opened = context.new_page()
    hold, building = _building_first(3, seconds=12.4)
    opened.route("**/api/timeline*", hold)
    opened.goto(server + "/")
    count = opened.locator("[data-role=count]")
    count.filter(has_text="Building the timeline of 2000 articles… 12 s").wait_for()
    assert "No dated entries" not in opened.locator("#view-timeline").inner_text()
    assert opened.get_attribute("#view-timeline", "aria-busy") == "true"
    opened.screenshot(path=str(SHOTS / "00-building.png"))
    opened.wait_for_selector(".entry-open")
    assert "Building" not in count.inner_text()
    assert building["left"] == 0
    context.close()


def test_a_download_says_building_then_saves_the_file(browser: Any, server: str) -> None:
    """A download asked while its timeline builds shows the build's progress in the header,
    then saves the file the export route gives (never a 202 body saved as the file)."""
    context = browser.new_context(viewport={"width": 1280, "height": 860}, accept_downloads=True)
    opened = context.new_page()
    hold, building = _building_first(2, seconds=3.2)
    opened.route("**/api/export/csv*", hold)
    opened.goto(server + "/")
    opened.wait_for_selector(".entry-open")
    status = opened.locator("[data-role=download-status]")
    with opened.expect_download() as waiting:
        opened.click(".downloads a:has-text('CSV')")
        status.filter(has_text="Building the timeline of 2000 articles… 3 s").wait_for()
    saved = waiting.value
    assert saved.suggested_filename == "timeline.csv"
    assert Path(saved.path()).read_text(encoding="utf-8").startswith("entry,date,")
    assert building["left"] == 0 and status.inner_text() == ""
    context.close()
