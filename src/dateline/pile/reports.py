"""Date the articles the date stage could not, from what the rest of the pile says.

A fact-checker dates an undated clipping by the events it reports that dated articles also
report: "seven weeks after a rocket struck the camp" and a dated report of the rocket give
the writing week; "on Thursday" inside that week gives the day. Here each sentence of an
undated article is matched by content (TF-IDF cosine) to dated sentences of the others;
each relative time phrase of a matched sentence becomes a window of writing days
(`relations.window_for`); a matched sentence with no time phrase only says "after" (past
tense) or "before" (planned). The windows vote, the article's own interval is a hard limit,
and a day is pinned only when the best-supported writing days narrow to one. A wrong day is
worse than none: votes that disagree, or come from a single sentence, leave the article as
the date stage left it; votes that agree on more than a day give it an interval only.

Words fail where the story is the same but the verbs differ ("seized" in one report,
"kidnapped" in the other). Rare names do not: an undated article that shares two names found
in few articles of the pile ("Nora Falk", "Port Halden") with a dated one tells the same
story, and its phrases that point back to an earlier event ("last Thursday", "a year after
the quake") may take that report's days on a looser match of words.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import heapq
import re
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import date, timedelta

from dateline.clean.datelines import DATELINE_PLACE
from dateline.cluster.vectors import (
    Vector,
    cosine,
    document_frequencies,
    idf_weights,
    vectorise,
)
from dateline.date.header import Stated, header_date, top_lines
from dateline.date.tense import FUTURE, PAST, first_verb, tense_of
from dateline.events.attach import mentions_in
from dateline.events.calendar import calendar_value
from dateline.model import (
    Article,
    PublicationDate,
    Sentence,
    TimeMention,
    each,
    headers,
    replaced,
    subset,
)
from dateline.pile.comments import first_comments
from dateline.pile.names import names
from dateline.pile.neighbours import ANCHOR_CONFIDENCE, date_from_pile
from dateline.pile.relations import MONTH_DAY, Window, between, refers_back, window_for
from dateline.timex import TimexValue

# Thresholds and weights were set on Timeline17 with a tenth of each topic's dates hidden
# (docs/benchmarks.md), choosing few wrong days over many days.
#
# A sentence finds the dated reports of its events at this TF-IDF cosine or above...
MIN_SIMILARITY = 0.3
MATCHES_PER_SENTENCE = 8
# ...and a time phrase takes the report whose dated clause is most like its own clause, at
# this cosine or above ("a visit last month, but seven weeks after a rocket struck": the
# rocket's day is not last month).
LOCAL_SIMILARITY = 0.3
# A phrase's clause also finds reports by itself when the rest of a long sentence is about
# something else; a clause is short, so it must match more closely.
CLAUSE_SIMILARITY = 0.35
# A sentence with no time phrase votes by its tense only when it matches this closely, and
# weakly: done → written after the report's day, planned → before it.
TENSE_SIMILARITY = 0.5
TENSE_STRENGTH = 0.3
# The lead reports the news of the last days: a done lead event the corpus dates came at
# most FRESH before writing. In Timeline17 the lead's weekday is the publication day for 71%
# of articles and the day before for 20%. This is the few sentences whose done events vote
# for a day near writing, not the events stage's lead (`events.extract.LEAD_SENTENCES`, five,
# the lead that undated events are read in): a narrower claim, so a shorter stretch.
FRESH_LEAD_SENTENCES = 3
FRESH = timedelta(days=3)
LEAD_STRENGTH = 0.5
# Any answer needs this much voting weight on its best days and this share of all weight;
# a pinned day also needs two-sided votes from two different sentences.
MIN_SUPPORT = 0.5
MIN_AGREEMENT = 0.5
MIN_SENTENCES = 2
# Without a pinned day the interval holds every day with this share of the best support.
LOOSE = 0.5
CORPUS_CONFIDENCE = 0.6  # times the agreement, for a pinned day
INTERVAL_CONFIDENCE = 0.3  # times the agreement, for an interval
# A yearless dateline day ("QADAR, April 15") is taken inside agreed days up to three weeks
# wide; wider, the year is the corpus's guess rather than its finding.
STATED_REACH = 21
# The sentences read per article: the news and its context come first.
MAX_SENTENCES = 40
# Two articles tell the same story when they share LINK_NAMES names that occur in at most
# RARE_NAME articles of the pile (a minister's name is in every report of the story; a
# hostage's is in the few about the kidnapping). A phrase that points back then takes a
# report of the linked article whose dated clause shares words with its own clause at
# LINKED_LOCAL or above, and votes with LINK_WEIGHT times its strength; the link stands as
# the second witness a pinned day needs. Set on the sample and Timeline17 (docs/benchmarks.md).
RARE_NAME = 5
LINK_NAMES = 2
LINKED_LOCAL = 0.2
LINK_WEIGHT = 0.5

# Where one clause of a sentence ends and the next begins.
_CLAUSE = re.compile(r"[,;:()]\s|\s[-–—]+\s|\s(?:but|and|while|whereas)\s")
# The evening or night of a day told as done.
_WEEKDAY_VALUE = re.compile(r"XXXX-WXX-([1-7])")
_NIGHT = re.compile(r"\b(?:evening|night|midnight|overnight)\b", re.I)
# "holding the port on Tuesday after a night of shelling": a night the news came after.
_NIGHT_BEFORE = re.compile(r"\b(?:after|following|since)\s+(?:a|the|an)?\s*\w*\s*$", re.I)
_POSSESSIVE = re.compile(r"['’]s\s")
_WHEN = re.compile(r"[,;]?\s+when\s")


@dataclasses.dataclass(frozen=True)
class _Fact:
    vector: Vector  # of the whole sentence, to find it
    local: Vector  # of the clause around its date, to tell which event the date is of
    day: date
    text: str
    article: str = ""  # set for a day only its article's year was guessed for


@dataclasses.dataclass(frozen=True)
class _Vote:
    window: Window
    weight: float
    evidence: str
    sentence: int  # start of the voting sentence
    linked: bool = False  # taken from an article sharing rare names
    spanned: bool = False  # a weekday a span from the report's day lands on


Again = Callable[[Article], Article]


def _as_is(article: Article) -> Article:
    return article


def date_from_corpus(articles: Sequence[Article], again: Again = _as_is) -> list[Article]:
    """`articles` with undated ones dated from dated reports of the same events.

    Run after the per-document stages. Articles the reports cannot place take the day of
    their likeliest dated neighbours (`pile`), or keep their own estimate. Only `published`
    changes, and `again` is how the caller runs the stages that read it (the pipeline's
    `again_after`; as it is, nothing runs again).
    """
    replaced = corpus_dates(articles, again)
    return [replaced.get(index, article) for index, article in enumerate(articles)]


def corpus_dates(articles: Sequence[Article], again: Again = _as_is) -> dict[int, Article]:
    """`date_from_corpus`'s answer as the articles it changes, by position: first from the
    first comment below a page (`comments`), then from dated reports of the same events,
    then what is still left from its likeliest dated neighbours (`pile`), then once more
    what the pile only guessed, against the days the pile read from the articles' own clues.
    Only `published` changes, and each changed article goes through `again` (the pipeline's
    re-run of the stages that read the day) before the next pass reads it.

    A pile's guess from an earlier run (method `pile`) is neither a report to date others by
    nor to be dated again, so the stage gives the same answer twice. The reports pass holds
    only the undated articles and reads the dated ones in passes (the pile may be a lazy
    corpus, `model.subset`); so does the pile pass.
    """
    commented = {index: again(new) for index, new in first_comments(articles).items()}
    articles = replaced(articles, commented)
    changed = _from_reports(articles)
    reported = replaced(articles, changed)
    undated = (i for i, a in enumerate(headers(reported)) if _undated(a))
    weekdays = {a.id: day for a in subset(reported, undated) if (day := _lead_weekday(a))}
    placed = date_from_pile(reported, weekdays)
    changed = {**commented,
               **{index: again(new) for index, new in {**changed, **placed}.items()}}  # fmt: skip
    # The pile's own-clue days (a yearless dateline read in the pile's year) are reports
    # too: what the pile could only guess, or not place, is read against them once more,
    # as it stood before the guess (a guessed month bounds nothing).
    guesses = {
        index: article.published
        for index, article in enumerate(headers(replaced(reported, placed)))
        if _guess(article)
    }
    if guesses and len(guesses) < len(articles):
        before = {index: reported[index] for index in guesses}
        for index, new in _from_reports(replaced(articles, changed), before).items():
            found = _within(new.published, guesses[index])
            if found is not None:
                changed[index] = again(dataclasses.replace(new, published=found))
    return changed


def _within(found: PublicationDate | None,
            pile: PublicationDate | None) -> PublicationDate | None:  # fmt: skip
    """What the reports add to the pile's answer. A day replaces the pile's guess, with the
    pile's month as its interval when it lies there (the looser, safer bound). Of an
    interval: a day the pile guessed stays; a month it gave without a day, which the
    interval holds, becomes the reports' (so the article's weekdays and dates are read
    inside it); else nothing."""
    if found is None or found.earliest is None or found.latest is None:
        return None
    if found.date is not None:
        if pile is None or pile.earliest is None or pile.latest is None:
            return found
        if not pile.earliest <= found.date <= pile.latest:
            return found
        return dataclasses.replace(found, earliest=pile.earliest, latest=pile.latest)
    if pile is None or pile.date is not None:
        return None if pile is not None else found
    if pile.earliest is None or pile.latest is None:
        return found
    if not found.earliest <= pile.earliest <= pile.latest <= found.latest:
        return None
    evidence = (*found.evidence, *pile.evidence)
    return dataclasses.replace(found, earliest=pile.earliest, latest=pile.latest,
                               likeliest=pile.likeliest, evidence=evidence)  # fmt: skip


def _guess(article: Article) -> bool:
    """Undated, or dated only by the pile's neighbours, not by the article's own clues."""
    published = article.published
    return _undated(article) or (
        published is not None and published.method == "pile"
        and published.confidence < ANCHOR_CONFIDENCE
    )  # fmt: skip


def _settled(article: Article) -> bool:
    return article.published is None or article.published.method != "pile"


def _from_reports(articles: Sequence[Article],
                  again: dict[int, Article] | None = None) -> dict[int, Article]:  # fmt: skip
    """The undated articles dated from dated reports of the same events, by position; or,
    `again`, the articles at those positions (as they stood before the pile's guess) dated
    from the others that are no guess."""
    if again is None:
        positions = [index for index, article in enumerate(headers(articles))
                     if _undated(article) and _settled(article)]  # fmt: skip
        if not positions or len(positions) == len(articles):
            return {}
        undated = [articles[index] for index in positions]
    else:
        positions, undated = list(again), list(again.values())
    df: Counter[str] = Counter()
    total = 0
    for counted, sentences in each(articles, _sentence_frequencies):
        df.update(counted)
        total += sentences
    idf = idf_weights(df, total)
    search = _Search(undated, idf)
    rare = _Names(articles, undated)
    linked: dict[str, list[_Fact]] = {a.id: [] for a in undated}
    # The join: each dated report is matched against the undated articles' queries and rare
    # names where it is (a worker, when the pile is on a cluster); what it matches comes
    # here, offered in pile order, so the best few per query are the same wherever it ran.
    offer = functools.partial(_matched, idf=idf, search=search, rare=rare, again=again is not None)
    for matched in each(articles, offer):
        if matched is None:
            continue
        count, kept, links, facts = matched
        for number, fact, scores in kept:
            search.keep(fact, scores, search.offered + number + 1)
        search.offered += count
        for other in links:
            linked[other].extend(facts)
    replaced = {a.id: _date_one(a, search, linked[a.id]) for a in undated}
    return {
        index: new
        for index, old in zip(positions, undated, strict=True)
        if (new := replaced[old.id]) is not old
    }


def _sentence_frequencies(article: Article) -> tuple[Counter[str], int]:
    """In how many of the article's sentences each term is, and how many it has."""
    return document_frequencies(s.text for s in article.sentences)


# What one dated report brings to the join: its facts' count, those like enough to some
# query (their number among its facts, the fact, its scores), the undated articles it shares
# rare names with, and its facts again when it shares them with any.
_Matched = tuple[int, list[tuple[int, "_Fact", dict["_Key", float]]], list[str], list["_Fact"]]


def _matched(
    article: Article, idf: dict[str, float], search: _Search, rare: _Names, again: bool
) -> _Matched | None:
    """One article's side of `_from_reports`' join; None for one that dates nothing."""
    if _undated(article) or (not _settled(article) and not again):
        return None
    # Only the year of the pile's guess is likely right: a guessed article's days count
    # where it states them ("on March 13"), never where it counts from its guessed day.
    facts = _facts(article, idf, stated=again and _guess(article))
    kept = [
        (number, fact, found) for number, fact in enumerate(facts) if (found := search.scores(fact))
    ]
    links = rare.links(article)
    return len(facts), kept, links, facts if links else []


def _facts(article: Article, idf: dict[str, float], stated: bool = False) -> list[_Fact]:
    """Each sentence of a dated article with each day it names, or the day its event got
    from the article (an undated lead sentence reports the news of its day); or, `stated`,
    only the days it states outright ("on March 13"), all but whose year the article gave."""
    starts = [s.start for s in article.sentences]
    found: dict[tuple[int, date], _Fact] = {}
    wholes: dict[int, Vector] = {}
    for m in article.timexes:
        if stated and m.anchor is not None:
            continue
        index = bisect.bisect_right(starts, m.start) - 1
        value = calendar_value(m.value)
        day = TimexValue.parse(value).day if value is not None else None
        if index < 0 or day is None:
            continue
        sentence = article.sentences[index]
        if m.end > sentence.end:
            continue
        if index not in wholes:
            wholes[index] = vectorise(sentence.text, idf)
        local = vectorise(clause(article.text, m.start, m.end, sentence), idf)
        found[(sentence.start, day)] = _Fact(wholes[index], local, day, sentence.text,
                                             article.id if stated else "")  # fmt: skip
    for event in article.events if not stated else ():
        day = TimexValue.parse(event.date).day
        if day is not None and event.date_source != "explicit":
            whole = vectorise(event.sentence.text, idf)
            found.setdefault((event.sentence.start, day),
                             _Fact(whole, whole, day, event.sentence.text))  # fmt: skip
    return list(found.values())


def _names_of(article: Article) -> tuple[str, set[str]]:
    return article.id, names(article.text)


class _Names:
    """Which undated articles tell the same story as a dated one, by the rare names they
    share: names found in few articles of the pile (counted once per distinct article)."""

    def __init__(self, articles: Sequence[Article], undated: list[Article]) -> None:
        counts: dict[str, int] = {}
        seen: set[str] = set()
        for article_id, found in each(articles, _names_of):
            if article_id in seen:
                continue
            seen.add(article_id)
            for name in found:
                counts[name] = counts.get(name, 0) + 1
        self.holders: dict[str, list[str]] = {}  # rare name -> the undated articles naming it
        for article in undated:
            for name in names(article.text):
                if counts[name] <= RARE_NAME:
                    self.holders.setdefault(name, []).append(article.id)

    def links(self, dated: Article) -> list[str]:
        """The undated articles sharing `LINK_NAMES` rare names with `dated`."""
        shared: dict[str, int] = {}
        for name in names(dated.text):
            for other in self.holders.get(name, ()):
                shared[other] = shared.get(other, 0) + 1
        return [other for other, count in shared.items() if count >= LINK_NAMES]


def clause(text: str, start: int, end: int, sentence: Sentence) -> str:
    """The clause of `sentence` holding text[start:end]: what a date in it is the date of;
    for a possessive date ("last month's leak at the dam opened"), what it owns."""
    if (owner := _POSSESSIVE.match(text, end, sentence.end)) is not None:
        return _owned(text, owner.end(), sentence.end)
    left = text[sentence.start : start]
    cuts = list(_CLAUSE.finditer(left))
    begin = sentence.start + (cuts[-1].end() if cuts else 0)
    stop = _CLAUSE.search(text, end, sentence.end)
    # "since last Wednesday, when the leak was found": a "when" clause tells what the date
    # was the day of, so it belongs to the date's clause.
    if stop is not None and _WHEN.match(text, stop.start(), sentence.end):
        stop = _CLAUSE.search(text, stop.end(), sentence.end)
    return text[begin : stop.start() if stop else sentence.end]


def _owned(text: str, start: int, stop: int) -> str:
    """The noun phrase a possessive date owns: up to its clause's end or first verb."""
    cut = _CLAUSE.search(text, start, stop)
    return text[start : first_verb(text, start, cut.start() if cut else stop)]


def _undated(article: Article) -> bool:
    return article.published is None or article.published.date is None


# A query: (article id, "sentence" or "clause", start offset of the sentence or phrase).
_Key = tuple[str, str, int]


class _Search:
    """The dated reports most like each sentence of the undated articles, and most like the
    clause of each of their time phrases.

    The undated side is the small one, so it is what gets indexed: the dated reports stream
    past once (`scores` where they are, `keep` here) and each query keeps only its best few,
    which bounds memory by the undated articles however large the corpus.
    """

    def __init__(self, undated: list[Article], idf: dict[str, float]) -> None:
        self.vectors: dict[_Key, Vector] = {}
        self.floors: dict[_Key, float] = {}
        for article in undated:
            for sentence in article.sentences[:MAX_SENTENCES]:
                key = (article.id, "sentence", sentence.start)
                self.vectors[key] = vectorise(sentence.text, idf)
                self.floors[key] = MIN_SIMILARITY
                for m in mentions_in(sentence, article.timexes):
                    key = (article.id, "clause", m.start)
                    text = clause(article.text, m.start, m.end, sentence)
                    self.vectors[key] = vectorise(text, idf)
                    self.floors[key] = CLAUSE_SIMILARITY
                    if _POSSESSIVE.match(article.text, m.end, sentence.end):
                        key = (article.id, "owned", m.start)
                        self.vectors[key] = self.vectors[(article.id, "clause", m.start)]
                        self.floors[key] = LOCAL_SIMILARITY
        # Queries find reports by their whole sentence; what a possessive date owns ("last
        # month's leak") finds them by the clause around their date.
        self.postings: dict[str, list[tuple[_Key, float]]] = {}
        self.local: dict[str, list[tuple[_Key, float]]] = {}
        for key, vector in self.vectors.items():
            for term, value in vector.items():
                kind = self.local if key[1] == "owned" else self.postings
                kind.setdefault(term, []).append((key, value))
        self.best: dict[_Key, list[tuple[float, int, _Fact]]] = {}
        self.offered = 0

    def scores(self, fact: _Fact) -> dict[_Key, float]:
        """How like `fact` each query is, for the queries it is like enough."""
        scores: dict[_Key, float] = {}
        for postings, vector in ((self.postings, fact.vector), (self.local, fact.local)):
            for term, value in vector.items():
                for key, weight in postings.get(term, ()):
                    scores[key] = scores.get(key, 0.0) + value * weight
        return {key: score for key, score in scores.items() if score >= self.floors[key]}

    def keep(self, fact: _Fact, scores: dict[_Key, float], offered: int) -> None:
        """Let `fact`, the `offered`-th report, into the best few of the queries it is like
        enough (`scores`)."""
        for key, score in scores.items():
            kept = self.best.setdefault(key, [])
            item = (score, -offered, fact)  # earlier reports win ties
            if len(kept) < MATCHES_PER_SENTENCE:
                heapq.heappush(kept, item)
            elif item > kept[0]:
                heapq.heapreplace(kept, item)

    def like(self, key: _Key) -> list[tuple[float, _Fact]]:
        """The reports most like query `key`, best first."""
        return [(score, fact) for score, _, fact in sorted(self.best.get(key, ()), reverse=True)]


def _date_one(article: Article, search: _Search, linked: list[_Fact]) -> Article:
    votes = []
    for number, sentence in enumerate(article.sentences[:MAX_SENTENCES]):
        votes.extend(_votes(article, sentence, number < FRESH_LEAD_SENTENCES, search, linked))
    found = _decide(article, votes)
    if found is None:
        return article
    return dataclasses.replace(article, published=found)


def _votes(article: Article, sentence: Sentence, lead: bool, search: _Search,
           linked: list[_Fact]) -> list[_Vote]:  # fmt: skip
    """What one sentence says about the writing day, given the dated reports like it.

    Each time phrase votes once, for the report (found by its sentence or by its own clause)
    whose dated clause is most like its own clause, else, if it points back, for the report
    of a same-story article most like it; a sentence without one votes by its tense, if it
    is news rather than background.
    """
    matches = search.like((article.id, "sentence", sentence.start))
    mentions = mentions_in(sentence, article.timexes)
    votes = []
    # A weekday a span counts to ("on Wednesday ... imposed two weeks earlier") is read
    # through that span only: matched alone it would take the earlier event's day.
    counted = {link.other.start for m in mentions if (link := between(article.text, m, mentions))}
    for mention in mentions:
        if mention.start in counted:
            continue
        key = (article.id, "clause", mention.start)
        local = search.vectors[key]
        owned = search.like((article.id, "owned", mention.start))
        best: tuple[float, Window, _Fact] | None = None
        others = [m for m in matches + search.like(key) if m[1].article != article.id]
        for _, fact in owned + others:
            near = cosine(local, fact.local)
            if near >= LOCAL_SIMILARITY and (best is None or near > best[0]):
                window = window_for(article.text, mention, sentence.text, fact.day, mentions)
                if window is not None:
                    best = (near, window, fact)
        if best is not None:
            near, window, fact = best
            reason = f"{window.reason} ({_quote(fact.text)})"
            # A span that lands on the sentence's weekday is checked twice (the span and
            # the weekday must agree): it votes as the two witnesses it is.
            twice = 2 if between(article.text, mention, mentions) else 1
            votes.append(_Vote(window, twice * near * window.strength, reason, sentence.start,
                               spanned=twice == 2))  # fmt: skip
        elif linked and refers_back(article.text, mention):
            votes.extend(_linked_vote(article, mention, sentence, local, linked))
    if votes or not matches or any(m.type in ("DATE", "TIME") for m in mentions):
        return votes
    score, fact = matches[0]
    days = [f.day for s, f in matches if s >= TENSE_SIMILARITY]
    # Background ("The blast killed 11 workers.") recurs in reports of many days: it says
    # nothing of when this one was written.
    if score < TENSE_SIMILARITY or max(days) - min(days) > FRESH:
        return []
    # The first verb cue of the sentence tells a report from a plan.
    tense = tense_of(sentence.text, 0, 0)
    if tense == PAST and lead:
        window = Window(
            fact.day,
            fact.day + FRESH,
            LEAD_STRENGTH,
            f"its lead reports as news what came {fact.day}",
        )
    elif tense == PAST:
        window = Window(fact.day, None, TENSE_STRENGTH, f"reports as done what came {fact.day}")
    elif tense == FUTURE:
        window = Window(None, fact.day, TENSE_STRENGTH, f"expects what came {fact.day}")
    else:
        return []
    return [
        _Vote(
            window,
            score * window.strength,
            f"{window.reason} ({_quote(fact.text)})",
            sentence.start,
        )
    ]


def _linked_vote(article: Article, mention: TimeMention, sentence: Sentence, local: Vector,
                 linked: list[_Fact]) -> list[_Vote]:  # fmt: skip
    """The vote of a phrase pointing back, for the same-story report most like its clause."""
    best: tuple[float, Window, _Fact] | None = None
    for fact in linked:
        near = cosine(local, fact.local)
        if near >= LINKED_LOCAL and (best is None or near > best[0]):
            window = window_for(article.text, mention, sentence.text, fact.day)
            if window is not None:
                best = (near, window, fact)
    if best is None:
        return []
    _, window, fact = best
    reason = f"{window.reason} (same story, {_quote(fact.text)})"
    return [_Vote(window, LINK_WEIGHT * window.strength, reason, sentence.start, linked=True)]


def _quote(text: str) -> str:
    return f'"{text[:80]}…"' if len(text) > 80 else f'"{text}"'


def _decide(article: Article, votes: list[_Vote]) -> PublicationDate | None:
    """The writing days the votes best agree on, inside the article's own interval."""
    own = article.published
    low = own.earliest if own is not None else None
    high = own.latest if own is not None else None
    bounds = [b for v in votes for b in (v.window.earliest, v.window.latest) if b is not None]
    if not bounds:
        return None
    start = max(min(bounds), low) if low else min(bounds)
    end = min(max(bounds), high) if high else max(bounds)
    if start > end:
        return None
    scores = _scores(votes, start, end)
    best = max(scores)
    total = sum(v.weight for v in votes)
    if best < MIN_SUPPORT or best / total < MIN_AGREEMENT:
        return None
    top = [i for i, s in enumerate(scores) if s >= best - 1e-9]
    first, last = start + timedelta(days=top[0]), start + timedelta(days=top[-1])
    agreement = best / total
    backing = [v for v in votes if _contains(v.window, first) and _contains(v.window, last)]
    evidence = ("dated from other articles of the corpus",
                *(v.evidence for v in sorted(backing, key=lambda v: -v.weight)[:3]))  # fmt: skip
    # One-sided votes ("after the 3rd", "before the 3rd") can meet in one day by chance, and
    # a sentence can be matched to the wrong report: any answer needs votes that bound it on
    # both sides, from two different sentences.
    bounded = [v for v in backing if v.window.earliest and v.window.latest]
    witnesses = (len({v.sentence for v in bounded}) + any(v.linked for v in bounded)
                 + any(v.spanned for v in bounded))  # fmt: skip
    if sum(v.weight for v in bounded) < MIN_SUPPORT or witnesses < MIN_SENTENCES:
        return None
    day = _pin(article, first, last, top[-1] - top[0] + 1 == len(top))
    if day is not None:
        # The day pinned is that of the news; a fifth of the time it is printed the next day.
        latest = max(last, day + timedelta(days=1))
        confidence = round(CORPUS_CONFIDENCE * agreement, 2)
        return PublicationDate(day, first, latest, confidence, evidence, "corpus", day, "day")
    # Without a firm day the interval is every day with half the best support, not just the
    # best: a single weak vote must not look like a narrow answer.
    loose = [i for i, s in enumerate(scores) if s >= best * LOOSE]
    first, last = start + timedelta(days=loose[0]), start + timedelta(days=loose[-1])
    middle = first + (last - first) / 2
    grain = "month" if (last - first).days <= 62 else "year"
    return PublicationDate(None, first, last, round(INTERVAL_CONFIDENCE * agreement, 2),
                           evidence, "corpus", middle, grain)  # fmt: skip


def _scores(votes: list[_Vote], start: date, end: date) -> list[float]:
    """Voting weight of each day from `start` to `end` (a sweep over window edges)."""
    length = (end - start).days + 1
    change = [0.0] * (length + 1)
    for vote in votes:
        earliest, latest = vote.window.earliest, vote.window.latest
        lo = max(0, (earliest - start).days) if earliest else 0
        hi = min(length - 1, (latest - start).days) if latest else length - 1
        if lo <= hi:
            change[lo] += vote.weight
            change[hi + 1] -= vote.weight
    scores, running = [], 0.0
    for delta in change[:length]:
        running += delta
        scores.append(running)
    return scores


def _contains(window: Window, day: date) -> bool:
    return (window.earliest is None or window.earliest <= day) and (
        window.latest is None or day <= window.latest
    )


def _pin(article: Article, first: date, last: date, contiguous: bool) -> date | None:
    """The writing day when the agreed days allow only one: a single day, a yearless
    dateline ("QADAR, April 15") that falls inside them, or the one day of the weekday the
    lead reports its news on."""
    if not contiguous:
        return None
    if first == last:
        return first
    stated = header_date(article.header) or header_date(top_lines(article.text)) \
        or _text_dateline(article)  # fmt: skip
    if stated is not None and stated.year is None and (last - first).days <= STATED_REACH:
        days = {d for y in range(first.year, last.year + 1)
                if (d := stated.on(y)) is not None and first <= d <= last}  # fmt: skip
        return days.pop() if len(days) == 1 else None
    if (last - first).days > 6:
        return None
    lead = _lead_weekday(article)
    if lead is None:
        return None
    week = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    matching = [d for d in week if d.isoweekday() == lead]
    return matching[0] if len(matching) == 1 else None


def _text_dateline(article: Article) -> Stated | None:
    """A yearless day opening the text after a place in capitals ("QADAR, April 15 —")."""
    first = article.timexes[0] if article.timexes else None
    if first is None or (m := MONTH_DAY.match(first.value)) is None:
        return None
    if not DATELINE_PLACE.match(article.text[: first.start]):
        return None
    return Stated(None, int(m.group(1)), int(m.group(2)), first.text)


def _lead_weekday(article: Article) -> int | None:
    """The weekday of the news the lead reports as done ("on Thursday decided"), if any;
    the day after it when the lead goes on into that day's evening or night ("was closed
    on Wednesday evening", "worked through the night"), not a night it came after ("on
    Tuesday after a night of shelling"): the report was written after it."""
    lead = article.sentences[:FRESH_LEAD_SENTENCES]
    lead_end = lead[-1].end if lead else len(article.text)
    for mention in article.timexes:
        if mention.start >= lead_end:
            break
        if ((named := _WEEKDAY_VALUE.fullmatch(mention.value))
                and "last" not in mention.text.lower()
                and tense_of(article.text, mention.start, mention.end) == PAST):  # fmt: skip
            weekday = int(named[1])
            start = next(s.start for s in lead if s.end >= mention.end)
            late = any(
                not _NIGHT_BEFORE.search(
                    article.text, max(start, night.start() - 16), night.start()
                )
                for night in _NIGHT.finditer(article.text, start, lead_end)
            )
            return weekday % 7 + 1 if late else weekday
    return None
