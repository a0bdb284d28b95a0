"""A chart of how many timeline entries fall in each period, as PNG or SVG, with the
timeline's leading entries labelled.

Uses matplotlib's Agg backend only (no display, no GUI toolkit), so it runs on servers.
The bin width follows the span of the timeline: years for decades, months for a few years,
days for a few months. Planned events are stacked in their own colour, and so are entries whose
day is known only to a range (hatched, at the range's first day): never shown as a known day.
The highest-scoring entries get a short headline (`headlines.py`) on a stem above their bar,
the labels spread over a few rows so they do not overlap; the figure is cut to what is drawn,
so no band of empty space is left around the plot. SVG text stays text (selectable, editable).
"""

from __future__ import annotations

import io
from collections import Counter
from datetime import date

import matplotlib

matplotlib.use("Agg")

from matplotlib import dates as mdates
from matplotlib import pyplot as plt
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FixedLocator, MaxNLocator

from dateline.model import Timeline, TimelineEntry
from dateline.render.headlines import entry_headline

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
    return Counter(_bin(d, unit) for e in timeline.entries if e.approximate and (d := _start(e)))


_WIDTH_DAYS = {"year": 300, "month": 25, "day": 0.8}
# Entries labelled, and the rows their labels spread over: twelve labels of up to LABEL_CHARS
# characters fit a 10-inch chart in four rows without overlapping.
MAX_LABELS = 12
LABEL_ROWS = 4
LABEL_CHARS = 30
LABEL_POINTS = 7.5
# Average character width of the label font, in points (DejaVu Sans is ~0.6 em).
CHAR_POINTS = 0.6 * LABEL_POINTS
# Each label row's height, as a share of the tallest bar.
ROW_HEIGHT = 0.22


def labelled(timeline: Timeline) -> list[tuple[date, TimelineEntry]]:
    """The entries to label: the highest-scoring, in date order."""
    dated = [(d, e) for e in timeline.entries if (d := entry_start(e.date))]
    best = sorted(dated, key=lambda pair: -pair[1].score)[:MAX_LABELS]
    return sorted(best, key=lambda pair: (pair[0], pair[1].summary))


def _label(entry: TimelineEntry, by_id: dict[str, object]) -> str:
    text = entry_headline(entry, by_id)  # type: ignore[arg-type]
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1].rstrip() + "…"


def _annotate(ax: Axes, timeline: Timeline, top: int, span: tuple[float, float]) -> float:
    """Label the leading entries, each in the lowest row where it overlaps no other label;
    a label no row has room for is left out. Returns the height of the highest label."""
    by_id: dict[str, object] = {a.id: a for a in timeline.documents}
    first, last = span
    fig = ax.get_figure(root=True)
    assert isinstance(fig, Figure)
    points = ax.get_position().width * fig.get_figwidth() * 72
    per_char = (last - first) * CHAR_POINTS / points if points else 0.0
    rows: list[list[tuple[float, float]]] = [[] for _ in range(LABEL_ROWS)]
    highest = float(top)
    for day, entry in labelled(timeline):
        x, text = float(mdates.date2num(day)), _label(entry, by_id)
        right = last > first and (x - first) / (last - first) > 0.7
        width = (len(text) + 2) * per_char
        extent = (x - width, x) if right else (x, x + width)
        row = next(
            (
                i
                for i, taken in enumerate(rows)
                if all(extent[1] < a or b < extent[0] for a, b in taken)
            ),
            None,
        )
        if row is None:
            continue
        rows[row].append(extent)
        level = top * (1.12 + ROW_HEIGHT * row)
        highest = max(highest, level)
        ax.plot([x, x], [0, level], color="#999999", linewidth=0.6, zorder=0)
        ax.text(
            x,
            level,
            f" {text} ",
            fontsize=LABEL_POINTS,
            ha="right" if right else "left",
            va="center",
            color="#222222",
        )
    return highest


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
    ax.bar(
        x,
        [planned[b] for b in bins],
        width=width,
        align="edge",
        bottom=low,
        color="#dd6b20",
        label="planned",
    )
    if approximate:
        ax.bar(
            x,
            [approximate[b] for b in bins],
            width=width,
            align="edge",
            bottom=middle,
            color="#a0aec0",
            hatch="//",
            label="approximate date (first day of its range)",
        )
    ax.set_ylabel(f"entries per {unit}")
    top = max(r + p for r, p in zip(low, [planned[b] for b in bins], strict=True))
    highest = _annotate(ax, timeline, top, (x[0], x[-1] + width))
    ax.set_ylim(0, highest + top * ROW_HEIGHT * 0.1)
    # The count axis reaches the tallest bar only; above it is the labels' room.
    ax.yaxis.set_major_locator(
        FixedLocator([t for t in MaxNLocator(integer=True).tick_values(0, top) if 0 <= t <= top])
    )
    ax.spines["left"].set_bounds(0, top)
    locator = mdates.AutoDateLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.spines[["top", "right"]].set_visible(False)
    if planned or approximate:  # above the plot, clear of the labels
        ax.legend(frameon=False, loc="lower right", bbox_to_anchor=(1, 1), ncol=2)
    fig.tight_layout()
    return fig


def _save(timeline: Timeline, fmt: str) -> bytes:
    fig = figure(timeline)
    buffer = io.BytesIO()
    try:
        metadata = {"Software": None} if fmt == "png" else {"Date": None, "Creator": None}
        # Cut to what is drawn: no empty band under or around the plot.
        fig.savefig(buffer, format=fmt, metadata=metadata, bbox_inches="tight", pad_inches=0.05)
    finally:
        plt.close(fig)
    return buffer.getvalue()


def render_png(timeline: Timeline) -> bytes:
    return _save(timeline, "png")


def render_svg(timeline: Timeline) -> str:
    matplotlib.rcParams["svg.hashsalt"] = "dateline"  # stable ids: same timeline, same file
    matplotlib.rcParams["svg.fonttype"] = "none"  # labels stay text a reader can select
    return _save(timeline, "svg").decode("utf-8")
