"""Which articles of a pile tell its story: the others must not compete for dates.

A collection gathered for one story also holds pages that are not about it: programme
schedules, message boards, sport, other news. They name days too (a genealogy board's
"23rd December, 1815" read in the pile's year), and counted like reports they would put
those days on the timeline. Each article's head is compared with the centre of the story it
is nearest to (the centroid of each sizeable story of the pile, or of the whole pile when it
tells one story); an article much less like that centre than the story's typical article is
off topic. The user's query, when given, has already narrowed the pile to its matches, so
the centres are the query's story.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from statistics import median

from dateline.cluster.vectors import Vector, centroid, cosine, idf_weights, normalise, terms
from dateline.model import Article
from dateline.select.topic import HEAD_CHARS
from dateline.select.weights import WEIGHTS

# Term weights come from an evenly spread sample: a story's vocabulary is stable long
# before 2,000 articles.
SAMPLE = 2000


def on_topic(
    articles: Sequence[Article],
    stories: Sequence[Sequence[Article]],
    share: float = WEIGHTS.off_topic_share,
    hand_pile: float = WEIGHTS.hand_pile,
) -> list[Article]:
    """The articles whose cosine to the nearest centre of `stories` (the whole pile's when
    there are none) is at least `share` of that story's median; a pile smaller than
    `hand_pile` is kept whole (`Weights.hand_pile`)."""
    if share <= 0 or len(articles) < hand_pile:
        return list(articles)
    heads = [terms(a.text[:HEAD_CHARS]) for a in articles]
    sample = heads[:: max(1, len(heads) // SAMPLE)]
    df: Counter[str] = Counter()
    for words in sample:
        df.update(set(words))
    idf = idf_weights(df, len(sample))
    vectors = {a.id: _vector(words, idf) for a, words in zip(articles, heads, strict=True)}
    groups = [[a.id for a in g if a.id in vectors] for g in stories]
    groups = [g for g in groups if g] or [list(vectors)]
    centres = [centroid(vectors[i] for i in g) for g in groups]
    nearest = [_nearest(vectors[a.id], centres) for a in articles]
    typical = {
        c: median(s for n, s in nearest if n == c) for c in {n for n, _ in nearest}
    }
    return [a for a, (c, s) in zip(articles, nearest, strict=True) if s >= share * typical[c]]


def _vector(words: list[str], idf: dict[str, float]) -> Vector:
    """Unit TF-IDF vector of a head's words, as `cluster.vectors.vectorise` makes it."""
    counts = Counter(words)
    return normalise({t: (1.0 + math.log(c)) * idf.get(t, 1.0) for t, c in counts.items()})


def _nearest(vector: Vector, centres: list[Vector]) -> tuple[int, float]:
    """The index of the centre most like `vector`, and that cosine."""
    return max(
        ((i, cosine(vector, c)) for i, c in enumerate(centres)), key=lambda pair: pair[1]
    )
