"""dateline: turn a pile of raw news articles into a dated, sourced chronology."""

from dateline.model import (
    Article,
    Citation,
    Event,
    Failure,
    PublicationDate,
    Sentence,
    Timeline,
    TimelineEntry,
    TimeMention,
)

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Citation",
    "Event",
    "Failure",
    "PublicationDate",
    "Sentence",
    "TimeMention",
    "Timeline",
    "TimelineEntry",
    "__version__",
]
