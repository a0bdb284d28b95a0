"""The Datewise baseline of Ghalandari & Ifrim (2020), reimplemented as a reference method.

Follows the released news-tls code in its unsupervised form, step by step, so that its
figures can be checked against the real thing run beside it (`bench/tls_peers.py`):

- a sentence is dated by its first time expression, when that names a day;
- days are ranked by how many sentences they date (its MentionCount ranker);
- a day's candidates are the sentences it dates and the undated ones among the first six of
  the articles published that day or the day after; candidates less like the day's centre
  (the words both kinds share) than the knee of that likeness curve are dropped;
- from what is left, sentences holding a topic keyword (when keywords are given) are picked
  greedily so that their summed TF-IDF vector stays closest to the candidates' centroid;
  a day with no such sentence gives its place to the next.

TF-IDF is fitted on every sentence of the collection, raw term counts, on tokens of two or
more word characters as news-tls's vectoriser reads them ("BP" counts). Left out: the
supervised date ranker (trained on the other topics' reference timelines). Used only to
compare against `build_entries`.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from datetime import timedelta

from dateline.cluster.vectors import Vector, cosine, normalise
from dateline.english import STOPWORDS
from dateline.events.attach import mentions_in
from dateline.events.calendar import calendar_value
from dateline.events.sentences import split_sentences
from dateline.model import Article, Citation, Sentence, TimelineEntry
from dateline.select.salience import in_range
from dateline.timex.value import TimexValue

# Undated sentences count for their article's publication day and the day before, when they
# are among the first six (news-tls: `clip_sents=5`, `pub_end=2`).
PUBLISHED_SENTENCES = 6
PUBLISHED_DAYS = 2
# Two picks this alike are one sentence twice (news-tls: `max_sim`).
SAME_SENTENCE = 0.9999

# news-tls's vectoriser reads every run of two or more word characters, lower-cased.
_TOKEN = re.compile(r"\b\w\w+\b")

_Candidate = tuple[Article, Sentence]


def datewise(
    articles: Sequence[Article],
    *,
    dates: int,
    per_date: int = 1,
    date_from: str | None = None,
    date_to: str | None = None,
    precision: str = "day",
    keywords: Iterable[str] = (),
) -> tuple[TimelineEntry, ...]:
    """Baseline timeline: MentionCount date ranking and centroid sentence ranking (days only).

    `keywords`: a summary sentence must hold one of them (lower-cased, as a substring), as
    news-tls's keyword filter asks; none lets every sentence through.
    """
    wanted = [k.lower() for k in keywords]
    counts: Counter[str] = Counter()
    mentioned: dict[str, list[_Candidate]] = defaultdict(list)
    published: dict[str, list[_Candidate]] = defaultdict(list)
    every: list[str] = []
    for article in articles:
        for index, (sentence, day) in enumerate(_dated_sentences(article)):
            every.append(sentence.text)
            if day:
                counts[day] += 1
                mentioned[day].append((article, sentence))
            elif index < PUBLISHED_SENTENCES and article.published and article.published.date:
                for back in range(PUBLISHED_DAYS):
                    own = (article.published.date - timedelta(days=back)).isoformat()
                    published[own].append((article, sentence))
    idf = _idf(every)
    ranked = sorted(
        (d for d in counts if in_range(d, date_from, date_to)), key=lambda d: -counts[d]
    )
    entries: list[TimelineEntry] = []
    for day in ranked:
        if len({e.date for e in entries}) >= dates:
            break
        pool = _pruned(mentioned[day], published[day], idf)
        for article, sentence in _centroid_opt(pool, per_date, idf, wanted):
            citation = Citation(article.id, sentence.text, sentence.start, sentence.end)
            entries.append(TimelineEntry(day, sentence.text, (citation,), score=counts[day]))
    return tuple(sorted(entries, key=lambda e: e.date))


def _dated_sentences(article: Article) -> list[tuple[Sentence, str | None]]:
    """Each sentence with the day its first time expression names, if it names one."""
    sentences = article.sentences or split_sentences(article.text)
    found: list[tuple[Sentence, str | None]] = []
    for sentence in sentences:
        first = min(
            (m for m in mentions_in(sentence, article.timexes) if m.type in ("DATE", "TIME")),
            key=lambda m: m.start,
            default=None,
        )
        value = calendar_value(first.value) if first else None
        found.append((sentence, value if value and TimexValue.parse(value).day else None))
    return found


def _idf(texts: list[str]) -> dict[str, float]:
    """Smoothed inverse document frequency over the collection's sentences."""
    df: Counter[str] = Counter()
    for text in texts:
        df.update(set(_terms(text)))
    total = len(texts)
    return {t: math.log((1 + total) / (1 + n)) + 1.0 for t, n in df.items()}


def _vector(text: str, idf: dict[str, float]) -> Vector:
    """Unit TF-IDF vector with raw term counts."""
    return normalise({t: n * idf[t] for t, n in Counter(_terms(text)).items() if t in idf})


def _terms(text: str) -> list[str]:
    return [t for t in _TOKEN.findall(text.lower()) if t not in STOPWORDS]


def _summed(vectors: Iterable[Vector], weight: float = 1.0) -> Vector:
    total: dict[str, float] = defaultdict(float)
    for vector in vectors:
        for term, value in vector.items():
            total[term] += weight * value
    return dict(total)


def _pruned(
    mentioned: list[_Candidate], published: list[_Candidate], idf: dict[str, float]
) -> list[_Candidate]:
    """A day's candidates that are at least as like its centre as the knee of the likeness
    curve; the centre holds the words both the mentioning and the published sentences use,
    each kind weighed by its mean."""
    if not mentioned or not published:
        return mentioned or published
    ment = [_vector(s.text, idf) for _, s in mentioned]
    pub = [_vector(s.text, idf) for _, s in published]
    ment_sum, pub_sum = _summed(ment, 1 / len(ment)), _summed(pub, 1 / len(pub))
    centre = normalise({t: v + pub_sum[t] for t, v in ment_sum.items() if t in pub_sum})
    likeness = [cosine(v, centre) for v in ment + pub]
    # news-tls reads its threshold at the knee's rank in the unsorted list; so does this, as
    # the point of this module is to reproduce its figures.
    threshold = likeness[_knee(sorted(likeness, reverse=True))]
    pairs = zip(mentioned + published, likeness, strict=True)
    kept = [c for c, s in pairs if s > 0 and s > threshold]
    return kept or mentioned + published


def _knee(values: list[float]) -> int:
    """Index of the point furthest from the line through the first and the last."""
    count = len(values)
    dx, dy = count - 1, values[-1] - values[0]
    length = math.hypot(dx, dy)
    if not length:
        return 0
    return max(range(count), key=lambda i: abs(dx * (values[i] - values[0]) - dy * i) / length)


def _centroid_opt(
    pool: list[_Candidate], count: int, idf: dict[str, float], keywords: list[str]
) -> list[_Candidate]:
    """Up to `count` sentences whose summed vector is closest to the pool's centroid."""
    vectors = [_vector(s.text, idf) for _, s in pool]
    centre = normalise(_summed(vectors))
    allowed = [
        i
        for i, (_, s) in enumerate(pool)
        if not keywords or any(k in s.text.lower() for k in keywords)
    ]
    picked: list[int] = []
    summary: Vector = {}
    while len(picked) < count:
        best, best_score = None, -math.inf
        for i in allowed:
            if i in picked or any(cosine(vectors[i], vectors[j]) > SAME_SENTENCE for j in picked):
                continue
            score = cosine(normalise(_summed([summary, vectors[i]])), centre)
            if score > best_score:
                best, best_score = i, score
        if best is None:
            break
        picked.append(best)
        summary = _summed([summary, vectors[best]])
    return [pool[i] for i in picked]
