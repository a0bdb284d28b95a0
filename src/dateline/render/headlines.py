"""Short headlines for an entry, for slides and chart labels: never the entry's text again.

An entry's text is a source sentence; a headline beside it must say something shorter and
different: the cited article's own title, else the names the entry holds, else the
sentence's opening words.
"""

from __future__ import annotations

from dateline.model import Article, TimelineEntry

# Long enough for a typical news sentence's opening clause, short enough for a slide headline.
HEADLINE_CHARS = 90
# A headline made of the summary's opening words, when the article has no title to lend.
HEADLINE_WORDS = 8


def headline(summary: str, limit: int = HEADLINE_CHARS) -> str:
    """The summary cut at a word boundary so it fits a slide headline."""
    if len(summary) <= limit:
        return summary
    cut = summary[:limit].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def entry_headline(entry: TimelineEntry, by_id: dict[str, Article]) -> str:
    """A short headline that is not the slide's text: the cited article's own title, else the
    names the entry holds, else the summary's opening words."""
    lead = by_id.get(entry.sources[0].document) if entry.sources else None
    if lead is not None and lead.title and lead.title != entry.summary:
        return headline(lead.title, HEADLINE_WORDS * 8)
    names = list(dict.fromkeys(e.name for e in entry.entities))[:3]
    if names:
        return " · ".join(names)
    words = entry.summary.split()
    return " ".join(words[:HEADLINE_WORDS]) + ("…" if len(words) > HEADLINE_WORDS else "")
