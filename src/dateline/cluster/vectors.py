"""Sparse TF-IDF vectors over content words: the similarity every cross-document stage uses.

Plain dicts rather than a matrix library: sentence vectors have a dozen non-zero terms, and
dict dot products over the smaller vector stay fast without scipy or torch.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Iterable

from dateline.english import STOPWORDS

Vector = dict[str, float]

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+|\d[\d,.]*")


def terms(text: str) -> list[str]:
    """Content words of `text`, lower-cased; numbers kept (casualty counts matter)."""
    if text.isascii():  # lowering first keeps the tokens: ASCII lowers letter for letter
        tokens = _WORD.findall(text.lower())
    else:
        tokens = [token.lower() for token in _WORD.findall(text)]
    return [word for word in map(_term, tokens) if word]


@functools.lru_cache(maxsize=1 << 16)
def _term(token: str) -> str:
    """A lower-cased token as a content word, "" when it is none; cached, as words recur."""
    word = token.removesuffix("'s").strip("'-.,")
    return word if len(word) > 2 and word not in STOPWORDS else ""


def document_frequencies(texts: Iterable[str]) -> tuple[Counter[str], int]:
    """How many texts contain each term, and how many texts there were."""
    counts: Counter[str] = Counter()
    total = 0
    for text in texts:
        counts.update(set(terms(text)))
        total += 1
    return counts, total


def idf_weights(df: Counter[str], total: int) -> dict[str, float]:
    """Smoothed inverse document frequency."""
    return {term: math.log((1 + total) / (1 + count)) + 1.0 for term, count in df.items()}


def vectorise(text: str, idf: dict[str, float], default_idf: float = 1.0) -> Vector:
    """Unit-length TF-IDF vector of `text` (sublinear term frequency)."""
    counts = Counter(terms(text))
    vector = {t: (1.0 + math.log(c)) * idf.get(t, default_idf) for t, c in counts.items()}
    return normalise(vector)


def normalise(vector: Vector) -> Vector:
    norm = math.sqrt(sum(v * v for v in vector.values()))
    return {t: v / norm for t, v in vector.items()} if norm else {}


def cosine(a: Vector, b: Vector) -> float:
    """Dot product of two unit vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def centroid(vectors: Iterable[Vector]) -> Vector:
    """Unit-length mean of unit vectors."""
    total: dict[str, float] = {}
    for vector in vectors:
        for term, value in vector.items():
            total[term] = total.get(term, 0.0) + value
    return normalise(total)
