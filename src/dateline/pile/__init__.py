"""Dating from the pile: the articles left without a day, dated from the others.

A cross-document stage: it reads every article's tagged dates and events, so it runs after
the per-document stages, on the pile the near-duplicates left (`pipeline.CORPUS_DATES`).
"""

from dateline.pile.reports import corpus_dates, date_from_corpus

__all__ = ["corpus_dates", "date_from_corpus"]
