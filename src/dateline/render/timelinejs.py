"""A timeline in Knight Lab's TimelineJS JSON format, to publish with their embed.

Shape (timeline.knightlab.com/docs/json-format.html): `{"title": slide, "events": [slide],
"scale": "human"}`; a slide has `start_date` (a date object: `year` required, then `month`,
`day`, and `display_date`), `text` (`headline`, `text`) and optionally `unique_id`, `group`
(slides of one story share a row of the time axis), `media` (`url`, `caption`, `credit`,
`link`) and `autolink`. A slide never repeats itself: the headline is short and other than
the text (`headlines.py`), the text holds the entry's sentence once. TimelineJS renders
`text` as HTML, and article text is untrusted, so every string is HTML-escaped here and
autolinking is off.
"""

from __future__ import annotations

import html
import json
from typing import Any

from dateline.cluster.stories import group_stories
from dateline.model import Article, Timeline, TimelineEntry
from dateline.render.findings import BADGE, disagreement_text, source_name
from dateline.render.headlines import entry_headline
from dateline.render.precision import display_date, entry_display, entry_marks


def date_object(value: str) -> dict[str, Any]:
    """A TimelineJS date for a calendar value, keeping only the parts it has."""
    names = ("year", "month", "day")
    parts: dict[str, Any] = {}
    for name, part in zip(names, value.split("-"), strict=False):
        parts[name] = int(part)
    parts["display_date"] = display_date(value)
    return parts


def _credit(article: Article | None) -> str:
    """Who to credit: the outlet and the author, as far as they are known."""
    if article is None:
        return ""
    return " — ".join(x for x in (article.outlet, article.author) if x)


def _link(article: Article | None, label: str) -> str:
    if article is not None and article.url.startswith(("https://", "http://")):
        href = html.escape(article.url, quote=True)
        return f'<a href="{href}" target="_blank" rel="noopener">{html.escape(label)}</a>'
    return html.escape(label)


def _others_html(entry: TimelineEntry, by_id: dict[str, Article]) -> str:
    """The other sources, each once, its sentence only when worded differently."""
    items = []
    seen = {entry.sources[0].document} if entry.sources else set()
    for citation in entry.sources[1:]:
        if citation.document in seen:
            continue
        seen.add(citation.document)
        article = by_id.get(citation.document)
        label = _link(article, source_name(citation.document, by_id))
        said = "" if citation.sentence == entry.summary else f": “{html.escape(citation.sentence)}”"
        items.append(f"<li>{label}{said}</li>")
    return f"<p>Also reported by:</p><ul>{''.join(items)}</ul>" if items else ""


def _disagreements_html(entry: TimelineEntry, by_id: dict[str, Article]) -> str:
    if not entry.disagreements:
        return ""
    rows = "".join(
        f"<li>{html.escape(disagreement_text(d, by_id))}</li>" for d in entry.disagreements
    )
    return f"<p><strong>{html.escape(BADGE.capitalize())}</strong></p><ul>{rows}</ul>"


def _dates(entry: TimelineEntry) -> dict[str, Any]:
    """start_date (and, for a day known only to a range, end_date): the range's days, its
    words as the display date, never one made-up day."""
    if entry.within is None:
        return {"start_date": date_object(entry.date)}
    shown = entry_display(entry)
    return {
        "start_date": {**date_object(entry.within.earliest), "display_date": shown},
        "end_date": {**date_object(entry.within.latest), "display_date": shown},
        "display_date": f"{shown} (approximate)",
    }


def event_slide(
    number: int, entry: TimelineEntry, by_id: dict[str, Article], group: str = ""
) -> dict[str, Any]:
    """One slide: headline, the entry's sentence once, what its sources disagree on, the
    other sources; the credit and link in the media slot when the article has a picture,
    else as the text's last line."""
    lead = by_id.get(entry.sources[0].document) if entry.sources else None
    marks = "".join(
        f"<p><em>{html.escape(mark.capitalize())}</em></p>" for mark in entry_marks(entry)
    )
    credit = _credit(lead)
    text = (
        f"{marks}<p>{html.escape(entry.summary)}</p>"
        f"{_disagreements_html(entry, by_id)}{_others_html(entry, by_id)}"
    )
    slide: dict[str, Any] = {
        "unique_id": f"entry-{number}",
        **_dates(entry),
        "text": {"headline": html.escape(entry_headline(entry, by_id)), "text": text},
        "autolink": False,
    }
    if lead is not None and lead.image:
        slide["media"] = {
            "url": lead.image,
            "credit": html.escape(credit),
            "caption": html.escape(lead.title),
        }
        if lead.url.startswith(("https://", "http://")):
            slide["media"]["link"] = lead.url
            slide["media"]["link_target"] = "_blank"
    elif lead is not None:
        label = credit or source_name(lead.id, by_id)
        slide["text"]["text"] += f"<p>Source: {_link(lead, label)}</p>"
    if group:
        slide["group"] = html.escape(group)
    return slide


def timeline_to_timelinejs(timeline: Timeline, title: str = "Timeline") -> dict[str, Any]:
    by_id = {a.id: a for a in timeline.documents}
    stories = group_stories(timeline.documents) if timeline.documents else []
    story_of = {i: s.label for s in stories if len(stories) > 1 for i in s.article_ids}
    events = [
        event_slide(n, e, by_id, story_of.get(e.sources[0].document, "") if e.sources else "")
        for n, e in enumerate(timeline.entries, start=1)
    ]
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
