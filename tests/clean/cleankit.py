"""Shared page builder: a plain article our own words, with a line slotted in."""

from __future__ import annotations

from dateline.model import Article

TOP = [
    "Harbour authority fines ferry operator over late sailings",
    "By Ruth Calder",
    "Published: May 4, 2011 8:15 AM",
]
BODY = [
    "PORTREE — The harbour authority fined the island ferry operator £40,000 on Wednesday after "
    "more than a third of its sailings left late during the winter timetable.",
    "Inspectors found that 212 of 590 crossings between November and March departed more than "
    "15 minutes behind schedule, most of them because of crew shortages.",
    '"Islanders have been patient for long enough," said the authority\'s chair, Fiona Mackay.',
    "The operator said it had hired 14 deckhands since April and expected punctuality to improve "
    "before the summer season.",
    "It has 28 days to appeal.",
]


def page(line: str, where: str = "middle") -> str:
    """A page with `line` at the top, in the middle of the body, or at the bottom."""
    body = list(BODY)
    if where == "top":
        return "\n\n".join([line, *TOP, *body])
    if where == "middle":
        body.insert(2, line)
    else:
        body.append(line)
    return "\n\n".join([*TOP, *body])


def paragraphs(article: Article) -> list[str]:
    return article.text.split("\n\n") if article.text else []
