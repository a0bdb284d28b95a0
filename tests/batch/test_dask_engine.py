"""The Dask engine on a LocalCluster gives the one-machine timeline of the same files."""

from __future__ import annotations

import json
import shutil
from importlib import resources
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline.cli.main import cli
from dateline.pipeline import TimelineQuery, timeline_from_paths
from dateline.settings import Settings

distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")

SAMPLE = Path(str(resources.files("dateline") / "data" / "sample" / "articles"))


@pytest.fixture(scope="module")
def pile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample corpus (wire copies, an undated article, five formats) and two bad files."""
    folder = tmp_path_factory.mktemp("pile") / "articles"
    shutil.copytree(SAMPLE, folder)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "zz-binary.txt").write_bytes(bytes(range(256)) * 8)
    return folder


@pytest.fixture(scope="module")
def scheduler():
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        yield cluster.scheduler_address


@pytest.mark.long
def test_the_cluster_gives_the_same_timeline_as_one_machine(pile: Path, scheduler: str) -> None:
    """The pile holds an undated article, so corpus dating's join runs on the workers too;
    a query narrows the pile there as well."""
    from dateline.batch.dask_engine import timeline_on_dask

    settings = Settings()
    here = timeline_from_paths([pile], settings)
    stages: list[str] = []
    there = timeline_on_dask([pile], settings, scheduler, on_stage=stages.append)
    assert there.entries and there.entries == here.entries
    assert list(there.documents) == list(here.documents)
    assert there.failures == here.failures and len(here.failures) == 2
    asked = TimelineQuery(query="troops")
    narrowed = timeline_on_dask([pile], settings, scheduler, asked).entries
    assert narrowed and narrowed == timeline_from_paths([pile], settings, request=asked).entries
    assert narrowed != here.entries
    assert stages == [
        "reading",
        "finding each outlet's repeated lines",
        "processing",
        "finding near-duplicates",
        "bringing the processed pile back",
        "choosing dates and entries",
    ]


@pytest.mark.long
def test_the_cli_writes_the_same_json_with_dask(pile: Path, scheduler: str) -> None:
    def json_of(*extra: str) -> dict[str, object]:
        run = CliRunner().invoke(
            cli, ["timeline", str(pile), "--format", "json", *extra], catch_exceptions=False
        )
        assert run.exit_code == 0, run.output
        loaded: dict[str, object] = json.loads(run.stdout)
        return loaded

    assert json_of("--dask", scheduler) == json_of()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--dask", "local:none"], "local:N needs a number of workers"),
        (["-", "--dask", "local:1"], "standard input cannot be spread over a cluster"),
    ],
)
def test_a_bad_dask_request_is_one_line(pile: Path, args: list[str], message: str) -> None:
    paths = [] if "-" in args else [str(pile)]
    run = CliRunner().invoke(cli, ["timeline", *paths, *args])
    assert run.exit_code != 0
    assert message in run.output and "Traceback" not in run.output


def test_add_with_dask_stores_what_add_stores(pile: Path, scheduler: str, tmp_path: Path) -> None:
    import dateline

    stored, said = {}, {}
    for name, extra in (("here", []), ("there", ["--dask", scheduler])):
        db = tmp_path / f"{name}.db"
        run = CliRunner().invoke(
            cli, ["add", str(pile), "--db", str(db), *extra], catch_exceptions=False
        )
        assert run.exit_code == 0, run.output
        said[name] = run.stdout
        with dateline.Store(db, create=False) as store:
            stored[name] = (store.documents(), store.failures())
    assert stored["there"] == stored["here"] and stored["here"][0]
    assert said["there"] == said["here"] and "failed 2" in said["here"]


@pytest.mark.long
def test_an_article_over_its_time_budget_is_a_failure_on_the_cluster_too(
    pile: Path, scheduler: str, tmp_path: Path
) -> None:
    """Checked between stages in the Dask task (no signal reaches its thread): the slow
    article, one real line of dated sentences, is one failure naming it; the rest as before."""
    from dateline.batch.dask_engine import timeline_on_dask

    folder = tmp_path / "articles"
    shutil.copytree(pile, folder)
    # 900,000 characters, under the reader's 1,000,000: its stages take seconds of CPU even
    # on a fast idle machine (154,000 came in under the budget once the stages got faster).
    sentence = "The council met on March 3, 2004 and voted to build the bridge. "
    (folder / "slow.txt").write_text(sentence * 14_000, encoding="utf-8")
    settings = Settings().with_overrides("read", article_seconds=1.0)
    there = timeline_on_dask([folder], settings, scheduler)
    slow = [f for f in there.failures if f.source.endswith("slow.txt")]
    assert len(slow) == 1 and "article_seconds" in slow[0].reason
    assert len(there.failures) == 3
    assert there.entries == timeline_on_dask([pile], Settings(), scheduler).entries


def test_a_pass_over_the_pile_runs_on_the_workers_as_it_would_here(scheduler: str) -> None:
    """`model.each` of a spooled pile whose articles the workers hold: every view (marks,
    replacements, a reordered subset, an argument per article) answers as the same pass run
    here, from the workers' processes, but for the replaced articles, which run here."""
    import dataclasses
    import os

    from dateline.batch.dask_engine import OnWorkers
    from dateline.batch.spool import Spool
    from dateline.model import Article, each, subset
    from dateline.pipeline import process, summarise

    texts = [
        "The council approved the harbour budget on Jan. 12, 2009. Work starts in spring.",
        "Dock workers walked out on Feb. 2, 2009, demanding safer cranes.",
        "The harbour master resigned on March 30, 2009, after the crane report.",
        "Ferries were cancelled on 4 April 2009 while divers searched the harbour.",
        "The new cranes arrived on May 8, 2009, two months late.",
    ]
    articles = process(
        [Article.from_raw(f"port/{i}.txt", t, outlet="Port Gazette") for i, t in enumerate(texts)],
        Settings(),
    )
    spool = Spool()
    for article in articles:
        spool.append(article)
    summaries = [summarise(a, Settings().dedup.num_perm) for a in articles]
    with distributed.Client(scheduler) as client:
        parts = client.scatter([summaries[:2], summaries[2:]])
        here = spool.corpus()
        there = spool.corpus(mapper=OnWorkers(client, parts, [0, 2, 5], ()))
        moved = dataclasses.replace(articles[3], outlets=("Moved",))
        views = []
        for corpus in (here, there):
            marked = corpus.with_marks({1: (articles[0].id, ("Port Gazette", "Wire"))})
            views.append(subset(marked.with_replaced({3: moved}), [4, 1, 3, 0]))

        def seen(article: Article, word: str = "") -> tuple[object, ...]:
            return (article.id, article.duplicate_of, article.outlets, word, os.getpid())

        for extra in (None, ["a", "b", "c", "d"]):
            local, remote = (each(view, seen, extra) for view in views)
            assert [r[:4] for r in remote] == [r[:4] for r in local]
            assert remote[1][1] == articles[0].id and remote[2][2] == ("Moved",)
            ran_here = [r[4] == os.getpid() for r in remote]
            assert ran_here == [False, False, True, False]
    spool.close()


@pytest.mark.parametrize(
    ("sizes", "count", "runs"),
    [
        ([1] * 10, 16, [(i, i + 1) for i in range(10)]),
        ([1] * 10, 4, [(0, 3), (3, 5), (5, 8), (8, 10)]),
        ([100, 1, 1, 1], 2, [(0, 1), (1, 4)]),
        ([1, 1, 1, 100], 2, [(0, 4)]),
        ([], 4, []),
    ],
)
def test_partitions_are_runs_of_about_equal_bytes(
    sizes: list[int], count: int, runs: list[tuple[int, int]]
) -> None:
    from dateline.batch.dask_engine import balanced_runs

    assert balanced_runs(sizes, count) == runs


@pytest.mark.parametrize("buckets", [1, 3])
def test_the_band_key_shuffle_finds_the_keys_one_machine_finds(buckets: int) -> None:
    """Partitions' rows shuffled into buckets, each bucket's repeated (band, key) pairs kept:
    the same shared keys, position by position, as the one-machine index over the pile."""
    from types import SimpleNamespace

    from dateline.batch.dask_engine import _band_rows, _repeated_rows, _shared_by_position
    from dateline.cluster.duplicates import shared_band_keys
    from dateline.cluster.minhash import signature

    words = [f"w{n}" for n in range(400)]
    texts = [" ".join(words[start : start + 120]) for start in range(0, 280, 7)]
    texts += [texts[3] + " a late correction", texts[10], "", texts[20].replace("w150", "x")]
    signatures = [signature(text, 128) for text in texts]
    pile = [SimpleNamespace(signature=s) for s in signatures]
    parts, offsets = [pile[:10], pile[10:11], pile[11:]], [0, 10, 11]
    rows = [_band_rows(part, offsets[n], 0.7, buckets) for n, part in enumerate(parts)]
    assert all(len(r) == buckets for r in rows)
    shuffled = _shared_by_position([_repeated_rows([r[b] for r in rows]) for b in range(buckets)])
    expected = shared_band_keys(signatures, 0.7)
    assert shuffled == expected
    assert {3, 10, 20, 40, 41, 43} <= set(expected) and 42 not in expected
