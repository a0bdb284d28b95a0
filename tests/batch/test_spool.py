"""The disk spool and its lazy corpus: every view loads exactly the articles a list would hold."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from dateline.batch.spool import Spool
from dateline.model import Article, subset
from dateline.pipeline import process
from dateline.settings import Settings

TEXTS = [
    "The council approved the new harbour budget on Jan. 12, 2009. Work starts in the spring.",
    "Dock workers walked out on Feb. 2, 2009, demanding safer cranes. The strike lasted a week.",
    "The harbour master resigned on March 30, 2009, after the crane report was published.",
    "Ferries were cancelled on 4 April 2009 while divers searched the harbour mouth.",
]


@pytest.fixture(scope="module")
def processed() -> list[Article]:
    return process(
        [
            Article.from_raw(f"port/{i}.txt", text, outlet="Port Gazette")
            for i, text in enumerate(TEXTS)
        ],
        Settings(),
    )


@pytest.fixture
def spool(processed: list[Article]):
    spool = Spool()
    for article in processed:
        spool.append(article)
    yield spool
    spool.close()


def test_articles_come_back_equal_in_the_order_written(spool, processed) -> None:
    corpus = spool.corpus()
    assert len(corpus) == len(processed)
    assert list(corpus) == processed
    assert corpus[2] == processed[2] and corpus[-1] == processed[-1]


def test_slices_and_subsets_are_views_that_load_what_a_list_would(spool, processed) -> None:
    corpus = spool.corpus()
    assert list(corpus[::2]) == processed[::2]
    assert list(corpus[1:3]) == processed[1:3]
    narrowed = subset(corpus, [3, 0])
    assert narrowed is not None and not isinstance(narrowed, list)
    assert list(narrowed) == [processed[3], processed[0]]
    assert list(subset(narrowed, [1])) == [processed[0]]


def test_marks_and_replacements_apply_as_articles_load(spool, processed) -> None:
    corpus = spool.corpus()[1:]
    marked = corpus.with_marks({0: (processed[2].id, None), 1: (None, ("Port Gazette", "Wire"))})
    assert marked[0] == dataclasses.replace(processed[1], duplicate_of=processed[2].id)
    assert marked[1].outlets == ("Port Gazette", "Wire") and marked[1].duplicate_of is None
    assert marked[2] == processed[3]
    changed = dataclasses.replace(processed[3], title="Divers search the harbour")
    replaced = marked.with_replaced({2: changed})
    assert replaced[2] == changed and marked[2] == processed[3]
    assert list(subset(replaced, [2])) == [changed]


def test_a_spool_holds_raw_and_pickled_articles_alike(processed) -> None:
    spool = Spool()
    first = spool.append_pickled(pickle.dumps(processed[0]))
    second = spool.append(processed[1])
    assert (first, second) == (0, 1)
    assert spool.load(1) == processed[1] and spool.load(0) == processed[0]
    spool.close()


def test_headers_answer_from_the_columns_what_the_articles_hold(spool, processed) -> None:
    from dateline.batch.spool import Columns
    from dateline.model import headers

    columns = Columns()
    for article in processed:
        columns.add(article.id, article.published, article.language)
    corpus = spool.corpus(columns).with_marks({1: (processed[0].id, None)})
    changed = dataclasses.replace(processed[2], published=None)
    corpus = corpus.with_replaced({2: changed})
    small = headers(corpus[1:])
    assert len(small) == 3
    for header, full in zip(small, list(corpus)[1:], strict=True):
        assert (header.id, header.published, header.language, header.duplicate_of) == (
            full.id,
            full.published,
            full.language,
            full.duplicate_of,
        )
    assert small[0].duplicate_of == processed[0].id and small[1].published is None
    assert headers(processed) is processed and headers(spool.corpus()) is not None


def test_a_spool_moves_to_disk_past_its_memory_share(processed, monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(Spool, "IN_MEMORY", len(pickle.dumps(processed[0])) + 10)
    spool = Spool(str(tmp_path))
    for article in processed:
        spool.append(article)
    assert list(spool.corpus()) == processed and spool.load(0) == processed[0]
    assert not list(tmp_path.iterdir())  # unlinked as soon as made
    spool.close()


def test_a_spool_that_cannot_reach_the_disk_says_so_in_one_line(
    processed, monkeypatch, tmp_path
) -> None:
    from dateline.errors import DatelineError

    monkeypatch.setattr(Spool, "IN_MEMORY", 10)
    missing = tmp_path / "gone"
    spool = Spool(str(missing))
    with pytest.raises(DatelineError, match=r"cannot spool the pile to disk: .*TMPDIR") as found:
        spool.append(processed[0])
    assert str(missing) in str(found.value) and "\n" not in str(found.value)


def test_a_pass_answered_in_hand_is_read_from_the_columns() -> None:
    """`stamp_keys` reads only an article's text, so the pipeline answers it as each article
    leaves the stages: the corpus gives the columns' answers (the same as asking each
    article), and asks a replaced article again."""
    from dateline.batch.spool import Columns
    from dateline.model import each, replaced
    from dateline.pile.comments import stamp_keys
    from dateline.pipeline import spool_pile

    thread = (
        "The council met on the harbour budget. Comments: At 10:02 5th May 2021, reader1 "
        "wrote: yes. At 11:40 6th May 2021, reader2 wrote: no."
    )
    pile = [
        Article.from_raw("port/thread.txt", thread),
        *map(Article.from_raw, ["a", "b"], TEXTS[:2]),
    ]
    corpus = spool_pile(pile, Settings())
    assert corpus.columns is not None and corpus.columns.answered == (stamp_keys,)
    asked = [stamp_keys(article) for article in corpus]
    assert asked[0] and not asked[1] and each(corpus, stamp_keys) == asked
    quiet = dataclasses.replace(corpus[0], text=TEXTS[3])
    assert each(replaced(corpus, {0: quiet}), stamp_keys) == [(), *asked[1:]]

    columns = Columns(answered=(stamp_keys,))
    for number, article in enumerate(corpus):
        columns.add(article.id, article.published, article.language, [("kept", number)])
    assert each(corpus.spool.corpus(columns), stamp_keys) == [("kept", n) for n in range(3)]
    assert each(spool_pile([], Settings()), stamp_keys) == []
