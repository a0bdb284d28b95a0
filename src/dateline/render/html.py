"""A timeline as one self-contained, interactive HTML file to publish or mail around.

It is the web app's timeline viewer with its data inlined: script, style and data live in the
page, nothing is fetched, and a Content-Security-Policy meta tag (hashes of the page's own
script and style) keeps it that way. The data sits in a `<script type="application/json">`
block with `<`, `>`, `&` and line separators escaped, so article text can never close the
block or become markup; the viewer puts text in the page with textContent only.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
from importlib import resources
from typing import Any

from dateline.model import Timeline
from dateline.render.view import timeline_view

_ASSETS = resources.files("dateline.render") / "viewer"


def _asset(name: str) -> str:
    return (_ASSETS / name).read_text(encoding="utf-8")


def script_json(data: Any) -> str:
    """JSON that is safe inside a <script> element: no tag, entity or line break can form."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for raw, escaped in (
        ("&", "\\u0026"),
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(raw, escaped)
    return text


def _hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def render(timeline: Timeline, title: str = "Timeline") -> str:
    """The whole page as a string; open it in any browser, online or not."""
    css, viewer, boot = (_asset(n) for n in ("dateline.css", "viewer.js", "export.js"))
    csp = (
        f"default-src 'none'; script-src {_hash(viewer)} {_hash(boot)}; "
        f"style-src {_hash(css)}; img-src data:; base-uri 'none'; form-action 'none'"
    )
    outlets = {a.outlet for a in timeline.documents if a.outlet}
    subtitle = (
        f"{len(timeline.entries)} entries from {len(timeline.documents)} articles"
        f"{f' in {len(outlets)} outlets' if outlets else ''}"
    )
    page = _asset("export.html")
    # Replaced one at a time, data last, so no inserted text is ever scanned for a marker.
    for marker, value in (
        ("{{csp}}", html.escape(csp, quote=False)),
        ("{{title}}", html.escape(title)),
        ("{{subtitle}}", html.escape(subtitle)),
        ("{{controls}}", _asset("timeline-controls.html")),
    ):
        page = page.replace(marker, value)
    head, _, rest = page.partition("{{css}}")
    page = head + css + rest
    head, _, rest = page.partition("{{viewer}}")
    page = head + viewer + rest
    head, _, rest = page.partition("{{boot}}")
    page = head + boot + rest
    head, _, rest = page.partition("{{data}}")
    return head + script_json(timeline_view(timeline, include_text=True)) + rest
