"""Stories: groups of articles about one developing matter, so a timeline can follow one.

Two steps, so the cost stays near linear. First a single pass joins each article (a TF-IDF
vector trimmed to its strongest terms) to the most similar seed group above a high threshold:
seeds are articles on one event. Then average-link agglomeration merges seeds while the mean
cosine between their articles' full vectors stays above a low threshold: a story is a set of
articles that are, on average, more alike than articles of different stories, though any two
of them may share little. Shared actors alone do not join stories: a government's troop
deployment and its unrelated aid pledge share the government's name but little else, and
common names weigh little under IDF.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from dateline.cluster.vectors import (
    Vector,
    cosine,
    document_frequencies,
    idf_weights,
    normalise,
    vectorise,
)
from dateline.model import Article

# Cosine to a seed centroid needed to join it. Tuned on our own two-story corpora (same
# actors, different matters): same-event pairs score 0.2-0.4 and centroids higher,
# cross-story pairs mostly under 0.1 (0.22 at worst, for two leads of one press office).
SEED_THRESHOLD = 0.25
# Mean article-to-article cosine (full vectors) needed to merge two groups. Tuned on two
# corpora: the bundled sample (its two stories merge at 0.063, its last right merge is 0.075)
# and a mixture of 40 articles from each of six Timeline17 topics (purity 0.94 at 0.08,
# topics start to merge below 0.075).
STORY_THRESHOLD = 0.08
# Terms kept of a seed's summed vector: the similarity needs the body of a story's
# vocabulary, not its long tail.
SEED_TERMS = 300
# Largest seeds taken into agglomeration: bounds its memory (a dense square of this side)
# and time; smaller seeds beyond it stay stories of their own.
AGGLOMERATE_LIMIT = 1500
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


def group_stories(articles: Sequence[Article]) -> list[Story]:
    """Stories of a corpus, largest first, numbered from 1 in the order their first article
    comes in `articles`; copies follow their original."""
    originals = [a for a in articles if a.duplicate_of is None]
    if not originals:
        originals = list(articles)
    df, total = document_frequencies(_text(a) for a in originals)
    idf = idf_weights(df, total)
    full = [vectorise(_text(a), idf) for a in originals]
    vectors = [_trim(v) for v in full]
    seeds: dict[int, list[int]] = defaultdict(list)
    for index, seed in enumerate(_assign(vectors, SEED_THRESHOLD)):
        seeds[seed].append(index)
    members = _average_link(full, list(seeds.values()), STORY_THRESHOLD)
    copies = defaultdict(list)
    for article in articles:
        if article.duplicate_of is not None:
            copies[article.duplicate_of].append(article.id)
    # Numbered in the order their first article came, so an article added later never
    # renumbers the stories there were (it joins one, or starts the next); listed largest first.
    numbers = {min(m): n for n, m in enumerate(sorted(members, key=min), start=1)}
    stories = []
    for indices in sorted(members, key=lambda m: (-len(m), min(m))):
        number = numbers[min(indices)]
        ids: list[str] = []
        for i in sorted(indices):
            ids.append(originals[i].id)
            ids.extend(copies.get(originals[i].id, []))
        top = _top_terms(_sum(vectors[i] for i in indices))
        stories.append(Story(number, " · ".join(top), top, tuple(dict.fromkeys(ids))))
    return stories


def _text(article: Article) -> str:
    return f"{article.title}\n{article.title}\n{article.text}"


def _trim(vector: Vector) -> Vector:
    return normalise(_top(vector, TERMS_PER_ARTICLE))


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


def _average_link(
    vectors: list[Vector], seeds: list[list[int]], threshold: float
) -> list[list[int]]:
    """Merge seed groups, most alike first, while their mean pairwise cosine is ≥ threshold.

    The mean cosine between the articles of groups A and B is dot(sum A, sum B) / (|A| |B|),
    and sums add when groups merge, so one Gram matrix of seed sums serves the whole run.
    """
    seeds = sorted(seeds, key=len, reverse=True)
    head, rest = seeds[:AGGLOMERATE_LIMIT], seeds[AGGLOMERATE_LIMIT:]
    if len(head) < 2:
        return seeds
    sums = [_top(_sum(vectors[i] for i in seed), SEED_TERMS) for seed in head]
    dots = _gram(sums)
    sizes = np.array([len(seed) for seed in head], dtype=np.float64)
    groups = {index: list(seed) for index, seed in enumerate(head)}
    alive = np.ones(len(head), dtype=bool)
    while alive.sum() > 1:
        mean = dots / np.outer(sizes, sizes)
        mean[~alive, :] = -1.0
        mean[:, ~alive] = -1.0
        np.fill_diagonal(mean, -1.0)
        a, b = divmod(int(mean.argmax()), len(head))
        if mean[a, b] < threshold:
            break
        dots[a, :] += dots[b, :]
        dots[:, a] += dots[:, b]
        sizes[a] += sizes[b]
        alive[b] = False
        groups[a].extend(groups.pop(b))
    return list(groups.values()) + rest


def _gram(vectors: list[Vector]) -> np.ndarray:
    """All pairwise dot products of sparse vectors, accumulated term by term."""
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for row, vector in enumerate(vectors):
        for term, value in vector.items():
            postings[term].append((row, value))
    gram = np.zeros((len(vectors), len(vectors)), dtype=np.float64)
    for entries in postings.values():
        if len(entries) < 2:
            continue
        rows = np.array([r for r, _ in entries])
        values = np.array([v for _, v in entries])
        gram[np.ix_(rows, rows)] += np.outer(values, values)
    return gram


def _top(vector: Vector, count: int) -> Vector:
    return dict(sorted(vector.items(), key=lambda kv: -kv[1])[:count])


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
