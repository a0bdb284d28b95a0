"""The Datewise baseline of Ghalandari & Ifrim (2020), reimplemented as a reference method.

From the paper and its released code, in its unsupervised form: rank days by how many
sentences mention them (MentionCount); a day's candidate sentences are those that mention it
plus the undated first sentences of articles published that day or the day after; pick
sentences greedily so that their summed TF-IDF vector stays closest to the candidates'
centroid (CentroidOpt). Left out: the supervised date ranker (trained on the other topics'
reference timelines), the given topic keywords (not in this data) and the knee-point pruning
of the candidate pool. Used only to compare against `build_entries`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import timedelta

from dateline.cluster.vectors import (
    Vector,
    centroid,
    cosine,
    document_frequencies,
    idf_weights,
    vectorise,
)
from dateline.events.attach import mentions_in
from dateline.events.calendar import calendar_value
from dateline.events.sentences import split_sentences
from dateline.model import Article, Citation, Sentence, TimelineEntry
from dateline.select.salience import in_range
from dateline.timex.value import TimexValue

# Undated sentences count for their article's publication day and the day before, when they
# are among the first six (news-tls: `clip_sents=5`, `pub_end=2`).
PUBLISHED_SENTENCES = 6
# Very short or very long sentences are not usable summaries (the paper filters by length).
MIN_WORDS, MAX_WORDS = 5, 50


def datewise(
    articles: Sequence[Article],
    *,
    dates: int,
    per_date: int = 1,
    date_from: str | None = None,
    date_to: str | None = None,
    precision: str = "day",
) -> tuple[TimelineEntry, ...]:
    """Baseline timeline: MentionCount date ranking and centroid sentence ranking (days only)."""
    counts: Counter[str] = Counter()
    candidates: dict[str, list[tuple[Article, Sentence]]] = defaultdict(list)
    for article in articles:
        for day, sentence, mentioned in _dated_sentences(article):
            if in_range(day, date_from, date_to):
                counts[day] += mentioned
                candidates[day].append((article, sentence))
    ranked = [d for d, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])) if n][:dates]
    entries: list[TimelineEntry] = []
    for day in sorted(ranked):
        for article, sentence in _centroid_top(candidates[day], per_date):
            citation = Citation(article.id, sentence.text, sentence.start, sentence.end)
            entries.append(TimelineEntry(day, sentence.text, (citation,), score=counts[day]))
    return tuple(entries)


def _dated_sentences(article: Article) -> list[tuple[str, Sentence, bool]]:
    """(day, sentence, whether the sentence mentions the day) for every dated sentence."""
    sentences = article.sentences or split_sentences(article.text)
    published = article.published.date if article.published else None
    found: list[tuple[str, Sentence, bool]] = []
    for index, sentence in enumerate(sentences):
        days = set()
        for mention in mentions_in(sentence, article.timexes):
            value = calendar_value(mention.value) if mention.type in ("DATE", "TIME") else None
            if value and TimexValue.parse(value).day is not None:
                days.add(value)
        found.extend((day, sentence, True) for day in sorted(days))
        if not days and published and index < PUBLISHED_SENTENCES:
            for back in (0, 1):
                day = (published - timedelta(days=back)).isoformat()
                found.append((day, sentence, False))
    return found


def _centroid_top(
    pool: list[tuple[Article, Sentence]], count: int
) -> list[tuple[Article, Sentence]]:
    pool = [(a, s) for a, s in pool if MIN_WORDS <= len(s.text.split()) <= MAX_WORDS]
    if not pool:
        return []
    df, total = document_frequencies(s.text for _, s in pool)
    idf = idf_weights(df, total)
    vectors = [vectorise(s.text, idf) for _, s in pool]
    centre = centroid(vectors)
    picked: list[int] = []
    chosen: list[Vector] = []  # the summary vector is the sum of the picked sentences'
    while len(picked) < min(count, len(pool)):
        texts = {pool[i][1].text for i in picked}
        best = max(
            (i for i in range(len(pool)) if i not in picked and pool[i][1].text not in texts),
            key=lambda i: cosine(centroid([*chosen, vectors[i]]), centre),
            default=None,
        )
        if best is None:
            break
        picked.append(best)
        chosen.append(vectors[best])
    return [pool[i] for i in picked]
