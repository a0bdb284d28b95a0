"""dateline: turn a pile of raw news articles into a dated, sourced chronology.

    import dateline
    timeline = dateline.timeline("saved-articles/")
    print(timeline.to_markdown())

`timeline`, `Store` and `tag` (the front door, `dateline.library`) load the stages on first
use, so importing the package for its dataclasses stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from dateline.errors import DatelineError, InputError, SettingsError, StoreError
from dateline.model import (
    Article,
    Citation,
    Curation,
    DayRange,
    Event,
    Failure,
    PublicationDate,
    Sentence,
    Timeline,
    TimelineEntry,
    TimeMention,
)
from dateline.settings import Settings

if TYPE_CHECKING:
    from dateline.library import Store, load_settings, tag, timeline

__version__ = "0.1.0"

_FRONT_DOOR = ("Store", "load_settings", "tag", "timeline")

__all__ = [
    "Article",
    "Citation",
    "Curation",
    "DatelineError",
    "DayRange",
    "Event",
    "Failure",
    "InputError",
    "PublicationDate",
    "Sentence",
    "Settings",
    "SettingsError",
    "Store",
    "StoreError",
    "TimeMention",
    "Timeline",
    "TimelineEntry",
    "__version__",
    "load_settings",
    "tag",
    "timeline",
]


def __getattr__(name: str) -> Any:
    if name in _FRONT_DOOR:
        from dateline import library

        return getattr(library, name)
    raise AttributeError(f"module 'dateline' has no attribute {name!r}")
