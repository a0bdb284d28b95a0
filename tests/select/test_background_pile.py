"""Piles of clippings about one story, each naming background years on the way: the
timeline holds the story's own events, never the years it only mentions."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

from dateline.cluster.duplicates import mark_duplicates
from dateline.events import extract_events
from dateline.model import Article, PublicationDate
from dateline.pipeline import TimelineQuery, build_timeline, process, read_all
from dateline.select import build_entries
from dateline.settings import Settings
from dateline.timex import tag_article

Make = Callable[..., Article]

# Our own clippings about a port strike; every background year is written one of the four
# ways `events.background` knows, and is named by more articles than any single strike day.
CLIPPINGS = [
    (
        "Dock workers in Halvard walked out on March 3, 2009, closing the port. "
        "The union, which signed the 1990 treaty with the port board, said the deal was dead.",
        "2009-03-04",
    ),
    (
        "The Halvard port strike entered its second week on March 10, 2009. "
        "Union leader Ola Brand, who in 1998 led the last strike, said on March 10, 2009 that "
        "talks had failed.",
        "2009-03-11",
    ),
    (
        "Ships queued outside Halvard on March 10, 2009 as the strike went on. "
        '"We were promised [in 2008] that pay would rise," one docker said of the 1990 treaty '
        "terms.",
        "2009-03-12",
    ),
    (
        "The port board offered a pay rise on March 20, 2009, and the strike ended. "
        "The board's budget for 2010 sets aside money for the rise, as the 1990 treaty asks.",
        "2009-03-21",
    ),
    (
        "Halvard's port reopened on March 23, 2009 after the strike. "
        "Brand, who in 1998 led the last strike, called the deal fair; the board's budget for "
        "2010 was approved on March 23, 2009 too.",
        "2009-03-24",
    ),
]
BACKGROUND = {"1990", "1998", "2008", "2010"}


def _pile(make_article: Make) -> list[Article]:
    return [
        extract_events(tag_article(make_article(text, None, published, ident=f"c{i}")))
        for i, (text, published) in enumerate(CLIPPINGS)
    ]


def test_background_years_do_not_become_entries(make_article: Make) -> None:
    entries = build_entries(_pile(make_article), dates=8)
    dates = {e.date for e in entries}
    assert not dates & BACKGROUND, dates
    assert {"2009-03-03", "2009-03-10", "2009-03-20", "2009-03-23"} <= dates


def test_the_tagger_finds_the_background_years(make_article: Make) -> None:
    # The test above means something only if the years are tagged and dated.
    pile = _pile(make_article)
    named = {t.value for a in pile for t in a.timexes}
    assert named >= BACKGROUND


# The five undated clippings of tests/date/clippings (our own writing), given their true
# publication days: the timeline holds the story's events on their days and none of the
# years and months the clippings only mention (the dam's completion in 1987, its 2016
# inspection, February's rain, comment stamps from 2021).
CLIPPINGS_DIR = Path(__file__).resolve().parents[1] / "date" / "clippings"
CLIPPINGS_BACKGROUND = {"1987", "2016", "2019-02", "2021"}
# Each true event the events stage dates on its day, with a word its entry must hold. The
# minister's words of March 14 and the drain plan of March 18 are dated elsewhere by the
# events stage (a month, a plan's April), before selection sees them.
CLIPPINGS_EVENTS = {
    "2019-03-13": "leak",
    "2019-03-15": "pump",
    "2019-03-27": "evacuation order",
    "2019-04": "emptied",
    "2019-04-15": "inquiry",
}


def _clippings() -> list[Article]:
    settings = Settings()
    days = dict(
        line.split("\t")
        for line in (CLIPPINGS_DIR / "dates.tsv").read_text(encoding="utf-8").splitlines()
        if line.strip()
    )
    read = read_all(sorted(CLIPPINGS_DIR.glob("*.txt")), settings)
    pile = []
    for article in process(read.articles, settings):
        day = date.fromisoformat(days[Path(article.source).name].strip())
        published = PublicationDate(day, day, day, 1.0, method="metadata")
        tagged = tag_article(dataclasses.replace(article, published=published))
        pile.append(extract_events(dataclasses.replace(tagged, events=())))
    return pile


def test_the_clippings_timeline_holds_the_story_not_its_background() -> None:
    pile = _clippings()
    background = {(e.article_id, e.sentence.start) for a in pile for e in a.events if e.background}
    assert {"1987", "2016"} <= {e.date for a in pile for e in a.events if e.background}
    entries = build_timeline(pile, Settings(), TimelineQuery(dates=60, per_date=3)).entries
    assert not {e.date for e in entries} & CLIPPINGS_BACKGROUND
    assert not [
        e.summary for e in entries if (e.sources[0].document, e.sources[0].start) in background
    ]
    for day, word in CLIPPINGS_EVENTS.items():
        told = [e.summary for e in entries if e.date == day]
        assert any(word in s.lower() for s in told), (day, told)


SAMPLE = Path(__file__).resolve().parents[2] / "src" / "dateline" / "data" / "sample"


def test_no_entry_of_the_sample_timeline_is_a_background_mention() -> None:
    # The bundled sample with its true publication days, 60 dates of up to 3 entries: six
    # entries were background mentions ("The 2003 law ...", "... which arrived in Sabrin last
    # month, ...") before such reports stopped being entries.
    settings = Settings()
    truth = json.loads((SAMPLE / "publication_dates.json").read_text(encoding="utf-8"))
    read = read_all([SAMPLE / "articles"], settings)
    pile = []
    for article in mark_duplicates(process(read.articles, settings), settings.dedup):
        file, sep, record = article.source.partition("::")
        day = date.fromisoformat(truth[file.split("articles/", 1)[-1] + sep + record])
        published = PublicationDate(day, day, day, 1.0, method="metadata")
        tagged = tag_article(dataclasses.replace(article, published=published))
        pile.append(extract_events(dataclasses.replace(tagged, events=())))
    background = {(e.article_id, e.sentence.start) for a in pile for e in a.events if e.background}
    assert background  # the sample does mention things on the way
    entries = build_timeline(pile, settings, TimelineQuery(dates=60, per_date=3)).entries
    assert len(entries) > 60
    assert not [
        e.summary for e in entries if (e.sources[0].document, e.sources[0].start) in background
    ]
