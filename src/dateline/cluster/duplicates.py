"""Near-duplicate articles: one story carried by many outlets counts once.

Wire copies differ in their header, footer and page chrome but share the body, so two articles
whose word 5-shingle sets overlap by at least `DedupSettings.near_duplicate_threshold`
(estimated with MinHash, candidates found with LSH) are one story. The copy `kept_first`
puts first is canonical (the earliest published; on ties or when undated, the smallest
content id, so the choice never depends on the order files were read); the others point at
it with `duplicate_of`, and its `outlets` lists every outlet that carried the story. The
store applies the same rule as copies arrive batch by batch.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from datetime import date

import numpy as np

from dateline.cluster.minhash import LshIndex, Signature, band_keys, best_match, signature
from dateline.model import Article
from dateline.settings import DedupSettings


def dedup_text(article: Article) -> str:
    """The text to compare: the clean text once the cleaner has run, else the raw text."""
    return article.text or article.raw_text


def written(article: Article) -> date:
    """The day duplicates are ordered by: the earliest copy is canonical."""
    published = article.published
    if published is not None and published.date is not None:
        return published.date
    return article.metadata_date or date.max


def kept_first(article: Article) -> tuple[date, str]:
    """The one duplicate rule: of two copies, the one with the smaller key is kept."""
    return written(article), article.id


def outlets_of(article: Article) -> tuple[str, ...]:
    """The article's own outlet and those it already lists, once each."""
    return tuple(dict.fromkeys(o for o in (article.outlet, *article.outlets) if o))


def find_canonicals(
    articles: Sequence[Article],
    settings: DedupSettings,
    signatures: Sequence[Signature | None] | None = None,
) -> dict[int, int]:
    """For each near-duplicate (by position), the position of its canonical copy.

    `signatures`, when given, are the articles' `signature(dedup_text(a), settings.num_perm)`
    computed beforehand (in the per-document workers).
    """
    if signatures is None:
        signatures = [signature(dedup_text(a), settings.num_perm) for a in articles]
    return canonicals(
        [a.id for a in articles], [written(a) for a in articles], signatures, settings
    )


def canonicals(
    ids: Sequence[str],
    days: Sequence[date],
    signatures: Sequence[Signature | None],
    settings: DedupSettings,
    shared: Mapping[int, list[int]] | None = None,
) -> dict[int, int]:
    """`find_canonicals` on the compact state of a pile: each article's id, `written` day and
    signature, by position. The whole decision needs no more, so a pile larger than memory
    keeps only these.

    `shared`: the band keys each position shares with another (`shared_band_keys`), when a
    group-by elsewhere found them; only those positions' signatures are then read.
    """
    threshold = settings.near_duplicate_threshold
    if shared is None:
        shared = shared_band_keys(signatures, threshold)
    index = LshIndex(threshold)
    root_of: dict[str, int] = {}  # index key -> canonical position
    canonical: dict[int, int] = {}
    for position in sorted(range(len(ids)), key=lambda i: (days[i], ids[i])):  # `kept_first`
        key = ids[position]
        if key in root_of:  # the same content read twice
            canonical[position] = root_of[key]
            continue
        sig = signatures[position]
        keys = shared.get(position)
        if sig is None or keys is None:  # no band shared with any other: nothing to match
            root_of[key] = position
            continue
        match = best_match(sig, index.candidates(keys), threshold)
        root = position if match is None else root_of[match]
        if root != position:
            canonical[position] = root
        root_of[key] = root
        index.add(key, sig, keys)
    return canonical


def shared_band_keys(
    signatures: Sequence[Signature | None], threshold: float
) -> dict[int, list[int]]:
    """The band keys of each signature that some other signature has too, by position, for
    the positions that have any. A band key no other article holds can never make a
    candidate, so the index holds only the few articles that share one, not the pile."""
    signed = [i for i, sig in enumerate(signatures) if sig is not None]
    if not signed:
        return {}
    keys = np.empty(
        (len(signed), len(band_keys(signatures[signed[0]], threshold))),  # type: ignore[arg-type]
        dtype=np.int64,
    )
    for row, position in enumerate(signed):
        keys[row] = band_keys(signatures[position], threshold)  # type: ignore[arg-type]
    common = np.zeros(keys.shape, dtype=bool)
    for band in range(keys.shape[1]):
        _, inverse, counts = np.unique(keys[:, band], return_inverse=True, return_counts=True)
        common[:, band] = counts[inverse] > 1
    return {
        signed[row]: [int(k) for k in keys[row][common[row]]]
        for row in np.flatnonzero(common.any(axis=1))
    }


def duplicate_marks(
    ids: Sequence[str],
    days: Sequence[date],
    outlets: Sequence[Sequence[str]],
    canonical: dict[int, int],
) -> dict[int, tuple[str | None, tuple[str, ...] | None]]:
    """(duplicate_of, outlets) of every article by position, as `mark_duplicates` sets them;
    `outlets` (each article's `outlets_of`) None for a copy, which keeps its own."""
    merged = {i: list(found) for i, found in enumerate(outlets) if i not in canonical}
    for position in sorted(canonical, key=lambda i: (days[i], ids[i])):  # `kept_first`
        root_outlets = merged[canonical[position]]
        root_outlets.extend(o for o in outlets[position] if o not in root_outlets)
    return {
        i: (ids[canonical[i]], None) if i in canonical else (None, tuple(merged[i]))
        for i in range(len(ids))
    }


def mark_duplicates(
    articles: Sequence[Article],
    settings: DedupSettings,
    signatures: Sequence[Signature | None] | None = None,
) -> list[Article]:
    """New articles, in input order, with `duplicate_of` and the canonicals' `outlets` set.

    `signatures`: as for `find_canonicals`.
    """
    canonical = find_canonicals(articles, settings, signatures)
    marks = duplicate_marks(
        [a.id for a in articles],
        [written(a) for a in articles],
        [outlets_of(a) for a in articles],
        canonical,
    )
    marked = []
    for position, article in enumerate(articles):
        duplicate_of, outlets = marks[position]
        marked.append(
            dataclasses.replace(
                article,
                duplicate_of=duplicate_of,
                outlets=article.outlets if outlets is None else outlets,
            )
        )
    return marked
