"""WARC crawls: HTML records become Articles; broken records are Failures, the rest still read."""

from __future__ import annotations

import gzip
import io

from readkit import page, read_all, warc_bytes
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dateline.model import Article, Failure

BODIES = [
    "The council voted on Tuesday to close the old ferry pier for six months of repairs.",
    "Divers found a second crack in the pier's north pylon during Wednesday's inspection.",
    "The ferry operator moved its morning sailings to the east quay until the work is done.",
]
PAGES = [
    (f"https://harbour.example/{n}", page(f"Pier story {n}", body).encode(), "text/html")
    for n, body in enumerate(BODIES)
]


def articles(results: list[Article | Failure]) -> list[Article]:
    return [r for r in results if isinstance(r, Article)]


def failures(results: list[Article | Failure]) -> list[Failure]:
    return [r for r in results if isinstance(r, Failure)]


def test_plain_and_gzipped_warc_give_one_article_per_page(write) -> None:
    for name, gzipped in (("crawl.warc", False), ("crawl.warc.gz", True)):
        results = read_all(write(name, warc_bytes(PAGES, gzipped=gzipped)))
        assert [a.raw_text for a in articles(results)] == BODIES
        assert [a.title for a in articles(results)] == [f"Pier story {n}" for n in range(3)]
        assert [a.url for a in articles(results)] == [url for url, _, _ in PAGES]
        assert not failures(results)


def test_warc_is_sniffed_without_suffix(write) -> None:
    results = read_all(write("capture.dat", warc_bytes(PAGES, gzipped=False)))
    assert len(articles(results)) == 3


def test_whole_file_gzip_warc(write) -> None:
    data = gzip.compress(warc_bytes(PAGES, gzipped=False))
    results = read_all(write("crawl.warc.gz", data))
    assert [a.raw_text for a in articles(results)] == BODIES and not failures(results)


def test_non_pages_are_skipped_silently(write) -> None:
    records = [
        ("https://harbour.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(50), "image/png"),
        ("https://harbour.example/site.css", b"body { color: black }", "text/css"),
        ("https://harbour.example/robots.txt", b"User-agent: *\nDisallow: /admin\n", "text/plain"),
        ("https://harbour.example/api", b'{"items": []}', ""),
        PAGES[0],
    ]
    results = read_all(write("crawl.warc.gz", warc_bytes(records)))
    assert [a.raw_text for a in articles(results)] == BODIES[:1] and not failures(results)


def test_redirects_are_skipped_and_resource_records_read(write) -> None:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    moved = StatusAndHeaders("301 Moved Permanently", [("Location", "/1")], protocol="HTTP/1.1")
    writer.write_record(
        writer.create_warc_record(
            "https://harbour.example/old", "response", payload=io.BytesIO(b""), http_headers=moved
        )
    )
    writer.write_record(
        writer.create_warc_record(
            "https://harbour.example/note.txt",
            "resource",
            payload=io.BytesIO(BODIES[1].encode()),
            warc_content_type="text/plain",
        )
    )
    (article,) = read_all(write("crawl.warc.gz", buffer.getvalue()))
    assert isinstance(article, Article) and article.raw_text == BODIES[1]


def test_charset_from_http_header(write) -> None:
    body = "The mayor\u2019s office called the repairs \u201curgent\u201d."
    html = page("Pier", body, charset="").replace('<meta charset="">', "").encode("cp1252")
    records = [("https://harbour.example/p", html, "text/html; charset=windows-1252")]
    (article,) = read_all(write("crawl.warc", warc_bytes(records, gzipped=False)))
    assert isinstance(article, Article) and article.raw_text == body


def test_malformed_record_in_plain_warc_costs_only_itself(write) -> None:
    data = warc_bytes(PAGES, gzipped=False, warcinfo=False)
    second = data.index(b"WARC/1.", 1)
    third = data.index(b"WARC/1.", second + 1)
    broken = b"WARC/1.0\r\nnot a header line\r\nContent-Length: 9999\r\n\r\nxx\r\n\r\n"
    path = write("crawl.warc", data[:second] + broken + data[third:])
    results = read_all(path)
    assert [a.raw_text for a in articles(results)] == [BODIES[0], BODIES[2]]
    (failure,) = failures(results)
    assert failure.source.startswith(f"{path}::@") and "malformed WARC record" in failure.reason


def test_corrupt_member_in_gzipped_warc_costs_only_itself(write) -> None:
    data = warc_bytes(PAGES, warcinfo=False)
    members = [b"\x1f\x8b\x08" + part for part in data.split(b"\x1f\x8b\x08")[1:]]
    assert len(members) == 3
    path = write("crawl.warc.gz", members[0] + members[1][:40] + members[2])
    results = read_all(path)
    assert [a.raw_text for a in articles(results)] == [BODIES[0], BODIES[2]]
    assert len(failures(results)) == 1


def test_truncated_warc_gz_keeps_complete_records(write) -> None:
    data = warc_bytes(PAGES, warcinfo=False)
    results = read_all(write("crawl.warc.gz", data[:-60]))
    assert [a.raw_text for a in articles(results)] == BODIES[:2]
    assert "truncated" in failures(results)[0].reason


def test_truncated_whole_file_gzip_warc(write) -> None:
    data = gzip.compress(warc_bytes(PAGES * 20, gzipped=False))
    results = read_all(write("crawl.warc.gz", data[: len(data) // 2]))
    assert articles(results)
    assert failures(results)[-1].reason.startswith("truncated gzip")


def test_truncated_plain_warc(write) -> None:
    data = warc_bytes(PAGES, gzipped=False, warcinfo=False)
    results = read_all(write("crawl.warc", data[: data.rindex(b"WARC/1.") + 120]))
    assert [a.raw_text for a in articles(results)] == BODIES[:2]
    assert len(failures(results)) == 1


def test_html_record_without_body_text_is_a_failure(write) -> None:
    records = [
        (
            "https://harbour.example/empty",
            b"<html><body><nav>Home</nav></body></html>",
            "text/html",
        ),
        PAGES[0],
    ]
    empty, good = read_all(write("crawl.warc.gz", warc_bytes(records)))
    assert isinstance(empty, Failure) and empty.source.endswith("::https://harbour.example/empty")
    assert "no main text" in empty.reason
    assert isinstance(good, Article)
