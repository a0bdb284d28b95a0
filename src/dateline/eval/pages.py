"""The files of an evaluation read and cleaned as a run reads and cleans them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from dateline.clean import clean_corpus
from dateline.model import Article, Failure
from dateline.read import read_paths
from dateline.settings import Settings


def read_cleaned(
    paths: Sequence[Path], settings: Settings, key: Callable[[Path], str]
) -> tuple[dict[str, Article], list[str]]:
    """Each file's article cleaned, by `key(file)`, and one line for each that failed."""
    articles: dict[str, Article] = {}
    failures: list[str] = []
    for item in read_paths(paths, settings.read):
        if isinstance(item, Failure):
            failures.append(str(item))
        else:
            articles[key(Path(item.source.split("::")[0]))] = item
    cleaned = clean_corpus(articles.values(), settings.clean)
    return dict(zip(articles, cleaned, strict=True)), failures
