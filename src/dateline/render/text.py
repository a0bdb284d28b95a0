"""A timeline for the terminal: one block per entry, with its sources."""

from __future__ import annotations

import textwrap

from dateline.model import Timeline
from dateline.render.findings import BADGE, change_text, disagreement_text
from dateline.render.precision import entry_display, entry_marks


def render(timeline: Timeline) -> str:
    by_id = {a.id: a for a in timeline.documents}
    lines: list[str] = []
    for entry in timeline.entries:
        marks = entry_marks(entry)
        marker = f" ({', '.join(marks)})" if marks else ""
        marker += f" [{BADGE}]" if entry.disagreements else ""
        lines.append(f"{entry_display(entry)}{marker}")
        lines.extend(
            textwrap.wrap(entry.summary, width=88, initial_indent="  ", subsequent_indent="  ")
        )
        outlets = []
        for citation in entry.sources:
            article = by_id.get(citation.document)
            name = (article.outlet or article.title or article.source) if article else ""
            if name and name not in outlets:
                outlets.append(name)
        if outlets:
            lines.append(f"  — {'; '.join(outlets)}")
        for disagreement in entry.disagreements:
            lines.extend(
                textwrap.wrap(
                    disagreement_text(disagreement, by_id),
                    width=88,
                    initial_indent="  ! ",
                    subsequent_indent="    ",
                )
            )
        lines.append("")
    if not timeline.entries:
        lines.append("(no dated entries)")
    for change in timeline.changes:
        lines.extend(
            textwrap.wrap(
                change_text(change), width=88, initial_indent="Change: ", subsequent_indent="  "
            )
        )
    return "\n".join(lines).rstrip() + "\n"
