"""A timeline as Markdown, with numbered source notes people can paste into a story."""

from __future__ import annotations

from dateline.model import Timeline
from dateline.render.findings import BADGE, change_text, disagreement_text
from dateline.render.precision import entry_display, entry_marks


def _escape(text: str) -> str:
    return "".join("\\" + ch if ch in "\\`*_[]<>#|" else ch for ch in text)


def render(timeline: Timeline) -> str:
    by_id = {a.id: a for a in timeline.documents}
    lines = ["# Timeline", ""]
    notes: list[str] = []
    for entry in timeline.entries:
        refs = []
        for citation in entry.sources:
            notes.append(citation.document)
            refs.append(f"[^{len(notes)}]")
        marks = entry_marks(entry)
        marker = f" *({', '.join(marks)})*" if marks else ""
        marker += f" **[{BADGE}]**" if entry.disagreements else ""
        lines.append(
            f"- **{_escape(entry_display(entry))}**{marker} — {_escape(entry.summary)} "
            f"{''.join(refs)}".rstrip()
        )
        lines.extend(f"  - {_escape(disagreement_text(d, by_id))}" for d in entry.disagreements)
    if timeline.changes:
        lines.extend(["", "## How the numbers changed", ""])
        lines.extend(f"- {_escape(change_text(c))}" for c in timeline.changes)
    if notes:
        lines.append("")
    for number, doc_id in enumerate(notes, start=1):
        article = by_id.get(doc_id)
        if article is None:
            lines.append(f"[^{number}]: {doc_id}")
            continue
        label = ", ".join(x for x in (article.outlet, article.title) if x) or article.source
        lines.append(f"[^{number}]: {_escape(label)} ({_escape(article.source)})")
    return "\n".join(lines) + "\n"
