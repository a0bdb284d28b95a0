"""Chart export: the PNG opens as an image, the SVG parses, bins follow the time span."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from datetime import date
from importlib import resources
from pathlib import Path

import numpy
import pytest
from matplotlib import image

import dateline
from dateline.model import Timeline, TimelineEntry
from dateline.render.chart import bin_unit, count_by_period, entry_start, render_png, render_svg
from dateline.render.headlines import entry_headline

SAMPLE = Path(str(resources.files("dateline") / "data" / "sample" / "articles"))


def test_png_is_a_readable_image(timeline: Timeline) -> None:
    pixels = image.imread(io.BytesIO(render_png(timeline)), format="png")
    height, width = pixels.shape[:2]
    assert 800 < width <= 1000 and 150 < height <= 320
    assert pixels.std() > 0  # something was drawn


def _inked(pixels: numpy.ndarray) -> numpy.ndarray:
    """Pixels holding anything but white."""
    return (pixels[..., :3] < 0.95).any(axis=2)


@pytest.mark.parametrize("which", ["fixture", "sample"])
def test_no_blank_band_around_the_plot(which: str, timeline: Timeline) -> None:
    chart = timeline if which == "fixture" else dateline.timeline(SAMPLE)
    ink = _inked(image.imread(io.BytesIO(render_png(chart)), format="png"))
    rows, columns = numpy.flatnonzero(ink.any(axis=1)), numpy.flatnonzero(ink.any(axis=0))
    height, width = ink.shape
    # Drawing reaches within 0.1 inch of every edge: no empty band under or beside it (the
    # fixed-size figure this replaced left 0.15 inch on every side of the sample's chart).
    assert rows[0] <= 10 and height - 1 - rows[-1] <= 10
    assert columns[0] <= 10 and width - 1 - columns[-1] <= 10


def test_leading_entries_are_labelled_as_text_in_the_svg() -> None:
    chart = dateline.timeline(SAMPLE)
    root = ET.fromstring(render_svg(chart))
    texts = {"".join(t.itertext()).strip() for t in root.iter("{http://www.w3.org/2000/svg}text")}
    labels = [t for t in texts if len(t) > 12]
    best = max(chart.entries, key=lambda e: e.score)
    wanted = entry_headline(best, {a.id: a for a in chart.documents})
    assert len(labels) >= 5
    assert any(wanted.startswith(label.rstrip("…")) for label in labels), (wanted, labels)


def test_svg_parses_and_is_stable(timeline: Timeline) -> None:
    svg = render_svg(timeline)
    root = ET.fromstring(svg)
    assert root.tag.endswith("svg")
    assert svg == render_svg(timeline)


def test_empty_timeline_still_renders() -> None:
    pixels = image.imread(io.BytesIO(render_png(Timeline((), ()))), format="png")
    assert pixels.shape[0] > 10 and pixels.std() > 0


@pytest.mark.parametrize(
    ("first", "last", "unit"),
    [
        (date(1990, 1, 1), date(2006, 1, 1), "year"),
        (date(2003, 1, 1), date(2004, 6, 1), "month"),
        (date(2004, 1, 1), date(2004, 2, 20), "day"),
    ],
)
def test_bin_unit_follows_the_span(first: date, last: date, unit: str) -> None:
    assert bin_unit(first, last) == unit


def test_counts_split_planned_from_reported(timeline: Timeline) -> None:
    unit, reported, planned = count_by_period(timeline)
    assert unit == "month"
    assert reported == {date(2003, 7, 1): 1, date(2003, 12, 1): 1}
    assert planned == {date(2004, 2, 1): 1}


def test_malformed_dates_are_left_out() -> None:
    assert entry_start("2004-13") is None
    timeline = Timeline((), (TimelineEntry("XXXX", "x", ()), TimelineEntry("2004", "y", ())))
    assert sum(count_by_period(timeline)[1].values()) == 1
