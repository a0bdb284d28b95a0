"""A chart of how many timeline entries fall in each period, as PNG or SVG.

Uses matplotlib's Agg backend only (no display, no GUI toolkit), so it runs on servers.
The bin width follows the span of the timeline: years for decades, months for a few years,
days for a few months. Planned events are stacked in their own colour, and so are entries whose
day is known only to a range (hatched, at the range's first day): never shown as a known day.
"""

from __future__ import annotations

import io
from collections import Counter
from datetime import date

import matplotlib

matplotlib.use("Agg")

from matplotlib import dates as mdates
from matplotlib import pyplot as plt
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from dateline.model import Timeline, TimelineEntry

# Spans (in days) above which coarser bins keep the bar count readable (< ~120 bars).
YEAR_BINS_ABOVE = 10 * 365
MONTH_BINS_ABOVE = 120


def entry_start(value: str) -> date | None:
    """The first day a calendar value YYYY[-MM[-DD]] covers, or None when malformed."""
    parts = value.split("-")
    try:
        numbers = [int(p) for p in parts[:3]] + [1] * (3 - len(parts[:3]))
        return date(numbers[0], numbers[1], numbers[2])
    except ValueError:
        return None


def bin_unit(first: date, last: date) -> str:
    span = (last - first).days
    if span > YEAR_BINS_ABOVE:
        return "year"
    if span > MONTH_BINS_ABOVE:
        return "month"
    return "day"


def _bin(day: date, unit: str) -> date:
    if unit == "year":
        return date(day.year, 1, 1)
    if unit == "month":
        return date(day.year, day.month, 1)
    return day


def _start(entry: TimelineEntry) -> date | None:
    return entry_start(entry.within.earliest if entry.within else entry.date)


def count_by_period(timeline: Timeline) -> tuple[str, Counter[date], Counter[date]]:
    """(bin unit, reported counts, planned counts) per bin start date; entries whose day is
    known only to a range are counted apart (`approximate_by_period`)."""
    dated = [(d, e.planned, e.approximate) for e in timeline.entries if (d := _start(e))]
    if not dated:
        return "year", Counter(), Counter()
    unit = bin_unit(min(d for d, _, _ in dated), max(d for d, _, _ in dated))
    reported: Counter[date] = Counter()
    planned: Counter[date] = Counter()
    for day, is_planned, approximate in dated:
        if not approximate:
            (planned if is_planned else reported)[_bin(day, unit)] += 1
    return unit, reported, planned


def approximate_by_period(timeline: Timeline, unit: str) -> Counter[date]:
    """Entries known only to a range of days, at the bin of the range's first day."""
    return Counter(_bin(d, unit) for e in timeline.entries
                   if e.approximate and (d := _start(e)))


_WIDTH_DAYS = {"year": 300, "month": 25, "day": 0.8}


def figure(timeline: Timeline) -> Figure:
    unit, reported, planned = count_by_period(timeline)
    approximate = approximate_by_period(timeline, unit)
    fig, ax = plt.subplots(figsize=(10, 3.2), dpi=100)
    if not reported and not planned and not approximate:
        ax.text(0.5, 0.5, "no dated entries", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return fig
    bins = sorted(set(reported) | set(planned) | set(approximate))
    width = _WIDTH_DAYS[unit]
    low = [reported[b] for b in bins]
    middle = [reported[b] + planned[b] for b in bins]
    x = [float(mdates.date2num(b)) for b in bins]
    ax.bar(x, low, width=width, align="edge", color="#2b6cb0", label="reported")
    ax.bar(x, [planned[b] for b in bins], width=width, align="edge", bottom=low,
           color="#dd6b20", label="planned")
    if approximate:
        ax.bar(x, [approximate[b] for b in bins], width=width, align="edge", bottom=middle,
               color="#a0aec0", hatch="//", label="approximate date (first day of its range)")
    ax.set_ylabel(f"entries per {unit}")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    locator = mdates.AutoDateLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.spines[["top", "right"]].set_visible(False)
    if planned or approximate:
        ax.legend(frameon=False)
    fig.tight_layout()
    return fig


def _save(timeline: Timeline, fmt: str) -> bytes:
    fig = figure(timeline)
    buffer = io.BytesIO()
    try:
        metadata = {"Software": None} if fmt == "png" else {"Date": None, "Creator": None}
        fig.savefig(buffer, format=fmt, metadata=metadata)
    finally:
        plt.close(fig)
    return buffer.getvalue()


def render_png(timeline: Timeline) -> bytes:
    return _save(timeline, "png")


def render_svg(timeline: Timeline) -> str:
    matplotlib.rcParams["svg.hashsalt"] = "dateline"  # stable ids: same timeline, same file
    return _save(timeline, "svg").decode("utf-8")
