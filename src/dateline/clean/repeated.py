"""The corpus pre-pass: lines an outlet prints on every page are furniture.

Counting is per outlet (or per source folder when the outlet is unknown) and only over
short-ish lines, so a wire story carried by two outlets never turns its sentences into
boilerplate. Within one outlet, versions of the same story (updates, corrections) share long
paragraphs; documents linked by a shared long paragraph count once, so a story updated three
times does not make its own short sentences furniture.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import PurePath

from dateline.clean.lines import normalise_line
from dateline.model import Article
from dateline.settings import CleanSettings

# Furniture lines (menus, prompts, bios, copyright) fit in this; a longer line is prose.
MAX_LINE_CHARS = 200
# A paragraph this long is specific to one story: sharing it means sharing the story.
STORY_LINE_CHARS = 160
# A long paragraph in more documents than this is furniture, not one story's versions.
MAX_VERSIONS = 50


def boilerplate_key(article: Article) -> str:
    """Which group an article's furniture is counted in: its outlet, else its source folder.

    A URL source groups by its path's parent ("https:/site/section"), like a folder.
    """
    return article.outlet or str(PurePath(article.source.split("::", 1)[0]).parent)


LineSets = tuple[set[str], set[int]]


def line_sets(raw_text: str) -> LineSets:
    """What the pre-pass keeps of one document: its short lines, and hashes of its long ones."""
    short: set[str] = set()
    long: set[int] = set()
    for raw in raw_text.splitlines():
        if len(raw) > 2 * MAX_LINE_CHARS:  # surely prose: skip the costly normalisation
            long.add(hash(" ".join(raw.split()).casefold()))
            continue
        line = normalise_line(raw)
        if not line:
            continue
        if len(line) <= MAX_LINE_CHARS:
            short.add(line)
        if len(line) >= STORY_LINE_CHARS:
            long.add(hash(line))
    return short, long


def _root(parent: list[int], doc: int) -> int:
    while parent[doc] != doc:
        parent[doc] = parent[parent[doc]]
        doc = parent[doc]
    return doc


def _stories(longs: list[set[int]]) -> list[int]:
    """Story id per document: documents sharing most of their long paragraphs are one story.

    "Most" (half of the smaller document's long paragraphs, at least two) keeps a long
    copyright notice or author bio printed on every page from linking unrelated stories.
    """
    parent = list(range(len(longs)))
    postings: dict[int, list[int]] = {}
    for doc, lines in enumerate(longs):
        for line in lines:
            postings.setdefault(line, []).append(doc)
    for doc, lines in enumerate(longs):
        shared = Counter(
            other
            for line in lines
            if len(postings[line]) <= MAX_VERSIONS
            for other in postings[line]
            if other < doc
        )
        for other, n in shared.items():
            if n >= max(2, min(len(lines), len(longs[other])) / 2):
                parent[_root(parent, doc)] = _root(parent, other)
    return [_root(parent, doc) for doc in range(len(longs))]


def repeated_lines(
    articles: Iterable[Article], settings: CleanSettings
) -> dict[str, frozenset[str]]:
    """Per group (see `boilerplate_key`), the normalised lines found in enough distinct stories."""
    groups: dict[str, list[LineSets]] = {}
    for article in articles:
        groups.setdefault(boilerplate_key(article), []).append(line_sets(article.raw_text))
    return {key: group_repeated(docs, settings) for key, docs in groups.items()}


def group_repeated(docs: list[LineSets], settings: CleanSettings) -> frozenset[str]:
    """One group's repeated lines from its documents' `line_sets`, in pile order: the
    pre-pass for a pile whose groups are gathered elsewhere (a Dask group-by)."""
    seen: dict[int, set[str]] = {}
    for story, (short, _) in zip(_stories([long for _, long in docs]), docs, strict=True):
        seen.setdefault(story, set()).update(short)
    counts = Counter(line for lines in seen.values() for line in lines)
    return frozenset(line for line, n in counts.items() if n >= settings.repeated_line_min_docs)
