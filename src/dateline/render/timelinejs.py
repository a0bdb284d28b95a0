"""A timeline in Knight Lab's TimelineJS JSON format, to publish with their embed.

Shape (timeline.knightlab.com/docs/json-format.html): `{"title": slide, "events": [slide],
"scale": "human"}`; a slide has `start_date` (a date object: `year` required, then `month`,
`day`, and `display_date`), `text` (`headline`, `text`) and optionally `unique_id`, `group`,
`autolink`. TimelineJS renders `text` as HTML, and article text is untrusted, so every
string is HTML-escaped here and autolinking is off.
"""

from __future__ import annotations

import html
import json
from typing import Any

from dateline.model import Article, Timeline, TimelineEntry
from dateline.render.dates import display_date, entry_display, entry_marks

# Long enough for a typical news sentence's opening clause, short enough for a slide headline.
HEADLINE_CHARS = 90


def headline(summary: str, limit: int = HEADLINE_CHARS) -> str:
    """The summary cut at a word boundary so it fits a slide headline."""
    if len(summary) <= limit:
        return summary
    cut = summary[:limit].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def date_object(value: str) -> dict[str, Any]:
    """A TimelineJS date for a calendar value, keeping only the parts it has."""
    names = ("year", "month", "day")
    parts: dict[str, Any] = {}
    for name, part in zip(names, value.split("-"), strict=False):
        parts[name] = int(part)
    parts["display_date"] = display_date(value)
    return parts


def _sources_html(entry: TimelineEntry, by_id: dict[str, Article]) -> str:
    items = []
    for citation in entry.sources:
        article = by_id.get(citation.document)
        label = citation.document
        if article is not None:
            label = " — ".join(x for x in (article.outlet, article.title) if x) or article.source
        items.append(f"<li>{html.escape(label)}: “{html.escape(citation.sentence)}”</li>")
    return f"<ul>{''.join(items)}</ul>" if items else ""


def _dates(entry: TimelineEntry) -> dict[str, Any]:
    """start_date (and, for a day known only to a range, end_date): the range's days, its
    words as the display date, never one made-up day."""
    if entry.within is None:
        return {"start_date": date_object(entry.date)}
    shown = entry_display(entry)
    return {"start_date": {**date_object(entry.within.earliest), "display_date": shown},
            "end_date": {**date_object(entry.within.latest), "display_date": shown},
            "display_date": f"{shown} (approximate)"}


def event_slide(number: int, entry: TimelineEntry, by_id: dict[str, Article]) -> dict[str, Any]:
    marks = "".join(f"<p><em>{html.escape(mark.capitalize())}</em></p>"
                    for mark in entry_marks(entry))
    slide: dict[str, Any] = {
        "unique_id": f"entry-{number}",
        **_dates(entry),
        "text": {
            "headline": html.escape(headline(entry.summary)),
            "text": f"{marks}<p>{html.escape(entry.summary)}</p>{_sources_html(entry, by_id)}",
        },
        "autolink": False,
    }
    return slide


def timeline_to_timelinejs(timeline: Timeline, title: str = "Timeline") -> dict[str, Any]:
    by_id = {a.id: a for a in timeline.documents}
    events = [event_slide(n, e, by_id) for n, e in enumerate(timeline.entries, start=1)]
    outlets = sorted({a.outlet for a in timeline.documents if a.outlet})
    intro = f"{len(events)} dated entries from {len(timeline.documents)} articles"
    if outlets:
        intro += f" ({', '.join(outlets[:8])}{', …' if len(outlets) > 8 else ''})"
    return {
        "title": {"text": {"headline": html.escape(title), "text": html.escape(intro)}},
        "events": events,
        "scale": "human",
    }


def render(timeline: Timeline) -> str:
    return json.dumps(timeline_to_timelinejs(timeline), ensure_ascii=False, indent=2) + "\n"
