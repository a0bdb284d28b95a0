"""What a saved page's markup says it is: title, author, site name, address."""

from __future__ import annotations

from readkit import PAGE, page

from dateline.read.pagedate import parsed_page
from dateline.read.pagemeta import page_meta


def meta_of(html: str, url: str = ""):
    tree = parsed_page(html)
    assert tree is not None
    return page_meta(tree, url)


def test_meta_tags_name_title_author_and_site() -> None:
    found = meta_of(PAGE)
    assert found.title == "Harbour bridge reopens after storm repairs"
    assert found.author == "Mara Lindqvist"
    assert found.sitename == "The Coastal Ledger"


def test_json_ld_names_the_author_and_the_canonical_link_the_address() -> None:
    html = page("Ferry fares to rise", "Fares rise in April on every island route.").replace(
        "</head>",
        '<link rel="canonical" href="https://islands.example/news/ferry-fares">'
        '<script type="application/ld+json">{"@context": "https://schema.org", '
        '"@type": "NewsArticle", '
        '"author": {"@type": "Person", "name": "Ruth Calder"}}</script></head>',
    )
    found = meta_of(html, url="https://mirror.example/copy")
    assert found.author == "Ruth Calder"
    assert found.url == "https://islands.example/news/ferry-fares"


def test_without_markup_metadata_the_headline_is_the_title_and_no_author_is_guessed() -> None:
    html = page("Ferry fares to rise", "By Ruth Calder. Fares rise in April on every route.")
    found = meta_of(html, url="https://islands.example/a")
    assert found.title == "Ferry fares to rise"
    assert found.author == ""
    assert found.url == "https://islands.example/a"


def test_a_lone_handle_is_not_an_author() -> None:
    html = PAGE.replace('content="Mara Lindqvist"', 'content="newsdesk"')
    assert meta_of(html).author == ""
