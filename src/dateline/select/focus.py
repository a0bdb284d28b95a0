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

import functools
import math
from collections import Counter
from collections.abc import Sequence
from statistics import median

from dateline.cluster.vectors import Vector, centroid, cosine, idf_weights, normalise, terms
from dateline.model import Article, each, headers, subset
from dateline.select.topic import HEAD_CHARS, head_words
from dateline.select.weights import WEIGHTS

# Term weights and each story's centre come from an evenly spread sample: a story's
# vocabulary, and so its centroid, is stable long before 2,000 articles.
SAMPLE = 2000


def on_topic(
    articles: Sequence[Article],
    stories: Sequence[Sequence[Article]],
    share: float = WEIGHTS.off_topic_share,
    hand_pile: float = WEIGHTS.hand_pile,
) -> Sequence[Article]:
    """The articles whose cosine to the nearest centre of `stories` (the whole pile's when
    there are none) is at least `share` of that story's median; a pile smaller than
    `hand_pile` is kept whole (`Weights.hand_pile`).

    Each head's vector is made again where it is needed rather than kept for the whole pile:
    a pile larger than memory is read in passes (`model.subset`).
    """
    if share <= 0 or len(articles) < hand_pile:
        return articles
    df: Counter[str] = Counter()
    sample = _spread(articles)
    for words in each(sample, head_words):
        df.update(words)
    idf = idf_weights(df, len(sample))
    groups = [g for g in stories if g] or [_first_of_each(articles)]
    head_vector = functools.partial(_head_vector, idf=idf)
    centres = [centroid(each(_spread(g), head_vector)) for g in groups]
    nearest = each(articles, functools.partial(_nearest_centre, idf=idf, centres=centres))
    typical = {c: median(s for n, s in nearest if n == c) for c in {n for n, _ in nearest}}
    return subset(articles, (i for i, (c, s) in enumerate(nearest) if s >= share * typical[c]))


def _nearest_centre(
    article: Article, idf: dict[str, float], centres: list[Vector]
) -> tuple[int, float]:
    return _nearest(_vector(_head(article), idf), centres)


def _head(article: Article) -> list[str]:
    return terms(article.text[:HEAD_CHARS])


def _head_vector(article: Article, idf: dict[str, float]) -> Vector:
    return _vector(_head(article), idf)


def _first_of_each(articles: Sequence[Article]) -> Sequence[Article]:
    """Each article once: the same content read twice is one voice in the centre."""
    seen: set[str] = set()
    firsts = []
    for index, article in enumerate(headers(articles)):
        if article.id not in seen:
            seen.add(article.id)
            firsts.append(index)
    return subset(articles, firsts)


def _spread(articles: Sequence[Article]) -> Sequence[Article]:
    """At least `SAMPLE` articles (all of a smaller pile), evenly spread over `articles`."""
    return articles[:: max(1, len(articles) // SAMPLE)]


def _vector(words: list[str], idf: dict[str, float]) -> Vector:
    """Unit TF-IDF vector of a head's words, as `cluster.vectors.vectorise` makes it."""
    counts = Counter(words)
    return normalise({t: (1.0 + math.log(c)) * idf.get(t, 1.0) for t, c in counts.items()})


def _nearest(vector: Vector, centres: list[Vector]) -> tuple[int, float]:
    """The index of the centre most like `vector`, and that cosine."""
    return max(((i, cosine(vector, c)) for i, c in enumerate(centres)), key=lambda pair: pair[1])
