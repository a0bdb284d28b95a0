"""The people, organisations and places each entry names, and entries filtered by them.

A sentence alone often cannot tell what a name is ("Holm met Varga"); the timeline as a whole
usually can: somewhere a source says "Defence Minister Anna Holm" or "in Brenna". So every
cited sentence is read (`events.entities`), each name takes the kind its cued mentions give
most often, and a bare surname becomes the one full name in the timeline that ends with it.
A name nothing sorts is left out rather than guessed.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace

from dateline.model import Entity, TimelineEntry
from dateline.select.entities import ORGANISATION, PERSON, PLACE, NameMention, find_entities

WHO = (PERSON, ORGANISATION)
WHERE = (PLACE,)


def name_entities(entries: Sequence[TimelineEntry]) -> tuple[TimelineEntry, ...]:
    """The entries, each with the entities its sources' sentences name."""
    found = [[(c, find_entities(c.sentence)) for c in entry.sources] for entry in entries]
    kinds = _kinds(m for sources in found for _, mentions in sources for m in mentions)
    surnames = _surnames(kinds)
    named = []
    for entry, sources in zip(entries, found, strict=True):
        entities: dict[tuple[str, str], Entity] = {}
        for citation, mentions in sources:
            for mention in mentions:
                name = surnames.get(mention.name, mention.name)
                kind = kinds.get(name, "")
                if kind and (name, citation.document) not in entities:
                    entities[(name, citation.document)] = Entity(
                        name, kind, citation.document, citation.sentence
                    )
        named.append(replace(entry, entities=tuple(entities.values())))
    return tuple(named)


def _kinds(mentions: Iterable[NameMention]) -> dict[str, str]:
    """Each name's kind: the most frequent cued one, else the guess, else none."""
    cued: dict[str, Counter[str]] = defaultdict(Counter)
    guessed: dict[str, Counter[str]] = defaultdict(Counter)
    for mention in mentions:
        (cued if mention.cued else guessed)[mention.name][mention.kind] += 1
    kinds = {}
    for name in set(cued) | set(guessed):
        votes = cued.get(name) or guessed[name]
        kind, _ = max(votes.items(), key=lambda kv: (kv[1], kv[0]))
        if kind:
            kinds[name] = kind
    return kinds


def _surnames(kinds: dict[str, str]) -> dict[str, str]:
    """A one-word name -> the only person's full name in the timeline ending with it."""
    by_last: dict[str, list[str]] = defaultdict(list)
    for name, kind in kinds.items():
        if kind == PERSON and len(name.split()) > 1:
            by_last[name.split()[-1]].append(name)
    return {last: names[0] for last, names in by_last.items() if len(names) == 1}


def names(entity: str, asked: str) -> bool:
    """Whether an entity's name is the one asked for: every word asked, in any case."""
    have = {w.lower() for w in entity.split()}
    return all(w.lower() in have for w in asked.split())


def naming(
    entries: Sequence[TimelineEntry], who: str | None = None, where: str | None = None
) -> tuple[TimelineEntry, ...]:
    """The entries that name `who` (a person or organisation) and `where` (a place).

    The timeline is chosen first and filtered after, so an entity's timeline shows the same
    entries, with the same sources, as the whole one: narrowing the pile first would let
    redundancy among fewer reports drop some of them.
    """

    def keep(entry: TimelineEntry) -> bool:
        return all(
            asked is None or any(e.kind in kinds and names(e.name, asked) for e in entry.entities)
            for asked, kinds in ((who, WHO), (where, WHERE))
        )

    return tuple(e for e in entries if keep(e))
