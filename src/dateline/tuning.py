"""Every stage's tuned numbers in one registry: where each was chosen, one hash of them all,
and the `[tuning]` config section that overrides them for a run.

The numbers stay where their stage reads them, each with the comment that records its
measurement; the registry lists, per stage, the modules that hold them and the data and
protocol they were chosen on. A module's numbers are all its module-level ints, floats and
timedeltas (those in `untuned` are formats and seeds, not choices), so a number added to a
registered module is registered with it. `select.weights` (`Weights`) is the model: one
registry, scored leave-one-topic-out by `dateline eval tls --variants`.

The benchmark gates record `tuning_hash()` of the stages they measure: a tuned number that
changes without its gate run again and re-pinned fails the gate's test.

A `[tuning]` section names a number by its key (`"pile.reports.MIN_SIMILARITY" = 0.35`,
`"select.weights.novelty" = 0.4`). Selection's weights travel with the request
(`weights(settings)`); a module's numbers are read from the module, so a run sets them
there (`apply`), in its own process and in each worker, before its stages run: one tuning
per process at a time.
"""

from __future__ import annotations

import ast
import dataclasses
import functools
import hashlib
import importlib
import inspect
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import timedelta
from types import ModuleType
from typing import Any

from dateline.clean import (
    cleaner,
    headerlines,
    language,
    lists,
    repeated,
    score,
    segment,
    teasers,
    title,
)
from dateline.cluster import minhash, stories
from dateline.date import content, guess, infer, periods, point, world, years
from dateline.date import header as date_header
from dateline.date import tense as date_tense
from dateline.errors import SettingsError
from dateline.events import attach, background, extract, sentences
from dateline.pile import comments, neighbours, relations, reports
from dateline.read import pagedate, pagestamp, pagetext
from dateline.select import datewise, disagreements, entries, focus, salience, topic
from dateline.select.weights import WEIGHTS, Weights, weights_from
from dateline.settings import Settings
from dateline.timex import context, direction, window

Number = int | float | timedelta


@dataclass(frozen=True)
class Tuned:
    """One module's tuned numbers and where they were chosen."""

    stage: str
    module: ModuleType
    chosen: str  # the data and protocol the numbers were chosen on, and where it is recorded
    untuned: frozenset[str] = frozenset()  # formats, seeds, versions: not choices

    @property
    def prefix(self) -> str:
        return self.module.__name__.removeprefix("dateline.")

    def numbers(self) -> dict[str, Number]:
        """The numbers the module itself sets (not those it imports), by key
        ("pile.reports.MIN_SIMILARITY"), as they are now."""
        found = {}
        for name in _assigned(self.module):
            value = getattr(self.module, name)
            if (
                name.lstrip("_").isupper()
                and name not in self.untuned
                and isinstance(value, int | float | timedelta)
                and not isinstance(value, bool)
            ):
                found[f"{self.prefix}.{name}"] = value
        return found


def _assigned(module: ModuleType) -> list[str]:
    """The names a module's own top-level statements assign, in order."""
    tree = ast.parse(inspect.getsource(module))
    names: list[str] = []
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else []
        if isinstance(node, ast.AnnAssign):
            targets = [node.target]
        names.extend(t.id for t in targets if isinstance(t, ast.Name))
    return names


_BY_HAND = "set by hand on our own annotated pages; the comment above each says why"
REGISTRY: tuple[Tuned, ...] = (
    Tuned("read", pagedate, "chosen on half of real/dates/html, held on the other half"),
    Tuned(
        "read",
        pagestamp,
        "chosen on half of real/dates/text (files by CRC-32 parity), held on the other half",
    ),
    Tuned("read", pagetext, "set by hand on real/dates pages in 17 languages"),
    Tuned("clean", cleaner, "set by hand on the first six annotated outlets (tests/clean)"),
    Tuned("clean", headerlines, _BY_HAND),
    Tuned("clean", language, "set by hand on the languages of real/dates and Timeline17"),
    Tuned("clean", lists, _BY_HAND),
    Tuned("clean", repeated, _BY_HAND),
    Tuned("clean", score, "calibrated by hand on the first six annotated outlets"),
    Tuned("clean", segment, "chosen on the real copied pages (dateline eval clean)"),
    Tuned("clean", teasers, _BY_HAND),
    Tuned("clean", title, "set by hand on real pages' titles (tests/clean/test_clean_real_titles)"),
    Tuned("timex", context, "TempEval-3 training set (dateline eval timex)"),
    Tuned("timex", direction, "TempEval-3 training set (dateline eval timex)"),
    Tuned("timex", window, _BY_HAND),
    Tuned("date", content, "set by hand; lead shares measured on Timeline17 (docs/benchmarks.md)"),
    Tuned("date", guess, "checked on Timeline17 and TempEval-3 articles"),
    Tuned("date", date_header, _BY_HAND),
    Tuned("date", infer, "set by hand; held on real/dates (dateline eval dct)"),
    Tuned("date", periods, _BY_HAND),
    Tuned("date", point, "set by hand on our undated set, checked on Timeline17 articles"),
    Tuned("date", date_tense, _BY_HAND),
    Tuned("date", world, "the Wikidata table's coverage (docs/world-knowledge.md)"),
    Tuned("date", years, _BY_HAND),
    Tuned("events", attach, "the bundled sample's true events (tests/events)"),
    Tuned("events", background, "the bundled sample and Timeline17 (docs/benchmarks.md)"),
    Tuned("events", extract, "the bundled sample's true events (tests/events)"),
    Tuned("events", sentences, _BY_HAND),
    Tuned(
        "cluster",
        minhash,
        "set by hand on wire copies",
        frozenset({"SEED", "_CHUNK", "_WORD_HASHES_KEPT"}),
    ),
    Tuned("cluster", stories, "tuned on our own two-story corpora (tests/cluster)"),
    Tuned(
        "pile",
        reports,
        "Timeline17 with a tenth of each topic's dates hidden (docs/benchmarks.md, "
        "tests/date/test_date_corpus_benchmark.py)",
    ),
    Tuned("pile", neighbours, "Timeline17 topics as undated piles (dateline eval dct --pile)"),
    Tuned("pile", comments, "Timeline17 topics as undated piles (dateline eval dct --pile)"),
    Tuned("pile", relations, "set on Timeline17 with dates hidden (docs/benchmarks.md)"),
    # `dateline.select.changes` is also the name of the function the package exports.
    Tuned("select", importlib.import_module("dateline.select.changes"), _BY_HAND),
    Tuned("select", datewise, "news-tls's Datewise, checked beside it (bench/tls_peers.py)"),
    Tuned("select", disagreements, "tuned by hand on our own piles (tests/select)"),
    Tuned("select", entries, "Timeline17 leave-one-topic-out (docs/benchmarks.md)"),
    Tuned(
        "select",
        focus,
        "Timeline17 leave-one-topic-out (docs/benchmarks.md)",
        untuned=frozenset({"PART"}),  # how many vectors a pass holds: memory, not a choice
    ),
    Tuned("select", salience, "chosen on one half of Timeline17's topics, held on the other"),
    Tuned("select", topic, "tuned on all Timeline17 topics together (alignment ROUGE-1)"),
)
STAGES = ("read", "clean", "timex", "date", "events", "cluster", "pile", "select")
WEIGHTS_KEY = "select.weights"
WEIGHTS_CHOSEN = "Timeline17 leave-one-topic-out: dateline eval tls --variants (docs/benchmarks.md)"
_MODULES = {f"{tuned.prefix}.": tuned.module for tuned in REGISTRY}


@functools.cache
def defaults() -> dict[str, Number]:
    """Each number as the code has it, read before any run set one (`apply` puts them back;
    read on first use, so a command that tunes nothing parses no source)."""
    return {key: value for tuned in REGISTRY for key, value in tuned.numbers().items()}


def numbers(stages: Iterable[str] = STAGES) -> dict[str, Number]:
    """Every registered number of `stages` as the stages read it now, selection's weights
    included."""
    wanted = set(stages)
    found = {k: v for tuned in REGISTRY if tuned.stage in wanted
             for k, v in tuned.numbers().items()}  # fmt: skip
    if "select" in wanted:
        found.update({f"{WEIGHTS_KEY}.{k}": v for k, v in dataclasses.asdict(WEIGHTS).items()})
    return found


def tuning_hash(*stages: str) -> str:
    """A short hash of the tuned numbers of `stages` (all, if none): what a gate records."""
    lines = sorted(f"{key}={value!r}" for key, value in numbers(stages or STAGES).items())
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()[:16]


def check(overrides: Mapping[str, object], source: str = "[tuning]") -> None:
    """A SettingsError naming `source` for an override of no registered number, or of the
    wrong kind (a count must stay whole, a span of days a number of days)."""
    if not overrides:
        return
    known = numbers()
    for key, value in overrides.items():
        if key not in known:
            raise SettingsError(
                f"{source}: no tuned number {key!r} (e.g. {', '.join(sorted(known)[:2])}; "
                "`dateline eval tuning` lists them)"
            )
        if not isinstance(value, int | float) or isinstance(value, bool):
            raise SettingsError(f"{source}: {key} must be a number, not {value!r}")
        if isinstance(known[key], int) and not float(value).is_integer():
            raise SettingsError(f"{source}: {key} is a count, not {value!r}")


def table() -> dict[str, Any]:
    """The registry as `dateline eval tuning` prints it: each stage's hash, then each number
    with where it was chosen."""
    rows = [{"key": key, "value": _shown(value), "chosen": tuned.chosen}
            for tuned in REGISTRY for key, value in tuned.numbers().items()]  # fmt: skip
    rows.extend({"key": f"{WEIGHTS_KEY}.{key}", "value": value, "chosen": WEIGHTS_CHOSEN}
                for key, value in dataclasses.asdict(WEIGHTS).items())  # fmt: skip
    return {
        "tuning": tuning_hash(),
        "stages": {stage: tuning_hash(stage) for stage in STAGES},
        "numbers": {row["key"]: {"value": row["value"], "chosen": row["chosen"]} for row in rows},
    }


def _shown(value: Number) -> float:
    return value.days if isinstance(value, timedelta) else value


def weights(settings: Settings) -> Weights:
    """Selection's weights with the run's `[tuning]` overrides."""
    prefix = f"{WEIGHTS_KEY}."
    return weights_from(
        {k.removeprefix(prefix): v for k, v in settings.tuning if k.startswith(prefix)}
    )


_applied: tuple[tuple[str, float], ...] = ()


def apply(overrides: tuple[tuple[str, float], ...]) -> None:
    """Set a run's overrides (`Settings.tuning`) of module numbers where their stages read
    them, and put back the code's numbers an earlier run changed; nothing to do when nothing
    changed."""
    global _applied
    wanted = tuple((k, v) for k, v in overrides if not k.startswith(f"{WEIGHTS_KEY}."))
    if wanted == _applied:
        return
    defaults()  # the code's numbers, read before the first one is set
    check(dict(wanted))
    for key, _ in _applied:
        _set(key, defaults()[key])
    for key, value in wanted:
        default = defaults()[key]
        _set(key, timedelta(days=value) if isinstance(default, timedelta) else type(default)(value))
    _applied = wanted


def _set(key: str, value: Number) -> None:
    prefix, name = key.rsplit(".", 1)
    setattr(_MODULES[f"{prefix}."], name, value)
