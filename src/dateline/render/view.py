"""The data the browser timeline viewer reads, shared by the web app and the HTML export.

The public JSON contract (`render.json`) describes a timeline; the viewer also needs, per
entry, what it filters and shows without another request: the outlets that carried it, the
people and organisations its sentences name, the stories it belongs to, and its date for
people ("June 2006"). Building that once here keeps the web API and the offline export
showing the same thing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from dateline.model import Article, Citation, Timeline, TimelineEntry
from dateline.render.dates import entry_display, precision
from dateline.render.json import published_to_dict, within_to_dict

# The entity filter lists the most frequent names only: past this a dropdown is unusable.
MAX_ENTITIES = 200


@dataclass(frozen=True)
class StoryRef:
    """A story as the viewer needs it: an id, a label and the articles it groups."""

    id: str
    label: str
    article_ids: tuple[str, ...]


def document_meta(article: Article) -> dict[str, Any]:
    """An article without its text: what lists and entry cards show."""
    return {
        "id": article.id,
        "title": article.title,
        "outlet": article.outlet,
        "path": article.source,
        "url": article.url,
        "published": published_to_dict(article.published),
        "duplicate_of": article.duplicate_of,
    }


def _actors(article: Article | None, citation: Citation) -> list[str]:
    if article is None:
        return []
    return [actor for event in article.events
            if event.sentence.start < citation.end and citation.start < event.sentence.end
            for actor in event.actors]


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))


def entry_view(number: int, entry: TimelineEntry, by_id: dict[str, Article],
               story_of: dict[str, list[str]]) -> dict[str, Any]:
    articles = [by_id.get(c.document) for c in entry.sources]
    return {
        "id": number,
        "key": entry.key,
        "date": entry.date,
        "display_date": entry_display(entry),
        "precision": precision(entry.date),
        "approximate": entry.approximate,
        "within": within_to_dict(entry.within),
        "decided": list(entry.decided),
        "summary": entry.summary,
        "planned": entry.planned,
        "outlets": _unique(a.outlet or a.title or a.source for a in articles if a),
        "entities": _unique(name for a, c in zip(articles, entry.sources, strict=True)
                            for name in _actors(a, c)),
        "stories": _unique(s for c in entry.sources for s in story_of.get(c.document, [])),
        "sources": [{"document": c.document, "sentence": c.sentence, "start": c.start,
                     "end": c.end} for c in entry.sources],
    }


def timeline_view(timeline: Timeline, stories: Sequence[StoryRef] = (),
                  include_text: bool = False) -> dict[str, Any]:
    """Entries in date order with their filters, plus the documents they cite."""
    by_id = {a.id: a for a in timeline.documents}
    story_of: dict[str, list[str]] = {}
    for story in stories:
        for article_id in story.article_ids:
            story_of.setdefault(article_id, []).append(story.id)
    entries = [entry_view(n, e, by_id, story_of) for n, e in enumerate(timeline.entries, 1)]
    cited = {s["document"] for e in entries for s in e["sources"]}
    documents = {}
    for article in timeline.documents:
        if article.id in cited:
            documents[article.id] = document_meta(article)
            if include_text:
                documents[article.id]["text"] = article.text
    counts = Counter(name for e in entries for name in e["entities"])
    used_stories = {s for e in entries for s in e["stories"]}
    return {
        "entries": entries,
        "documents": documents,
        "stories": [{"id": s.id, "label": s.label, "size": len(s.article_ids)}
                    for s in stories if s.id in used_stories],
        "entities": [name for name, _ in counts.most_common(MAX_ENTITIES)],
    }
