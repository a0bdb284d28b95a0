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
from typing import Any

from dateline.cluster.stories import Story
from dateline.model import Article, Disagreement, Timeline, TimelineEntry
from dateline.render.findings import change_text, disagreement_text, source_name
from dateline.render.json import published_to_dict, story_to_dict, within_to_dict
from dateline.render.precision import display_date, entry_display, precision

# The entity filter lists the most frequent names only: past this a dropdown is unusable.
MAX_ENTITIES = 200


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


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))


def disagreement_view(disagreement: Disagreement, by_id: dict[str, Article]) -> dict[str, Any]:
    """A disagreement with its sentence for people and each source's words and outlet."""
    return {
        "kind": disagreement.kind,
        "about": disagreement.about,
        "text": disagreement_text(disagreement, by_id),
        "claims": [
            {
                "document": c.document,
                "source": source_name(c.document, by_id),
                "words": c.words,
                "sentence": c.sentence,
                "date": c.date,
                "display_date": display_date(c.date),
            }
            for c in disagreement.claims
        ],
    }


def facets(entries: Sequence[TimelineEntry]) -> list[dict[str, Any]]:
    """Each name with its kind and how many entries name it, most named first."""
    kinds: dict[str, str] = {}
    counts: Counter[str] = Counter()
    for entry in entries:
        for name in _unique(e.name for e in entry.entities):
            counts[name] += 1
        kinds.update((e.name, e.kind) for e in entry.entities)
    return [
        {"name": name, "kind": kinds[name], "count": count}
        for name, count in counts.most_common(MAX_ENTITIES)
    ]


def entry_view(
    number: int, entry: TimelineEntry, by_id: dict[str, Article], story_of: dict[str, list[int]]
) -> dict[str, Any]:
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
        "entities": _unique(e.name for e in entry.entities),
        "names": [
            {"name": name, "kind": kind}
            for name, kind in dict.fromkeys((e.name, e.kind) for e in entry.entities)
        ],
        "disagreements": [disagreement_view(d, by_id) for d in entry.disagreements],
        "stories": list(
            dict.fromkeys(s for c in entry.sources for s in story_of.get(c.document, []))
        ),
        "sources": [
            {"document": c.document, "sentence": c.sentence, "start": c.start, "end": c.end}
            for c in entry.sources
        ],
    }


def timeline_view(
    timeline: Timeline, stories: Sequence[Story] = (), include_text: bool = False
) -> dict[str, Any]:
    """Entries in date order with their filters, plus the documents they cite; each story
    its entries belong to in the one shape `dateline stories` lists (`story_to_dict`)."""
    by_id = {a.id: a for a in timeline.documents}
    story_of: dict[str, list[int]] = {}
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
    counted = facets(timeline.entries)
    used_stories = {s for e in entries for s in e["stories"]}
    return {
        "entries": entries,
        "documents": documents,
        "stories": [story_to_dict(s) for s in stories if s.id in used_stories],
        "entities": [f["name"] for f in counted],
        "facets": counted,
        "changes": [{"about": c.about, "text": change_text(c)} for c in timeline.changes],
    }
