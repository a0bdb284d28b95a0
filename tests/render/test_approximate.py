"""An entry whose day is known only to a range is shown as that range, marked approximate,
in every format, and never as a precise day; the user's decisions are shown as theirs."""

from __future__ import annotations

import csv
import io
import json

import pytest

from dateline.model import Article, Citation, DayRange, Timeline, TimelineEntry
from dateline.render.precision import range_text

TEXT = (
    "The port authority said on Friday that its talks with the dockers had collapsed. "
    "Negotiators met again on March 3 to try once more."
)
FRIDAY = TEXT.index(" Negotiators")


@pytest.fixture
def timeline() -> Timeline:
    article = Article.from_raw("clip.txt", TEXT, text=TEXT, outlet="Keston Courier")
    first = TEXT[:FRIDAY]
    second = TEXT[FRIDAY + 1 :]
    return Timeline(
        documents=(article,),
        entries=(
            TimelineEntry(
                "2022",
                first,
                (Citation(article.id, first, 0, FRIDAY),),
                within=DayRange("2022-02-25", "2022-03-11", 5),
            ),
            TimelineEntry(
                "2022-03-03",
                second,
                (Citation(article.id, second, FRIDAY + 1, len(TEXT)),),
                decided=("edited",),
            ),
        ),
    )


SHOWN = "a Friday between 25 Feb and 11 Mar 2022"


def test_the_range_in_words() -> None:
    assert range_text(DayRange("2022-02-25", "2022-03-11", 5)) == SHOWN
    assert range_text(DayRange("2021-12-28", "2022-01-04")) == (
        "a day between 28 Dec 2021 and 4 Jan 2022"
    )


def test_text_and_markdown(timeline: Timeline) -> None:
    assert f"{SHOWN} (approximate)" in timeline.to_text()
    assert "March 3, 2022 (edited by you)" in timeline.to_text()
    assert f"**{SHOWN}** *(approximate)*" in timeline.to_markdown()


def test_json_contract(timeline: Timeline) -> None:
    first, second = json.loads(timeline.to_json())["entries"]
    assert first["approximate"] is True
    assert first["within"] == {"earliest": "2022-02-25", "latest": "2022-03-11", "weekday": 5}
    assert first["display_date"] == SHOWN
    assert first["precision"] == "year" and first["date"] == "2022"
    assert first["key"] == f"{timeline.documents[0].id}:0-{FRIDAY}"
    assert (second["approximate"], second["within"], second["decided"]) == (False, None, ["edited"])


def test_csv(timeline: Timeline) -> None:
    rows = list(csv.DictReader(io.StringIO(timeline.to_csv())))
    assert (rows[0]["approximate"], rows[0]["earliest"], rows[0]["latest"]) == (
        "yes",
        "2022-02-25",
        "2022-03-11",
    )
    assert rows[0]["display_date"] == SHOWN
    assert (rows[1]["approximate"], rows[1]["decided"]) == ("no", "edited")


def test_timelinejs_spans_the_range(timeline: Timeline) -> None:
    slide = json.loads(timeline.to_timelinejs())["events"][0]
    assert (slide["start_date"]["month"], slide["start_date"]["day"]) == (2, 25)
    assert (slide["end_date"]["month"], slide["end_date"]["day"]) == (3, 11)
    assert "approximate" in slide["display_date"]
    assert "<em>Approximate</em>" in slide["text"]["text"]


def test_html_viewer_data(timeline: Timeline) -> None:
    page = timeline.to_html()
    assert '"approximate":true' in page and SHOWN in page


def test_chart_draws_approximate_entries_apart(timeline: Timeline) -> None:
    pytest.importorskip("matplotlib")
    assert "approximate date" in timeline.to_svg()
