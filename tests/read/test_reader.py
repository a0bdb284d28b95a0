"""End-to-end reading of files, folders and stdin, and every bad-input case."""

from __future__ import annotations

import codecs
import gzip
import io
import json
import os
from datetime import date
from pathlib import Path

import pytest
from readkit import PAGE, STORY, only_article, only_failure, read_all, warc_bytes

from dateline.model import Article, Failure
from dateline.read import read_paths
from dateline.settings import ReadSettings

CHROME_STORY = (
    "Skip to main content\nThe Coastal Ledger\nHome | News | Sport | Weather\n\n"
    "Harbour bridge reopens\n" + STORY + "\n\nShare on Facebook\n(c) 2019 The Coastal Ledger\n"
)


def test_plain_text_is_kept_as_is_with_chrome(write) -> None:
    article = only_article(read_all(write("story.txt", CHROME_STORY)))
    assert article.raw_text == CHROME_STORY
    assert article.text == ""
    assert article.title == "" and article.metadata_date is None
    assert article.source.endswith("story.txt")


def test_same_content_gets_same_id_from_any_file(write) -> None:
    first = only_article(read_all(write("a.txt", STORY)))
    second = only_article(read_all(write("b.txt", STORY.replace("\n", "\r\n"))))
    assert first.id == second.id
    assert second.raw_text == STORY


@pytest.mark.parametrize(
    "data",
    [
        codecs.BOM_UTF8 + STORY.encode(),
        codecs.BOM_UTF16_LE + STORY.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + STORY.encode("utf-16-be"),
        STORY.replace("\n", "\r\n").encode(),
        STORY.replace("\n", "\r").encode(),
    ],
    ids=["utf8-bom", "utf16le-bom", "utf16be-bom", "crlf", "cr"],
)
def test_boms_and_line_ends(write, data: bytes) -> None:
    assert only_article(read_all(write("story.txt", data))).raw_text == STORY


def test_cp1252_text_is_detected(write) -> None:
    text = "Le ministre a d\u00e9clar\u00e9 \u00e0 Gen\u00e8ve : \u00ab la r\u00e9union est report\u00e9e \u00bb \u2013 jeudi."
    assert only_article(read_all(write("story.txt", text.encode("cp1252")))).raw_text == text


def test_html_gives_main_text_and_metadata(write) -> None:
    article = only_article(read_all(write("bridge.html", PAGE)))
    assert article.title == "Harbour bridge reopens after storm repairs"
    assert article.outlet == "The Coastal Ledger"
    assert article.author == "Mara Lindqvist"
    assert article.metadata_date == date(2019, 3, 14)
    assert article.raw_text.startswith("The harbour bridge reopened to traffic on Thursday")
    assert "Home" not in article.raw_text and "Privacy" not in article.raw_text
    assert article.title not in article.raw_text


def test_html_is_sniffed_whatever_the_suffix(write) -> None:
    article = only_article(read_all(write("saved-page.txt", PAGE)))
    assert article.title == "Harbour bridge reopens after storm repairs"


def test_html_in_a_declared_legacy_charset(write) -> None:
    page = PAGE.replace('charset="utf-8"', 'charset="windows-1252"').replace(
        "transport office", "transport office\u2019s spokesman"
    )
    article = only_article(read_all(write("bridge.htm", page.encode("cp1252"))))
    assert "transport office\u2019s spokesman" in article.raw_text


def test_jsonl_one_article_per_record_and_bad_line_named(write) -> None:
    lines = [
        json.dumps(
            {
                "text": STORY,
                "title": "Bridge reopens",
                "date": "2019-03-14",
                "url": "https://ledger.example/bridge",
                "outlet": "The Coastal Ledger",
                "author": "Mara Lindqvist",
            }
        ),
        "",
        '{"text": "broken record',
        json.dumps(
            {
                "body": "Ferries return to the normal timetable on Monday.",
                "headline": "Ferries back",
                "published_at": "Mar. 18, 2019",
            }
        ),
    ]
    path = write("dump.jsonl", "\n".join(lines) + "\n")
    first, bad, last = read_all(path)
    assert isinstance(first, Article) and isinstance(last, Article)
    assert first.source == f"{path}::1"
    assert (first.title, first.outlet, first.author) == (
        "Bridge reopens",
        "The Coastal Ledger",
        "Mara Lindqvist",
    )
    assert first.url == "https://ledger.example/bridge"
    assert first.metadata_date == date(2019, 3, 14)
    assert isinstance(bad, Failure) and bad.source == f"{path}:3" and "invalid JSON" in bad.reason
    assert last.title == "Ferries back" and last.metadata_date == date(2019, 3, 18)


def test_jsonl_field_names_come_from_settings(write) -> None:
    record = {"story": STORY, "dct": "2010-04-20", "headline": "Spill"}
    settings = ReadSettings(text_field="story", date_field="dct")
    article = only_article(read_all(write("d.jsonl", json.dumps(record)), settings=settings))
    assert article.raw_text == STORY and article.metadata_date == date(2010, 4, 20)


def test_json_list_and_single_record(write) -> None:
    records = [{"text": STORY, "date": "26 February 2004"}, {"text": "Second story, told briefly."}]
    many = read_all(write("list.json", json.dumps(records, indent=2)))
    assert [a.source.rsplit("::", 1)[1] for a in many] == ["1", "2"]
    assert many[0].metadata_date == date(2004, 2, 26)  # type: ignore[union-attr]
    one = only_article(read_all(write("one.json", json.dumps(records[0], indent=2))))
    assert one.raw_text == STORY and one.source.endswith("one.json")


def test_json_bad_record_is_named_and_others_read(write) -> None:
    path = write("list.json", json.dumps([{"text": STORY}, 42, {"title": "no text"}]))
    good, number, empty = read_all(path)
    assert isinstance(good, Article)
    assert number == Failure(f"{path}:record 2", "record is a JSON number, not an object")
    assert isinstance(empty, Failure) and "no text" in empty.reason


def test_stdin_dash(write) -> None:
    results = list(read_paths(["-"], stdin=io.BytesIO(STORY.encode("utf-16"))))
    article = only_article(results)
    assert article.raw_text == STORY and article.source == "<stdin>"


def test_stdin_jsonl_and_gzip() -> None:
    data = gzip.compress(b'{"text": "One."}\n{"text": "Two."}\n')
    results = list(read_paths(["-"], stdin=io.BytesIO(data)))
    assert [r.raw_text for r in results] == ["One.", "Two."]  # type: ignore[union-attr]


def test_folder_is_recursive_sorted_and_skips_hidden(write, tmp_path: Path) -> None:
    write("b.txt", "Story B is about the harbour.")
    write("a/z.txt", "Story Z is about the ferry.")
    write("a/c.txt", "Story C is about the bridge.")
    write(".hidden.txt", "Never read.")
    write(".git/config.txt", "Never read either.")
    sources = [Path(r.source).relative_to(tmp_path).as_posix() for r in read_all(tmp_path)]
    assert sources == ["b.txt", "a/c.txt", "a/z.txt"]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("story.txt.gz", STORY),
        ("page.html.gz", PAGE),
        ("dump.jsonl.gz", json.dumps({"text": STORY}) + "\n"),
        ("dump.json.gz", json.dumps([{"text": STORY}])),
        ("noname.gz", STORY),
    ],
)
def test_gzip_of_each_format(write, name: str, content: str) -> None:
    article = only_article(read_all(write(name, gzip.compress(content.encode()))))
    assert "harbour bridge reopened" in article.raw_text


def test_gzipped_warc(write) -> None:
    data = warc_bytes([("https://ledger.example/bridge", PAGE.encode(), "text/html")])
    article = only_article(read_all(write("crawl.warc.gz", data)))
    assert article.source.endswith("crawl.warc.gz::https://ledger.example/bridge")
    assert article.url == "https://ledger.example/bridge"


@pytest.mark.parametrize(
    ("name", "content", "fragment"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\t\n", "empty file"),
        ("empty.txt.gz", gzip.compress(b"", mtime=0), "empty file (after decompression)"),
        ("tool.txt", b"\x7fELF\x02\x01\x01" + bytes(200), "binary file"),
        ("scan.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        ("noise.dat", bytes(range(1, 9)) * 100, "control characters"),
        ("cut.txt.gz", gzip.compress(STORY.encode() * 50, mtime=0)[:-40], "truncated gzip"),
        ("bad.gz", b"\x1f\x8b\x08\x00garbage that is not deflate", "gzip"),
        ("nav.html", "<html><body><nav>Home | News</nav></body></html>", "no main text"),
        ("broken.json", '[{"text": "unterminated', "invalid JSON"),
        ("empty.json", "[]", "no records"),
    ],
)
def test_bad_inputs_are_one_line_failures(
    write, name: str, content: bytes | str, fragment: str
) -> None:
    path = write(name, content)
    failure = only_failure(read_all(path))
    assert failure.source == str(path)
    assert fragment in failure.reason and "\n" not in failure.reason


def test_missing_path(tmp_path: Path) -> None:
    failure = only_failure(read_all(tmp_path / "nope.txt"))
    assert failure.reason == "no such file or folder"


def test_file_over_max_bytes_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(200 * 1024 * 1024)  # sparse: all NULs, so only the size check says why
    failure = only_failure(read_all(path))
    assert "too large" in failure.reason


def test_decompressed_size_over_max_bytes_is_refused(write) -> None:
    path = write("bomb.txt.gz", gzip.compress(b"the harbour bridge " * 10_000))
    failure = only_failure(read_all(path, settings=ReadSettings(max_bytes=50_000)))
    assert "too large" in failure.reason


def test_jsonl_streams_past_max_bytes_but_caps_each_record(write) -> None:
    small = json.dumps({"text": "A short story about the harbour."})
    big = json.dumps({"text": "word " * 400})
    path = write("dump.jsonl", "\n".join([small, big, small]) + "\n")
    results = read_all(path, settings=ReadSettings(max_bytes=1000))
    assert [type(r).__name__ for r in results] == ["Article", "Failure", "Article"]
    assert results[1].source == f"{path}:2" and "too large" in results[1].reason  # type: ignore[union-attr]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_unreadable_file(write) -> None:
    path = write("secret.txt", STORY)
    path.chmod(0)
    failure = only_failure(read_all(path))
    assert failure.reason == "permission denied"


def test_mixed_folder(write, tmp_path: Path) -> None:
    write("wire/story.txt", CHROME_STORY)
    write("web/bridge.html", PAGE)
    write(
        "dumps/records.jsonl",
        "\n".join(json.dumps({"text": f"Story {n} about the ferry."}) for n in range(3)),
    )
    pages = [
        (
            f"https://ledger.example/{n}",
            PAGE.replace("Thursday", f"day {n}").encode(),
            "text/html; charset=utf-8",
        )
        for n in range(2)
    ]
    write("crawls/crawl.warc.gz", warc_bytes(pages))
    write("dumps/broken.bin", b"\x00\x01\x02\x03" * 64)
    results = read_all(tmp_path)
    articles = [r for r in results if isinstance(r, Article)]
    failures = [r for r in results if isinstance(r, Failure)]
    assert len(articles) == 1 + 1 + 3 + 2
    assert len(failures) == 1 and failures[0].source.endswith("broken.bin")


def test_a_pipe_is_read(tmp_path: Path) -> None:
    read_end, write_end = os.pipe()
    os.write(write_end, STORY.encode())
    os.close(write_end)
    try:
        article = only_article(read_all(f"/dev/fd/{read_end}"))
    finally:
        os.close(read_end)
    assert article.raw_text == STORY


def test_fifo_in_a_folder_is_not_opened(write, tmp_path: Path) -> None:
    write("story.txt", STORY)
    os.mkfifo(tmp_path / "queue")
    fifo, article = read_all(tmp_path)
    assert isinstance(article, Article)
    assert fifo == Failure(str(tmp_path / "queue"), "not a regular file")


def test_large_warc_streams_but_caps_each_record(write) -> None:
    small = [(f"https://ledger.example/{n}", PAGE.encode(), "text/html") for n in range(3)]
    big = [
        (
            "https://ledger.example/big",
            PAGE.replace("</article>", "<p>x</p>" * 2000).encode(),
            "text/html",
        )
    ]
    path = write("crawl.warc.gz", warc_bytes(small + big + small[:1]))
    results = read_all(path, settings=ReadSettings(max_bytes=8_000))
    assert path.stat().st_size > 0
    assert [type(r).__name__ for r in results] == ["Article"] * 3 + ["Failure", "Article"]
    assert "too large" in results[3].reason  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "content",
    [
        "[Harbour Live] Bridge reopens after repairs\n\n" + STORY,
        "{Updated} Bridge reopens after repairs\n" + STORY,
        '["a list", "of strings, not records"]',
    ],
)
def test_text_that_only_looks_like_json_is_text(write, content: str) -> None:
    article = only_article(read_all(write("clipping.txt", content)))
    assert article.raw_text == content


def test_text_file_holding_json_records_is_read_as_records(write) -> None:
    record = {"text": STORY, "title": "Bridge reopens", "date": "2019-03-14"}
    article = only_article(read_all(write("export.txt", json.dumps([record]))))
    assert article.title == "Bridge reopens" and article.raw_text == STORY


def test_a_page_in_a_script_without_spaces_has_main_text(write) -> None:
    body = "".join(
        f"<p>{line}</p>"
        for line in (
            "港の橋は三か月の修理を終えて今朝再び開通した。",
            "市によると、通勤の車はこれまで遠回りを強いられていた。",
        )
    )
    article = only_article(
        read_all(write("hashi.html", f"<html><body><article>{body}</article></body></html>"))
    )
    assert "港の橋" in article.raw_text and article.extracted


def test_lone_surrogates_in_json_fields_become_replacement_characters(write) -> None:
    line = json.dumps({"text": STORY, "title": "Bridge", "author": "Mara"})
    line = line.replace('"Bridge"', '"Bridge \\ud800 reopens"').replace('"Mara"', '"\\udfff"')
    article = only_article(read_all(write("s.jsonl", line)))
    assert article.title == "Bridge \ufffd reopens" and article.author == "\ufffd"
    article.title.encode("utf-8")
    # Recorded, not silent (issue 14.1): the article says what was replaced.
    assert article.notes == ("replaced 2 unencodable characters (lone surrogates) with U+FFFD",)
    clean = only_article(read_all(write("ok.jsonl", json.dumps({"text": STORY}))))
    assert clean.notes == ()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("wrapped.json", '{"items": []}'),
        ("lines.jsonl", '{"items": []}\n'),
        ("cut.warc", b"WARC/1.0\r\nWARC-Type: resp"),
    ],
)
def test_a_file_that_gives_nothing_is_named(write, name: str, content: bytes | str) -> None:
    failure = only_failure(read_all(write(name, content)))
    assert failure.source.endswith(name) and "no articles" in failure.reason


def test_a_file_name_that_is_not_utf8_is_read_and_shown_escaped(tmp_path: Path) -> None:
    raw = os.fsencode(tmp_path) + b"/bridge-\xff.txt"
    with open(raw, "wb") as handle:
        handle.write(STORY.encode())
    article = only_article(read_all(tmp_path))
    assert article.source.endswith("bridge-\\xff.txt")
    article.source.encode("utf-8")
