"""The store on real (written) articles: idempotence, near-duplicates, atomic batches, search."""

from __future__ import annotations

import dataclasses
import random
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from storekit import BUDGET, FERRY_COURIER, FERRY_FOLLOW_UP, FERRY_WIRE, article

from dateline.cluster.duplicates import mark_duplicates
from dateline.errors import StoreError
from dateline.model import Article, Failure, Sentence
from dateline.settings import DedupSettings
from dateline.store import AddResult, Store
from dateline.store.schema import MIGRATIONS


def _corpus() -> list[Article]:
    return [
        article(FERRY_WIRE, "wire/ferry.txt", "Northwire", day=4, title="Ferries halted"),
        article(BUDGET, "city/budget.txt", "Keston Courier", day=3, title="Budget approved"),
    ]


def test_add_then_read_back_everything(tmp_path: Path) -> None:
    corpus = _corpus()
    with Store(tmp_path / "d.db") as store:
        result = store.add(corpus)
        assert result == AddResult(2, 0, 0, (corpus[0].id, corpus[1].id), (), ())
        assert store.count() == 2
        stored = store.articles()
    assert [a.id for a in stored] == [a.id for a in corpus]
    assert stored[0] == dataclasses.replace(corpus[0], outlets=("Northwire",))
    assert stored[1].published == corpus[1].published


def test_adding_the_same_files_twice_adds_nothing(tmp_path: Path) -> None:
    with Store(tmp_path / "d.db") as store:
        store.add(_corpus())
        again = store.add(_corpus())
        assert (again.added, again.duplicate, again.failed) == (0, 2, 0)
        assert store.count() == 2


def test_data_survives_reopening(tmp_path: Path) -> None:
    with Store(tmp_path / "d.db") as store:
        store.add(_corpus())
    with Store(tmp_path / "d.db") as store:
        assert store.count() == 2
        budget = _corpus()[1]
        assert store.article(budget.id) == dataclasses.replace(budget, outlets=(budget.outlet,))
        assert store.article("0000000000000000") is None


def test_wire_copy_with_other_header_and_footer_is_a_duplicate(tmp_path: Path) -> None:
    wire = article(FERRY_WIRE, "wire/ferry.txt", "Northwire", day=4)
    courier = article(FERRY_COURIER, "courier/ferry.html", "Keston Courier", day=5)
    with Store(tmp_path / "d.db") as store:
        store.add([wire])
        result = store.add([courier])
        assert (result.added, result.duplicate) == (0, 1)
        assert result.duplicate_ids == (courier.id,)
        stored_copy = store.article(courier.id)
        canonical = store.article(wire.id)
        assert stored_copy is not None and canonical is not None
        assert stored_copy.duplicate_of == wire.id
        assert canonical.duplicate_of is None
        assert canonical.outlets == ("Northwire", "Keston Courier")
        assert [a.id for a in store.articles(include_duplicates=False)] == [wire.id]
        assert store.count() == 2 and store.count(include_duplicates=False) == 1


def test_wire_copy_within_one_batch(tmp_path: Path) -> None:
    wire = article(FERRY_WIRE, "wire/ferry.txt", "Northwire")
    courier = article(FERRY_COURIER, "courier/ferry.html", "Keston Courier")
    with Store(tmp_path / "d.db") as store:
        result = store.add([wire, courier, wire])
        assert (result.added, result.duplicate) == (1, 2)
        assert store.article(wire.id).outlets == ("Northwire", "Keston Courier")  # type: ignore[union-attr]


def _filler(count: int) -> list[Article]:
    """`count` unrelated articles: random word sequences share no 5-word runs."""
    vocabulary = (FERRY_FOLLOW_UP + " " + BUDGET).split()
    rng = random.Random(7)
    return [
        article(" ".join(rng.choices(vocabulary, k=60)), f"filler/{n}.txt", "Filler")
        for n in range(count)
    ]


def test_copies_far_apart_in_a_large_batch_are_found(tmp_path: Path) -> None:
    wire = article(FERRY_WIRE, "wire/ferry.txt", "Northwire")
    courier = article(FERRY_COURIER, "courier/ferry.html", "Keston Courier")
    batch = [wire, *_filler(1200), courier]
    with Store(tmp_path / "d.db") as store:
        result = store.add(batch)
        assert (result.added, result.duplicate_ids) == (1201, (courier.id,))
        assert store.article(courier.id).duplicate_of == wire.id  # type: ignore[union-attr]
        assert len(store.articles([a.id for a in reversed(batch)])) == 1202


def test_same_topic_different_article_is_not_a_duplicate(tmp_path: Path) -> None:
    first = article(FERRY_WIRE, "wire/ferry.txt", "Northwire")
    follow_up = article(FERRY_FOLLOW_UP, "wire/ferry-2.txt", "Northwire")
    with Store(tmp_path / "d.db") as store:
        result = store.add([first, follow_up])
        assert (result.added, result.duplicate) == (2, 0)
        assert store.article(follow_up.id).duplicate_of is None  # type: ignore[union-attr]


def test_incoming_duplicate_of_is_replaced_by_the_stores_decision(tmp_path: Path) -> None:
    lone = article(BUDGET, "city/budget.txt", duplicate_of="feedfeedfeedfeed")
    with Store(tmp_path / "d.db") as store:
        assert store.add([lone]).added == 1
        assert store.article(lone.id).duplicate_of is None  # type: ignore[union-attr]


def test_stricter_threshold_keeps_the_copies_apart(tmp_path: Path) -> None:
    wire = article(FERRY_WIRE, "wire/ferry.txt", "Northwire")
    courier = article(FERRY_COURIER, "courier/ferry.html", "Keston Courier")
    strict = DedupSettings(near_duplicate_threshold=0.95)
    with Store(tmp_path / "d.db", dedup=strict) as store:
        assert store.add([wire, courier]).added == 2


@pytest.mark.parametrize(
    "reopened", [DedupSettings(near_duplicate_threshold=0.5), DedupSettings(num_perm=64)]
)
def test_changed_dedup_settings_rebuild_the_index(tmp_path: Path, reopened: DedupSettings) -> None:
    wire = article(FERRY_WIRE, "wire/ferry.txt", "Northwire")
    courier = article(FERRY_COURIER, "courier/ferry.html", "Keston Courier")
    with Store(tmp_path / "d.db") as store:
        store.add([wire])
    with Store(tmp_path / "d.db", dedup=reopened) as store:
        assert store.add([courier]).duplicate_ids == (courier.id,)
    conn = sqlite3.connect(tmp_path / "d.db")
    assert dict(conn.execute("SELECT key, value FROM meta"))["signature"].endswith(
        f":{reopened.num_perm}"
    )
    conn.close()


def _breaking(articles: list[Article], error: BaseException) -> Iterator[Article]:
    yield from articles
    raise error


@pytest.mark.parametrize("error", [RuntimeError("reader crashed"), KeyboardInterrupt()])
def test_a_batch_that_breaks_half_way_leaves_the_store_as_it_was(
    tmp_path: Path, error: BaseException
) -> None:
    path = tmp_path / "d.db"
    before = article(BUDGET, "city/budget.txt")
    with Store(path) as store:
        store.add([before], [Failure("old.txt", "not text")])
        with pytest.raises(type(error)):
            store.add(
                _breaking([article(FERRY_WIRE, "wire/ferry.txt")], error),
                [Failure("bad.txt", "empty file")],
            )
        assert [a.id for a in store.articles()] == [before.id]
        assert store.failures() == [Failure("old.txt", "not text")]
        assert store.add([article(FERRY_WIRE, "wire/ferry.txt")]).added == 1
    with Store(path) as store:
        assert store.count() == 2


def test_readers_see_the_store_as_it_was_until_the_batch_commits(tmp_path: Path) -> None:
    path = tmp_path / "d.db"
    seen_mid_batch = []
    with Store(path) as writer, Store(path) as reader:
        writer.add([article(BUDGET, "city/budget.txt")])

        def batch() -> Iterator[Article]:
            yield from _filler(600)  # more than one write round
            seen_mid_batch.append(reader.count())

        assert writer.add(batch()).added == 600
        assert seen_mid_batch == [1]
        assert reader.count() == 601


def test_failures_are_recorded_and_cleared_by_a_later_success(tmp_path: Path) -> None:
    failures = [Failure("feed.jsonl::7", "record has no text"), Failure("scan.pdf", "not text")]
    with Store(tmp_path / "d.db") as store:
        result = store.add([], failures)
        assert (result.failed, result.failed_sources) == (2, ("feed.jsonl::7", "scan.pdf"))
        assert store.failures() == failures
        store.add([], [Failure("scan.pdf", "still not text")])
        assert Failure("scan.pdf", "still not text") in store.failures()
        store.add([article(BUDGET, "feed.jsonl::7")])
        assert store.failures() == [Failure("scan.pdf", "still not text")]


def test_search_ranks_title_and_text_matches(tmp_path: Path) -> None:
    with Store(tmp_path / "d.db") as store:
        follow_up = article(FERRY_FOLLOW_UP, "wire/ferry-2.txt", title="Bus queues at the causeway")
        store.add([*_corpus(), follow_up])
        ferry, budget, _ = (a.id for a in store.articles())
        assert store.search("budget") == [budget]
        assert store.search("causeway") == [follow_up.id, ferry]  # title match ranks first
        assert store.search("ferry OR council", limit=1) != []
        assert store.search("Ferries halted") == [ferry]
        assert store.search("zeppelin") == []
        assert store.search("   ") == []


@pytest.mark.parametrize(
    ("query", "finds"),
    [
        ('"budget approved', ["budget"]),
        ("loading-ramp", ["ferry"]),
        ("ferry AND", ["ferry"]),
        ("NOT", []),
        ("title:", []),
        ("(((", []),
        ("crowns*)", ["budget"]),
    ],
)
def test_malformed_search_queries_fall_back_to_plain_terms(
    tmp_path: Path, query: str, finds: list[str]
) -> None:
    ferry, budget = _corpus()
    with Store(tmp_path / "d.db") as store:
        store.add([ferry, budget])
        assert store.search(query) == [{"ferry": ferry.id, "budget": budget.id}[f] for f in finds]


def test_articles_by_ids_keep_the_order_asked(tmp_path: Path) -> None:
    corpus = _corpus()
    with Store(tmp_path / "d.db") as store:
        store.add(corpus)
        asked = [corpus[1].id, "missing", corpus[0].id, corpus[1].id]
        assert [a.id for a in store.articles(asked)] == [corpus[1].id, corpus[0].id]


def test_update_replaces_stage_outputs_and_search_follows(tmp_path: Path) -> None:
    budget = article(BUDGET, "city/budget.txt", "Keston Courier")
    with Store(tmp_path / "d.db") as store:
        store.add([budget])
        text = "Councillors approved the budget."
        cleaned = dataclasses.replace(
            budget, text=text, title="Budget vote", sentences=(Sentence(0, len(text), text),)
        )
        assert store.update([cleaned, article(FERRY_WIRE, "wire/ferry.txt")]) == 1
        stored = store.article(budget.id)
        assert stored == dataclasses.replace(cleaned, outlets=("Keston Courier",))
        assert store.search("councillors") == [budget.id]
        assert store.search("parking") == []


def test_fresh_store_is_at_the_latest_schema_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "d.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def test_existing_older_store_is_migrated_and_keeps_its_articles(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.executescript(MIGRATIONS[0] + "\nPRAGMA user_version = 1;")
    conn.execute(
        "INSERT INTO articles (seq, id, source, title, text, added_at, data) "
        "VALUES (1, 'a1b2c3d4e5f60718', 'old.txt', 'Harbour ramp', 'The ramp cracked.', "
        "'2025-03-04T10:00:00+00:00', '{\"raw_text\": \"The ramp cracked.\"}')"
    )
    conn.commit()
    conn.close()
    with Store(path) as store:
        assert store.search("ramp") == ["a1b2c3d4e5f60718"]
        old = store.article("a1b2c3d4e5f60718")
        assert old is not None and old.text == "The ramp cracked." and old.published is None


def test_store_from_a_newer_dateline_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    conn.close()
    with pytest.raises(StoreError, match=r"new\.db.*newer"):
        Store(path)


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(StoreError, match=r"notes\.db: not a dateline store") as caught:
        Store(path)
    assert "\n" not in str(caught.value)


def test_another_programs_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.close()
    with pytest.raises(StoreError, match=r"other\.db: .*not a dateline store"):
        Store(path)


@pytest.mark.parametrize("where", [".", "no/such/folder/d.db"])
def test_a_path_that_cannot_hold_a_store_is_refused(tmp_path: Path, where: str) -> None:
    with pytest.raises(StoreError, match="cannot open the store"):
        Store(tmp_path / where)


def test_a_nul_in_a_search_is_a_space(tmp_path: Path) -> None:
    # Found by fuzzing the API: FTS5 stops reading a query at a NUL, so "\x00" was an error.
    with Store(tmp_path / "s.db") as store:
        assert store.search("\x00") == []
        assert store.search("bridge\x00") == store.search("bridge")


FERRY_REPOST = "Posted by the Marrow Island Times\n" + FERRY_COURIER.split("\n", 1)[1]


@pytest.mark.parametrize(
    "batches",
    [[[0], [1], [2]], [[2], [1], [0]], [[1, 0, 2]], [[2, 0], [1]], [[0, 2, 1]]],
    ids=lambda b: "/".join("".join(map(str, batch)) for batch in b),
)
def test_the_store_keeps_the_copy_the_one_shot_path_keeps(
    tmp_path: Path, batches: list[list[int]]
) -> None:
    """One rule, whatever order and batches the copies come in: the earliest published,
    then the smallest content id (issue 13: the store used to keep the first one read)."""
    copies = [
        article(FERRY_COURIER, "courier/ferry.html", "Keston Courier", day=6),
        article(FERRY_WIRE, "wire/ferry.txt", "Northwire", day=4),
        article(FERRY_REPOST, "times/ferry.html", "Marrow Island Times", day=4),
    ]
    one_shot = {a.id: a.duplicate_of for a in mark_duplicates(copies, DedupSettings())}
    kept = min(copies[1:], key=lambda a: a.id).id
    assert one_shot == {a.id: (None if a.id == kept else kept) for a in copies}
    with Store(tmp_path / "d.db") as store:
        for batch in batches:
            store.add([copies[i] for i in batch])
        stored = {a.id: a for a in store.articles()}
    assert {i: a.duplicate_of for i, a in stored.items()} == one_shot
    assert set(stored[kept].outlets) == {a.outlet for a in copies}
    assert all(stored[a.id].outlets == (a.outlet,) for a in copies if a.id != kept)
