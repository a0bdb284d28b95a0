"""A timeline as CSV for spreadsheets and newsroom tools: one row per cited source.

One row per (entry, source sentence) pair, so every row carries its own evidence; an entry with
three sources gives three rows sharing `entry`, `date` and `summary`. Entries without sources
still get one row with empty source columns. Columns:

    entry         1-based entry number (rows of one entry share it)
    date          calendar value at its true precision: YYYY, YYYY-MM or YYYY-MM-DD
    display_date  the same for people: "2006", "June 2006", "June 3, 2006"
    precision     year / month / day
    planned       "yes" for events announced as planned or scheduled, else "no"
    summary       the entry's text (extractive)
    document      article id of the source
    outlet, title, path   of that article
    published     the article's inferred publication date (ISO), empty when unknown
    sentence      the cited sentence, == article text[start:end]
    start, end    character offsets of the sentence in the article's clean text
    entities      the people, organisations and places the entry names: "Anna Holm (person); ..."
    disagreements where the entry's sources disagree, each source's words quoted beside the
                  others ("Sources disagree on troop: “600 troops” (A) vs ..."), "; "-joined
    approximate   "yes" when the day is known only to a range (`display_date` says which:
                  "a Friday between 25 Feb and 11 Mar 2022"), else "no"
    earliest, latest   that range's first and last day (YYYY-MM-DD), empty for exact dates
    decided       the user's decisions on the entry ("pinned", "edited"), space-separated

Text cells that a spreadsheet would run as a formula (starting with = + - @ or a control
character) get a leading apostrophe: article text is untrusted.
"""

from __future__ import annotations

import csv
import io

from dateline.model import Article, Citation, Timeline, TimelineEntry
from dateline.render.findings import disagreement_text
from dateline.render.precision import entry_display, precision

COLUMNS = (
    "entry",
    "date",
    "display_date",
    "precision",
    "planned",
    "summary",
    "document",
    "outlet",
    "title",
    "path",
    "published",
    "sentence",
    "start",
    "end",
    "entities",
    "disagreements",
    "approximate",
    "earliest",
    "latest",
    "decided",
)

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(text: str) -> str:
    """Text that spreadsheet software shows as text instead of evaluating."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def _findings(entry: TimelineEntry, by_id: dict[str, Article]) -> list[str]:
    names = dict.fromkeys(f"{e.name} ({e.kind})" for e in entry.entities)
    return [
        safe_cell("; ".join(names)),
        safe_cell("; ".join(disagreement_text(d, by_id) for d in entry.disagreements)),
    ]


def _row(
    number: int, entry: TimelineEntry, citation: Citation | None, by_id: dict[str, Article]
) -> list[str]:
    row = [
        str(number),
        entry.date,
        entry_display(entry),
        precision(entry.date),
        "yes" if entry.planned else "no",
        safe_cell(entry.summary),
    ]
    within = entry.within
    tail = [
        *_findings(entry, by_id),
        "yes" if within else "no",
        within.earliest if within else "",
        within.latest if within else "",
        " ".join(entry.decided),
    ]
    if citation is None:
        return row + [""] * (len(COLUMNS) - len(row) - len(tail)) + tail
    article = by_id.get(citation.document)
    published = article.published.date if article and article.published else None
    return [
        *row,
        citation.document,
        safe_cell(article.outlet) if article else "",
        safe_cell(article.title) if article else "",
        safe_cell(article.source) if article else "",
        published.isoformat() if published else "",
        safe_cell(citation.sentence),
        str(citation.start),
        str(citation.end),
        *tail,
    ]


def render(timeline: Timeline) -> str:
    """The timeline as RFC 4180 CSV text with a header row."""
    by_id = {a.id: a for a in timeline.documents}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for number, entry in enumerate(timeline.entries, start=1):
        if not entry.sources:
            writer.writerow(_row(number, entry, None, by_id))
        for citation in entry.sources:
            writer.writerow(_row(number, entry, citation, by_id))
    return out.getvalue()
