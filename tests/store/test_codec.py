"""The article codec is lossless through JSON and tolerant of older and newer stored data."""

from __future__ import annotations

import json
from datetime import date

import pytest

from dateline.model import Article, Event, PublicationDate, Quantity, Sentence, TimeMention
from dateline.store.codec import article_from_dict, article_to_dict

TEXT = "The ramp cracked on Tuesday. Repairs take three weeks."


def _full_article() -> Article:
    first = Sentence(0, 28, "The ramp cracked on Tuesday.")
    return Article.from_raw(
        "wire/ferry.jsonl::3",
        "KESTON (Northwire) - " + TEXT,
        title="Ferries halted",
        outlet="Northwire",
        author="Ana Lindqvist",
        url="https://example.org/ferry",
        metadata_date=date(2025, 3, 4),
        text=TEXT,
        header=("KESTON (Northwire)", "March 4, 2025"),
        published=PublicationDate(
            date(2025, 3, 4), date(2025, 3, 3), date(2025, 3, 5), 0.85, ("March 4, 2025",), "header"
        ),
        sentences=(first, Sentence(29, len(TEXT), "Repairs take three weeks.")),
        timexes=(
            TimeMention(20, 27, "Tuesday", "DATE", "2025-03-04", "day", "2025-03-04"),
            TimeMention(42, 53, "three weeks", "DURATION", "P3W", "week", None, "APPROX"),
        ),
        events=(
            Event(
                "ab12",
                first,
                "2025-03-04",
                "crack",
                ("ramp",),
                "Keston",
                (Quantity("three weeks", 3.0, "week"),),
                False,
                "explicit",
            ),
        ),
        duplicate_of="0123456789abcdef",
        outlets=("Northwire", "Keston Courier"),
    )


@pytest.mark.parametrize(
    "original",
    [
        _full_article(),
        Article.from_raw("notes.txt", "Just raw text, nothing else yet."),
        Article.from_raw("x.txt", "Undated.", published=PublicationDate(None, None, None, 0.0)),
    ],
)
def test_round_trip_through_json_is_lossless(original: Article) -> None:
    encoded = json.dumps(article_to_dict(original))
    assert article_from_dict(json.loads(encoded)) == original


def test_dates_are_iso_strings_and_tuples_lists() -> None:
    data = article_to_dict(_full_article())
    assert data["metadata_date"] == "2025-03-04"
    assert data["published"]["earliest"] == "2025-03-03"
    assert data["header"] == ["KESTON (Northwire)", "March 4, 2025"]
    assert data["events"][0]["sentence"]["text"] == "The ramp cracked on Tuesday."


def test_missing_fields_take_defaults_and_unknown_keys_are_ignored() -> None:
    data = {
        "id": "0011223344556677",
        "source": "a.txt",
        "raw_text": "Body.",
        "field_from_the_future": {"x": 1},
    }
    article = article_from_dict(data)
    assert article == Article("0011223344556677", "a.txt", "Body.")


def test_integer_confidence_decodes_as_float() -> None:
    data = article_to_dict(Article.from_raw("a.txt", "Body."))
    data["published"] = {
        "date": "2025-01-02",
        "earliest": None,
        "latest": None,
        "confidence": 1,
        "evidence": [],
        "method": "metadata",
    }
    published = article_from_dict(data).published
    assert published is not None and isinstance(published.confidence, float)


@pytest.mark.parametrize(
    "broken",
    [
        {"source": "a.txt", "raw_text": "no id"},
        {"id": "1", "source": "a.txt", "raw_text": "x", "metadata_date": "not a date"},
        {"id": "1", "source": "a.txt", "raw_text": "x", "published": "yesterday"},
    ],
)
def test_malformed_data_raises_a_plain_error(broken: dict[str, object]) -> None:
    with pytest.raises((ValueError, TypeError)):
        article_from_dict(broken)


def test_public_names_are_pinned() -> None:
    import dateline.store

    assert sorted(dateline.store.__all__) == [
        "AddResult",
        "ArticleStore",
        "Store",
        "article_from_dict",
        "article_to_dict",
        "open_store",
    ]
