"""Rebuild the sample corpus's WARC file from the HTML pages beside this script.

The WARC in `src/dateline/data/sample/articles/` is committed as a binary; this script is how
it was made, so a change to a page here is a rebuild, not a hand edit of the archive:

    .venv/bin/python tests/data/build_sample_warc.py

Record ids and dates are fixed, so the same pages give the same records.
"""

from __future__ import annotations

import uuid
from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HERE = Path(__file__).resolve().parent
PAGES = HERE / "sample_warc"
TARGET = (
    HERE.parents[1] / "src" / "dateline" / "data" / "sample" / "articles" / "crawl-2006.warc.gz"
)

# The crawl ran weeks after the newest page was written: the WARC-Date is the capture time,
# never the publication date, which is what makes this file a useful test of the date stage.
CRAWL_DATE = "2006-08-02T14:03:11Z"
HTTP_DATE = "Wed, 02 Aug 2006 14:03:11 GMT"

# page file -> URL it was captured from
CAPTURES = {
    "frontline-monitor-looking-back.html": "https://frontline-monitor.example/2006/07/looking-back-on-sabrin",
    "nl-airlift-continues.html": "https://www.northernledger.example/national/2006/07/18/air-force-to-keep-flying-from-tarsel",
    "mp-sabrin-wells.html": "https://www.meridianpost.example/world/estmark-sabrin-wells-a7f3",
}


def record_id(name: str) -> str:
    return f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, name)}>"


def build(target: Path = TARGET) -> Path:
    """Write the WARC (warcinfo + one response per page) and return its path."""
    with target.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        info = writer.create_warcinfo_record(
            target.name,
            {"software": "dateline sample corpus builder", "description": "sample crawl"},
        )
        info.rec_headers.replace_header("WARC-Date", CRAWL_DATE)
        info.rec_headers.replace_header("WARC-Record-ID", record_id(target.name))
        writer.write_record(info)
        for name, url in CAPTURES.items():
            body = (PAGES / name).read_bytes()
            http = StatusAndHeaders(
                "200 OK",
                [
                    ("Content-Type", "text/html; charset=utf-8"),
                    ("Content-Length", str(len(body))),
                    ("Date", HTTP_DATE),
                ],
                protocol="HTTP/1.1",
            )
            record = writer.create_warc_record(
                url,
                "response",
                payload=BytesIO(body),
                http_headers=http,
                warc_headers_dict={"WARC-Date": CRAWL_DATE, "WARC-Record-ID": record_id(url)},
            )
            writer.write_record(record)
    return target


if __name__ == "__main__":
    print(build())
