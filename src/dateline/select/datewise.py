"""The Datewise baseline of Ghalandari & Ifrim (2020), reimplemented as a reference method.

From the paper's description, in its unsupervised form: rank days by how many sentences
mention them (MentionCount); a day's candidate sentences are those that mention it plus the
first sentences of articles published that day that mention no date; rank candidates by
TF-IDF cosine to their centroid and take the top ones. No event merging, no redundancy
control beyond skipping repeated sentences. Used only to compare against `build_entries`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from dateline.cluster.vectors import centroid, cosine, document_frequencies, idf_weights, vectorise
from dateline.events.attach import mentions_in
from dateline.events.calendar import calendar_value
from dateline.events.sentences import split_sentences
from dateline.model import Article, Citation, Sentence, TimelineEntry
from dateline.select.salience import in_range

# The paper collects undated sentences only from the start of articles published on a day.
PUBLISHED_SENTENCES = 5
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
        for day, sentence in _dated_sentences(article):
            if in_range(day, date_from, date_to):
                counts[day] += 1
                candidates[day].append((article, sentence))
    ranked = [d for d, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))][:dates]
    entries: list[TimelineEntry] = []
    for day in sorted(ranked):
        for article, sentence in _centroid_top(candidates[day], per_date):
            citation = Citation(article.id, sentence.text, sentence.start, sentence.end)
            entries.append(TimelineEntry(day, sentence.text, (citation,), score=counts[day]))
    return tuple(entries)


def _dated_sentences(article: Article) -> list[tuple[str, Sentence]]:
    sentences = article.sentences or split_sentences(article.text)
    published = article.published.date if article.published else None
    found: list[tuple[str, Sentence]] = []
    for index, sentence in enumerate(sentences):
        days = set()
        mentions = mentions_in(sentence, article.timexes)
        for mention in mentions:
            value = calendar_value(mention.value) if mention.type in ("DATE", "TIME") else None
            if value and len(value) == 10:
                days.add(value)
        if not mentions and published and index < PUBLISHED_SENTENCES:
            days.add(published.isoformat())
        found.extend((day, sentence) for day in sorted(days))
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
    order = sorted(range(len(pool)), key=lambda i: -cosine(vectors[i], centre))
    picked: list[tuple[Article, Sentence]] = []
    seen: set[str] = set()
    for i in order:
        if pool[i][1].text not in seen:
            seen.add(pool[i][1].text)
            picked.append(pool[i])
        if len(picked) == count:
            break
    return picked
