"""TimelineJS export, validated against a schema written from Knight Lab's JSON format docs."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import pytest

from dateline.model import Article, Timeline
from dateline.render.headlines import headline
from dateline.render.timelinejs import date_object, render

# timeline.knightlab.com/docs/json-format.html, as a small structural schema.
DATE = {
    "required": {"year": int},
    "optional": {
        "month": int,
        "day": int,
        "hour": int,
        "minute": int,
        "second": int,
        "millisecond": int,
        "display_date": str,
    },
}
TEXT = {"required": {}, "optional": {"headline": str, "text": str}}
SLIDE = {
    "required": {"start_date": DATE},
    "optional": {
        "end_date": DATE,
        "text": TEXT,
        "media": dict,
        "group": str,
        "display_date": str,
        "background": dict,
        "autolink": bool,
        "unique_id": str,
    },
}
TITLE = {"required": {}, "optional": {**SLIDE["optional"], "start_date": DATE}}
TIMELINE = {
    "required": {"events": [SLIDE]},
    "optional": {"title": TITLE, "eras": list, "scale": str},
}


def check(value: Any, schema: Any, where: str = "$") -> None:
    """Raise AssertionError naming the path of the first place `value` breaks `schema`."""
    if isinstance(schema, list):
        assert isinstance(value, list), f"{where}: expected a list"
        for i, item in enumerate(value):
            check(item, schema[0], f"{where}[{i}]")
    elif isinstance(schema, dict):
        assert isinstance(value, dict), f"{where}: expected an object"
        allowed = {**schema["required"], **schema["optional"]}
        for key in schema["required"]:
            assert key in value, f"{where}: missing {key}"
        for key, item in value.items():
            assert key in allowed, f"{where}: unknown key {key}"
            check(item, allowed[key], f"{where}.{key}")
    else:
        assert isinstance(value, schema) and not (schema is int and isinstance(value, bool)), (
            f"{where}: expected {schema.__name__}, got {value!r}"
        )


def test_export_matches_the_documented_shape(timeline: Timeline) -> None:
    data = json.loads(render(timeline))
    check(data, TIMELINE)
    assert len(data["events"]) == len(timeline.entries)
    assert data["scale"] == "human"


def test_the_schema_check_catches_bad_shapes() -> None:
    with pytest.raises(AssertionError, match="missing start_date"):
        check({"events": [{"text": {"headline": "x"}}]}, TIMELINE)
    with pytest.raises(AssertionError, match="year"):
        check({"events": [{"start_date": {"year": "2004"}}]}, TIMELINE)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2004", {"year": 2004, "display_date": "2004"}),
        ("2004-02", {"year": 2004, "month": 2, "display_date": "February 2004"}),
        ("2003-07-26", {"year": 2003, "month": 7, "day": 26, "display_date": "July 26, 2003"}),
    ],
)
def test_dates_keep_their_precision(value: str, expected: dict[str, Any]) -> None:
    assert date_object(value) == expected


def test_text_is_html_escaped_and_not_autolinked(timeline: Timeline) -> None:
    data = json.loads(render(timeline))
    first = data["events"][0]
    assert "&lt;b&gt;debate&lt;/b&gt;" in first["text"]["text"]
    # The hostile title is the slide's headline now (a short headline, never its text).
    assert "&lt;script&gt;" in first["text"]["headline"]
    assert "<script>" not in json.dumps(data)
    assert first["autolink"] is False


def test_planned_events_say_so(timeline: Timeline) -> None:
    data = json.loads(render(timeline))
    assert "Planned" in data["events"][2]["text"]["text"]
    assert "Planned" not in data["events"][0]["text"]["text"]


def test_headline_cuts_at_a_word() -> None:
    long = "word " * 40
    cut = headline(long)
    assert len(cut) <= 91 and cut.endswith("…") and not cut.endswith(" …")
    assert headline("Short one.") == "Short one."


def test_no_slide_repeats_its_text(timeline: Timeline) -> None:
    for slide in json.loads(render(timeline))["events"]:
        headline_text, text = slide["text"]["headline"], slide["text"]["text"]
        assert headline_text and headline_text not in text
        body = text.split("</p>", 1)[0]
        assert text.count(body.removeprefix("<p>")) == 1


def test_slides_credit_link_group_and_media() -> None:
    from dateline.model import Citation, TimelineEntry

    a = Article.from_raw(
        "a.json",
        "Troops left Brenna on May 2, 2025, the army said.",
        title="Troops leave Brenna",
        outlet="Coastal Wire",
        author="Ida Sun",
        url="https://coastal.example/troops",
        image="https://coastal.example/t.jpg",
    )
    b = Article.from_raw(
        "b.json",
        "Troops left Brenna on May 2, 2025, officials said today.",
        outlet="The Northern Ledger",
        url="https://ledger.example/b",
    )
    a = dataclasses.replace(a, text=a.raw_text)
    b = dataclasses.replace(b, text=b.raw_text)
    entry = TimelineEntry(
        "2025-05-02",
        a.text,
        (Citation(a.id, a.text, 0, len(a.text)), Citation(b.id, b.text, 0, len(b.text))),
    )
    bare = TimelineEntry("2025-05-02", b.text, (Citation(b.id, b.text, 0, len(b.text)),))
    data = json.loads(render(Timeline((a, b), (entry, bare))))
    first, second = data["events"]
    assert first["text"]["headline"] == "Troops leave Brenna"
    assert first["media"] == {
        "url": "https://coastal.example/t.jpg",
        "credit": "Coastal Wire — Ida Sun",
        "caption": "Troops leave Brenna",
        "link": "https://coastal.example/troops",
        "link_target": "_blank",
    }
    assert "officials said today" in first["text"]["text"]  # the other source, worded otherwise
    assert "media" not in second
    assert 'Source: <a href="https://ledger.example/b"' in second["text"]["text"]
