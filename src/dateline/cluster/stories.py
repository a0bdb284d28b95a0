"""Stories: groups of articles about one developing matter, so a timeline can follow one.

Articles are TF-IDF vectors over their content words (names included), trimmed to their
strongest terms; a single pass joins each article to the most similar story centroid above
a threshold, then a second pass moves articles to their best final story. Shared actors alone
do not join stories: a government's troop deployment and its unrelated aid pledge share the
government's name but little else, and common names weigh little under IDF.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from dateline.cluster.vectors import (
    Vector,
    cosine,
    document_frequencies,
    idf_weights,
    normalise,
    vectorise,
)
from dateline.model import Article

# Cosine to a story centroid needed to join it. Tuned on our own two-story corpora (same
# actors, different matters): same-story pairs score 0.2-0.4 and centroids higher,
# cross-story pairs mostly under 0.1 (0.22 at worst, for two leads of one press office).
JOIN_THRESHOLD = 0.25
# Terms kept per article vector: enough to describe it, few enough to stay linear in memory.
TERMS_PER_ARTICLE = 40
LABEL_TERMS = 4
REFINE_PASSES = 2


@dataclass(frozen=True)
class Story:
    """A group of articles about one matter; `label` joins its top `terms`."""

    id: int
    label: str
    terms: tuple[str, ...]
    article_ids: tuple[str, ...]


def group_stories(articles: Sequence[Article], threshold: float = JOIN_THRESHOLD) -> list[Story]:
    """Stories of a corpus, largest first, numbered from 1; copies follow their original."""
    originals = [a for a in articles if a.duplicate_of is None]
    if not originals:
        originals = list(articles)
    df, total = document_frequencies(_text(a) for a in originals)
    idf = idf_weights(df, total)
    vectors = [_trim(vectorise(_text(a), idf)) for a in originals]
    assignment = _assign(vectors, threshold)
    members: dict[int, list[int]] = defaultdict(list)
    for index, story in enumerate(assignment):
        members[story].append(index)
    copies = defaultdict(list)
    for article in articles:
        if article.duplicate_of is not None:
            copies[article.duplicate_of].append(article.id)
    ordered = sorted(members.values(), key=lambda m: (-len(m), m[0]))
    stories = []
    for number, indices in enumerate(ordered, start=1):
        ids: list[str] = []
        for i in indices:
            ids.append(originals[i].id)
            ids.extend(copies.get(originals[i].id, []))
        top = _top_terms(_sum(vectors[i] for i in indices))
        stories.append(Story(number, " · ".join(top), top, tuple(dict.fromkeys(ids))))
    return stories


def _text(article: Article) -> str:
    return f"{article.title}\n{article.title}\n{article.text}"


def _trim(vector: Vector) -> Vector:
    strongest = sorted(vector.items(), key=lambda kv: -kv[1])[:TERMS_PER_ARTICLE]
    return normalise(dict(strongest))


def _assign(vectors: list[Vector], threshold: float) -> list[int]:
    sums: list[Vector] = []
    norms: list[float] = []  # squared norms of the sums, kept in step with them
    assignment: list[int] = []
    postings: dict[str, set[int]] = defaultdict(set)
    for vector in vectors:
        story = _best(vector, sums, norms, postings, threshold)
        if story < 0:
            story = len(sums)
            sums.append({})
            norms.append(0.0)
        assignment.append(story)
        norms[story] += _add(sums[story], vector)
        for term in vector:
            postings[term].add(story)
    for _ in range(REFINE_PASSES):
        assignment = _refine(vectors, assignment, sums, norms, postings, threshold / 2)
    return assignment


def _refine(
    vectors: list[Vector],
    assignment: list[int],
    sums: list[Vector],
    norms: list[float],
    postings: dict[str, set[int]],
    floor: float,
) -> list[int]:
    """Move each article to the story it fits best, judging its own story without it.

    Early articles joined stories that were still small; a k-means-like pass fixes that.
    """
    moved = list(assignment)
    for index, vector in enumerate(vectors):
        current = moved[index]
        norms[current] += _add(sums[current], vector, -1.0)
        best, best_score = current, _score(vector, sums[current], norms[current])
        for story in {s for t in vector for s in postings[t]}:
            score = _score(vector, sums[story], norms[story])
            if score > best_score and score >= floor:
                best, best_score = story, score
        norms[best] += _add(sums[best], vector)
        for term in vector:
            postings[term].add(best)
        moved[index] = best
    return moved


def _best(
    vector: Vector,
    sums: list[Vector],
    norms: list[float],
    postings: dict[str, set[int]],
    threshold: float,
) -> int:
    best, best_score = -1, threshold
    for story in {s for t in vector for s in postings[t]}:
        score = _score(vector, sums[story], norms[story])
        if score >= best_score:
            best, best_score = story, score
    return best


def _score(vector: Vector, total: Vector, squared_norm: float) -> float:
    return cosine(vector, total) / math.sqrt(squared_norm) if squared_norm > 1e-9 else 0.0


def _add(total: Vector, vector: Vector, sign: float = 1.0) -> float:
    """Add `vector` into `total`; returns how much the squared norm of `total` grew."""
    growth = 0.0
    for term, value in vector.items():
        value *= sign
        old = total.get(term, 0.0)
        total[term] = old + value
        growth += (old + value) ** 2 - old**2
    return growth


def _sum(vectors: Iterable[Vector]) -> Vector:
    total: Vector = {}
    for vector in vectors:
        _add(total, vector)
    return total


def _top_terms(vector: Vector) -> tuple[str, ...]:
    return tuple(t for t, _ in sorted(vector.items(), key=lambda kv: (-kv[1], kv[0]))[:LABEL_TERMS])
