"""Chart export: the PNG opens as an image, the SVG parses, bins follow the time span."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from datetime import date

import pytest
from matplotlib import image

from dateline.model import Timeline, TimelineEntry
from dateline.render.chart import bin_unit, count_by_period, entry_start, render_png, render_svg


def test_png_is_a_readable_image(timeline: Timeline) -> None:
    pixels = image.imread(io.BytesIO(render_png(timeline)), format="png")
    height, width = pixels.shape[:2]
    assert (width, height) == (1000, 320)
    assert pixels.std() > 0  # something was drawn


def test_svg_parses_and_is_stable(timeline: Timeline) -> None:
    svg = render_svg(timeline)
    root = ET.fromstring(svg)
    assert root.tag.endswith("svg")
    assert svg == render_svg(timeline)


def test_empty_timeline_still_renders() -> None:
    pixels = image.imread(io.BytesIO(render_png(Timeline((), ()))), format="png")
    assert pixels.shape[0] == 320


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
