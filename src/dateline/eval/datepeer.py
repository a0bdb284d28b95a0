"""The peer for article dates: htmldate's extensive search, run on the same inputs.

On a saved page htmldate reads the HTML as it is; on copied text it reads the text wrapped in
the least markup that makes it a page (one paragraph per line), so it sees what dateline sees.
"""

from __future__ import annotations

import gzip
import html
import logging
from datetime import date
from pathlib import Path

_HTML_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")
PEER_NAME = "htmldate.find_date(extensive_search=True, original_date=True)"


def peer_dates(paths: list[Path]) -> dict[str, date | None]:
    """htmldate's date for each file, by file name (None when it finds none or fails)."""
    from htmldate import find_date

    logging.getLogger("htmldate").setLevel(logging.CRITICAL)
    found: dict[str, date | None] = {}
    for path in paths:
        try:
            page = _page(path)
            value = find_date(page, extensive_search=True, original_date=True)
            found[path.name] = date.fromisoformat(value) if value else None
        except Exception:  # a peer that fails on a page simply has no date
            found[path.name] = None
    return found


def _page(path: Path) -> str | bytes:
    raw = path.read_bytes()
    if raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    if path.name.lower().endswith(_HTML_SUFFIXES):
        return raw
    text = raw.decode("utf-8", errors="replace")
    paragraphs = "".join(f"<p>{html.escape(line)}</p>\n" for line in text.splitlines())
    return f"<html><body>\n{paragraphs}</body></html>"
