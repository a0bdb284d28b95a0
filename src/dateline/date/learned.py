"""What a pile of articles teaches about its office holders, for the undated among them.

A dated article that writes "Prime Minister Naoto Kan said" shows Kan in office on its day;
one that writes "former Prime Minister Naoto Kan" shows his term over by its day. Neither
gives the term, but each bounds the undated articles soundly: "former Prime Minister Kan" is
written after the last day a dated article shows him in office, and "Prime Minister Kan" before
the first day one calls him former. This reaches holders the shipped table lacks (a mayor, a
minister of a country it does not cover) and terms newer than its copy.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from dateline.date.world import (
    ANY_TITLE,
    TITLE_GRACE,
    Bound,
    fold,
    judged,
    narrowed,
    sentence_is_dated,
    title_kinds,
)
from dateline.model import Article

# A day decided this surely teaches the pile (the confident level of `eval dct`).
TEACHING_CONFIDENCE = 0.9
# A title, then a name of two or three capitalised words.
_TITLED_NAME = re.compile(
    rf"(?<![\w-])(?P<title>(?i:{ANY_TITLE}))[ \t]+"
    r"(?P<name>[A-Z][\w'’-]+(?:[ \t]+(?:[A-Z][\w'’-]+|al|bin|da|de|van|von)){1,2})(?![\w-])"
)


@dataclass(frozen=True)
class Lesson:
    """When the pile shows a holder in an office, and since when as former."""

    name: str
    kinds: frozenset[str]
    in_office: date | None = None  # the last day a dated article shows the holder in office
    in_office_by: str = ""  # that article's id
    former: date | None = None  # the first day a dated article calls the holder former
    former_by: str = ""


def learn(articles: Sequence[Article]) -> dict[tuple[str, frozenset[str]], Lesson]:
    """What the confidently dated articles of a pile show of their titled office holders."""
    lessons: dict[tuple[str, frozenset[str]], Lesson] = {}
    for article in articles:
        published = article.published
        if published is None or published.date is None:
            continue
        if published.confidence < TEACHING_CONFIDENCE:
            continue
        day = published.date
        for name, kinds, modifier, _start, _end in _mentions(article.text):
            if modifier not in ("former", None):
                continue  # "then-President", or a dated sentence: its own day, not the article's
            key = (name, kinds)
            lesson = lessons.get(key, Lesson(name, kinds))
            if modifier == "former" and (lesson.former is None or day < lesson.former):
                lesson = dataclasses.replace(lesson, former=day, former_by=article.id)
            elif modifier is None and (lesson.in_office is None or day > lesson.in_office):
                lesson = dataclasses.replace(lesson, in_office=day, in_office_by=article.id)
            lessons[key] = lesson
    return lessons


def narrow_by_pile(articles: Sequence[Article]) -> list[Article]:
    """`articles` with the undated ones' intervals narrowed by what the dated ones teach."""
    lessons = learn(articles)
    if not lessons:
        return list(articles)
    result = []
    for article in articles:
        published = article.published
        if published is not None and published.date is None:
            bounds = _bounds(article.text, lessons)
            if bounds:
                article = dataclasses.replace(article, published=narrowed(published, bounds))
        result.append(article)
    return result


def _bounds(text: str, lessons: dict[tuple[str, frozenset[str]], Lesson]) -> list[Bound]:
    bounds = []
    for name, kinds, modifier, start, end in _mentions(text):
        lesson = lessons.get((name, kinds))
        if lesson is None:
            continue
        office = "/".join(sorted(kinds))
        if modifier == "former" and lesson.in_office is not None:
            why = (f"pile knowledge: {name} held {office} on {lesson.in_office.isoformat()} "
                   f"(article {lesson.in_office_by}), so was former after it")  # fmt: skip
            bounds.append(Bound(((lesson.in_office, date.max),), start, end, why))
        elif modifier is None and lesson.former is not None:
            why = (f"pile knowledge: {name} was former {office} by {lesson.former.isoformat()} "
                   f"(article {lesson.former_by})")  # fmt: skip
            bounds.append(Bound(((date.min, lesson.former + TITLE_GRACE),), start, end, why))
    return bounds


def _mentions(text: str) -> list[tuple[str, frozenset[str], str | None, int, int]]:
    """Each titled name: the name (accents dropped), the title's office kinds, "former",
    "then" or None, and where it is written. A dated sentence's mention tells of its own day."""
    folded = fold(text)
    found = []
    for match in _TITLED_NAME.finditer(folded):
        lead = re.findall(r"[\w.'’-]+", folded[max(0, match.start() - 40) : match.start()])[-3:]
        title, modifier, _elect, _at = judged(match.group("title"), lead, False, match.start())
        if title is None:
            continue
        if modifier is None and sentence_is_dated(folded, match.start(), match.end()):
            modifier = "then"
        found.append((match.group("name"), title_kinds(title), modifier, match.start(),
                      match.end()))  # fmt: skip
    return found
