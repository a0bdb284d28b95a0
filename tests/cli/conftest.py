"""A mixed folder like a reporter's: chrome-laden text, HTML, JSON Lines, a WARC crawl."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

TXT_WITH_CHROME = """Skip to main content
Home | News | Politics | Sport | Weather
Ferry line suspended after harbour crane collapse
Ferry line suspended after harbour crane collapse
By Tomas Reyna
Published: March 4, 2011
Share on Facebook  Share on Twitter  Email this story
The regional ferry line to Kestrel Island was suspended on March 3, 2011, after a container crane collapsed onto the main loading ramp at Port Avel.
Nobody was injured in the collapse, which happened shortly before the evening sailing, harbour officials said.
The operator said repairs to the ramp would take at least six weeks and that a temporary pier would open on April 18, 2011.
Island residents told reporters that the closure had left them dependent on a single small cargo boat.
Top stories
Mayor unveils new budget plan
City council votes on tram extension
(c) 2011 Avel Evening Post. All rights reserved.
Terms of use | Privacy policy | Contact the newsroom
"""

HTML_PAGE = """<!DOCTYPE html>
<html><head><title>Port Avel reopens ramp | Harbour Times</title>
<meta property="article:published_time" content="2011-05-02T09:00:00Z">
<meta property="og:site_name" content="Harbour Times"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Port Avel reopens ramp</h1>
<p>The damaged loading ramp at Port Avel reopened on May 1, 2011, ending an eight-week
suspension of the Kestrel Island ferry line.</p>
<p>Engineers replaced the crane rail and strengthened the ramp before the first sailing, the
harbour authority said in a statement on Sunday.</p>
<p>Ferry operator Blue Tern Lines said it would add two extra sailings a day until the backlog
of freight had cleared.</p></article>
<footer>Copyright 2011 Harbour Times</footer></body></html>
"""

JSONL_RECORDS = [
    {
        "title": "Inquiry into crane collapse opens",
        "date": "2011-06-14",
        "outlet": "Coastal Record",
        "url": "https://example.org/inquiry",
        "text": "A public inquiry into the crane collapse at Port Avel opened on June 13, 2011. "
        "The inquiry will hear evidence from dock workers and the crane's manufacturer.",
    },
    {
        "title": "Crane maker recalls model",
        "outlet": "Coastal Record",
        "text": "The manufacturer of the crane that collapsed at Port Avel recalled 14 cranes of "
        "the same model on July 2, 2011, citing a fault in the rail clamps.",
    },
]

WARC_PAGE = """<!DOCTYPE html><html><head><title>Inquiry report published</title>
<meta property="article:published_time" content="2011-11-20"></head>
<body><article><h1>Inquiry report published</h1>
<p>The inquiry into the Port Avel crane collapse published its final report on Nov. 19, 2011,
blaming worn rail clamps and missed inspections.</p>
<p>The report made twelve recommendations, including monthly inspections of every crane on
the harbour front.</p></article></body></html>
"""


def write_warc_gz(path: Path, pages: dict[str, str]) -> None:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for url, html in pages.items():
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(html.encode("utf-8")), http_headers=headers
            )
            writer.write_record(record)


@pytest.fixture
def mixed_corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    (folder / "web").mkdir(parents=True)
    (folder / "ferry.txt").write_text(TXT_WITH_CHROME, encoding="utf-8")
    (folder / "web" / "ramp.html").write_text(HTML_PAGE, encoding="utf-8")
    (folder / "records.jsonl").write_text(
        "\n".join(json.dumps(r) for r in JSONL_RECORDS) + "\n", encoding="utf-8"
    )
    write_warc_gz(folder / "crawl.warc.gz", {"https://example.org/report": WARC_PAGE})
    return folder


@pytest.fixture
def corpus_with_bad_files(mixed_corpus: Path) -> Path:
    (mixed_corpus / "empty.txt").write_bytes(b"")
    (mixed_corpus / "image.txt").write_bytes(bytes(range(256)) * 8)
    story = " ".join(f"line {n} of a long story" for n in range(2000)).encode()
    (mixed_corpus / "cut.txt.gz").write_bytes(gzip.compress(story)[:400])
    return mixed_corpus
