"""Which dates and which entries make the timeline."""

from dateline.select.entries import build_entries, default_dates

__all__ = ["build_entries", "default_dates"]
