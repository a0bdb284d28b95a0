"""The one document model every stage reads and writes.

Plain frozen dataclasses holding text and character offsets only — no parse trees, no open
handles — so an `Article` moves unchanged through a loop, a process pool or a Dask worker.
Per-document stages return a new `Article` (``dataclasses.replace``) and never mutate input.
Everything downstream cites back to exact character spans of `Article.text` (the clean text).
"""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

_T = TypeVar("_T")


def content_id(text: str) -> str:
    """Stable article id: the same content read from anywhere gets the same id."""
    normalised = " ".join(text.split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:16]


def subset(articles: Sequence[Article], indices: Iterable[int]) -> Sequence[Article]:
    """The articles at `indices`, in that order. A pile larger than memory comes as a lazy
    corpus (`batch.spool.Corpus`) that narrows to a view of its own without loading anything;
    cross-document stages narrow a pile through here so both kinds stay what they are."""
    narrower = getattr(articles, "subset", None)
    if narrower is not None:
        narrowed = narrower(indices)
        assert isinstance(narrowed, Sequence)
        return narrowed
    return [articles[i] for i in indices]


def each(
    articles: Sequence[Article],
    find: Callable[..., _T],
    extra: Sequence[Any] | None = None,
) -> list[_T]:
    """`find(article)` of every article, in order (with `extra`: `find(article, extra[i])`).
    A pass that keeps only a little of each article says so through here: a pile spread
    over a cluster (`batch.dask_engine`) runs `find` on the workers that hold the articles
    and brings back only its answers; any other pile runs it here, an article at a time."""
    mapper = getattr(articles, "each", None)
    if mapper is not None:
        found = mapper(find, extra)
        assert isinstance(found, list)
        return found
    if extra is None:
        return [find(article) for article in articles]
    return [find(article, more) for article, more in zip(articles, extra, strict=True)]


def replaced(articles: Sequence[Article], changed: Mapping[int, Article]) -> Sequence[Article]:
    """The articles with those at the positions of `changed` replaced; a lazy corpus stays
    one (`batch.spool.Corpus.with_replaced`), holding only the replacements."""
    replacer = getattr(articles, "with_replaced", None)
    if replacer is not None:
        found = replacer(changed)
        assert isinstance(found, Sequence)
        return found
    return [changed.get(index, article) for index, article in enumerate(articles)]


def headers(articles: Sequence[Article]) -> Sequence[Article]:
    """The articles for a pass that reads only their id, language, publication date and
    `duplicate_of`: a lazy corpus answers from memory, without loading any text (its other
    fields are then empty); a list is itself."""
    small = getattr(articles, "headers", None)
    if small is not None:
        found = small()
        assert isinstance(found, Sequence)
        return found
    return articles


@dataclass(frozen=True)
class PublicationDate:
    """When an article was written, as an interval with a point estimate.

    `date` is None when nothing supports a point estimate; `earliest`/`latest` may then still
    bound it. `confidence` is in [0, 1]; `evidence` holds the lines that decided it.
    `likeliest` is a best guess even when no day is supported, trustworthy only to its
    `granularity` ("day", "month" or "year"): enough to resolve "last year" or "this month",
    never a day to date an event by.
    """

    date: datetime.date | None
    earliest: datetime.date | None
    latest: datetime.date | None
    confidence: float
    evidence: tuple[str, ...] = ()
    # "metadata", "header", "content", "comments" (the first comment below the story),
    # "corpus" (reports in other articles), "pile" (its most similar dated articles), "user",
    # "none"
    method: str = "none"
    likeliest: datetime.date | None = None
    granularity: str = ""  # of `likeliest`: "day", "month", "year"; "" when there is none


@dataclass(frozen=True)
class Sentence:
    """A sentence of the clean text: `text == article.text[start:end]`."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class DayRange:
    """A day known only to lie between two days: "a Friday between 25 Feb and 11 Mar 2022".

    An event dated by "on Friday" in an article known only to a fortnight gets one. `weekday`
    (ISO, 1 = Monday) is the weekday the day is known to fall on, 0 when the text names none.
    """

    earliest: str  # YYYY-MM-DD
    latest: str  # YYYY-MM-DD
    weekday: int = 0


@dataclass(frozen=True)
class TimeMention:
    """A TIMEX3-like time expression found in the clean text.

    `value` is the normalised TIMEX3 value (``2004-01-26``, ``2004-W05``, ``199X``, ``P1Y``,
    ``PRESENT_REF``, ``XXXX-XX-XX`` when unresolvable); `anchor` is the ISO date it was
    resolved against, if any.
    """

    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str
    granularity: str = ""  # day, week, month, season, quarter, year, decade, century, time
    anchor: str | None = None
    modifier: str = ""  # TIMEX3 mod: START, MID, END, APPROX, BEFORE, AFTER, ...
    # In an article known only to an interval, a relative mention keeps its unresolved value
    # and gets the days the interval's two ends read it as (`timex.window`; one day when
    # they agree); `anchor` is then the interval ("2022-02-25/2022-03-11").
    within: DayRange | None = None


@dataclass(frozen=True)
class Quantity:
    """An amount an event reports ("600 ground troops", "$350 million")."""

    text: str
    value: float
    unit: str


@dataclass(frozen=True)
class Event:
    """What one sentence reports happened (or will happen), and when."""

    article_id: str
    sentence: Sentence
    date: str  # TIMEX3 calendar value: YYYY, YYYY-MM or YYYY-MM-DD
    predicate: str = ""
    actors: tuple[str, ...] = ()
    place: str = ""
    quantities: tuple[Quantity, ...] = ()
    planned: bool = False
    # "explicit", "article" (publication date), "lead" (the lead's news), "range" (a relative
    # date or lead of an article known only to an interval: one day, or `within`)
    date_source: str = ""
    # Start of the lead report of the same article this one goes on telling, if any: a detail
    # of that news, cited with the report it continues (`select.entries`).
    continues: int | None = None
    # The date is one the sentence mentions on the way ("the 1990 treaty", "Annan, who took
    # office in 1997, said ..."), not the time of what it reports (`events.background`).
    background: bool = False
    # Set when the day is only known to lie in a range (the article itself has no day, only
    # an interval); `date` is then what the range pins at calendar precision ("2022-03").
    within: DayRange | None = None


@dataclass(frozen=True)
class Article:
    """One news article as read, then cleaned, dated and tagged by the stages."""

    id: str
    source: str  # file path, "path::record" for records inside a file, or URL
    raw_text: str
    title: str = ""
    outlet: str = ""
    author: str = ""
    url: str = ""
    image: str = ""  # the article's picture (http(s) address), when its record gives one
    metadata_date: datetime.date | None = None  # from HTML metadata, a JSON field, a WARC header
    # The parts of the page that state `metadata_date` ("meta article:published_time",
    # "<time>", "URL", ...), the deciding one first; empty when the reader does not know.
    # `metadata_disputed`: some other part of the page states another day.
    metadata_sources: tuple[str, ...] = ()
    metadata_disputed: bool = False
    # The day the user gave for this article (`--date`, a sidecar file): it wins over any
    # inferred date.
    given_date: datetime.date | None = None
    # The reader already took the body out of its page's markup (HTML): the cleaner keeps it.
    extracted: bool = False
    text: str = ""  # clean text; stages after `clean` read only this
    # Byline/date/place lines the cleaner took out of the body: metadata for the date stage,
    # never part of `text`.
    header: tuple[str, ...] = ()
    language: str = ""  # BCP 47 tag of the clean text: "en", "de", "und-Cyrl" (clean/language.py)
    published: PublicationDate | None = None
    sentences: tuple[Sentence, ...] = ()
    timexes: tuple[TimeMention, ...] = ()
    events: tuple[Event, ...] = ()
    duplicate_of: str | None = None  # id of the article this one is a copy of
    outlets: tuple[str, ...] = ()  # outlets that carried this story (self first)
    # What was changed on the way in that the user should hear of ("replaced 2 unencodable
    # characters"): `dateline add` reports these, the store keeps them.
    notes: tuple[str, ...] = ()

    @classmethod
    def from_raw(cls, source: str, raw_text: str, **fields: object) -> Article:
        return cls(id=content_id(raw_text), source=source, raw_text=raw_text, **fields)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Citation:
    """Where a timeline entry comes from: a sentence span of an article's clean text."""

    document: str  # article id
    sentence: str  # the sentence text, == article.text[start:end]
    start: int
    end: int


@dataclass(frozen=True)
class Entity:
    """A person, organisation or place an entry's sources name, with the sentence it is in."""

    name: str
    kind: str  # "person", "organisation", "place"
    document: str  # article id
    sentence: str


@dataclass(frozen=True)
class Claim:
    """What one source says about a thing, in its own words."""

    document: str  # article id
    words: str  # the source's own words for it: "about 1,000 troops", "on Tuesday", "Holm"
    sentence: str
    date: str  # the date the source gives the event


@dataclass(frozen=True)
class Disagreement:
    """Sources of one entry that say different things about the same thing; never merged."""

    kind: str  # "quantity", "date", "actor"
    about: str  # what they disagree on: a unit ("troops"), "date" or "who"
    claims: tuple[Claim, ...]


@dataclass(frozen=True)
class Change:
    """How an amount the story keeps reporting moves over time, one claim per date."""

    about: str  # the unit counted ("people", "troops", "USD")
    claims: tuple[Claim, ...]  # in date order


@dataclass(frozen=True)
class TimelineEntry:
    """One dated entry of a timeline; `summary` is extractive text, never invented."""

    date: str  # YYYY, YYYY-MM or YYYY-MM-DD
    summary: str
    sources: tuple[Citation, ...]
    planned: bool = False
    score: float = 0.0
    entities: tuple[Entity, ...] = ()
    disagreements: tuple[Disagreement, ...] = ()
    # The day is only known to lie in this range: shown as such, marked approximate.
    within: DayRange | None = None
    # The user's decisions on this entry ("pinned", "edited"), so every view can tell them
    # from the machine's.
    decided: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        """Stable id of the entry: its own sentence as article id and span, never a row
        number, so a decision about it survives new articles and rebuilt timelines."""
        if not self.sources:
            return ""
        first = self.sources[0]
        return citation_key(first)

    @property
    def approximate(self) -> bool:
        return self.within is not None

    @property
    def sort_date(self) -> str:
        """Where the entry sorts: its date, or the first day of its range."""
        return self.within.earliest if self.within else self.date


def citation_key(citation: Citation) -> str:
    """ "ARTICLE:START-END": a cited sentence, as curations name it."""
    return f"{citation.document}:{citation.start}-{citation.end}"


@dataclass(frozen=True)
class Curation:
    """A user's decision, stored and applied to every later build.

    `kind`: "hide", "pin" or "edit" an entry (`target` an entry key, `citation_key`), "date"
    or "delete" an article (`target` its id). `value`: the new text of an edit, the
    YYYY-MM-DD of a date (or of a pin whose sentence has none).
    """

    kind: str
    target: str
    value: str = ""
    reason: str = ""
    made_at: str = ""
    id: int = 0


@dataclass(frozen=True)
class Failure:
    """A file (or record) that could not be read, with a one-line reason."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass(frozen=True)
class Timeline:
    """Dated entries citing their documents, and the files that could not be read.

    It renders itself in every output format; the renderers load on first use, so the model
    stays free of their imports.
    """

    # A tuple, or a lazy corpus on disk (`batch.spool.Corpus`) for a pile larger than memory.
    documents: Sequence[Article]
    entries: tuple[TimelineEntry, ...]
    failures: tuple[Failure, ...] = field(default=())
    changes: tuple[Change, ...] = field(default=())

    def render(self, fmt: str) -> str | bytes:
        """The timeline in `fmt`: text, json, md, html, csv, timelinejs, png or svg."""
        from dateline.render import render

        return render(self, fmt)

    def render_parts(self, fmt: str) -> Iterator[str | bytes]:
        """`render` in pieces to write one after another (JSON a document at a time)."""
        from dateline.render import render_parts

        return render_parts(self, fmt)

    def _text(self, fmt: str) -> str:
        rendered = self.render(fmt)
        assert isinstance(rendered, str)
        return rendered

    def to_text(self) -> str:
        return self._text("text")

    def to_json(self) -> str:
        """The public JSON contract (docs/timeline-json.md)."""
        return self._text("json")

    def to_markdown(self) -> str:
        return self._text("md")

    def to_html(self) -> str:
        """One self-contained, interactive page: nothing is fetched when it opens."""
        return self._text("html")

    def to_csv(self) -> str:
        return self._text("csv")

    def to_timelinejs(self) -> str:
        """Knight Lab TimelineJS JSON."""
        return self._text("timelinejs")

    def to_svg(self) -> str:
        """A chart of the entries over time (needs matplotlib, the `web` extra)."""
        return self._text("svg")

    def to_png(self) -> bytes:
        """The `to_svg` chart as PNG."""
        rendered = self.render("png")
        assert isinstance(rendered, bytes)
        return rendered
