"""The SQLite store (WAL, FTS5, numbered migrations): the only place dateline speaks SQL."""

from dateline.store.codec import article_from_dict, article_to_dict
from dateline.store.store import AddResult, Store

__all__ = ["AddResult", "Store", "article_from_dict", "article_to_dict"]
