"""One frozen settings object, merged once: defaults → user config file → CLI flags.

Each stage gets its own section and reads nothing else, so a stage can run in a worker
with just its section. Tuned constants say how they were tuned.
"""

from __future__ import annotations

import dataclasses
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dateline.errors import SettingsError


@dataclass(frozen=True)
class ReadSettings:
    text_field: str = "text"
    title_field: str = "title"
    date_field: str = "date"
    url_field: str = "url"
    outlet_field: str = "outlet"
    author_field: str = "author"
    # Larger files are refused rather than loaded: a 200 MB "article" is never an article.
    max_bytes: int = 50 * 1024 * 1024
    # An article's text past this is reported, not processed: the longest of Timeline17's
    # articles is 177,931 characters, and later stages' time grows faster than length.
    max_chars: int = 1_000_000
    # An article the per-document stages have worked on longer than this is reported, not
    # kept (0: no limit). On the 2-core machine under load (load average 13-16), Timeline17's
    # longest article (177,931 characters) took 0.7 s and a 200,000-character line of dated
    # sentences 7.5 s: a minute is far above any real article and still bounds a stall.
    article_seconds: float = 60.0


@dataclass(frozen=True)
class CleanSettings:
    # A line seen in at least this many documents of one outlet is page furniture.
    repeated_line_min_docs: int = 3


@dataclass(frozen=True)
class DedupSettings:
    # Jaccard similarity of word 5-shingles above which two articles are one story.
    near_duplicate_threshold: float = 0.7
    num_perm: int = 128


@dataclass(frozen=True)
class SelectSettings:
    dates: int | None = None  # None: scale with the corpus
    per_date: int = 1


@dataclass(frozen=True)
class StoreSettings:
    path: Path = Path("dateline.db")


@dataclass(frozen=True)
class Settings:
    read: ReadSettings = field(default_factory=ReadSettings)
    clean: CleanSettings = field(default_factory=CleanSettings)
    dedup: DedupSettings = field(default_factory=DedupSettings)
    select: SelectSettings = field(default_factory=SelectSettings)
    store: StoreSettings = field(default_factory=StoreSettings)
    # `[tuning]`: tuned numbers replaced for this run, by key ("pile.reports.MIN_SIMILARITY",
    # "select.weights.novelty"); `dateline.tuning` holds the registry that checks them.
    tuning: tuple[tuple[str, float], ...] = ()

    def with_tuning(self, values: Mapping[str, float]) -> Settings:
        """A copy with these tuned numbers replaced too (checked when a run starts)."""
        merged = {**dict(self.tuning), **values}
        return dataclasses.replace(self, tuning=tuple(sorted(merged.items())))

    def with_overrides(self, section: str, **values: Any) -> Settings:
        """A copy with some values of one section replaced (None values are ignored)."""
        values = {k: v for k, v in values.items() if v is not None}
        if not values:
            return self
        current = getattr(self, section)
        try:
            updated = dataclasses.replace(current, **values)
        except TypeError as exc:
            raise SettingsError(f"[{section}]: {exc}") from None
        return dataclasses.replace(self, **{section: updated})


def load_settings(config: Path | None = None) -> Settings:
    """Defaults, then the TOML config file's sections if one is given."""
    settings = Settings()
    if config is None:
        return settings
    try:
        data = tomllib.loads(config.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise SettingsError(f"{config}: cannot read config: {exc}") from None
    for section, values in data.items():
        if section not in {f.name for f in dataclasses.fields(Settings)}:
            raise SettingsError(f"{config}: unknown section [{section}]")
        if not isinstance(values, dict):
            raise SettingsError(f"{config}: [{section}] must be a table")
        if section == "tuning":
            settings = settings.with_tuning(_flat(values))
            continue
        if section == "store" and "path" in values:
            values = {**values, "path": Path(values["path"])}
        try:
            settings = settings.with_overrides(section, **values)
        except SettingsError as exc:
            raise SettingsError(f"{config}: {exc}") from None
    return settings


def _flat(table: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """`[tuning]` keys as written, quoted ("pile.reports.MIN_SIMILARITY") or dotted (TOML
    reads those as nested tables)."""
    flat: dict[str, Any] = {}
    for key, value in table.items():
        if isinstance(value, dict):
            flat.update(_flat(value, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = value
    return flat
