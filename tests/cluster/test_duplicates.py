"""One-shot near-duplicate marking and the MinHash/LSH underneath it, on written articles."""

from __future__ import annotations

import random
import re
from datetime import date

import numpy as np
import pytest

from dateline.cluster import minhash
from dateline.cluster.duplicates import dedup_text, mark_duplicates
from dateline.cluster.minhash import (
    _permutations,
    _words,
    band_keys,
    lsh_shape,
    shingle_hashes,
    signature,
    similarity,
)
from dateline.model import Article, PublicationDate
from dateline.settings import DedupSettings

BODY = (
    "Workers at the Ostfeld glass factory voted on Friday to end a five-week strike after the "
    "owners agreed to a pay rise of six percent this year and four percent next year. The union "
    "said nine in ten members who took part backed the deal, which also restores the night "
    "shift bonus that was cut in January. Production of bottles for the region's breweries is "
    "expected to resume on Monday, although the furnaces need several days to reach full "
    "temperature. The factory employs about eleven hundred people and is the largest private "
    "employer in the valley. Local shopkeepers said the strike had cost them a third of their "
    "usual trade, and the town's mayor thanked both sides for returning to the table after "
    "talks collapsed twice in February. The owners said the rise would be paid for by a new "
    "contract with a bottling group in the south and by delaying the planned second furnace."
)
WIRE = "OSTFELD, March 7 (Continental Press) - " + BODY + "\n(Reporting by Mira Holt)"
GAZETTE = (
    "Valley Gazette | Business | 8 March\n"
    + BODY
    + "\nShare this story. Comments are closed. More from the valley: road works on the A4."
)
OTHER_ON_TOPIC = (
    "Glassworkers in Ostfeld returned to the factory floor on Monday for the first time in five "
    "weeks. Managers said the first furnace would not reach working heat before Wednesday, so "
    "the early shifts spent the day cleaning moulds and checking the conveyor lines. Brewers "
    "who buy the plant's bottles said they had enough stock for another fortnight. The new pay "
    "agreement runs for two years and will be reviewed by a joint committee each autumn."
)
SETTINGS = DedupSettings()


def _article(
    text: str, source: str, outlet: str, day: int | None = None, clean: bool = True
) -> Article:
    published = None
    if day is not None:
        when = date(2025, 3, day)
        published = PublicationDate(when, when, when, 0.9, (), "header")
    return Article.from_raw(
        source, text, outlet=outlet, published=published, text=text if clean else ""
    )


def test_wire_copy_with_other_chrome_is_marked_and_outlets_merged() -> None:
    wire = _article(WIRE, "cp/strike.txt", "Continental Press", day=7)
    gazette = _article(GAZETTE, "gazette/strike.html", "Valley Gazette", day=8)
    marked = mark_duplicates([gazette, wire], SETTINGS)
    assert [a.id for a in marked] == [gazette.id, wire.id]  # input order kept
    assert marked[0].duplicate_of == wire.id  # the earlier published copy is canonical
    assert marked[1].duplicate_of is None
    assert marked[1].outlets == ("Continental Press", "Valley Gazette")


def test_undated_copies_keep_the_smallest_content_id_in_any_read_order() -> None:
    gazette = _article(GAZETTE, "gazette/strike.html", "Valley Gazette")
    wire = _article(WIRE, "cp/strike.txt", "Continental Press")
    kept, copy = sorted([gazette, wire], key=lambda a: a.id)
    for order in ([gazette, wire], [wire, gazette]):
        marked = {a.id: a for a in mark_duplicates(order, SETTINGS)}
        assert (marked[kept.id].duplicate_of, marked[copy.id].duplicate_of) == (None, kept.id)
        assert marked[kept.id].outlets == (kept.outlet, copy.outlet)


def test_same_topic_written_independently_is_not_a_duplicate() -> None:
    marked = mark_duplicates(
        [
            _article(WIRE, "cp/strike.txt", "Continental Press"),
            _article(OTHER_ON_TOPIC, "cp/return.txt", "Continental Press"),
        ],
        SETTINGS,
    )
    assert [a.duplicate_of for a in marked] == [None, None]
    assert [a.outlets for a in marked] == [("Continental Press",), ("Continental Press",)]


def test_raw_text_is_compared_when_there_is_no_clean_text() -> None:
    wire = _article(WIRE, "cp/strike.txt", "Continental Press", clean=False)
    gazette = _article(GAZETTE, "gazette/strike.html", "Valley Gazette", clean=False)
    marked = mark_duplicates([wire, gazette], SETTINGS)
    assert {a.duplicate_of for a in marked} == {None, min(wire.id, gazette.id)}


def test_the_same_file_read_twice_points_at_the_first() -> None:
    wire = _article(WIRE, "cp/strike.txt", "Continental Press")
    copy = _article(WIRE, "mirror/strike.txt", "Continental Press")
    marked = mark_duplicates([wire, copy], SETTINGS)
    assert marked[0].duplicate_of is None and marked[1].duplicate_of == wire.id


def test_threshold_decides() -> None:
    pair = [
        _article(WIRE, "cp/strike.txt", "Continental Press"),
        _article(GAZETTE, "gazette/strike.html", "Valley Gazette"),
    ]
    strict = DedupSettings(near_duplicate_threshold=0.97)
    assert mark_duplicates(pair, strict)[1].duplicate_of is None


def test_empty_and_tiny_articles_do_not_break_anything() -> None:
    articles = [
        _article("", "empty.txt", ""),
        _article("Short note.", "a.txt", "A"),
        _article("Short note!", "b.txt", "B"),
    ]
    marked = mark_duplicates(articles, SETTINGS)
    kept = min(articles[1].id, articles[2].id)
    assert [a.duplicate_of for a in marked] == [
        None,
        *(None if a.id == kept else kept for a in articles[1:]),
    ]
    assert mark_duplicates([], SETTINGS) == []


def test_signatures_are_deterministic_and_estimate_jaccard() -> None:
    first, second = signature(WIRE, 128), signature(GAZETTE, 128)
    assert first is not None and second is not None
    assert first.dtype == np.uint32 and first.shape == (128,)
    again = signature(WIRE, 128)
    assert again is not None and np.array_equal(first, again)
    exact = set(shingle_hashes(WIRE).tolist()), set(shingle_hashes(GAZETTE).tolist())
    jaccard = len(exact[0] & exact[1]) / len(exact[0] | exact[1])
    assert similarity(first, second) == pytest.approx(jaccard, abs=0.12)
    assert signature(" ,. ", 128) is None


def test_case_and_punctuation_do_not_change_shingles() -> None:
    assert np.array_equal(
        shingle_hashes("The Strike ENDS, at last!"), shingle_hashes("the strike ends at last")
    )


@pytest.mark.parametrize(("threshold", "num_perm"), [(0.7, 128), (0.5, 64), (0.9, 256)])
def test_lsh_shape_fits_the_signature(threshold: float, num_perm: int) -> None:
    bands, rows = lsh_shape(threshold, num_perm)
    assert bands * rows <= num_perm
    # the band/row S-curve crosses one half below the threshold: misses cost more
    assert (1 / bands) ** (1 / rows) < threshold
    sig = signature(BODY, num_perm)
    assert sig is not None and len(band_keys(sig, threshold)) == bands


def _naive_signature(text: str, num_perm: int) -> list[int]:
    """The definition: per permutation, the high 32 bits of the least (a*x + b) mod 2**64."""
    multipliers, offsets = _permutations(num_perm)
    shingles = set(shingle_hashes(text).tolist())
    return [
        min(((int(a) * x + int(b)) % 2**64) >> 32 for x in shingles)
        for a, b in zip(multipliers.ravel(), offsets.ravel(), strict=True)
    ]


@pytest.mark.parametrize("words", [7, 60, 2_500])  # 2,500 words: several hashing chunks
def test_signature_is_the_minimum_over_the_shingle_set(words: int) -> None:
    rng = random.Random(words)
    vocabulary = BODY.split() + OTHER_ON_TOPIC.split()
    text = " ".join(rng.choice(vocabulary) for _ in range(words))
    sig = signature(text, 64)
    assert sig is not None and sig.tolist() == _naive_signature(text, 64)


def test_signatures_stay_exact_when_the_word_hashes_kept_overflow(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The words' hashes a worker keeps are emptied when full: every signature after that
    is still the one computed from scratch."""
    monkeypatch.setattr(minhash, "_WORD_HASHES", {})
    monkeypatch.setattr(minhash, "_WORD_HASHES_KEPT", 40)
    for text in (BODY, OTHER_ON_TOPIC, WIRE, BODY):
        sig = signature(text, 64)
        assert sig is not None and sig.tolist() == _naive_signature(text, 64)


def test_signatures_computed_beforehand_mark_the_same_copies() -> None:
    articles = [
        _article(GAZETTE, "gazette.html", "Valley Gazette", 8),
        _article(WIRE, "wire.txt", "Continental Press", 7),
        _article(OTHER_ON_TOPIC, "other.txt", "Courier", 9),
    ]
    signatures = [signature(dedup_text(a), SETTINGS.num_perm) for a in articles]
    marked = mark_duplicates(articles, SETTINGS, signatures)
    assert marked == mark_duplicates(articles, SETTINGS)
    assert marked[0].duplicate_of == articles[1].id and marked[2].duplicate_of is None


@pytest.mark.parametrize(
    "text", [WIRE, "snake_case, x2y; 40%\tTAB\x0bend_", "Straße in İstanbul, 3 \u212aelvin", ""]
)
def test_shingled_words_are_the_lowered_regex_words(text: str) -> None:
    assert _words(text) == [w.encode() for w in re.findall(r"\w+", text.lower())]
