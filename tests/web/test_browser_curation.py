"""A curation made in the web app survives `add` of new articles and a server restart,
in real headless Chromium over a store of the bundled sample corpus.

Screenshots go to test-output/screenshots/ for a person to look at.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from test_browser import CHROMIUM, CHROMIUM_ARGS, SAMPLE, SHOTS, _free_port, wait_until

from dateline.model import Article, Citation, DayRange, Timeline, TimelineEntry
from dateline.pipeline import ingest
from dateline.settings import Settings
from dateline.store import Store
from dateline.web.app import create_app

pytestmark = pytest.mark.browser

LATER = (
    "Riverton Gazette\nPublished: May 2, 2007\nFerry line reopens\n"
    "RIVERTON -- The Halvard ferry line reopened on May 1, 2007, after a winter of repairs "
    "to its two boats.\n"
)
EDITED = "The mission's main body left for the south, as the cabinet had ordered."


class Server:
    """uvicorn serving the app on `db` in a thread, stopped and started like a real server."""

    def __init__(self, db: Path) -> None:
        self.db = db
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        config = uvicorn.Config(
            create_app(self.db), host="127.0.0.1", port=self.port, log_level="warning"
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, daemon=True)
        self._thread.start()
        wait_until(lambda: bool(self._server and self._server.started), 20)

    def stop(self) -> None:
        assert self._server is not None and self._thread is not None
        self._server.should_exit = True
        self._thread.join(timeout=10)
        assert not self._thread.is_alive()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    if not CHROMIUM.exists():
        pytest.skip(f"headless Chromium not found at {CHROMIUM}")
    if not SAMPLE.is_dir() or not any(SAMPLE.iterdir()):
        pytest.skip(f"sample corpus not found at {SAMPLE}")
    db = tmp_path / "sample.db"
    with Store(db) as store:
        ingest(store, [SAMPLE], Settings())
    running = Server(db)
    running.start()
    yield running
    if running._thread is not None and running._thread.is_alive():
        running.stop()


@pytest.fixture
def chromium() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip(f"headless Chromium not found at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def open_page(chromium: Any, url: str) -> Any:
    context = chromium.new_context(viewport={"width": 1280, "height": 860})
    page = context.new_page()
    page.problems = []
    page.on("pageerror", lambda e: page.problems.append(f"page error: {e}"))
    page.on("console", lambda m: page.problems.append(m.text) if m.type == "error" else None)
    page.goto(url + "/")
    page.wait_for_selector(".entry-open")
    return page


def keys(page: Any) -> list[str]:
    found: list[str] = page.eval_on_selector_all(
        ".entry-open", "els => els.map(e => e.dataset.key)"
    )
    return found


def entry(page: Any, key: str) -> Any:
    return page.locator(f".entry-open[data-key='{key}']")


@pytest.mark.long
def test_a_curation_in_the_web_app_survives_add_and_restart(
    server: Server, chromium: Any, tmp_path: Path
) -> None:
    page = open_page(chromium, server.url)
    hidden, edited = keys(page)[0], keys(page)[3]

    entry(page, hidden).click()
    page.click("[data-role=hide]")
    wait_until(lambda: hidden not in keys(page))

    entry(page, edited).click()
    page.click("[data-role=edit]")
    page.fill("[data-role=edit-text]", EDITED)
    page.click("[data-role=save-edit]")
    wait_until(lambda: EDITED in entry(page, edited).inner_text())
    assert "edited by you" in entry(page, edited).text_content()
    page.screenshot(path=str(SHOTS / "11-curated.png"))
    assert page.problems == [], page.problems
    page.context.close()

    later = tmp_path / "later.txt"
    later.write_text(LATER, encoding="utf-8")
    with Store(server.db) as store:  # what `dateline add` does, from another process's side
        ingest(store, [later], Settings())
    server.stop()
    server.start()

    page = open_page(chromium, server.url)
    shown = keys(page)
    assert hidden not in shown
    assert page.locator("time[datetime='2007-05-01']").count() == 1
    assert EDITED in entry(page, edited).inner_text()
    assert "edited by you" in entry(page, edited).text_content()
    assert "articles have no publication day" in page.inner_text("[data-role=undated]")
    entry(page, edited).scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / "12-curated-after-restart.png"))

    page.click("nav a[data-view=documents]")
    hide = page.locator(".decision", has_text="Hidden")
    hide.wait_for()
    assert page.locator(".decision", has_text="Edited").count() == 1
    hide.scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / "13-decisions.png"))
    hide.locator("[data-role=undo]").click()
    wait_until(lambda: page.locator(".decision", has_text="Hidden").count() == 0)
    page.click("nav a[data-view=timeline]")
    wait_until(lambda: hidden in keys(page))
    assert page.problems == [], page.problems
    page.context.close()


def test_set_date_in_the_web_app_dates_the_article(server: Server, chromium: Any) -> None:
    page = open_page(chromium, server.url)
    page.locator(".entry-open").first.click()
    page.locator("[data-role=set-date-value]").first.wait_for()
    page.fill("[data-role=set-date-value] >> nth=0", "2004-01-05")
    page.locator("[data-role=set-date]").first.click()
    page.locator(".sources").wait_for(state="hidden")
    page.locator(".entry-open").first.click()
    published = page.locator(".source-published").first
    published.wait_for()
    wait_until(lambda: "given by you" in page.locator(".sources").inner_text())
    page.screenshot(path=str(SHOTS / "14-set-date.png"))
    bad = page.locator("[data-role=set-date-value]").first
    bad.fill("2004-02-30")
    page.locator("[data-role=set-date]").first.click()
    page.locator(".curate-status", has_text="Not saved").wait_for()
    page.problems[:] = [p for p in page.problems if "status of 400" not in p]
    assert page.problems == [], page.problems
    page.context.close()


def test_the_viewer_shows_a_range_as_a_range_marked_approximate(
    chromium: Any, tmp_path: Path
) -> None:
    text = (
        "The port authority said on Friday that its talks with the dockers had collapsed. "
        "Negotiators met again on March 3 to try once more."
    )
    cut = text.index(" Negotiators")
    article = Article.from_raw("clip.txt", text, text=text, outlet="Keston Courier")
    built = Timeline(
        documents=(article,),
        entries=(
            TimelineEntry(
                "2022",
                text[:cut],
                (Citation(article.id, text[:cut], 0, cut),),
                within=DayRange("2022-02-25", "2022-03-11", 5),
            ),
            TimelineEntry(
                "2022-03-03",
                text[cut + 1 :],
                (Citation(article.id, text[cut + 1 :], cut + 1, len(text)),),
            ),
        ),
    )
    exported = tmp_path / "timeline.html"
    exported.write_text(built.to_html(), encoding="utf-8")
    context = chromium.new_context(viewport={"width": 1280, "height": 860})
    page = context.new_page()
    page.goto(exported.as_uri())
    page.wait_for_selector(".entry-open")
    ranged = page.locator(".entry-open", has_text="on Friday")
    assert "a Friday between 25 Feb and 11 Mar 2022" in ranged.inner_text()
    assert ranged.locator(".badge.approximate").count() == 1
    exact = page.locator(".entry-open", has_text="March 3")
    assert exact.locator(".badge.approximate").count() == 0
    page.screenshot(path=str(SHOTS / "15-approximate.png"))
    context.close()
