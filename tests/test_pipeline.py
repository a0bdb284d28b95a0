"""The pipeline's wiring: stage contracts, order, purity, and the same result in a pool."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from dateline.model import Article
from dateline.pipeline import (
    CORPUS_DATES,
    DECISIONS,
    DUPLICATES,
    STAGES,
    CrossStage,
    Pipeline,
    Stage,
    TimelineQuery,
    build_timeline,
    document_pipeline,
    process,
)
from dateline.settings import Settings

TEXTS = [
    "The council approved the new harbour budget on Jan. 12, 2009. Work starts in the spring.",
    "Dock workers walked out on Feb. 2, 2009, demanding safer cranes. The strike lasted a week.",
    "The harbour master resigned on March 30, 2009, after the crane report was published.",
]


def articles() -> list[Article]:
    return [Article.from_raw(f"doc{i}.txt", text) for i, text in enumerate(TEXTS)]


def test_a_stage_whose_needs_nobody_fills_is_refused_when_built():
    stage = Stage("events", lambda a: a, frozenset({"timexes"}), frozenset({"events"}))
    with pytest.raises(ValueError, match="'events' needs \\['timexes'\\]"):
        Pipeline((stage,))


def test_a_contract_naming_no_field_of_article_is_refused_when_declared():
    """Issue 13: a typo in `fills` built fine."""
    with pytest.raises(ValueError, match="'events' names \\['event'\\], which Article does not"):
        Stage("events", lambda a: a, frozenset({"timexes"}), frozenset({"event"}))
    with pytest.raises(ValueError, match="which Article does not have"):
        CrossStage("select", frozenset({"sentence"}), frozenset())


def test_the_run_is_declared_once_in_order():
    assert STAGES == (
        "clean",
        "language",
        "date",
        "timex",
        "events",
        "decisions",
        "duplicates",
        "date from the corpus",
        "stories",
        "select",
    )


def test_what_a_cross_document_stage_changes_is_read_again_by_the_pipeline():
    """A new day from the corpus re-resolves time phrases and events; one from the user goes
    through the date stage first (it reads `given_date`)."""
    document = document_pipeline(Settings())
    assert [s.name for s in document.reading(CORPUS_DATES.fills).stages] == ["timex", "events"]
    assert [s.name for s in document.reading(DECISIONS.fills).stages] == [
        "date",
        "timex",
        "events",
    ]
    assert document.reading(DUPLICATES.fills).stages == ()


def test_default_pipeline_fills_every_stage_output():
    article = document_pipeline(Settings())(articles()[0])
    assert article.text and article.published is not None
    assert article.timexes and article.sentences and article.events


def test_process_is_pure_and_keeps_order():
    originals = articles()
    copies = [dataclasses.replace(a) for a in originals]
    processed = process(originals, Settings())
    assert originals == copies
    assert [a.source for a in processed] == [a.source for a in originals]


def test_pool_gives_the_same_articles_as_a_loop():
    many = [Article.from_raw(f"d{i}.txt", f"{TEXTS[i % 3]} Report number {i}.") for i in range(12)]
    assert process(many, Settings(), workers=2) == process(many, Settings(), workers=1)


def test_timeline_entries_are_dated_and_sourced():
    processed = process(articles(), Settings())
    timeline = build_timeline(processed, Settings(), TimelineQuery())
    dates = [e.date for e in timeline.entries]
    assert {"2009-01-12", "2009-02-02", "2009-03-30"} <= set(dates)
    assert dates == sorted(dates)
    texts = {a.id: a.text for a in timeline.documents}
    for entry in timeline.entries:
        for citation in entry.sources:
            assert texts[citation.document][citation.start : citation.end] == citation.sentence


@pytest.mark.parametrize("max_pool", [300, 2])
def test_the_spooled_pile_gives_the_timeline_the_pile_in_memory_gives(monkeypatch, max_pool):
    """The sample corpus (wire copies, an undated article, several outlets) through the disk
    spool in batches of five, over a pool, against every stage run on lists in memory; with
    pools of two reports a date, the spread each date's pool is thinned to is picked too."""
    from importlib import resources

    from dateline.cluster.duplicates import mark_duplicates
    from dateline.pipeline import read_all, timeline_from_paths

    sample = Path(str(resources.files("dateline") / "data" / "sample" / "articles"))
    settings = Settings()
    monkeypatch.setattr("dateline.select.entries.MAX_POOL", max_pool)
    read = read_all([sample], settings)
    marked = mark_duplicates(process(read.articles, settings), settings.dedup)
    in_memory = build_timeline(marked, settings, TimelineQuery())
    monkeypatch.setattr("dateline.pipeline.BATCH", 5)
    stages: list[str] = []
    spooled = timeline_from_paths([sample], settings, on_stage=stages.append)
    assert spooled.entries == in_memory.entries
    assert list(spooled.documents) == list(in_memory.documents)
    assert stages == [
        "reading",
        "processing",
        "finding near-duplicates",
        "choosing dates and entries",
    ]
    assert any(a.duplicate_of for a in marked)
    assert any(a.published is None or a.published.date is None for a in marked)


def test_the_spooled_pile_applies_decisions_and_names_as_the_pile_in_memory_does():
    """The user's decisions (hide, pin, edit, date, delete), --who/--where and the changes
    list on the lazy corpus of the disk spool, against the same build on a list."""
    from importlib import resources

    from dateline.cluster.duplicates import mark_duplicates
    from dateline.model import Curation, citation_key, headers
    from dateline.pipeline import DECISIONS, again_after, read_all, spool_pile
    from dateline.select.curate import curated_articles

    sample = Path(str(resources.files("dateline") / "data" / "sample" / "articles"))
    settings = Settings()
    read = read_all([sample], settings)
    marked = mark_duplicates(process(read.articles, settings), settings.dedup)
    spooled = spool_pile(read.articles, settings)
    whole = build_timeline(marked, settings)
    first, second = whole.entries[:2]
    undated = next(a for a in marked if a.published is None or a.published.date is None)
    deleted = next(
        a
        for a in marked
        if a.duplicate_of is None and a.id not in {s.document for s in first.sources}
    )
    unchosen = next(
        a
        for a in marked
        if a.id not in {s.document for e in whole.entries for s in e.sources} and a.events
    )
    event = unchosen.events[0]
    decided = [
        Curation("hide", citation_key(first.sources[0])),
        Curation("edit", citation_key(second.sources[0]), "Edited by hand."),
        Curation("pin", f"{unchosen.id}:{event.sentence.start}-{event.sentence.end}"),
        Curation("date", undated.id, "2006-03-02"),
        Curation("delete", deleted.id),
    ]
    named = [e for entry in whole.entries for e in entry.entities]
    who = next(e.name for e in named if e.kind in ("person", "organisation"))
    where = next(e.name for e in named if e.kind == "place")
    for request in (TimelineQuery(), TimelineQuery(who=who), TimelineQuery(where=where)):
        in_memory = build_timeline(marked, settings, request, curations=decided)
        on_disk = build_timeline(spooled, settings, request, curations=decided)
        assert on_disk.entries == in_memory.entries and in_memory.entries
        assert on_disk.changes == in_memory.changes
        assert list(on_disk.documents) == list(in_memory.documents)
    decided_entries = build_timeline(spooled, settings, curations=decided).entries
    assert {"pinned", "edited"} <= {d for e in decided_entries for d in e.decided}
    assert citation_key(first.sources[0]) not in {
        citation_key(s) for e in decided_entries for s in e.sources
    }
    again = again_after(DECISIONS, settings)
    assert deleted.id not in {a.id for a in headers(curated_articles(spooled, decided, again))}
