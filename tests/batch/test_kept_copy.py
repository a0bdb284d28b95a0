"""The streamed and Dask paths keep the copy `kept_first` keeps, whatever order files come in."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from dateline.cluster.duplicates import kept_first, mark_duplicates
from dateline.model import Article
from dateline.pipeline import process, read_all, spool_pile, timeline_from_paths
from dateline.settings import Settings

BODY = (
    "The water board closed the Linden reservoir to swimmers on Monday after divers found a "
    "crack in the old spillway wall near the northern inlet. About two thousand people swim "
    "there on a warm weekend, and the board said the beach at Crane Point would stay open "
    "with extra lifeguards until the repairs are done. Engineers expect the work to take at "
    "least four weeks, because the concrete must cure before the water level can rise again. "
    "The town council said the closure would hurt the kiosks and the boat hire that depend "
    "on summer visitors, and asked the region for help with their losses. A spokesperson for "
    "the board said season passes would be extended by every day the reservoir stays shut. "
    "Anglers said the crack had been visible from the shore since the spring floods and that "
    "they had reported it twice, once in a letter and once at a public meeting in April."
)
# Three copies of one report: the local paper's is published later, the wire's and the
# repost the same earlier day, so the smaller content id of those two decides.
COPIES = {
    "courier.txt": ("Linden Courier\nReservoir closed to swimmers\n\n", "2024-05-06"),
    "wire.txt": ("Northwire\nSpillway crack shuts Linden reservoir\n\n", "2024-05-04"),
    "repost.txt": ("Posted by the Valley Times\nLinden reservoir shut\n\n", "2024-05-04"),
}
ORDERS = list(itertools.permutations(COPIES))


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    made = tmp_path_factory.mktemp("copies")
    for name, (header, day) in COPIES.items():
        (made / name).write_text(header + BODY, encoding="utf-8")
        outlet = header.split("\n", 1)[0]
        (made / f"{name}.meta.json").write_text(
            json.dumps({"date": day, "outlet": outlet}), encoding="utf-8"
        )
    return made


def _kept_in_memory(folder: Path) -> str:
    """The kept copy as the in-memory rule marks it."""
    read = read_all([folder / name for name in COPIES], Settings())
    marked = mark_duplicates(process(read.articles, Settings()), Settings().dedup)
    (kept,) = [a for a in marked if a.duplicate_of is None]
    assert len(marked) == 3 and kept == min(marked, key=kept_first)
    return kept.id


@pytest.mark.parametrize("order", ORDERS, ids="/".join)
def test_the_spooled_pile_keeps_the_copy_kept_first_keeps(
    folder: Path, order: tuple[str, ...]
) -> None:
    kept = _kept_in_memory(folder)
    read = read_all([folder / name for name in order], Settings())
    pile: list[Article] = list(spool_pile(read.articles, Settings()))
    assert {a.duplicate_of for a in pile} == {None, kept}
    assert [a.id for a in pile if a.duplicate_of is None] == [kept]
    (original,) = [a for a in pile if a.id == kept]
    assert set(original.outlets) == {header.split("\n", 1)[0] for header, _ in COPIES.values()}


@pytest.fixture(scope="module")
def scheduler():
    distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        yield cluster.scheduler_address


@pytest.mark.parametrize("order", ORDERS[::2], ids="/".join)
def test_the_dask_path_keeps_the_copy_kept_first_keeps(
    folder: Path, scheduler: str, order: tuple[str, ...]
) -> None:
    from dateline.batch.dask_engine import timeline_on_dask

    kept = _kept_in_memory(folder)
    paths = [folder / name for name in order]
    there = timeline_on_dask(paths, Settings(), scheduler)
    shown = list(there.documents)
    assert [a.id for a in shown if a.duplicate_of is None] == [kept]
    assert all(a.duplicate_of == kept for a in shown if a.id != kept)
    assert shown == list(timeline_from_paths(paths, Settings()).documents)
