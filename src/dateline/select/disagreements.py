"""Where an entry's sources disagree.

An entry gathers reports of one event from several articles (`select.entries`). They may give
different amounts for the same thing ("600 troops" against "about 1,000 troops"), different
days for the event, or a different actor doing it. Each disagreement keeps every source's own
words side by side; two numbers are never merged into one. Amounts agree when the values
their words allow meet (`events.amounts`), so "more than 500" and "600" agree. A different
day is looked for beyond the entry's own date: reports in other articles, worded like the
entry, that state another day close to it.
"""

from __future__ import annotations

import datetime
import functools
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from dateline.cluster.vectors import (
    Vector,
    cosine,
    document_frequencies,
    idf_weights,
    vectorise,
)
from dateline.events.amounts import Amount, find_amounts
from dateline.events.frame import is_verb_form, predicate
from dateline.model import (
    Article,
    Citation,
    Claim,
    Disagreement,
    Event,
    TimelineEntry,
    each,
    headers,
    subset,
)
from dateline.select.entities import ORGANISATION, PERSON, TITLES, find_entities
from dateline.timex import TimexValue

# Cosine above which another article's sentence reports the entry's event: it joins the
# entry's sources (`entries.py`) and is compared with them here. Tuned by hand on our own
# paraphrase pairs ("Japan sends 600 troops" written three ways): paraphrases score
# 0.35-0.6, different events of one story 0.05-0.25.
MERGE_THRESHOLD = 0.35

# Days apart two reports of one event may date it: outlets that misdate an event are a day or
# two out; past this, similar sentences are the next event (a second convoy, a new toll).
DATE_WINDOW = 3
# Reports of one day compared with an entry at most: a hot day of a big pile is sampled.
MAX_PER_DAY = 300
# Cosine past which two reports tell one event whatever their verbs (half again the wording
# threshold: paraphrases of one event in our pile score 0.5-0.9).
SAME_WORDING = 0.6


def flag_disagreements(
    entries: Sequence[TimelineEntry], articles: Sequence[Article]
) -> tuple[TimelineEntry, ...]:
    """The entries, each with the disagreements among its sources.

    `articles` includes the copies the entries do not cite: a copy of a wire story that
    changes a number or a day is a second account to set beside the first.
    """
    other_days = _other_days(entries, articles)
    cited = {c.document for e in entries for c in e.sources}
    named = cited | {e.article_id for found in other_days.values() for e in found}
    # Only the articles read here are loaded: a lazy pile larger than memory stays on disk.
    read = subset(
        articles,
        (i for i, a in enumerate(headers(articles)) if a.id in named or a.duplicate_of in cited),
    )
    by_id = {a.id: a for a in read}
    copies: dict[str, list[Article]] = defaultdict(list)
    for article in read:
        if article.duplicate_of is not None:
            copies[article.duplicate_of].append(article)
    flagged = []
    for number, entry in enumerate(entries):
        told = _with_copies(entry, copies)
        found = [
            *_quantities(told, by_id),
            *_dates(told, by_id, other_days.get(number, [])),
            *_actors(told),
        ]
        flagged.append(replace(entry, disagreements=tuple(found)))
    return tuple(flagged)


def _with_copies(entry: TimelineEntry, copies: dict[str, list[Article]]) -> TimelineEntry:
    """The entry citing, beside each source, that source's copies' sentence worded most like
    the cited one."""
    added = []
    for document, citations in _by_document(entry).items():
        cited = vectorise(citations[0].sentence, {})
        for copy in copies.get(document, []):
            alike, best = max(
                ((cosine(cited, vectorise(s.text, {})), s) for s in copy.sentences),
                key=lambda pair: pair[0],
                default=(0.0, None),
            )
            if best is not None and alike >= MERGE_THRESHOLD:
                added.append(Citation(copy.id, best.text, best.start, best.end))
    return replace(entry, sources=(*entry.sources, *added)) if added else entry


def _by_document(entry: TimelineEntry) -> dict[str, list[Citation]]:
    grouped: dict[str, list[Citation]] = defaultdict(list)
    for citation in entry.sources:
        grouped[citation.document].append(citation)
    return grouped


def time_spans(article: Article | None, citation: Citation) -> tuple[tuple[int, int], ...]:
    """The time expressions of a cited sentence, in sentence offsets: no amount is in them."""
    if article is None:
        return ()
    return tuple(
        (t.start - citation.start, t.end - citation.start)
        for t in article.timexes
        if citation.start <= t.start and t.end <= citation.end
    )


def _quantities(entry: TimelineEntry, by_id: dict[str, Article]) -> list[Disagreement]:
    """Units two sources both count, with values that cannot both be true."""
    counted: dict[str, dict[str, list[tuple[Amount, Citation]]]] = defaultdict(dict)
    for document, citations in _by_document(entry).items():
        for citation in citations:
            skip = time_spans(by_id.get(document), citation)
            for amount in find_amounts(citation.sentence, skip):
                if amount.unit:
                    counted[amount.unit].setdefault(document, []).append((amount, citation))
    found = []
    for unit, per_document in counted.items():
        documents = list(per_document)
        clash = any(
            not any(a.meets(b) for a, _ in per_document[x] for b, _ in per_document[y])
            for i, x in enumerate(documents)
            for y in documents[i + 1 :]
        )
        if clash:
            claims = tuple(
                Claim(doc, amount.words, citation.sentence, entry.date)
                for doc, pairs in per_document.items()
                for amount, citation in pairs[:1]
            )
            found.append(Disagreement("quantity", unit, claims))
    return found


def _agent(sentence: str) -> tuple[str, str, str] | None:
    """Who does the sentence's deed, and the deed: the person or organisation nearest before
    its first lower-case verb form ("United" in "United Nations" is a name; in "Following a
    United Nations mandate, NATO began ..." NATO began), and that verb."""
    verb = next((m for m in re.finditer(r"\b[a-z]+\b", sentence) if is_verb_form(m.group())), None)
    cut = verb.start() if verb else len(sentence)
    before = [
        m for m in find_entities(sentence) if m.start < cut and m.kind in (PERSON, ORGANISATION)
    ]
    if not before:
        return None
    return before[-1].name, before[-1].kind, verb.group() if verb else ""


def _same_name(a: str, b: str) -> bool:
    """ "Anna Holm", "Holm" and "Ms Holm" are one person; titles alone never match."""
    words = lambda name: {w.lower() for w in name.split() if w not in TITLES}  # noqa: E731
    return bool(words(a) & words(b))


def _actors(entry: TimelineEntry) -> list[Disagreement]:
    """Sources that give the same deed (verb) to different doers of one kind."""
    agents: dict[str, tuple[str, str, str, Citation]] = {}
    for document, citations in _by_document(entry).items():
        agent = _agent(citations[0].sentence)
        if agent is not None:
            agents[document] = (*agent, citations[0])
    documents = list(agents)
    clash = any(
        agents[x][1:3] == agents[y][1:3] and not _same_name(agents[x][0], agents[y][0])
        for i, x in enumerate(documents)
        for y in documents[i + 1 :]
    )
    if not clash:
        return []
    claims = tuple(
        Claim(doc, name, citation.sentence, entry.date)
        for doc, (name, _, _, citation) in agents.items()
    )
    return [Disagreement("actor", "who", claims)]


def _day(value: str) -> datetime.date | None:
    return TimexValue.parse(value).day


def _stated(article: Article | None, citation: Citation, date: str) -> str:
    """The words of the cited sentence that state `date`, if any."""
    if article is None:
        return ""
    for t in article.timexes:
        if citation.start <= t.start and t.end <= citation.end and t.value[:10] == date:
            return t.text
    return ""


def _dates(
    entry: TimelineEntry, by_id: dict[str, Article], others: list[Event]
) -> list[Disagreement]:
    """The entry's day as its sources state it, against other days other reports state."""
    if not others:
        return []
    own = []
    for document, citations in _by_document(entry).items():
        words = _stated(by_id.get(document), citations[0], entry.date)
        if words:
            own.append(Claim(document, words, citations[0].sentence, entry.date))
    if not own:
        return []
    theirs = []
    for event in others:
        citation = Citation(
            event.article_id, event.sentence.text, event.sentence.start, event.sentence.end
        )
        words = _stated(by_id.get(event.article_id), citation, event.date)
        theirs.append(Claim(event.article_id, words, event.sentence.text, event.date))
    return [Disagreement("date", "date", (*own, *theirs))]


def _stated_near(article: Article, near: set[datetime.date]) -> list[tuple[datetime.date, Event]]:
    """The article's reports that state one of the days `near`, with that day."""
    found = []
    for event in article.events:
        day = _day(event.date)
        if (
            day is not None
            and day in near
            and event.date_source == "explicit"
            and not event.planned
            and not event.background
        ):
            found.append((day, event))
    return found


def _other_days(
    entries: Sequence[TimelineEntry], articles: Sequence[Article]
) -> dict[int, list[Event]]:
    """For each entry dated to the day, reports of its event in articles it does not cite
    that state another day within DATE_WINDOW: one per article, the most alike."""
    days = {i: d for i, e in enumerate(entries) if (d := _day(e.date)) and not e.planned}
    near = {
        d + datetime.timedelta(days=k)
        for d in days.values()
        for k in range(-DATE_WINDOW, DATE_WINDOW + 1)
    }
    by_day: dict[datetime.date, list[Event]] = defaultdict(list)
    for stated in each(articles, functools.partial(_stated_near, near=near)):
        for day, event in stated:
            by_day[day].append(event)
    # A hot day of a big pile is sampled evenly, as `entries.MAX_POOL` samples a date's pool.
    by_day = {d: events[:: max(1, len(events) // MAX_PER_DAY)] for d, events in by_day.items()}
    if not by_day:
        return {}
    df, total = document_frequencies(
        [e.sentence.text for events in by_day.values() for e in events]
        + [entries[i].summary for i in days]
    )
    idf = idf_weights(df, total)
    vectors: dict[tuple[str, int], Vector] = {}
    found: dict[int, list[Event]] = {}
    for index, day in days.items():
        entry = entries[index]
        cited = {c.document for c in entry.sources}
        summary = vectorise(entry.summary, idf)
        best: dict[str, tuple[float, Event]] = {}
        for offset in range(-DATE_WINDOW, DATE_WINDOW + 1):
            for event in by_day.get(day + datetime.timedelta(days=offset), []) if offset else []:
                if event.article_id in cited:
                    continue
                key = (event.article_id, event.sentence.start)
                if key not in vectors:
                    vectors[key] = vectorise(event.sentence.text, idf)
                alike = cosine(summary, vectors[key])
                if (
                    _one_event(alike, entry, event)
                    and alike > best.get(event.article_id, (0.0, event))[0]
                ):
                    best[event.article_id] = (alike, event)
        if best:
            found[index] = [event for _, event in best.values()]
    return found


def _one_event(alike: float, entry: TimelineEntry, event: Event) -> bool:
    """Reports worded alike tell one event when they also tell the same deed, or are worded
    near the same throughout: names and places alone are shared by a story's next events."""
    if alike < MERGE_THRESHOLD:
        return False
    return alike >= SAME_WORDING or predicate(entry.summary) == predicate(event.sentence.text)
