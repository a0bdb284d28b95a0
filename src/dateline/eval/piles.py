"""Dating piles of undated news: every topic of a Timeline17-style folder read as one pile.

Each topic's articles arrive with their publication day (`dct`) hidden, as a user's pile of
copied clippings would; they go through the product's own path, the per-document stages on
each article (`pipeline.process`) and then corpus dating over the whole pile
(`pipeline.corpus_dated`), and each is scored against its
hidden day: the year right (the day given, else the likeliest day, trusted to its year), the
day given within 7 days and exact, and a closed interval of at most 31 days holding the day
("after 2010" holds it too but places nothing, so open intervals never count).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from dateline.errors import EvaluationError
from dateline.eval.tls import detokenise
from dateline.model import Article, PublicationDate
from dateline.pipeline import corpus_dated, process
from dateline.settings import Settings

# A closed interval of at most this many days that holds the truth places the article.
CLOSED_DAYS = 31
NEAR_DAYS = 7
MEASURES = ("year_right", "within_7_days", "exact_day", "closed_interval", "no_day")


def evaluate(path: Path) -> dict[str, Any]:
    """Score every topic folder under `path` (or `path` itself) as a pile of undated articles."""
    path = Path(path)
    topics = sorted(p for p in path.iterdir() if (p / "articles.json").is_file()) \
        if not (path / "articles.json").is_file() else [path]  # fmt: skip
    if not topics:
        raise EvaluationError(f"{path}: no topic folder with an articles.json")
    per_topic: dict[str, dict[str, Any]] = {}
    rows: list[dict[str, Any]] = []
    for topic in topics:
        topic_rows = [_row(truth, a.published) for truth, a in pile_dates(topic)]
        per_topic[topic.name] = _figures(topic_rows)
        rows.extend(topic_rows)
    return {**_figures(rows), "topics": len(topics), "per_topic": per_topic}


def pile_dates(topic: Path) -> list[tuple[date, Article]]:
    """Each article of `topic` with its hidden day, dated as a pile by the product's path."""
    records = _records(topic / "articles.json")
    truth: dict[str, date] = {}
    pile = []
    for record in records:
        try:
            uid = str(record["uid"])
            truth[uid] = date.fromisoformat(str(record["dct"])[:10])
            text = detokenise(str(record["text"]))
        except (KeyError, TypeError, ValueError) as exc:
            raise EvaluationError(f"{topic / 'articles.json'}: malformed record: {exc}") from None
        pile.append(Article(id=uid, source=f"{topic.name}::{uid}", raw_text=text))
    settings = Settings()
    processed = process(pile, settings)
    dated = corpus_dated(processed, settings)
    return [(truth[a.id], dated.get(i, a)) for i, a in enumerate(processed)]


def _records(path: Path) -> list[Any]:
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise EvaluationError(f"{path}: cannot read: {exc}") from None
    if not isinstance(records, list):
        raise EvaluationError(f"{path}: expected a JSON list of articles")
    return records


def _row(truth: date, published: PublicationDate | None) -> dict[str, Any]:
    day = published.date if published else None
    guess = day or (published.likeliest if published else None)
    earliest = published.earliest if published else None
    latest = published.latest if published else None
    closed = (
        earliest is not None
        and latest is not None
        and earliest <= truth <= latest
        and (latest - earliest).days < CLOSED_DAYS
    )
    return {
        "year_right": guess is not None and guess.year == truth.year,
        "within_7_days": day is not None and abs((day - truth).days) <= NEAR_DAYS,
        "exact_day": day == truth,
        "closed_interval": closed,
        "no_day": day is None,
    }


def _figures(rows: list[dict[str, Any]]) -> dict[str, Any]:
    count = len(rows)
    return {"articles": count,
            **{m: round(sum(r[m] for r in rows) / count, 4) if count else 0.0
               for m in MEASURES}}  # fmt: skip
