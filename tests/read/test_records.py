"""JSON and JSON Lines dumps in the shapes scrapers and news APIs write them."""

from __future__ import annotations

import codecs
import json
from datetime import date

from readkit import PAGE, STORY, only_article, read_all

from dateline.model import Article, Failure
from dateline.settings import ReadSettings


def test_api_shaped_record_with_nested_source_and_author_list(write) -> None:
    record = {
        "headline": "Bridge reopens",
        "content": ["The bridge reopened on Thursday.", "Ferries return on Monday."],
        "publishedAt": "2019-03-14T07:30:00Z",
        "source": {"id": "ledger", "name": "The Coastal Ledger"},
        "authors": [{"name": "Mara Lindqvist"}, "Tom Berg"],
        "link": "https://ledger.example/bridge",
    }
    article = only_article(read_all(write("api.jsonl", json.dumps(record))))
    assert article.raw_text == "The bridge reopened on Thursday.\n\nFerries return on Monday."
    assert article.title == "Bridge reopens"
    assert article.outlet == "The Coastal Ledger"
    assert article.author == "Mara Lindqvist, Tom Berg"
    assert article.url == "https://ledger.example/bridge"
    assert article.metadata_date == date(2019, 3, 14)


def test_object_wrapping_a_list_of_records(write) -> None:
    dump = {"status": "ok", "articles": [{"text": STORY}, {"text": "Ferries return on Monday."}]}
    for text in (json.dumps(dump), json.dumps(dump, indent=2)):
        results = read_all(write("api.json", text))
        assert [r.raw_text for r in results] == [STORY, "Ferries return on Monday."]  # type: ignore[union-attr]


def test_record_with_only_html_goes_through_the_html_reader(write) -> None:
    record = {"html": PAGE, "date": "2019-03-15", "outlet": "Ledger Wire"}
    article = only_article(read_all(write("pages.jsonl", json.dumps(record))))
    assert article.raw_text.startswith("The harbour bridge reopened")
    assert article.title == "Harbour bridge reopens after storm repairs"
    assert article.author == "Mara Lindqvist"
    # The dump's own fields win over what the page says.
    assert article.outlet == "Ledger Wire" and article.metadata_date == date(2019, 3, 15)


def test_json_lines_saved_as_json_with_a_long_first_line(write) -> None:
    long_text = "The harbour authority published its report. " * 2000  # past the sniffed head
    lines = [json.dumps({"text": long_text}), json.dumps({"text": STORY})]
    results = read_all(write("dump.json", "\n".join(lines)))
    assert [type(r) for r in results] == [Article, Article]


def test_utf16_json_lines(write) -> None:
    lines = "\n".join(json.dumps({"text": t}, ensure_ascii=False) for t in ("Zürich", "Malmö"))
    results = read_all(write("dump.jsonl", codecs.BOM_UTF16_LE + lines.encode("utf-16-le")))
    assert [r.raw_text for r in results] == ["Zürich", "Malmö"]  # type: ignore[union-attr]


def test_cp1252_line_in_utf8_json_lines(write) -> None:
    good = json.dumps({"text": "Plain ASCII story."}).encode()
    legacy = '{"text": "Le ministre a déclaré à Genève que la réunion est reportée."}'
    path = write("dump.jsonl", good + b"\n" + legacy.encode("cp1252") + b"\n")
    _, second = read_all(path)
    assert isinstance(second, Article) and "déclaré à Genève" in second.raw_text


def test_crlf_inside_record_text_becomes_lf(write) -> None:
    article = only_article(read_all(write("d.jsonl", json.dumps({"text": "One.\r\nTwo.\rThree."}))))
    assert article.raw_text == "One.\nTwo.\nThree."


def test_bad_records_each_named(write) -> None:
    lines = ['{"text": "Good story."}', "[1, 2]", '{"text": ""}', '{"text": 5}', "not json"]
    path = write("dump.jsonl", "\n".join(lines))
    results = read_all(path)
    assert isinstance(results[0], Article)
    assert results[1] == Failure(f"{path}:2", "record is a JSON list, not an object")
    assert all(isinstance(r, Failure) for r in results[1:])
    assert [r.source for r in results[1:]] == [f"{path}:{n}" for n in (2, 3, 4, 5)]
    assert "no text" in results[2].reason and "invalid JSON" in results[4].reason  # type: ignore[union-attr]


def test_configured_field_names_win_over_aliases(write) -> None:
    record = {"text": "Teaser only.", "full": STORY, "title": "Wrong", "hed": "Right"}
    settings = ReadSettings(text_field="full", title_field="hed")
    article = only_article(read_all(write("d.jsonl", json.dumps(record)), settings=settings))
    assert (article.raw_text, article.title) == (STORY, "Right")


def test_absurdly_nested_json_is_a_failure(write) -> None:
    deep = "[" * 100_000 + "]" * 100_000
    for name in ("deep.json", "deep.jsonl"):
        (failure,) = read_all(write(name, deep))
        assert isinstance(failure, Failure) and "nested too deeply" in failure.reason
