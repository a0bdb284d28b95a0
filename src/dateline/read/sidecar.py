"""What the user says about an article in a file beside it: `story.txt.meta.json`.

A sidecar is named after the article file with `.meta.json` added, and holds one JSON object
with any of `date` (YYYY-MM-DD, the day it was published), `title`, `url` and `outlet`. What
it says wins over what the article's own text suggests: its date is stored as given by the
user. Folders skip sidecars when they walk: they are not articles.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from pathlib import Path

from dateline.model import Article, Failure

SUFFIX = ".meta.json"
_FIELDS = ("date", "title", "url", "outlet")
_MAX_BYTES = 64 * 1024


def sidecar_path(path: Path) -> Path:
    return path.with_name(path.name + SUFFIX)


def is_sidecar(path: Path) -> bool:
    """A `.meta.json` file beside the article it describes."""
    return path.name.endswith(SUFFIX) and path.with_name(path.name[: -len(SUFFIX)]).exists()


def with_sidecar(article: Article, path: Path) -> Article | Failure:
    """`article` (read from `path`) with what its sidecar says, or a Failure naming the
    sidecar and what is wrong in it; without a sidecar the article as it is."""
    sidecar = sidecar_path(path)
    if not sidecar.is_file():
        return article
    try:
        if sidecar.stat().st_size > _MAX_BYTES:
            return Failure(str(sidecar), f"sidecar larger than {_MAX_BYTES // 1024} KB")
        data = json.loads(sidecar.read_text(encoding="utf-8"))
    except OSError as exc:
        return Failure(str(sidecar), f"cannot read: {exc.strerror or exc}")
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return Failure(str(sidecar), f"not a JSON object ({exc})")
    if not isinstance(data, dict):
        return Failure(str(sidecar), 'not a JSON object; write {"date": "YYYY-MM-DD", ...}')
    return _applied(article, data, sidecar)


def _applied(article: Article, data: dict[str, object], sidecar: Path) -> Article | Failure:
    unknown = sorted(set(data) - set(_FIELDS))
    if unknown:
        return Failure(
            str(sidecar),
            f"unknown field(s) {', '.join(unknown)}; a sidecar may give {', '.join(_FIELDS)}",
        )
    changes: dict[str, object] = {}
    for name in ("title", "url", "outlet"):
        value = data.get(name)
        if value is None:
            continue
        if not isinstance(value, str):
            return Failure(str(sidecar), f"{name} must be a string")
        changes[name] = value.strip()
    if data.get("date") is not None:
        try:
            changes["given_date"] = date.fromisoformat(str(data["date"]))
        except ValueError:
            return Failure(str(sidecar), f"date {data['date']!r} is not YYYY-MM-DD")
    return dataclasses.replace(article, **changes)  # type: ignore[arg-type]
