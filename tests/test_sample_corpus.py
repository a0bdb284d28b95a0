"""The bundled sample corpus has what its README promises.

The demo, the web tests and the timeline checks all lean on these promises (formats, undated
articles, the syndicated pair, the true dates and events), so they are checked here through
the real reader rather than taken on trust.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import date
from itertools import pairwise, permutations
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

import dateline
from dateline.model import Article, Failure
from dateline.read import read_paths

SAMPLE = Path(dateline.__file__).resolve().parent / "data" / "sample"
ARTICLES = SAMPLE / "articles"
WARC = ARTICLES / "crawl-2006.warc.gz"
WARC_PAGES = Path(__file__).resolve().parent / "data" / "sample_warc"

SENTENCE_END = re.compile(r'(?<=[.!?"])\s+(?=["A-Z(])')
WORD = re.compile(r"[\w$,.'-]+")


def key(article: Article | Failure) -> str:
    """`publication_dates.json` key: path relative to articles/, plus any ::record suffix."""
    path, sep, record = article.source.partition("::")
    return Path(path).relative_to(ARTICLES).as_posix() + sep + record


def sentences(text: str) -> list[str]:
    return [s for line in text.splitlines() for s in SENTENCE_END.split(line) if s.strip()]


def shingles(text: str, size: int = 5) -> set[tuple[str, ...]]:
    words = [w.lower() for w in WORD.findall(text)]
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}


def month_start(value: str) -> date:
    return date.fromisoformat(value if len(value) == 10 else value + "-01")


@pytest.fixture(scope="module")
def results() -> list[Article | Failure]:
    return list(read_paths([ARTICLES]))


@pytest.fixture(scope="module")
def articles(results: list[Article | Failure]) -> dict[str, Article]:
    return {key(a): a for a in results if isinstance(a, Article)}


@pytest.fixture(scope="module")
def truth() -> dict[str, date]:
    raw = json.loads((SAMPLE / "publication_dates.json").read_text(encoding="utf-8"))
    return {name: date.fromisoformat(value) for name, value in raw.items()}


@pytest.fixture(scope="module")
def table() -> dict[str, tuple[str, str, date]]:
    """The README's publication-date table: key -> (outlet, story, date)."""
    text = (SAMPLE / "README.md").read_text(encoding="utf-8")
    section = text.split("## True publication dates", 1)[1].split("\n## ", 1)[0]
    rows = {}
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 5 and re.fullmatch(r"\d{4}-\d\d-\d\d", cells[3]):
            rows[cells[0]] = (cells[1], cells[2], date.fromisoformat(cells[3]))
    return rows


@pytest.fixture(scope="module")
def events() -> list[dict]:
    return json.loads((SAMPLE / "events.json").read_text(encoding="utf-8"))


def test_files_by_format() -> None:
    counts = Counter(
        "warc.gz" if p.name.endswith(".warc.gz") else p.suffix.lstrip(".")
        for p in ARTICLES.iterdir()
    )
    assert counts == {"txt": 10, "html": 8, "jsonl": 2, "warc.gz": 1}


def test_reader_reads_every_article(results: list[Article | Failure]) -> None:
    failures = [r for r in results if isinstance(r, Failure)]
    assert failures == []
    by_container = Counter(key(r).split("::")[0] for r in results if "::" in r.source)
    assert by_container == {"cws-wire-2004.jsonl": 5, "clippings.jsonl": 4, "crawl-2006.warc.gz": 3}
    assert len(results) == 30


def test_articles_are_news_length(articles: dict[str, Article]) -> None:
    # Text copied from pages keeps its chrome, so its ceiling is higher than a bare body's.
    for name, article in articles.items():
        words = len(article.raw_text.split())
        ceiling = 450 if name.endswith(".txt") else 400
        assert 150 <= words <= ceiling, f"{name}: {words} words"


def test_publication_dates_cover_the_corpus(
    articles: dict[str, Article], truth: dict[str, date]
) -> None:
    assert set(truth) == set(articles)
    assert min(truth.values()) >= date(2003, 7, 1)
    assert max(truth.values()) <= date(2006, 12, 31)


def test_readme_table_matches_publication_dates(
    table: dict[str, tuple[str, str, date]], truth: dict[str, date]
) -> None:
    assert {name: row[2] for name, row in table.items()} == truth
    assert {row[1] for row in table.values()} == {"main", "second"}


def test_metadata_dates_are_true_and_some_are_missing(
    articles: dict[str, Article], truth: dict[str, date]
) -> None:
    dated = {n: a.metadata_date for n, a in articles.items() if a.metadata_date is not None}
    assert dated == {n: truth[n] for n in dated}
    undated_beyond_txt = {
        n for n, a in articles.items() if a.metadata_date is None and not n.endswith(".txt")
    }
    assert undated_beyond_txt == {
        "mp-hostages-freed.html",
        "cws-wire-2004.jsonl::3",
        "clippings.jsonl::3",
        "crawl-2006.warc.gz::https://www.meridianpost.example/world/estmark-sabrin-wells-a7f3",
    }


@pytest.mark.parametrize(
    ("name", "has_date_line"),
    [
        ("hdn-assembly-passes-mirenza-act.txt", True),
        ("hdn-main-body-departs.txt", True),
        ("kt-cabinet-approves-basic-plan.txt", True),
        ("lc-earthquake-strikes-lindmark.txt", True),
        ("kt-mission-extended.txt", False),
        ("lc-quake-anniversary.txt", False),
    ],
)
def test_txt_header_carries_the_year_only_when_dated(
    name: str, has_date_line: bool, truth: dict[str, date]
) -> None:
    header = "\n".join((ARTICLES / name).read_text(encoding="utf-8").splitlines()[:10])
    assert (str(truth[name].year) in header) is has_date_line
    assert bool(re.search(r"\b(19|20)\d\d\b", header)) is has_date_line


@pytest.mark.parametrize("outlet", ["hdn", "kt", "lc"])
def test_each_outlet_repeats_its_chrome(outlet: str) -> None:
    pages = [p.read_text(encoding="utf-8").splitlines() for p in ARTICLES.glob(f"{outlet}-*.txt")]
    assert len(pages) >= 3
    shared = set(pages[0]).intersection(*pages[1:])
    assert len(shared) >= 5, shared


def test_txt_pages_have_varied_chrome() -> None:
    text = "\n".join(p.read_text(encoding="utf-8") for p in ARTICLES.glob("*.txt"))
    for furniture in [
        "Skip to main content",
        "Story Tools",
        "Top Stories",
        "Related Topics",
        "Subscribe",
        "Photo:",
        "Copyright 1998-2007",
        "© Lindmark Courier 2004",
        "is the Korvel Times' defence correspondent",
    ]:
        assert furniture in text, furniture
    hdn = (ARTICLES / "hdn-last-troops-home.txt").read_text(encoding="utf-8").splitlines()
    assert any(a == b and len(a) > 30 for a, b in pairwise(hdn))


def test_wire_story_is_the_only_near_duplicate(articles: dict[str, Article]) -> None:
    grams = {name: shingles(a.raw_text) for name, a in articles.items()}

    def containment(a: str, b: str) -> float:
        return len(grams[a] & grams[b]) / len(grams[a])

    pair = ("nl-main-body-departs.html", "hdn-main-body-departs.txt")
    assert containment(*pair) > 0.9
    assert articles[pair[0]].title != "Main body of Mirenza mission leaves Korvel"
    others = [(a, b) for a, b in permutations(grams, 2) if {a, b} != set(pair)]
    assert max(containment(a, b) for a, b in others) < 0.3


def test_events_file_is_well_formed(events: list[dict]) -> None:
    assert 20 <= len(events) <= 40
    for event in events:
        assert set(event) == {"date", "keywords", "story", "planned"}
        assert re.fullmatch(r"\d{4}-\d\d(-\d\d)?", event["date"])
        month_start(event["date"])
        assert 1 <= len(event["keywords"]) <= 3
        assert all(isinstance(k, str) and k.strip() for k in event["keywords"])
        assert event["story"] in {"main", "second"}
        assert isinstance(event["planned"], bool)
    assert [e["date"] for e in events] == sorted(e["date"] for e in events)
    stories = Counter(e["story"] for e in events)
    assert stories["main"] >= 15 and stories["second"] >= 5
    assert sum(e["planned"] for e in events) >= 2


def reporting(event: dict, articles: dict[str, Article]) -> list[str]:
    """Articles with one sentence holding every keyword of the event."""
    words = [k.lower() for k in event["keywords"]]
    return [
        name
        for name, article in articles.items()
        if any(all(w in s.lower() for w in words) for s in sentences(article.raw_text))
    ]


def test_every_event_is_reported_in_its_story_at_the_right_time(
    events: list[dict],
    articles: dict[str, Article],
    table: dict[str, tuple[str, str, date]],
) -> None:
    for event in events:
        found = [n for n in reporting(event, articles) if table[n][1] == event["story"]]
        assert found, f"no {event['story']} article reports {event}"
        start = month_start(event["date"])
        published = [table[n][2] for n in found]
        if event["planned"]:
            assert min(published) < start, event
        else:
            assert max(published) >= start, event


def test_events_are_reported_by_several_outlets(
    events: list[dict],
    articles: dict[str, Article],
    table: dict[str, tuple[str, str, date]],
) -> None:
    outlets = [{table[n][0] for n in reporting(e, articles)} for e in events]
    assert sum(len(o) >= 2 for o in outlets) >= 4


def test_numbers_disagree_between_outlets(
    articles: dict[str, Article], table: dict[str, tuple[str, str, date]]
) -> None:
    claims = ["up to 600 ground troops", "more than 500 ground troops", "about 1,000 personnel"]
    outlets = set()
    for claim in claims:
        carriers = {table[n][0] for n, a in articles.items() if claim in a.raw_text}
        assert carriers, claim
        outlets |= carriers
    assert len(outlets) >= 3


def test_date_expressions_come_in_many_forms(articles: dict[str, Article]) -> None:
    text = "\n".join(a.raw_text for a in articles.values())
    for phrase in [
        "on Friday",
        "last year",
        "the next day",
        "earlier this month",
        "yesterday",
        "next Tuesday",
        "Feb. 21",
        "January 26, 2004",
        "until 14 December next year",
        "is expected to depart on February third",
        "is due to leave on February 21",
    ]:
        assert phrase in text, phrase


def test_warc_holds_the_source_pages_captured_after_publication(truth: dict[str, date]) -> None:
    pages = {p.read_bytes() for p in WARC_PAGES.glob("*.html")}
    payloads, crawled = set(), set()
    with WARC.open("rb") as stream:
        for record in ArchiveIterator(stream):
            if record.rec_type == "response":
                payloads.add(record.content_stream().read())
                crawled.add(record.rec_headers.get_header("WARC-Date")[:10])
    assert payloads == pages and len(pages) == 3
    (crawl_day,) = crawled
    assert date.fromisoformat(crawl_day) > max(truth.values())
