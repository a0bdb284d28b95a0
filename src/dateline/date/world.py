"""What the world knows about when an article was written.

"Chancellor Olaf Scholz said" can only be written while Scholz is chancellor; "former
President Obama" only after Obama left office; "since the Arab Spring" only after it began.
The facts come from a table shipped with the package (`data/world.tsv.gz`: who held which
office when, and dated events, each row naming its Wikidata item and the copy it was read
from; `tools/build_world.py` builds it, `docs/world-knowledge.md` says from what).

A mention binds time only when a title the office is known by stands right before the
holder's name ("German Chancellor Angela Merkel", "former Prime Minister David Cameron") or
right after it ("Hosni Mubarak, the Egyptian president,"). A surname alone ("Chancellor
Scholz") counts when the full name is written elsewhere in the article. Writers name holders
by their titles when telling the past too, so only the term's start binds when the sentence
is dated, possessive or about a fall ("President Clinton's labor secretary", "toppled
President Mubarak"), and the term's end binds nothing when the article writes a year from it
on. The table knows cabinets from 2000 and terms begun before its copy was made (`as_of`):
a term's start binds only an article that writes a year from it on, and an article writing a
year from `as_of` on may report a later term.
"""

from __future__ import annotations

import csv
import dataclasses
import gzip
import io
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources

from dateline.date.guess import granularity
from dateline.english import MONTH_ABBREVIATIONS, MONTH_NAMES
from dateline.model import PublicationDate

TABLE = "world.tsv.gz"
# Days a title may outlast its term: a story written the day after a handover may still call
# the outgoing holder by it.
TITLE_GRACE = timedelta(days=7)
# The first year the table covers for every office it holds (heads of state and government
# reach back further; cabinets start in 2000).
COVERED_FROM = 2000

# English titles by office kind, as news writes them before a name.
_TITLES = {
    "head_of_state": r"president|king|queen|emperor|emir|sultan|monarch|supreme leader"
    r"|head of state",
    "head_of_government": r"prime minister|premier|chancellor|taoiseach",
    "vice_president": r"vice[- ]president",
    "defence": r"defen[cs]e (?:minister|secretary|chief)|minister (?:of|for) (?:national )?"
    r"defen[cs]e|secretary of (?:state for )?defen[cs]e|armed forces minister",
    "foreign": r"foreign (?:minister|secretary|affairs minister)|secretary of state"
    r"|external affairs minister|minister (?:of|for) (?:foreign|external) affairs"
    r"|international relations minister|minister of international relations",
    "finance": r"finance (?:minister|secretary)|treasury secretary|secretary of the treasury"
    r"|chancellor(?: of the exchequer)?|treasurer|economy minister"
    r"|minister (?:of|for) (?:the )?(?:finance|economy)",
    "central_bank": r"(?:central bank|fed|federal reserve|reserve bank|bank of \w+) "
    r"(?:governor|chairman|chairwoman|chair|president)|(?:fed|federal reserve) chief",
    "un": r"(?:UN |U\.N\. |United Nations )?secretary[- ]general|UN chief|U\.N\. chief",
}
_KIND_OF_TITLE = {kind: re.compile(rf"(?:{words})", re.I) for kind, words in _TITLES.items()}
_ANY_TITLE = "|".join(sorted((f"(?:{w})" for w in _TITLES.values()), key=len, reverse=True))
# A title ending where a name begins; the words just before it may be a country ("U.S.",
# "Egypt's", "German") or what the holder is now ("former", "then-").
_TITLE_BEFORE = re.compile(rf"(?<![\w-])(?P<title>{_ANY_TITLE})(?P<elect>-elect)?[ \t]+$", re.I)
_TITLE_AFTER = re.compile(
    rf"^,[ \t]+(?:the[ \t]+|a[ \t]+)?(?P<lead>(?:[\w.'’-]+[ \t]+){{0,3}}?)(?P<title>{_ANY_TITLE})"
    r"(?P<elect>-elect)?\b(?![- ]?(?:of the (?!united)[a-z]|general\b))",
    re.I,
)
# Words right before a title that make it another office ("Vice Premier", "Deputy Prime
# Minister") or say the holder no longer holds it.
_LEAD_WORDS = re.compile(r"[\w.'’-]+", re.I)
_OTHER_OFFICE = frozenset(
    {"vice", "deputy", "shadow", "assistant", "junior", "under", "associate", "first-deputy",
     "regional", "provincial", "state", "party", "opposition", "student", "club", "honorary"}
)  # fmt: skip
_FORMER = frozenset({"former", "ex", "erstwhile", "onetime", "one-time"})
_THEN = frozenset({"then", "late", "future", "incoming", "designate"})
_PARTICLES = frozenset(
    {"al", "el", "bin", "ibn", "da", "de", "do", "dos", "das", "van", "von", "der", "den",
     "la", "le", "di", "del", "du"}
)  # fmt: skip
# Family name first in English text for these countries' holders ("President Xi").
_FAMILY_FIRST = frozenset({"China", "South Korea", "North Korea", "Vietnam", "Taiwan"})
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
# A year or a month named in the same sentence dates what the holder did there, in the past
# as often as not ("toppled Egyptian President Hosni Mubarak on February 12").
_DATED = re.compile(
    r"\b(?:1[89]\d\d|20\d\d|"
    + "|".join(m.capitalize() for m in MONTH_NAMES)
    + r"|(?:"
    + "|".join(a.capitalize() for a in MONTH_ABBREVIATIONS)
    + r")\.)(?!\w)"
)
_SENTENCE_END = re.compile(r"[.!?]\s|\n")
_POSSESSIVE = re.compile(r"\s?['’]s?\b")
_FALL = re.compile(
    r"\b(?:fall|ouster|overthrow|downfall|resignation|death|end|toppl\w*|oust\w*|depos\w*"
    r"|forc\w* out|forced|succeed\w*|replac\w*|predecessor)\b"
    r"(?:\s+(?:of|the))*\W*(?:[\w.'’-]+\W+){0,3}$",
    re.I,
)
_EVENT_AFTER = re.compile(
    r"(?:since|after|following|in the wake of|aftermath of|wake of)\s+(?:the\s+)?$", re.I
)


@dataclass(frozen=True)
class Fact:
    """One row of the table: an office held over a term, or a dated event."""

    id: str
    type: str  # "office" or "event"
    name: str
    aliases: tuple[str, ...]  # other names the holder goes by
    qid: str
    office: str
    kind: str
    country: str
    start: date  # the first day the term may have begun
    end: date | None  # the last day it may have ended; None while it ran on at `as_of`
    end_from: date | None  # the first day it may have ended (a year-only end: 1 January)
    as_of: date
    source: str
    licence: str


@dataclass(frozen=True)
class Bound:
    """What one mention says of the writing day: the days it allows, and why."""

    allowed: tuple[tuple[date, date], ...]  # a union of closed intervals
    start: int
    end: int
    evidence: str


def load_table() -> tuple[Fact, ...]:
    """Every row of the shipped table."""
    return _table()


@lru_cache(maxsize=1)
def _table() -> tuple[Fact, ...]:
    raw = (resources.files("dateline") / "data" / TABLE).read_bytes()
    reader = csv.DictReader(io.StringIO(gzip.decompress(raw).decode("utf-8")), delimiter="\t",
                            quoting=csv.QUOTE_NONE, escapechar="\\")  # fmt: skip
    return tuple(
        Fact(
            row["id"],
            row["type"],
            row["name"],
            tuple(filter(None, row["aliases"].split("|"))),
            row["qid"],
            row["office"],
            row["kind"],
            row["country"],
            _first_day(row["start"]),
            _last_day(row["end"]),
            _first_day(row["end"]) if row["end"] else None,
            date.fromisoformat(row["as_of"]),
            row["source"],
            row["licence"],
        )
        for row in reader
    )


def _first_day(value: str) -> date:
    return date(int(value), 1, 1) if len(value) == 4 else date.fromisoformat(value)


def _last_day(value: str) -> date | None:
    if not value:
        return None
    return date(int(value), 12, 31) if len(value) == 4 else date.fromisoformat(value)


def fold(text: str) -> str:
    """`text` with accents dropped, letter for letter, so offsets still index the original."""
    if text.isascii():
        return text
    return text.translate({ord(ch): _base(ch) for ch in set(text) if not ch.isascii()})


@lru_cache(maxsize=4096)
def _base(ch: str) -> str:
    return unicodedata.normalize("NFKD", ch)[0] if ch.isalpha() else ch


_KEY = re.compile(r"\w+")


def _by_first_word(names: set[str]) -> dict[str, tuple[str, ...]]:
    """Names grouped by their first word, longest first: a text is scanned word by word."""
    grouped: defaultdict[str, list[str]] = defaultdict(list)
    for name in names:
        if key := _KEY.match(name):
            grouped[key.group(0)].append(name)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in grouped.items()}


def _find(text: str, starts: dict[str, tuple[str, ...]]) -> list[tuple[str, int, int]]:
    """Each name of `starts` written in `text` as words of their own, longest first."""
    found: list[tuple[str, int, int]] = []
    for key in starts.keys() & set(_KEY.findall(text)):
        at = text.find(key)
        while at >= 0:
            if not (at and (text[at - 1].isalnum() or text[at - 1] in "-_")):
                for name in starts[key]:
                    end = at + len(name)
                    if text.startswith(name, at) and not (
                        end < len(text) and (text[end].isalnum() or text[end] in "-_")
                    ):
                        found.append((name, at, end))
                        break
            at = text.find(key, at + 1)
    # Where names overlap ("Barack Obama" and "Obama" in it), the one starting first holds.
    found.sort(key=lambda item: (item[1], -item[2]))
    kept: list[tuple[str, int, int]] = []
    for item in found:
        if not kept or item[1] >= kept[-1][2]:
            kept.append(item)
    return kept


@dataclass(frozen=True)
class _Index:
    full: dict[str, tuple[Fact, ...]]  # a full name (folded) -> the holder's office rows
    surnames: dict[str, frozenset[str]]  # a surname (folded) -> full names it stands for
    names: dict[str, tuple[str, ...]]  # full names and surnames by first word
    events: dict[str, tuple[Fact, ...]]  # an event name (folded) -> its rows
    event_names: dict[str, tuple[str, ...]]  # event names by first word


@lru_cache(maxsize=1)
def _shipped_index() -> _Index:
    return _index(_table())


def _index(table: tuple[Fact, ...]) -> _Index:
    full: defaultdict[str, list[Fact]] = defaultdict(list)
    surnames: defaultdict[str, set[str]] = defaultdict(set)
    events: defaultdict[str, list[Fact]] = defaultdict(list)
    for fact in table:
        if fact.type == "event":
            for label in _event_names(fact.name):
                events[label].append(fact)
            continue
        for written in (fact.name, *fact.aliases):
            name = fold(written.split(",")[0].strip())
            words = name.split()
            if len(words) < 2:
                continue
            variants = {name, f"{words[0]} {words[-1]}"}
            for variant in variants:
                full[variant].append(fact)
            for surname in _surnames(words, fact.country):
                surnames[surname].update(variants)
    return _Index(
        {k: tuple(v) for k, v in full.items()},
        {k: frozenset(v) for k, v in surnames.items()},
        _by_first_word({*full, *surnames}),
        {k: tuple(v) for k, v in events.items()},
        _by_first_word(set(events)),
    )


def _surnames(words: list[str], country: str) -> set[str]:
    """The short forms news uses for a holder: "Scholz", "al-Assad" and "Assad", "Xi"."""
    last = words[-1]
    found = {last}
    if len(words) > 2 and words[-2].lower() in _PARTICLES:
        found.add(f"{words[-2]} {last}")
    if "-" in last and last.split("-")[0].lower() in _PARTICLES:
        found.add(last.split("-", 1)[1])
    if country in _FAMILY_FIRST or ("-" in last and last.split("-")[0].lower() not in _PARTICLES):
        found.add(words[0])
    return {s for s in found if len(s) > 2 and s[0].isupper()}


def _event_names(label: str) -> set[str]:
    """An event's label, and the label without a trailing note in brackets unless the note
    is a year: "Battle of Kyiv (2022)" must not be read in "the Battle of Kyiv" of 1941."""
    bare = re.sub(r"\s*\(([^)]*)\)\s*$", "", label).strip()
    keep_bare = bare != label and not _YEAR.search(label[len(bare) :]) and len(bare.split()) > 1
    return {fold(label), fold(bare)} if keep_bare else {fold(label)}


def world_bounds(text: str, table: tuple[Fact, ...] | None = None) -> list[Bound]:
    """The bounds the mentions of office holders and events in `text` put on its writing day."""
    index = _index(table) if table is not None else _shipped_index()
    folded = fold(text)
    written = [int(y) for y in _YEAR.findall(text)]
    bounds = [bound for found in _find(folded, index.names)
              if (bound := _holder_bound(folded, found, index, written))]  # fmt: skip
    # Written as the name is ("the civil war in Sudan" is not the "War in Sudan" of 2023).
    bounds += [bound for found in _find(folded, index.event_names)
               if (bound := _event_bound(folded, found, index))]  # fmt: skip
    return bounds


def _holder_bound(
    text: str, found: tuple[str, int, int], index: _Index, written: list[int]
) -> Bound | None:
    name, start, end = found
    title, modifier, elect, span_start = _title_near(text, start, end)
    if title is None or elect:
        return None  # "President-elect": a contested count can keep one elect for months
    kinds = _title_kinds(title)
    if name in index.full:
        people = {name}
    else:  # a surname: the holder it stands for must be named in full in the article
        people = {full for full in index.surnames.get(name, ()) if full in text}
    facts = sorted({f for full in people for f in index.full[full] if f.kind in kinds},
                   key=lambda f: f.start)  # fmt: skip
    if not facts or not _covered(facts, written):
        return None
    if modifier is None and (_sentence_is_dated(text, start, end) or _looks_back(text, start, end)):
        modifier = "then"  # "In 2003, President Bush ordered ...": a past term, not today's
    allowed = _allowed(facts, modifier, written)
    if allowed is None:
        return None
    first = facts[0]
    terms = ", ".join(_term(f) for f in facts)
    ids = ", ".join(f.id for f in facts)
    evidence = f"world knowledge: {first.name} held {first.office} {terms} ({ids})"
    if modifier is not None:
        evidence += f" [{modifier}]"
    return Bound(allowed, span_start, end, evidence)


_Title = tuple[str | None, str | None, bool, int]


def _title_near(text: str, start: int, end: int) -> _Title:
    """The title right before or after a name, what the words before it say ("former",
    "then-"), whether it is "-elect", and where the mention begins; no title when it names
    another office ("Vice Premier", "Deputy Prime Minister")."""
    reach = max(0, start - 60)
    before = text[reach:start]
    if found := _TITLE_BEFORE.search(before):
        lead = _LEAD_WORDS.findall(before[: found.start()])[-3:]
        return _judged(found.group("title"), lead, bool(found.group("elect")),
                       reach + found.start())  # fmt: skip
    after = text[end : end + 90]
    if found := _TITLE_AFTER.match(after):
        lead = _LEAD_WORDS.findall(found.group("lead"))
        return _judged(found.group("title"), lead, bool(found.group("elect")), start)
    return None, None, False, start


def _judged(title: str, lead: list[str], elect: bool, at: int) -> _Title:
    """A title with the words before it read: another office, or a holder no longer in it."""
    words = [w.lower().rstrip("-") for w in lead]
    if words and words[-1] in _OTHER_OFFICE:
        return None, None, False, at
    modifier = None
    for word in words:
        if word in _FORMER or word.startswith("ex-"):
            modifier = "former"
        elif word in _THEN:
            modifier = "then"
    return title, modifier, elect, at


def _title_kinds(title: str) -> frozenset[str]:
    """The kinds of office a title names ("Chancellor": head of government, or finance)."""
    return frozenset(kind for kind, pattern in _KIND_OF_TITLE.items() if pattern.fullmatch(title))


def _covered(facts: list[Fact], written: list[int]) -> bool:
    """False when the article writes years only from before the table reaches back to."""
    reach = min(f.start.year for f in facts)
    return not written or max(written) >= min(reach, COVERED_FROM)


def _sentence_is_dated(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 300) : start]
    cut = [m.end() for m in _SENTENCE_END.finditer(before)]
    sentence_start = start - len(before) + (cut[-1] if cut else 0)
    after = _SENTENCE_END.search(text, end)
    sentence = text[sentence_start : after.start() if after else min(len(text), end + 300)]
    return bool(_DATED.search(sentence))


def _looks_back(text: str, start: int, end: int) -> bool:
    """A possessive ("President Clinton's labor secretary") or a fall ("toppled President
    Hosni Mubarak") tells of the holder's time, not of the writing day."""
    return bool(_POSSESSIVE.match(text, end) or _FALL.search(text, max(0, start - 50), start))


def _allowed(
    facts: list[Fact], modifier: str | None, written: list[int]
) -> tuple[tuple[date, date], ...] | None:
    """The days a mention allows, as a union of intervals."""
    latest_written = max(written, default=0)
    first = facts[0]
    if modifier == "then":
        return ((_from(first, latest_written), date.max),)
    if modifier == "former":
        ends = [f.end_from - TITLE_GRACE for f in facts if f.end_from is not None]
        return ((min(ends), date.max),) if ends else None
    spans = [(_from(f, latest_written), _until(f, latest_written)) for f in facts]
    as_of = min(f.as_of for f in facts)
    if latest_written >= as_of.year:
        # The article may be newer than the table: a later term could be what it reports.
        spans.append((as_of, date.max))
    return tuple(spans)


def _from(fact: Fact, latest_written: int) -> date:
    """The first day a title bounds: the term's start, unless the article writes no year from
    it on, when it may come from an earlier term the table lacks (the table's cabinets start
    in 2000, its world leaders' list in 2021)."""
    if latest_written and latest_written < fact.start.year:
        return date.min
    return fact.start


def _until(fact: Fact, latest_written: int) -> date:
    """The last day a title bounds: the term's end, unless the article writes a year from the
    end on, when it may be looking back at the term ("declared French President Nicolas
    Sarkozy" in a 2019 essay on 2008)."""
    if fact.end is None or latest_written >= fact.end.year:
        return date.max
    return fact.end + TITLE_GRACE


def _term(fact: Fact) -> str:
    return f"{fact.start.isoformat()}–{fact.end.isoformat() if fact.end else 'on'}"


def _event_bound(text: str, found: tuple[str, int, int], index: _Index) -> Bound | None:
    name, start, end = found
    facts = index.events.get(name)
    if not facts:
        return None
    first = min(facts, key=lambda f: f.start)
    named_years = [int(y) for y in _YEAR.findall(name)]
    day = first.start
    after = bool(_EVENT_AFTER.search(text[max(0, start - 40) : start]))
    if not after or (named_years and min(named_years) < day.year):
        # A dated item's day may be when it ended; only its year is sure to have begun.
        day = date(min([day.year, *named_years]), 1, 1)
    evidence = f"world knowledge: {first.name} on {first.start.isoformat()} ({first.id})"
    return Bound(((day, date.max),), start, end, evidence)


def combine(bounds: list[Bound]) -> tuple[date | None, date | None, list[Bound]]:
    """The narrowest interval every bound allows, and the bounds that made it.

    Bounds that contradict the others are set aside whole, latest-starting first, so one
    misread mention narrows nothing rather than excluding the truth."""
    kept = list(bounds)
    while kept:
        spans = _intersection([b.allowed for b in kept])
        if spans:
            low, high = spans[0][0], spans[-1][1]
            return (None if low == date.min else low, None if high == date.max else high, kept)
        kept.pop(max(range(len(kept)), key=lambda i: kept[i].allowed[0][0]))
    return None, None, []


def _intersection(sets: list[tuple[tuple[date, date], ...]]) -> list[tuple[date, date]]:
    current = [(date.min, date.max)]
    for spans in set(sets):
        current = _merged([(max(a, c), min(b, d)) for a, b in current for c, d in spans
                           if max(a, c) <= min(b, d)])  # fmt: skip
        if not current:
            return []
    return current


def _merged(spans: list[tuple[date, date]]) -> list[tuple[date, date]]:
    """A union of intervals with overlapping ones joined, in order: it stays as short as the
    number of separate stretches, however many mentions are intersected."""
    merged: list[tuple[date, date]] = []
    for low, high in sorted(spans):
        if merged and low <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], high))
        else:
            merged.append((low, high))
    return merged


def within_world(published: PublicationDate, text: str) -> PublicationDate:
    """`published` narrowed by what the world knows of the text's office holders and events."""
    return _narrowed(published, world_bounds(text))


def _narrowed(published: PublicationDate, bounds: list[Bound]) -> PublicationDate:
    """`published` with its interval cut to what `bounds` allow, their evidence added.

    When the bounds' interval and the article's own do not meet, the article's stands."""
    low, high, used = combine(bounds)
    if not used or (low is None and high is None):
        return published
    earliest = max(filter(None, (published.earliest, low)), default=None)
    latest = min(filter(None, (published.latest, high)), default=None)
    if earliest and latest and earliest > latest:
        return published
    if (earliest, latest) == (published.earliest, published.latest):
        return published
    inside = [d for d in (published.date,) if d and (earliest or d) <= d <= (latest or d)]
    likeliest = published.likeliest
    if likeliest is not None:
        likeliest = min(max(likeliest, earliest or likeliest), latest or likeliest)
    evidence = tuple(dict.fromkeys(b.evidence for b in used))
    return dataclasses.replace(
        published,
        date=inside[0] if inside else None,
        earliest=earliest,
        latest=latest,
        evidence=(*published.evidence, *evidence),
        method=published.method if published.method != "none" else "content",
        likeliest=likeliest,
        granularity=published.granularity if inside else granularity(earliest, latest),
    )
