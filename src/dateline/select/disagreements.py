"""Where an entry's sources disagree, and how a number moves over the story.

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
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from dateline.cluster.events import MERGE_THRESHOLD
from dateline.cluster.vectors import (
    Vector,
    cosine,
    document_frequencies,
    idf_weights,
    vectorise,
)
from dateline.events.amounts import Amount, find_amounts
from dateline.events.entities import ORGANISATION, PERSON, PLACE, TITLES, find_entities
from dateline.events.frame import is_verb_form, predicate
from dateline.model import Article, Change, Citation, Claim, Disagreement, Event, TimelineEntry

# Days apart two reports of one event may date it: outlets that misdate an event are a day or
# two out; past this, similar sentences are the next event (a second convoy, a new toll).
DATE_WINDOW = 3
# Reports of one day compared with an entry at most: a hot day of a big pile is sampled.
MAX_PER_DAY = 300
# Cosine past which two reports tell one event whatever their verbs (half again the wording
# threshold: paraphrases of one event in our pile score 0.5-0.9).
SAME_WORDING = 0.6
# Articles read for a running count's points: an evenly spread sample past this (a series
# needs a handful of points, and a 100k pile would cost a minute read whole).
MAX_SERIES_ARTICLES = 2000
# Words that make a count a running total rather than one incident's.
_RUNNING = re.compile(r"\b(?:toll|total|so far|in all|altogether|to date|overall|since|"
                      r"(?:has|have) (?:now )?(?:been|risen|reached|climbed)|rose|risen|"
                      r"climbed|reached)\b", re.IGNORECASE)
# Changes listed per timeline: the amounts reported on the most dates.
MAX_CHANGES = 5


def flag_disagreements(
    entries: Sequence[TimelineEntry], articles: Sequence[Article]
) -> tuple[TimelineEntry, ...]:
    """The entries, each with the disagreements among its sources.

    `articles` includes the copies the entries do not cite: a copy of a wire story that
    changes a number or a day is a second account to set beside the first.
    """
    by_id = {a.id: a for a in articles}
    copies: dict[str, list[Article]] = defaultdict(list)
    for article in articles:
        if article.duplicate_of is not None:
            copies[article.duplicate_of].append(article)
    other_days = _other_days(entries, articles)
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
                key=lambda pair: pair[0], default=(0.0, None),
            )
            if best is not None and alike >= MERGE_THRESHOLD:
                added.append(Citation(copy.id, best.text, best.start, best.end))
    return replace(entry, sources=(*entry.sources, *added)) if added else entry


def _by_document(entry: TimelineEntry) -> dict[str, list[Citation]]:
    grouped: dict[str, list[Citation]] = defaultdict(list)
    for citation in entry.sources:
        grouped[citation.document].append(citation)
    return grouped


def _skip(article: Article | None, citation: Citation) -> tuple[tuple[int, int], ...]:
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
            skip = _skip(by_id.get(document), citation)
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
    verb = next((m for m in re.finditer(r"\b[a-z]+\b", sentence) if is_verb_form(m.group())),
                None)
    cut = verb.start() if verb else len(sentence)
    before = [m for m in find_entities(sentence)
              if m.start < cut and m.kind in (PERSON, ORGANISATION)]
    if not before:
        return None
    return before[-1].name, before[-1].kind, verb.group() if verb else ""


def _same_name(a: str, b: str) -> bool:
    """"Anna Holm", "Holm" and "Ms Holm" are one person; titles alone never match."""
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
    claims = tuple(Claim(doc, name, citation.sentence, entry.date)
                   for doc, (name, _, _, citation) in agents.items())
    return [Disagreement("actor", "who", claims)]


def _day(value: str) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if len(value) == 10 else None


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
        citation = Citation(event.article_id, event.sentence.text, event.sentence.start,
                            event.sentence.end)
        words = _stated(by_id.get(event.article_id), citation, event.date)
        theirs.append(Claim(event.article_id, words, event.sentence.text, event.date))
    return [Disagreement("date", "date", (*own, *theirs))]


def _other_days(
    entries: Sequence[TimelineEntry], articles: Sequence[Article]
) -> dict[int, list[Event]]:
    """For each entry dated to the day, reports of its event in articles it does not cite
    that state another day within DATE_WINDOW: one per article, the most alike."""
    days = {i: d for i, e in enumerate(entries) if (d := _day(e.date)) and not e.planned}
    near = {d + datetime.timedelta(days=k) for d in days.values()
            for k in range(-DATE_WINDOW, DATE_WINDOW + 1)}
    by_day: dict[datetime.date, list[Event]] = defaultdict(list)
    for article in articles:
        for event in article.events:
            day = _day(event.date)
            if day in near and event.date_source == "explicit" and not event.planned \
                    and not event.background:
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
                if _one_event(alike, entry, event) and \
                        alike > best.get(event.article_id, (0.0, event))[0]:
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


def changes(entries: Sequence[TimelineEntry], articles: Sequence[Article]) -> tuple[Change, ...]:
    """How each amount the timeline reports for one of its places moves from day to day.

    A series is a counted thing in a place that an entry reports ("dead in Korvel"); its
    points come from the entries and every dated report of the pile naming that place and
    counting that thing, one per day (an entry's first), in the reports' own words: a count
    updated day by day is rarely an entry each day, since its reports repeat each other.
    Amounts of one unit in different places are different things and never one series.
    """
    places = {e.name for entry in entries for e in entry.entities if e.kind == PLACE}
    wanted: set[tuple[str, str]] = set()
    for entry in entries:
        for citation in entry.sources:
            places_named = {p for p in places if _names_place(citation.sentence, p)}
            for amount in find_amounts(citation.sentence):
                if amount.unit not in ("", "percent"):
                    wanted.update((amount.unit, p) for p in places_named)
    if not wanted:
        return ()
    series: dict[tuple[str, str], dict[str, Claim]] = defaultdict(dict)
    values: dict[tuple[str, str], set[tuple[float, float]]] = defaultdict(set)
    by_id = {a.id: a for a in articles}
    counted_places = {p for _, p in wanted}
    # The entries' own sentences first (what the timeline shows), then the pile's reports.
    told = [(c, e.date) for e in entries if len(e.date) == 10 and not e.planned
            for c in e.sources[:1]]
    told += _running_reports(articles, counted_places)
    for citation, date in told:
        named = [p for p in counted_places if _names_place(citation.sentence, p)]
        if not named:
            continue
        for amount in find_amounts(citation.sentence, _skip(by_id.get(citation.document),
                                                            citation)):
            for place in named:
                key = (amount.unit, place)
                if key in wanted and date not in series[key] and _adds_to(
                        series[key], citation.sentence, amount):
                    series[key][date] = Claim(citation.document, amount.words,
                                              citation.sentence, date)
                    values[key].add((amount.low, amount.high))
    moving = [
        Change(f"{unit} in {place}", _running(claims))
        for (unit, place), claims in series.items()
        if len(_running(claims)) >= 2 and len(values[(unit, place)]) >= 2
    ]
    moving = [c for c in moving if len({c.words for c in c.claims}) >= 2]
    moving.sort(key=lambda c: (-len(c.claims), c.about))
    return tuple(moving[:MAX_CHANGES])


def _running_reports(
    articles: Sequence[Article], places: set[str]
) -> list[tuple[Citation, str]]:
    """Sentences of the pile that name one of `places`, give a running total and state or
    report a day, with that day; an evenly spread sample of a big pile is read."""
    found = []
    originals = [a for a in articles if a.duplicate_of is None]
    for article in originals[:: max(1, len(originals) // MAX_SERIES_ARTICLES)]:
        if not any(p in article.text for p in places):
            continue
        days = {e.sentence.start: e.date for e in article.events
                if len(e.date) == 10 and not e.planned and not e.background}
        stated = sorted((t.start, t.value[:10]) for t in article.timexes
                        if t.type == "DATE" and _day_value(t.value))
        for sentence in article.sentences:
            if not _RUNNING.search(sentence.text):
                continue
            day = days.get(sentence.start) or next(
                (v for at, v in stated if sentence.start <= at < sentence.end), None)
            if day is not None:
                found.append((Citation(article.id, sentence.text, sentence.start,
                                       sentence.end), day))
    return found


def _day_value(value: str) -> bool:
    return len(value) >= 10 and value[4] == "-" and value[7] == "-" and value[:4].isdigit()


def _adds_to(series: dict[str, Claim], sentence: str, amount: Amount) -> bool:
    """A count joins a series when it is its first, or when its sentence gives a running
    total ("the toll rose to 40", "have been killed since March"): a count of one more
    incident ("killed 270 people on Friday") is news of its own, not the running count."""
    return not series or _RUNNING.search(sentence) is not None


def _running(claims: dict[str, Claim]) -> tuple[Claim, ...]:
    """The series in date order, without the counts that fall below one already reached:
    a running total does not shrink, and a lower figure after a higher one is one source
    disagreeing with another, which entries flag, not a change."""
    kept: list[Claim] = []
    reached = -1.0
    for date in sorted(claims):
        amounts = find_amounts(claims[date].words)
        value = amounts[0].high if amounts else 0.0
        if value >= reached:
            kept.append(claims[date])
            reached = value
    return tuple(kept)


def _names_place(sentence: str, place: str) -> bool:
    return place in sentence and re.search(rf"\b{re.escape(place)}\b", sentence) is not None
