"""Which dates and which entries make the timeline."""

from dateline.select.changes import changes
from dateline.select.entries import build_entries, default_dates
from dateline.select.naming import naming

__all__ = ["build_entries", "changes", "default_dates", "naming"]
