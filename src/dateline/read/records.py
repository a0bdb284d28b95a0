"""JSON and JSON Lines dumps: one Article per record, one Failure per bad record.

Field names come from `ReadSettings`; when a record lacks the configured field, the names
common scrapers and news APIs use are tried ("body", "headline", "published_at", "dct", ...),
so a dump reads without configuration. A record holding only HTML goes through the HTML reader.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from dateline.model import Article, Failure
from dateline.read.decode import normalise_newlines, unencodable, valid_unicode
from dateline.read.html import image_address, read_html
from dateline.read.metadate import parse_date
from dateline.settings import ReadSettings

_ALIASES = {
    "text": ("text", "body", "content", "article", "maintext", "full_text", "article_text"),
    "title": ("title", "headline"),
    "date": (
        "date",
        "dct",
        "published",
        "published_at",
        "publishedAt",
        "publish_date",
        "published_date",
        "date_publish",
        "date_published",
        "datePublished",
        "pubdate",
        "pub_date",
    ),
    "url": ("url", "link", "uri", "canonical_url"),
    "outlet": ("outlet", "source", "site", "site_name", "sitename", "publisher", "domain"),
    "author": ("author", "authors", "byline", "creator"),
    "image": ("image", "image_url", "urlToImage", "top_image"),
}
_HTML_FIELDS = ("html", "raw_html", "content_html", "body_html")

Result = Article | Failure


def read_json_document(source: str, text: str, settings: ReadSettings) -> Iterator[Result]:
    """A JSON file: a list of records, one record, or an object wrapping one list of records."""
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data":  # one record per line after all
            yield from read_json_lines(source, enumerate(text.split("\n"), 1), settings)
            return
        yield Failure(source, f"invalid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})")
        return
    except RecursionError:
        yield Failure(source, "invalid JSON (nested too deeply)")
        return
    records = _record_list(value, settings)
    if records is None:
        yield record_article(source, value, settings, source)
        return
    if not records:
        yield Failure(source, "JSON file holds no records")
    for number, record in enumerate(records, 1):
        yield record_article(f"{source}::{number}", record, settings, f"{source}:record {number}")


def read_json_lines(
    source: str, lines: Iterable[tuple[int, str | Failure]], settings: ReadSettings
) -> Iterator[Result]:
    """JSON Lines: `lines` are (line number, text or a Failure); blank lines are skipped."""
    seen = False
    for number, item in lines:
        if isinstance(item, Failure):
            seen = True
            yield item
            continue
        line = item.strip().lstrip("\ufeff")
        if not line:
            continue
        seen = True
        where = f"{source}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Failure(where, f"invalid JSON ({exc.msg} at column {exc.colno})")
            continue
        except RecursionError:
            yield Failure(where, "invalid JSON (nested too deeply)")
            continue
        wrapped = _record_list(record, settings) if isinstance(record, dict) else None
        if wrapped is None:
            yield record_article(f"{source}::{number}", record, settings, where)
            continue
        for index, item in enumerate(wrapped, 1):
            name = f"{number}.{index}"
            yield record_article(f"{source}::{name}", item, settings, f"{source}:{name}")
    if not seen:
        yield Failure(source, "JSON Lines file holds no records")


def record_article(source: str, record: Any, settings: ReadSettings, where: str) -> Result:
    """One record as an Article; `where` names it in a Failure (`path:line`)."""
    if not isinstance(record, dict):
        return Failure(where, f"record is a JSON {_json_type(record)}, not an object")
    raw = {
        role: _field(record, configured, role)
        for role, configured in (
            ("text", settings.text_field),
            ("title", settings.title_field),
            ("outlet", settings.outlet_field),
            ("author", settings.author_field),
            ("url", settings.url_field),
        )
    }
    text = _text(raw["text"])
    fields: dict[str, Any] = {
        "title": " ".join(_text(raw["title"]).split()),
        "outlet": _name(raw["outlet"]),
        "author": _name(raw["author"]),
        "url": _text(raw["url"]).strip(),
        "metadata_date": parse_date(_field(record, settings.date_field, "date")),
        "image": image_address(_field(record, "", "image")),
    }
    replaced = sum(_unencodable(value) for value in raw.values())
    if replaced:
        fields["notes"] = (
            f"replaced {replaced} unencodable character"
            f"{'s' if replaced != 1 else ''} (lone surrogates) with U+FFFD",
        )
    if not text.strip():
        return _from_html(source, record, fields, where, settings.text_field)
    return Article.from_raw(source, normalise_newlines(text), **fields)


def _unencodable(value: Any) -> int:
    """Characters `valid_unicode` replaces in a field's strings, nested ones included."""
    if isinstance(value, str):
        return unencodable(value)
    if isinstance(value, list | dict):
        return sum(
            _unencodable(item) for item in (value.values() if isinstance(value, dict) else value)
        )
    return 0


def _from_html(
    source: str, record: dict[str, Any], fields: dict[str, Any], where: str, text_field: str
) -> Result:
    html = next((record[name] for name in _HTML_FIELDS if isinstance(record.get(name), str)), "")
    if not html.strip():
        return Failure(where, f"record has no text (no '{text_field}' field or it is empty)")
    page = read_html(source, html, url=fields["url"])
    if isinstance(page, Failure):
        return Failure(where, "record's HTML has no main text")
    # The record's own fields are the dump's metadata and win over what the page says.
    kept = {name: value for name, value in fields.items() if value}
    return Article.from_raw(source, page.raw_text, **{**_fields_of(page), **kept})


def _fields_of(article: Article) -> dict[str, Any]:
    return {
        "title": article.title,
        "outlet": article.outlet,
        "author": article.author,
        "url": article.url,
        "metadata_date": article.metadata_date,
        "image": article.image,
    }


def _record_list(value: Any, settings: ReadSettings) -> list[Any] | None:
    if isinstance(value, list):
        return value
    if isinstance(value, dict) and _field(value, settings.text_field, "text") is None:
        lists = [item for item in value.values() if isinstance(item, list)]
        if len(lists) == 1 and all(isinstance(item, dict) for item in lists[0]):
            return lists[0]
    return None


def _field(record: dict[str, Any], configured: str, role: str) -> Any:
    if record.get(configured) not in (None, ""):
        return record[configured]
    for alias in _ALIASES[role]:
        if record.get(alias) not in (None, ""):
            return record[alias]
    return None


def _text(value: Any) -> str:
    """A text field; a list of paragraphs is joined with blank lines."""
    if isinstance(value, str):
        return valid_unicode(value)
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return valid_unicode("\n\n".join(value))
    return ""


def _name(value: Any) -> str:
    """An outlet or author, which APIs give as a string, a {"name": ...} or a list of those."""
    if isinstance(value, dict):
        value = value.get("name") or value.get("title") or ""
    if isinstance(value, list):
        return ", ".join(name for name in map(_name, value) if name)
    return " ".join(valid_unicode(value).split()) if isinstance(value, str) else ""


def _json_type(value: Any) -> str:
    if isinstance(value, list):
        return "list"
    if isinstance(value, str):
        return "string"
    if value is None:
        return "null"
    return "boolean" if isinstance(value, bool) else "number"
