"""A `Timeline` in every output format; each format lives in its own module.

Modules are imported on demand so the light formats never pay for matplotlib.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator

from dateline.model import Timeline

# format name -> (module, function); every function takes a Timeline.
FORMATS: dict[str, tuple[str, str]] = {
    "text": ("dateline.render.text", "render"),
    "json": ("dateline.render.json", "render"),
    "md": ("dateline.render.markdown", "render"),
    "html": ("dateline.render.html", "render"),
    "csv": ("dateline.render.csv", "render"),
    "timelinejs": ("dateline.render.timelinejs", "render"),
    "png": ("dateline.render.chart", "render_png"),
    "svg": ("dateline.render.chart", "render_svg"),
}


def render(timeline: Timeline, fmt: str) -> str | bytes:
    """The timeline in `fmt` (a key of `FORMATS`): text for most, bytes for PNG."""
    try:
        module_name, function_name = FORMATS[fmt]
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}") from None
    module = importlib.import_module(module_name)
    result: str | bytes = getattr(module, function_name)(timeline)
    return result


def render_parts(timeline: Timeline, fmt: str) -> Iterator[str | bytes]:
    """`render` in pieces to write one after another: JSON a document at a time, so a pile
    larger than memory is never held as one string; the other formats whole."""
    if fmt == "json":
        from dateline.render.json import render_parts as json_parts

        yield from json_parts(timeline)
    else:
        yield render(timeline, fmt)
