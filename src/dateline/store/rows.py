"""How an `Article` maps onto a row of the `articles` table and back.

Fields the store queries or manages (title and text for full-text search, outlet, published,
duplicate_of, outlets) are columns; everything else travels as codec JSON in `data`, so a field
added to the model needs no migration.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np

from dateline.cluster.minhash import Signature
from dateline.errors import StoreError
from dateline.model import Article
from dateline.store.codec import article_from_dict, article_to_dict

# Columns in the order `to_row` fills them and `from_row` reads them.
COLUMNS = (
    "seq",
    "id",
    "source",
    "title",
    "outlet",
    "text",
    "published",
    "duplicate_of",
    "outlets",
    "signature",
    "added_at",
    "data",
)
READ_COLUMNS = ("id", "source", "title", "outlet", "text", "duplicate_of", "outlets", "data")
_COLUMN_FIELDS = frozenset(READ_COLUMNS)


def published_key(article: Article) -> str | None:
    published = article.published
    return published.date.isoformat() if published and published.date else None


def outlets_of(article: Article) -> list[str]:
    """The outlets that carried `article`, its own first, without blanks or repeats."""
    return list(dict.fromkeys(o for o in (article.outlet, *article.outlets) if o))


def signature_to_blob(sig: Signature | None) -> bytes | None:
    return None if sig is None else sig.astype("<u4").tobytes()


def signature_from_blob(blob: bytes | None) -> Signature | None:
    return None if blob is None else np.frombuffer(blob, dtype="<u4").astype(np.uint32)


def data_json(article: Article) -> str:
    data = {k: v for k, v in article_to_dict(article).items() if k not in _COLUMN_FIELDS}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def to_row(
    article: Article, seq: int, sig: Signature | None, duplicate_of: str | None, added_at: str
) -> tuple[Any, ...]:
    return (
        seq,
        article.id,
        article.source,
        article.title,
        article.outlet,
        article.text,
        published_key(article),
        duplicate_of,
        json.dumps(outlets_of(article)),
        signature_to_blob(sig),
        added_at,
        data_json(article),
    )


def stored_article(store: Path, row: tuple[Any, ...]) -> Article:
    """The stored article of `row`, or a StoreError naming the store and the article when the
    row is corrupt: either backend reads its rows through here."""
    try:
        return from_row(row)
    except (ValueError, TypeError, KeyError) as exc:
        raise StoreError(f"{store}: stored article {row[0]} is corrupt: {exc}") from None


def from_row(row: tuple[Any, ...]) -> Article:
    """The stored article; raises ValueError/TypeError/KeyError if the row is corrupt."""
    values = dict(zip(READ_COLUMNS, row, strict=True))
    data = json.loads(values.pop("data"))
    if not isinstance(data, dict):
        raise ValueError("article data is not a JSON object")
    data.update(values, outlets=json.loads(values["outlets"]))
    return article_from_dict(data)
