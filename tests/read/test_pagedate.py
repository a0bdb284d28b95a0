"""A saved page's own publication day, with the places on the page that state it."""

from __future__ import annotations

from datetime import date

from dateline.read.pagedate import HTMLDATE, page_date, page_stamps, parsed_page

FLOOR = date(1900, 1, 1)
BODY = (
    "<p>The harbour board voted on Tuesday to dredge the east channel, ending a dispute "
    "with the ferry operators that had run since the spring floods.</p>"
)


def page(head: str, body: str = "") -> str:
    return f"<html><head><title>Harbour</title>{head}</head><body><article>{body}{BODY}" \
           "</article></body></html>"  # fmt: skip


def test_every_place_that_states_the_day_is_named() -> None:
    html = page(
        '<meta property="article:published_time" content="2021-06-03T08:10:00+02:00">'
        '<link rel="canonical" href="https://harbour.example/news/2021/06/03/dredging">'
        '<script type="application/ld+json">{"@type": "NewsArticle", '
        '"datePublished": "2021-06-03T08:10:00+02:00"}</script>'
    )
    found = page_date(parsed_page(html), FLOOR)
    assert found is not None and found.day == date(2021, 6, 3)
    assert found.sources[0] == "JSON-LD datePublished"
    assert {"meta", "URL", HTMLDATE} <= set(found.sources)
    assert not found.disputed


def test_modified_stamps_are_not_publication_days() -> None:
    html = page('<meta property="article:modified_time" content="2022-01-09T10:00:00Z">')
    assert page_stamps(html) == []


def test_the_day_the_page_shows_beats_a_hidden_utc_stamp_a_day_later() -> None:
    html = page(
        '<meta property="article:published_time" content="2023-03-10T03:20:00+00:00">',
        '<time datetime="2023-03-09T22:20:00-05:00">March 9, 2023</time>',
    )
    found = page_date(parsed_page(html), FLOOR)
    assert found is not None and found.day == date(2023, 3, 9)
    assert found.sources[0] == "<time>" and found.disputed


def test_a_shown_date_far_from_the_page_stamp_does_not_win() -> None:
    html = page(
        '<meta property="article:published_time" content="2023-03-10T09:00:00+01:00">',
        '<aside><time datetime="2022-11-02">Older story</time></aside>',
    )
    found = page_date(parsed_page(html), FLOOR)
    assert found is not None and found.day == date(2023, 3, 10)


def test_a_copyright_year_alone_gives_no_day() -> None:
    html = page("", "<footer>Copyright 2019 Harbour Gazette</footer>")
    found = page_date(parsed_page(html), FLOOR)
    assert found is None or found.day != date(2019, 1, 1)


def test_markup_that_is_not_a_page() -> None:
    assert page_stamps("") == []
    assert page_date(parsed_page("<html></html>"), FLOOR) is None


def test_a_page_with_an_xml_prolog_is_read() -> None:
    html = '<?xml version="1.0" encoding="utf-8"?>\n' + page(
        '<meta property="article:published_time" content="2021-06-03T08:10:00+02:00">'
    )
    assert [s.day for s in page_stamps(html)] == [date(2021, 6, 3)]


def test_dating_leaves_the_parsed_page_as_it_was() -> None:
    from lxml import html as lxml_html

    tree = parsed_page(page("", "<h1>Harbour to dredge</h1><p>Published 3 May 2021 10:15</p>"))
    before = lxml_html.tostring(tree)
    assert page_date(tree, FLOOR) is not None
    assert lxml_html.tostring(tree) == before


def test_the_date_line_by_the_headline_overrules_a_lone_hidden_stamp() -> None:
    html = page(
        '<meta name="date" content="2021-05-20">',
        "<h1>Harbour to dredge east channel</h1><p>Published 3 May 2021 10:15</p>",
    )
    found = page_date(parsed_page(html), FLOOR)
    assert found is not None and found.day == date(2021, 5, 3)
    assert found.sources[0].startswith("text line") and found.disputed


def test_a_date_line_that_agrees_is_one_more_place() -> None:
    html = page(
        '<meta name="date" content="2021-05-03">',
        "<h1>Harbour to dredge east channel</h1><p>Published 3 May 2021 10:15</p>",
    )
    found = page_date(parsed_page(html), FLOOR)
    assert found is not None and found.day == date(2021, 5, 3)
    assert any(s.startswith("text line") for s in found.sources) and not found.disputed


def test_visible_text_is_one_block_a_line_without_scripts() -> None:
    from lxml import html as lxml_html

    from dateline.read.pagedate import visible_text

    tree = lxml_html.fromstring(
        "<html><head><title>T</title></head><body><h1>Head</h1><script>var x = 1;</script>"
        "<p>One <b>two</b></p><div>Three</div></body></html>"
    )
    assert visible_text(tree) == "Head\nOne two\nThree"
