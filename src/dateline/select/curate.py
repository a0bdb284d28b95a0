"""The user's decisions applied to a build: they always win over the machine's.

Decisions (`Curation`) name what stays the same when articles are added: an article by its
content id, an entry by its own sentence (article id and span, `citation_key`). So a hidden
entry stays hidden when new articles change which report speaks for its event (any entry
citing the hidden sentence is hidden), an edit follows the sentence, and a pin puts the
sentence on the timeline whether or not selection picks it.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Callable, Iterable, Sequence
from datetime import date

from dateline.errors import InputError
from dateline.model import (
    Article,
    Citation,
    Curation,
    Event,
    TimelineEntry,
    citation_key,
    headers,
    replaced,
    subset,
)
from dateline.select.salience import in_range

KINDS = ("hide", "pin", "edit", "date", "delete")
ENTRY_KINDS = frozenset({"hide", "pin", "edit"})


def curated_articles(
    articles: Sequence[Article],
    curations: Iterable[Curation],
    again: Callable[[Article], Article],
) -> Sequence[Article]:
    """The articles without those the user deleted, dated where the user set a day. `again`
    (the pipeline's) runs the stages that read the day on them again. A lazy pile stays one:
    only the articles the user dated are loaded (`model.subset`, `model.replaced`)."""
    decided = list(curations)
    deleted = {c.target for c in decided if c.kind == "delete"}
    days = {c.target: date.fromisoformat(c.value) for c in decided if c.kind == "date"}
    if not deleted and not days:
        return articles
    kept = subset(articles, (i for i, a in enumerate(headers(articles)) if a.id not in deleted))
    return replaced(
        kept,
        {
            i: redated(kept[i], days[a.id], again)
            for i, a in enumerate(headers(kept))
            if a.id in days
        },
    )


def as_decided(
    article: Article | None, curations: Iterable[Curation], again: Callable[[Article], Article]
) -> Article | None:
    """The article as the user's dates leave it (so a pin finds the events its day gives)."""
    if article is None:
        return None
    dates = [c for c in curations if c.kind == "date"]
    return curated_articles([article], dates, again)[0]


def redated(article: Article, day: date, again: Callable[[Article], Article]) -> Article:
    """The article with the user's day: the date stage gives it (`given_date` wins), and the
    stages after it read it, when `again` runs them."""
    published = article.published
    if published is not None and published.method == "user" and published.date == day:
        return article
    return again(dataclasses.replace(article, given_date=day))


def curated_entries(
    entries: Sequence[TimelineEntry],
    articles: Sequence[Article],
    curations: Iterable[Curation],
    span: tuple[str | None, str | None] = (None, None),
) -> tuple[TimelineEntry, ...]:
    """Entries without the hidden ones, edits applied, pinned sentences present, each marked
    with the decisions it carries (`TimelineEntry.decided`)."""
    by_kind: dict[str, dict[str, Curation]] = {kind: {} for kind in ENTRY_KINDS}
    for curation in curations:
        if curation.kind in ENTRY_KINDS:
            by_kind[curation.kind][curation.target] = curation
    hidden, pins, edits = by_kind["hide"], by_kind["pin"], by_kind["edit"]
    kept: list[TimelineEntry] = []
    present: set[str] = set()
    for entry in entries:
        keys = [citation_key(c) for c in entry.sources]
        if hidden.keys() & set(keys):
            continue
        present.update(keys)
        kept.append(_decided(entry, keys, pins, edits))
    pinned_ids = {parse_key(key)[0] for key in pins}
    by_id = {
        a.id: a
        for a in subset(
            articles, (i for i, a in enumerate(headers(articles)) if a.id in pinned_ids)
        )
    }
    for key, pin in pins.items():
        if key in present or key in hidden:
            continue
        pinned = pinned_entry(key, by_id, pin.value)
        if pinned is not None and in_range(pinned.date, *span):
            kept.append(_decided(pinned, [key], pins, edits))
    return tuple(sorted(kept, key=lambda e: (e.sort_date, -e.score)))


def _decided(
    entry: TimelineEntry, keys: list[str], pins: dict[str, Curation], edits: dict[str, Curation]
) -> TimelineEntry:
    decided = []
    if any(k in pins for k in keys):
        decided.append("pinned")
    edit = next((edits[k] for k in keys if k in edits), None)
    if edit is not None:
        entry = dataclasses.replace(entry, summary=edit.value)
        decided.append("edited")
    return dataclasses.replace(entry, decided=tuple(decided)) if decided else entry


def parse_key(key: str) -> tuple[str, int, int]:
    """(article id, start, end) of an entry key "ARTICLE:START-END"; InputError if malformed."""
    article, _, span = key.partition(":")
    start, _, end = span.partition("-")
    if not (article and start.isdigit() and end.isdigit() and int(start) < int(end)):
        raise InputError(
            key,
            "not an entry key; entry keys look like ARTICLE:START-END "
            "(the `key` of an entry in `--format json`)",
        )
    return article, int(start), int(end)


def pinned_entry(key: str, by_id: dict[str, Article], day: str = "") -> TimelineEntry | None:
    """The entry a pin puts on the timeline: the sentence, at its own event's date (or the
    day the pin gives); None when its article is not in this build or nothing dates it."""
    article_id, start, end = parse_key(key)
    article = by_id.get(article_id)
    if article is None or not 0 <= start < end <= len(article.text):
        return None
    event = _event_at(article.events, start)
    when = day or (event.date if event else "")
    if not when:
        return None
    sentence = article.text[start:end]
    return TimelineEntry(
        date=when,
        summary=sentence,
        sources=(Citation(article.id, sentence, start, end),),
        planned=bool(event and event.planned and not day),
        within=None if day or event is None else event.within,
    )


def _event_at(events: Iterable[Event], start: int) -> Event | None:
    return next((e for e in events if e.sentence.start == start), None)


def target_article(curation: Curation) -> str:
    """The id of the article a decision is about."""
    if curation.kind in ENTRY_KINDS:
        return parse_key(curation.target)[0]
    return curation.target


def check_curation(curation: Curation, article: Article | None) -> Curation:
    """`curation` if it can apply to `article` (the one it names), else InputError."""
    if curation.kind not in KINDS:
        raise InputError(curation.kind, f"not a decision; use one of {', '.join(KINDS)}")
    if article is None:
        raise InputError(curation.target, "no such article in the store")
    value = curation.value.strip()
    if curation.kind == "edit" and not value:
        raise InputError(curation.target, "an edit needs the entry's new text")
    if curation.kind == "date" or (curation.kind == "pin" and value):
        _check_day(curation.target, value)
    if curation.kind in ENTRY_KINDS and parse_key(curation.target)[2] > len(article.text):
        raise InputError(curation.target, "that span is not in the article's text")
    if (
        curation.kind == "pin"
        and pinned_entry(curation.target, {article.id: article}, value) is None
    ):
        raise InputError(
            curation.target,
            "nothing dates that sentence; give the day of "
            "what it reports (YYYY-MM-DD) with the pin",
        )
    return dataclasses.replace(curation, value=value, reason=curation.reason.strip())


def _check_day(target: str, value: str) -> None:
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError
        date.fromisoformat(value)
    except ValueError:
        raise InputError(target, f"{value!r} is not a day; use YYYY-MM-DD") from None


# The decisions file `dateline curate export` writes and `import` reads: {"decisions": [...]}.
FILE_VERSION = 1
_FILE_FIELDS = ("kind", "target", "value", "reason", "made_at")


def curation_to_dict(curation: Curation) -> dict[str, object]:
    return {"id": curation.id, **{name: getattr(curation, name) for name in _FILE_FIELDS}}


def curations_json(curations: Iterable[Curation]) -> str:
    decisions = [{k: v for k, v in curation_to_dict(c).items() if k != "id"} for c in curations]
    return (
        json.dumps({"version": FILE_VERSION, "decisions": decisions}, ensure_ascii=False, indent=2)
        + "\n"
    )


def curations_from_json(text: str, source: str) -> list[Curation]:
    """The decisions of a file `curations_json` wrote; InputError naming what is wrong."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(source, f"not JSON ({exc})") from None
    items = data.get("decisions") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise InputError(source, 'not a decisions file: expected {"decisions": [...]}')
    found = []
    for number, item in enumerate(items, 1):
        if not isinstance(item, dict) or not all(
            isinstance(item.get(name, ""), str) for name in _FILE_FIELDS
        ):
            raise InputError(
                source,
                f"decision {number}: expected an object of strings ({', '.join(_FILE_FIELDS)})",
            )
        if not item.get("kind") or not item.get("target"):
            raise InputError(source, f"decision {number}: needs a kind and a target")
        found.append(Curation(**{name: item.get(name, "") for name in _FILE_FIELDS}))
    return found
