"""The public JSON contract of `dateline timeline --format json` (docs/timeline-json.md)."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from typing import Any

from dateline.cluster.stories import Story
from dateline.model import (
    Article,
    Change,
    Claim,
    DayRange,
    Disagreement,
    Entity,
    PublicationDate,
    Timeline,
    TimelineEntry,
)
from dateline.render.precision import entry_display, precision

CONTRACT_VERSION = 1


def published_to_dict(published: PublicationDate | None) -> dict[str, Any]:
    if published is None:
        return {
            "date": None,
            "earliest": None,
            "latest": None,
            "confidence": 0.0,
            "evidence": [],
            "method": "none",
            "likeliest": None,
            "granularity": "",
        }
    return {
        "date": published.date.isoformat() if published.date else None,
        "earliest": published.earliest.isoformat() if published.earliest else None,
        "latest": published.latest.isoformat() if published.latest else None,
        "confidence": round(published.confidence, 3),
        "evidence": list(published.evidence),
        "method": published.method,
        "likeliest": published.likeliest.isoformat() if published.likeliest else None,
        "granularity": published.granularity,
    }


def document_to_dict(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "path": article.source,
        "title": article.title,
        "outlet": article.outlet,
        "author": article.author,
        "url": article.url,
        "image": article.image,
        "text": article.text,
        "language": article.language,
        "published": published_to_dict(article.published),
        "duplicate_of": article.duplicate_of,
        "outlets": list(article.outlets),
    }


def within_to_dict(within: DayRange | None) -> dict[str, Any] | None:
    if within is None:
        return None
    return {"earliest": within.earliest, "latest": within.latest, "weekday": within.weekday or None}


def entry_to_dict(entry: TimelineEntry) -> dict[str, Any]:
    return {
        "key": entry.key,
        "date": entry.date,
        "precision": precision(entry.date),
        "approximate": entry.approximate,
        "within": within_to_dict(entry.within),
        "display_date": entry_display(entry),
        "summary": entry.summary,
        "planned": entry.planned,
        "decided": list(entry.decided),
        "score": round(entry.score, 4),
        "sources": [
            {"document": c.document, "sentence": c.sentence, "start": c.start, "end": c.end}
            for c in entry.sources
        ],
        "entities": [entity_to_dict(e) for e in entry.entities],
        "disagreements": [disagreement_to_dict(d) for d in entry.disagreements],
    }


def entity_to_dict(entity: Entity) -> dict[str, Any]:
    return {
        "name": entity.name,
        "kind": entity.kind,
        "document": entity.document,
        "sentence": entity.sentence,
    }


def claim_to_dict(claim: Claim) -> dict[str, Any]:
    return {
        "document": claim.document,
        "words": claim.words,
        "sentence": claim.sentence,
        "date": claim.date,
    }


def disagreement_to_dict(disagreement: Disagreement) -> dict[str, Any]:
    return {
        "kind": disagreement.kind,
        "about": disagreement.about,
        "claims": [claim_to_dict(c) for c in disagreement.claims],
    }


def change_to_dict(change: Change) -> dict[str, Any]:
    return {"about": change.about, "claims": [claim_to_dict(c) for c in change.claims]}


def story_to_dict(story: Story) -> dict[str, Any]:
    """A story as `dateline stories --format json` lists it (docs/timeline-json.md)."""
    return {
        "id": story.id,
        "label": story.label,
        "terms": list(story.terms),
        "size": len(story.article_ids),
        "documents": list(story.article_ids),
    }


def timeline_to_dict(timeline: Timeline) -> dict[str, Any]:
    return {
        "version": CONTRACT_VERSION,
        "documents": [document_to_dict(a) for a in timeline.documents],
        "entries": [entry_to_dict(e) for e in timeline.entries],
        "failures": [{"source": f.source, "reason": f.reason} for f in timeline.failures],
        "changes": [change_to_dict(c) for c in timeline.changes],
    }


def render(timeline: Timeline) -> str:
    return json.dumps(timeline_to_dict(timeline), ensure_ascii=False, indent=2) + "\n"


def render_parts(timeline: Timeline) -> Iterator[str]:
    """`render`'s text in pieces, one document at a time: a pile's documents hold its whole
    text (663 MB of JSON at 100k articles), which need never be in memory at once."""
    frame = render(dataclasses.replace(timeline, documents=()))
    # Strings escape their quotes and newlines, so this marks the list and nothing else.
    before, after = frame.split('"documents": []', 1)
    yield before + '"documents": ['
    separator = "\n    "
    for document in timeline.documents:
        text = json.dumps(document_to_dict(document), ensure_ascii=False, indent=2)
        yield separator + text.replace("\n", "\n    ")
        separator = ",\n    "
    yield ("]" if separator == "\n    " else "\n  ]") + after
