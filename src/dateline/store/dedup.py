"""Which articles of a batch are new, which repeat a stored id, and which are wire copies.

Both stores (SQLite and the Parquet dataset) decide this the same way, so the same files give
the same store in either: a chunk of articles is planned here against what the store already
holds (`StoredIndex`), and each store then writes the plan in its own way.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from dateline.cluster.duplicates import dedup_text, kept_first
from dateline.cluster.minhash import LshIndex, Signature, band_keys, best_match, signature
from dateline.model import Article
from dateline.settings import DedupSettings
from dateline.store import rows


@dataclass(frozen=True)
class AddResult:
    """What one `add` batch did."""

    added: int
    duplicate: int
    failed: int
    added_ids: tuple[str, ...] = ()
    duplicate_ids: tuple[str, ...] = ()
    failed_sources: tuple[str, ...] = ()


@dataclass
class Tally:
    """What a batch did so far, chunk by chunk."""

    added: list[str] = field(default_factory=list)
    duplicate: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    succeeded_sources: set[str] = field(default_factory=set)

    def result(self) -> AddResult:
        return AddResult(
            len(self.added),
            len(self.duplicate),
            len(self.failed),
            tuple(self.added),
            tuple(self.duplicate),
            tuple(self.failed),
        )


@dataclass(frozen=True)
class Candidate:
    """A stored article sharing a band key with a new one."""

    seq: int  # first-seen order: ties go to the earliest
    id: str
    signature: Signature
    root: str  # the id of its canonical copy


class StoredIndex(Protocol):
    """What planning a chunk asks of the store it is added to."""

    def roots_of(self, ids: Sequence[str]) -> dict[str, str]:
        """Stored ids among `ids`, each with the id of its canonical copy."""
        ...

    def band_candidates(self, keys: Sequence[int]) -> dict[int, list[Candidate]]:
        """The stored articles under each of `keys`."""
        ...

    def article(self, article_id: str) -> Article | None: ...


@dataclass
class Chunk:
    """Rows of one chunk before they are written, and what they did to earlier articles."""

    index: LshIndex
    roots: dict[str, str] = field(default_factory=dict)  # id -> canonical id
    rows: list[tuple[Any, ...]] = field(default_factory=list)  # in `rows.COLUMNS` order
    bands: list[tuple[int, int]] = field(default_factory=list)  # (key, seq)
    outlets: dict[str, list[str]] = field(default_factory=dict)  # canonical id -> outlets to add
    kept: dict[str, Article] = field(default_factory=dict)  # this chunk's canonical copies
    # A copy that `kept_first` puts before its stored canonical takes its place: old -> new.
    handovers: dict[str, str] = field(default_factory=dict)

    def current(self, root: str) -> str:
        """The canonical id `root` has become after this chunk's handovers."""
        while root in self.handovers:
            root = self.handovers[root]
        return root


def _file_of(source: str) -> str:
    return source.split("::", 1)[0]


def plan_chunk(
    articles: list[Article],
    stored: StoredIndex,
    dedup: DedupSettings,
    tally: Tally,
    seq: int,
    now: str,
) -> Chunk:
    """The rows, band keys, outlet merges and handovers that adding `articles` makes.

    An article whose id is stored (or came earlier in the chunk) is a duplicate and gives its
    outlet to its canonical copy; one whose text is a near-duplicate of another is stored
    marked `duplicate_of` the copy `cluster.duplicates.kept_first` keeps.
    """
    known = stored.roots_of([a.id for a in articles])
    threshold = dedup.near_duplicate_threshold
    sigs: dict[str, Signature | None] = {}
    keys: dict[str, list[int]] = {}
    for article in articles:
        if article.id not in known and article.id not in sigs:
            sig = signature(dedup_text(article), dedup.num_perm)
            sigs[article.id] = sig
            keys[article.id] = band_keys(sig, threshold) if sig is not None else []
    found = stored.band_candidates(sorted({key for ks in keys.values() for key in ks}))
    pending = Chunk(LshIndex(threshold))
    for article in articles:
        tally.succeeded_sources.update({article.source, _file_of(article.source)})
        root = known.get(article.id) or pending.roots.get(article.id)
        if root is not None:
            tally.duplicate.append(article.id)
            pending.outlets.setdefault(pending.current(root), []).extend(rows.outlets_of(article))
            continue
        sig, article_keys = sigs[article.id], keys[article.id]
        root = _canonical(sig, article_keys, found, pending, threshold) if sig is not None else None
        if root is not None and _takes_over(article, root, pending, stored):
            tally.duplicate.append(article.id)
            root = None
        elif root is None:
            tally.added.append(article.id)
        else:
            tally.duplicate.append(article.id)
            pending.outlets.setdefault(root, []).extend(rows.outlets_of(article))
        pending.rows.append(rows.to_row(article, seq, sig, root, now))
        pending.bands.extend((key, seq) for key in article_keys)
        pending.roots[article.id] = root or article.id
        if root is None:
            pending.kept[article.id] = article
        if sig is not None:
            pending.index.add(article.id, sig, article_keys)
        seq += 1
    return pending


def _canonical(
    sig: Signature,
    keys: Iterable[int],
    found: dict[int, list[Candidate]],
    pending: Chunk,
    threshold: float,
) -> str | None:
    """The canonical copy of the article `sig` is a near-duplicate of, if any."""
    stored = {c.id: c for key in keys for c in found.get(key, ())}
    candidates = {c.id: c.signature for c in sorted(stored.values(), key=lambda c: c.seq)}
    candidates.update(pending.index.candidates(keys))
    match = best_match(sig, candidates, threshold)
    if match is None:
        return None
    return pending.roots[match] if match in pending.roots else pending.current(stored[match].root)


def _takes_over(article: Article, root: str, pending: Chunk, stored: StoredIndex) -> bool:
    """Whether `article` is kept before its canonical copy `root`; if so it takes over."""
    kept = pending.kept.get(root) or stored.article(root)
    if kept is None or kept_first(kept) <= kept_first(article):
        return False
    pending.handovers[root] = article.id
    for copy, canonical in pending.roots.items():
        if canonical == root:
            pending.roots[copy] = article.id
    pending.outlets[article.id] = pending.outlets.pop(root, [])
    return True
