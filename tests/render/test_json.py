import json

from dateline.date import date_article
from dateline.model import Article, Timeline
from dateline.render import render
from dateline.render.json import timeline_to_dict


def test_contract_fields(timeline):
    data = json.loads(render(timeline, "json"))
    assert set(data) >= {"documents", "entries"}
    doc = data["documents"][0]
    assert set(doc) >= {"id", "path", "title", "outlet", "text", "published"}
    assert set(doc["published"]) >= {"date", "earliest", "latest", "confidence", "evidence"}
    assert doc["published"]["date"] == "2003-12-10"
    assert doc["published"]["evidence"] == ["Published: Dec. 10, 2003"]
    entry = data["entries"][0]
    assert set(entry) >= {"date", "summary", "sources"}
    assert set(entry["sources"][0]) == {"document", "sentence", "start", "end"}


def test_every_source_is_an_exact_span_of_its_document(timeline):
    data = timeline_to_dict(timeline)
    texts = {d["id"]: d["text"] for d in data["documents"]}
    for entry in data["entries"]:
        for source in entry["sources"]:
            assert texts[source["document"]][source["start"] : source["end"]] == source["sentence"]


def test_precision_and_planned(timeline):
    entries = timeline_to_dict(timeline)["entries"]
    assert [e["precision"] for e in entries] == ["day", "day", "month"]
    assert [e["planned"] for e in entries] == [False, False, True]


def test_undated_document_has_null_published_date(timeline):
    docs = timeline_to_dict(timeline)["documents"]
    assert docs[1]["published"]["date"] is None
    assert docs[1]["published"]["confidence"] == 0.0


def test_undated_document_still_gives_its_likeliest_year():
    text = (
        "The ministry said on Friday that the new bridge would open in March.\n\n"
        "It was the second delay since the plan was announced in 2004."
    )
    article = date_article(Article.from_raw("bridge.txt", text, text=text))
    published = timeline_to_dict(Timeline((article,), ()))["documents"][0]["published"]
    assert published["date"] is None
    assert published["likeliest"].startswith("2004-")
    assert published["granularity"] == "year"


def test_json_in_parts_is_the_same_text(timeline):
    from dataclasses import replace

    from dateline.render.json import render, render_parts

    assert "".join(render_parts(timeline)) == render(timeline)
    empty = replace(timeline, documents=())
    assert "".join(render_parts(empty)) == render(empty)
