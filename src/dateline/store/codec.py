"""A lossless, JSON-safe codec for `Article`: the store, the web app and caches share it.

Driven by the model's type hints rather than a hand-written field list, so a field added to
`dateline.model` is carried without touching this module. Decoding fills a missing key with the
field's default and ignores unknown keys, so articles stored by an older or newer dateline load.
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from datetime import date, datetime
from typing import Any

from dateline.model import Article


def _encode(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [_encode(item) for item in value]
    if isinstance(value, date):  # datetime included
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _encode(v) for k, v in value.items()}
    return value


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _decode(hint: Any, value: Any) -> Any:
    origin = typing.get_origin(hint)
    if origin in (types.UnionType, typing.Union):
        if value is None:
            return None
        options = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        return _decode(options[0], value) if len(options) == 1 else value
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_decode(args[0], item) for item in value)
        return tuple(_decode(arg, item) for arg, item in zip(args, value, strict=True))
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        return _from_dict(hint, value)
    if hint is datetime:
        return datetime.fromisoformat(value)
    if hint is date:
        return date.fromisoformat(value)
    if hint is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    return value


def _from_dict(cls: type, data: dict[str, Any]) -> Any:
    if not isinstance(data, dict):
        raise ValueError(f"expected an object for {cls.__name__}, got {type(data).__name__}")
    hints = _hints(cls)
    values = {
        f.name: _decode(hints[f.name], data[f.name])
        for f in dataclasses.fields(cls)
        if f.name in data
    }
    return cls(**values)


def article_to_dict(article: Article) -> dict[str, Any]:
    """Every field of `article` as JSON-safe values (dates as ISO strings, tuples as lists)."""
    encoded: dict[str, Any] = _encode(article)
    return encoded


def article_from_dict(data: dict[str, Any]) -> Article:
    """The `Article` that `article_to_dict` produced `data` from.

    Raises ValueError (or TypeError/KeyError for a missing required field) on malformed data.
    """
    article: Article = _from_dict(Article, data)
    return article
