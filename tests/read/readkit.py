"""Helpers for the reader tests: our own short articles, a WARC builder, result checks."""

from __future__ import annotations

import io
from collections.abc import Iterable
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dateline.model import Article, Failure
from dateline.read import read_paths
from dateline.settings import ReadSettings

STORY = (
    "The harbour bridge reopened to traffic on Thursday morning, six weeks after a winter "
    "storm tore away part of its railing.\n"
    "Engineers worked through February to replace two support cables, the transport office "
    "said."
)

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Harbour bridge reopens after storm repairs | The Coastal Ledger</title>
<meta property="og:site_name" content="The Coastal Ledger">
<meta property="og:title" content="Harbour bridge reopens after storm repairs">
<meta name="author" content="Mara Lindqvist">
<meta property="article:published_time" content="2019-03-14T08:30:00+01:00">
</head>
<body>
<nav><a href="/">Home</a> | <a href="/news">News</a> | <a href="/sport">Sport</a></nav>
<article>
<h1>Harbour bridge reopens after storm repairs</h1>
<p>The harbour bridge reopened to traffic on Thursday morning, six weeks after a winter storm
tore away part of its railing and damaged two support cables.</p>
<p>Engineers worked through February to replace the cables, the city's transport office said.
The repairs cost about 4.2 million euros, roughly a third more than first estimated.</p>
</article>
<footer>&copy; 2019 The Coastal Ledger. <a href="/privacy">Privacy</a></footer>
</body>
</html>
"""


def page(title: str, body: str, charset: str = "utf-8") -> str:
    """A small news page with one headline and one paragraph."""
    return (
        f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>{title}</title></head>'
        f"<body><article><h1>{title}</h1><p>{body}</p></article></body></html>"
    )


def warc_bytes(
    records: Iterable[tuple[str, bytes, str]], gzipped: bool = True, warcinfo: bool = True
) -> bytes:
    """A WARC file of HTTP responses: (url, payload, content type) each."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzipped)
    if warcinfo:
        writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "tests"}))
    for url, payload, content_type in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            url, "response", payload=io.BytesIO(payload), http_headers=headers
        )
        writer.write_record(record)
    return buffer.getvalue()


def read_all(*paths: str | Path, settings: ReadSettings | None = None) -> list[Article | Failure]:
    return list(read_paths(paths, settings or ReadSettings()))


def only_article(results: list[Article | Failure]) -> Article:
    assert len(results) == 1, results
    assert isinstance(results[0], Article), results[0]
    return results[0]


def only_failure(results: list[Article | Failure]) -> Failure:
    assert len(results) == 1, results
    assert isinstance(results[0], Failure), results[0]
    return results[0]
