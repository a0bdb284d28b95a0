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
from collections.abc import Sequence
from datetime import date

from dateline.cluster.minhash import LshIndex, Signature, band_keys, best_match, signature
from dateline.model import Article
from dateline.settings import DedupSettings


def dedup_text(article: Article) -> str:
    """The text to compare: the clean text once the cleaner has run, else the raw text."""
    return article.text or article.raw_text


def _written(article: Article) -> date:
    published = article.published
    if published is not None and published.date is not None:
        return published.date
    return article.metadata_date or date.max


def kept_first(article: Article) -> tuple[date, str]:
    """The one duplicate rule: of two copies, the one with the smaller key is kept."""
    return _written(article), article.id


def _outlets(article: Article) -> list[str]:
    return list(dict.fromkeys(o for o in (article.outlet, *article.outlets) if o))


def find_canonicals(articles: Sequence[Article], settings: DedupSettings,
                    signatures: Sequence[Signature | None] | None = None) -> dict[int, int]:
    """For each near-duplicate (by position), the position of its canonical copy.

    `signatures`, when given, are the articles' `signature(dedup_text(a), settings.num_perm)`
    computed beforehand (in the per-document workers).
    """
    threshold = settings.near_duplicate_threshold
    index = LshIndex(threshold)
    root_of: dict[str, int] = {}  # index key -> canonical position
    canonical: dict[int, int] = {}
    order = sorted(range(len(articles)), key=lambda i: kept_first(articles[i]))
    for position in order:
        article = articles[position]
        if article.id in root_of:  # the same content read twice
            canonical[position] = root_of[article.id]
            continue
        if signatures is None:
            sig = signature(dedup_text(article), settings.num_perm)
        else:
            sig = signatures[position]
        if sig is None:
            root_of[article.id] = position
            continue
        keys = band_keys(sig, threshold)
        match = best_match(sig, index.candidates(keys), threshold)
        root = position if match is None else root_of[match]
        if root != position:
            canonical[position] = root
        root_of[article.id] = root
        index.add(article.id, sig, keys)
    return canonical


def mark_duplicates(articles: Sequence[Article], settings: DedupSettings,
                    signatures: Sequence[Signature | None] | None = None) -> list[Article]:
    """New articles, in input order, with `duplicate_of` and the canonicals' `outlets` set.

    `signatures`: as for `find_canonicals`.
    """
    canonical = find_canonicals(articles, settings, signatures)
    outlets = {i: _outlets(a) for i, a in enumerate(articles) if i not in canonical}
    for position in sorted(canonical, key=lambda i: kept_first(articles[i])):
        root_outlets = outlets[canonical[position]]
        root_outlets.extend(o for o in _outlets(articles[position]) if o not in root_outlets)
    marked = []
    for position, article in enumerate(articles):
        if position in canonical:
            root = articles[canonical[position]]
            marked.append(dataclasses.replace(article, duplicate_of=root.id))
        else:
            marked.append(dataclasses.replace(article, duplicate_of=None,
                                              outlets=tuple(outlets[position])))
    return marked
