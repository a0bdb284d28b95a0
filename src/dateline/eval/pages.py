"""The files of an evaluation read and cleaned as a run reads and cleans them: the reader,
then the pipeline's own per-document stages up to `clean` (`pipeline.process`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from dateline.model import Article
from dateline.pipeline import process, read_all
from dateline.settings import Settings


def read_cleaned(
    paths: Sequence[Path], settings: Settings, key: Callable[[Path], str]
) -> tuple[dict[str, Article], list[str]]:
    """Each file's article cleaned, by `key(file)`, and one line for each that failed."""
    read = read_all(paths, settings)
    cleaned = process(read.articles, settings, through="clean")
    articles = {key(Path(a.source.split("::")[0])): a for a in cleaned}
    return articles, [str(failure) for failure in read.failures]
