"""MinHash signatures and LSH banding: near-duplicate texts found without comparing every pair.

A text becomes the set of its word 5-shingles; a signature of `num_perm` minima estimates the
Jaccard similarity of two such sets as the share of equal positions. Banding the signature
turns "similar enough" into "shares at least one band hash", which an index (a dict here, an
SQL table in the store) answers directly. Every constant is fixed, so signatures and band
hashes are identical across runs, processes and machines, and can be stored.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Iterable

import numpy as np

SHINGLE_WORDS = 5
# Names how signatures are computed; change it whenever shingling or hashing changes, so
# stores recompute the signatures they keep.
SIGNATURE_SCHEME = "minhash-w5-v1"
# Fixed seed: stored signatures must stay comparable with ones computed later.
SEED = 1_905_2024
# Misses cost a duplicate left in the timeline; an extra candidate costs one signature
# comparison (every candidate is verified against the threshold), so misses weigh 9x more
# when choosing bands and rows. For 128 permutations at 0.7 this gives 20 bands of 6 rows:
# a pair at Jaccard 0.7 becomes a candidate with probability 0.92, at 0.8 with 0.998.
MISS_WEIGHT = 0.9
# Shingles hashed at once: num_perm * _CHUNK * 8 bytes (1 MB at 128) stays in cache, which
# made 1,024 twice as fast as 4,096 on news articles (1,400 shingles on average).
_CHUNK = 1024
_WORD = re.compile(r"\w+")
_SHINGLE_MULTIPLIERS = np.array(
    [
        0x9E3779B97F4A7C15,
        0xC2B2AE3D27D4EB4F,
        0x165667B19E3779F9,
        0xD6E8FEB86659FD93,
        0xFF51AFD7ED558CCD,
        0xC4CEB9FE1A85EC53,
        0x27D4EB2F165667C5,
        0x85EBCA77C2B2AE63,
    ],
    dtype=np.uint64,
)

Signature = np.ndarray


# ASCII bytes as `\w` sees them, lowered: word characters kept, every other byte a space.
_ASCII_WORDS = (
    bytes(ord(chr(c).lower()) if chr(c).isalnum() or chr(c) == "_" else 32 for c in range(128))
    + b" " * 128
)


def _words(text: str) -> list[bytes]:
    """The case-folded `\\w+` words of `text`, UTF-8 encoded (what the word hash takes)."""
    if text.isascii():  # a byte table and a split: several times faster than the regex
        return text.encode("ascii").translate(_ASCII_WORDS).split()
    return [word.encode() for word in _WORD.findall(text.lower())]


# Each word's hash, kept: a news vocabulary repeats across articles, and hashing is most of
# the cost. Emptied when full, so a worker's memory stays bounded.
_WORD_HASHES: dict[bytes, int] = {}
_WORD_HASHES_KEPT = 1 << 17


def _word_hash(word: bytes) -> int:
    return int.from_bytes(hashlib.blake2b(word, digest_size=8).digest(), "little")


def _word_hashes(words: list[bytes]) -> np.ndarray:
    """The hash of each word, new words hashed once; looked up in one C-level pass (a
    cached call per word was half of a signature's time)."""
    known = _WORD_HASHES
    new = set(words).difference(known)
    if len(known) + len(new) > _WORD_HASHES_KEPT:
        known.clear()
        new = set(words)
    for word in new:
        known[word] = _word_hash(word)
    return np.fromiter(map(known.__getitem__, words), dtype=np.uint64, count=len(words))


def _mix(x: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser: spreads every input bit over the whole 64-bit hash."""
    x = x ^ (x >> np.uint64(30))
    x = x * np.uint64(0xBF58476D1CE4E5B9)
    x = x ^ (x >> np.uint64(27))
    x = x * np.uint64(0x94D049BB133111EB)
    return x ^ (x >> np.uint64(31))


def shingle_hashes(text: str) -> np.ndarray:
    """64-bit hashes of the distinct word SHINGLE_WORDS-grams of `text` (case-folded).

    A text shorter than that is one shingle, so short notes still compare.
    """
    return np.unique(_all_shingle_hashes(text))


def _all_shingle_hashes(text: str) -> np.ndarray:
    """The hash of every word SHINGLE_WORDS-gram, repeats included (a minimum does not mind
    them)."""
    size = SHINGLE_WORDS
    words = _words(text)
    if not words:
        return np.empty(0, dtype=np.uint64)
    size = min(size, len(words), len(_SHINGLE_MULTIPLIERS))
    hashes = _word_hashes(words)
    count = len(words) - size + 1
    with np.errstate(over="ignore"):
        combined = np.zeros(count, dtype=np.uint64)
        for offset in range(size):
            combined += hashes[offset : offset + count] * _SHINGLE_MULTIPLIERS[offset]
        return _mix(combined)


@functools.lru_cache(maxsize=8)
def _permutations(num_perm: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(SEED)
    high = np.iinfo(np.uint64).max
    multipliers = rng.integers(1, high, size=num_perm, dtype=np.uint64, endpoint=True)
    multipliers |= np.uint64(1)  # multiply-shift hashing needs odd multipliers
    offsets = rng.integers(0, high, size=num_perm, dtype=np.uint64, endpoint=True)
    return multipliers[:, None], offsets[:, None]


def signature(text: str, num_perm: int) -> Signature | None:
    """The MinHash signature (`num_perm` uint32 values) of `text`; None when it has no words."""
    shingles = _all_shingle_hashes(text)
    if shingles.size == 0:
        return None
    multipliers, offsets = _permutations(num_perm)
    minima = np.full(num_perm, np.iinfo(np.uint64).max, dtype=np.uint64)
    # One buffer for every chunk: a fresh megabyte per chunk costs its page faults each time.
    buffer = np.empty((num_perm, min(_CHUNK, shingles.size)), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for start in range(0, shingles.size, _CHUNK):
            chunk = shingles[start : start + _CHUNK]
            values = buffer[:, : chunk.size]
            np.multiply(multipliers, chunk, out=values)
            values += offsets
            np.minimum(minima, values.min(axis=1), out=minima)
    # The high 32 bits of the minimum are the minimum of the high 32 bits: one shift, not n.
    return (minima >> np.uint64(32)).astype(np.uint32)


def similarity(a: Signature, b: Signature) -> float:
    """Estimated Jaccard similarity of the shingle sets behind two signatures."""
    if a.shape != b.shape:
        return 0.0
    return float(np.count_nonzero(a == b)) / a.size


def _candidate_probability(s: np.ndarray, bands: int, rows: int) -> np.ndarray:
    return 1.0 - (1.0 - s**rows) ** bands


def _area(y: np.ndarray, x: np.ndarray) -> float:
    return float(np.sum((y[1:] + y[:-1]) * np.diff(x)) / 2.0)


@functools.lru_cache(maxsize=32)
def lsh_shape(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows) minimising weighted missed pairs above and extra pairs below threshold."""
    below = np.linspace(0.0, threshold, 101)
    above = np.linspace(threshold, 1.0, 101)
    best = (float("inf"), 1, num_perm)
    for bands in range(1, num_perm + 1):
        for rows in range(1, num_perm // bands + 1):
            extra = _area(_candidate_probability(below, bands, rows), below)
            missed = _area(1.0 - _candidate_probability(above, bands, rows), above)
            cost = (1.0 - MISS_WEIGHT) * extra + MISS_WEIGHT * missed
            if cost < best[0]:
                best = (cost, bands, rows)
    return best[1], best[2]


def band_keys(sig: Signature, threshold: float) -> list[int]:
    """One signed 64-bit key per band (fits an SQLite INTEGER); equal keys mean candidates."""
    bands, rows = lsh_shape(threshold, sig.size)
    keys = []
    for band in range(bands):
        chunk = sig[band * rows : (band + 1) * rows].tobytes()
        digest = hashlib.blake2b(chunk, digest_size=8, salt=band.to_bytes(16, "little"))
        keys.append(int.from_bytes(digest.digest(), "little", signed=True))
    return keys


class LshIndex:
    """An in-memory band index: which stored signatures share a band with a new one."""

    def __init__(self, threshold: float) -> None:
        self.threshold = threshold
        self._buckets: dict[int, list[str]] = {}
        self._signatures: dict[str, Signature] = {}

    def add(self, key: str, sig: Signature, keys: Iterable[int] | None = None) -> None:
        self._signatures[key] = sig
        for band_key in band_keys(sig, self.threshold) if keys is None else keys:
            self._buckets.setdefault(band_key, []).append(key)

    def candidates(self, keys: Iterable[int]) -> dict[str, Signature]:
        found: dict[str, Signature] = {}
        for band_key in keys:
            for key in self._buckets.get(band_key, ()):
                found[key] = self._signatures[key]
        return found


def best_match(sig: Signature, candidates: dict[str, Signature], threshold: float) -> str | None:
    """The most similar candidate at or above `threshold` (ties: the first given)."""
    best_key, best_score = None, threshold
    for key, other in candidates.items():
        score = similarity(sig, other)
        if score >= best_score and (best_key is None or score > best_score):
            best_key, best_score = key, score
    return best_key
