"""The store: SQLite on a laptop (WAL, FTS5, numbered migrations), a Parquet dataset read
through DuckDB on a cluster; the only place dateline speaks SQL."""

from dateline.store.backends import ArticleStore, open_store
from dateline.store.codec import article_from_dict, article_to_dict
from dateline.store.dedup import AddResult
from dateline.store.store import Store

__all__ = [
    "AddResult",
    "ArticleStore",
    "Store",
    "article_from_dict",
    "article_to_dict",
    "open_store",
]
