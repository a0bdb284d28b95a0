"""A corpus's passes on forked processes give exactly what they give in this process."""

from __future__ import annotations

import functools
import os
import shutil
from importlib import resources
from pathlib import Path

import pytest

from dateline.batch import forked
from dateline.batch.forked import InForks
from dateline.batch.spool import Spool
from dateline.model import Article, each
from dateline.pipeline import process, timeline_from_paths
from dateline.settings import Settings

SAMPLE = Path(str(resources.files("dateline") / "data" / "sample" / "articles"))
TEXTS = [
    "The council approved the new harbour budget on Jan. 12, 2009. Work starts in the spring.",
    "Dock workers walked out on Feb. 2, 2009, demanding safer cranes. The strike lasted a week.",
    "The harbour master resigned on March 30, 2009, after the crane report was published.",
    "Ferries were cancelled on 4 April 2009 while divers searched the harbour mouth.",
    "Divers found the missing crane arm on April 9, 2009, two miles off the pier.",
]


@pytest.fixture
def small_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every pass forks, and a worker takes two articles at a time: several runs per pass."""
    monkeypatch.setattr(forked, "RUN", 2)
    monkeypatch.setattr(InForks, "LEAST", 1)


def _seen(article: Article, extra: str = "") -> tuple[str, str, str | None, int]:
    return article.id, extra, article.duplicate_of, os.getpid()


def test_a_pass_runs_in_other_processes_and_answers_in_view_order(small_runs) -> None:
    articles = process(
        [Article.from_raw(f"port/{i}.txt", t, outlet="Port Gazette") for i, t in enumerate(TEXTS)],
        Settings(),
    )
    spool = Spool()
    for article in articles:
        spool.append(article)
    replacement = articles[0].__class__(**{**articles[0].__dict__, "title": "Replaced"})
    corpus = (
        spool.corpus(mapper=InForks(2))
        .with_marks({3: (articles[1].id, None)})
        .with_replaced({0: replacement})
    )
    view = corpus.subset([4, 3, 0, 2])
    found = each(view, _seen, ["a", "b", "c", "d"])
    expected = [_seen(a, x) for a, x in zip(view.here(), ["a", "b", "c", "d"], strict=True)]
    assert [f[:3] for f in found] == [e[:3] for e in expected]
    assert found[1][2] == articles[1].id  # the mark applied in the worker
    assert {f[3] for f in found} - {os.getpid()}  # not answered here
    titles = each(view, functools.partial(getattr), ["title"] * 4)
    assert titles[2] == "Replaced"
    spool.close()


def test_one_worker_or_a_small_view_runs_here() -> None:
    spool = Spool()
    spool.append(Article.from_raw("a.txt", "One short text about the harbour.", outlet="X"))
    assert each(spool.corpus(mapper=InForks(1)), _seen)[0][3] == os.getpid()
    assert each(spool.corpus(mapper=InForks(2)), _seen)[0][3] == os.getpid()
    spool.close()


def test_a_timeline_built_on_forks_is_the_one_built_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The sample corpus (wire copies, an undated article dated from the pile) through every
    pass of dates and entries, forked, then in this process alone."""
    pile = tmp_path / "articles"
    shutil.copytree(SAMPLE, pile)
    settings = Settings()
    here = timeline_from_paths([pile], settings)
    monkeypatch.setattr(forked, "RUN", 3)
    monkeypatch.setattr(InForks, "LEAST", 1)
    there = timeline_from_paths([pile], settings)
    assert there.entries and there.entries == here.entries
    assert there.changes == here.changes
    assert list(there.documents) == list(here.documents)
