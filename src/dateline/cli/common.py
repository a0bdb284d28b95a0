"""What every command shares: the store option, output writing, progress, failure lines."""

from __future__ import annotations

import itertools
import os
import re
import secrets
import stat
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)

from dateline import library
from dateline.events.undated import EventCounts, undated_events
from dateline.model import Article, Failure
from dateline.settings import Settings, load_settings

stderr = Console(stderr=True, highlight=False)

db_option = click.option(
    "--db",
    "db",
    type=click.Path(path_type=Path),
    default=None,
    envvar="DATELINE_DB",
    help="Store file (default ./dateline.db, or $DATELINE_DB); a folder named *.parquet is a "
    "Parquet dataset.",
)
F = TypeVar("F", bound=Callable[..., Any])


def output_options(formats: Iterable[str] = ("text", "json")) -> Callable[[F], F]:
    """`--format` (the first of `formats` by default) and `-o FILE`, the same on every
    command that prints a listing or a timeline."""
    choices = list(formats)
    fmt = click.option(
        "--format",
        "fmt",
        type=click.Choice(choices),
        default=choices[0],
        show_default=True,
        help="Output format.",
    )
    output = click.option(
        "-o",
        "--output",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help="Write to FILE instead of standard output.",
    )

    def decorate(command: F) -> F:
        return fmt(output(command))

    return decorate


def settings_from(ctx: click.Context, db: Path | None = None) -> Settings:
    settings: Settings = ctx.find_root().obj or load_settings(None)
    if db is not None:
        settings = settings.with_overrides("store", path=db)
    return settings


def calendar_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A `--from`/`--to` value: a real calendar year, month or day, as YYYY[-MM[-DD]]."""
    if value is None:
        return None
    try:
        return library.calendar_date(value)
    except ValueError:
        raise click.BadParameter(
            f"{printable(value)!r} is not a date; use YYYY, YYYY-MM or "
            "YYYY-MM-DD (e.g. 2004, 2004-03, 2004-03-17)"
        ) from None


def given_day(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    """A `--date` value: the day the one article given was published (YYYY-MM-DD)."""
    if value is None:
        return None
    try:
        return library.given_day(value)
    except ValueError:
        raise click.BadParameter(
            f"{printable(value)!r} is not a day; use YYYY-MM-DD (e.g. 2004-03-17)"
        ) from None


date_option = click.option(
    "--date",
    "given_date",
    metavar="YYYY-MM-DD",
    callback=given_day,
    help="The day the one article given was published, as you know it: it wins over the "
    "inferred date (for many files, put a FILE.meta.json sidecar beside each).",
)


def check_paths(paths: Iterable[str], hint: str = "") -> None:
    """A mistyped folder is an error naming it, before any store is opened or file read."""
    for path in paths:
        if path != "-" and not Path(path).exists() and not Path(path).is_symlink():
            raise click.UsageError(f"{printable(path)}: no such file or folder {hint}".rstrip())


def existing_store(settings: Settings) -> library.Store:
    """The configured store for reading; a missing one is an error, never created empty."""
    path = settings.store.path
    if not Path(path).exists():
        raise click.ClickException(
            f"{printable(str(path))}: no store here; "
            "create it with `dateline add FILES` or name one with --db"
        )
    return library.Store(settings=settings, create=False)


def emit(content: str | bytes | Iterable[str | bytes], output: Path | None) -> None:
    """Write to -o FILE atomically (never half-written), else to standard output; `content`
    may come in parts (`Timeline.render_parts`), each written as it comes."""
    parts = iter([content] if isinstance(content, str | bytes) else content)
    first = next(parts, "")
    if output is None:
        if isinstance(first, bytes) and sys.stdout.isatty():
            raise click.UsageError("binary output needs -o FILE")
        _write_parts(sys.stdout.buffer, first, parts)
        sys.stdout.flush()
        return
    directory = output.resolve().parent
    if not directory.is_dir():
        raise click.UsageError(f"{output}: directory does not exist")
    tmp = directory / f".{output.name}.{secrets.token_hex(6)}"
    # Created with 0666 so the umask gives it the mode any new file gets (mkstemp gives 0600).
    handle = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(handle, "wb") as file:
            _write_parts(file, first, parts)
            if output.exists():  # a file written over keeps its permissions (0600 stays 0600)
                os.fchmod(file.fileno(), stat.S_IMODE(output.stat().st_mode))
        os.replace(tmp, output)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _write_parts(file: BinaryIO, first: str | bytes, rest: Iterator[str | bytes]) -> None:
    for part in itertools.chain([first], rest):
        file.write(part.encode("utf-8") if isinstance(part, str) else part)


# C0 and C1 controls (ESC, BEL, CR, newline...) and the bidi overrides that reorder a line.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """`text` safe to show on a terminal: one line, controls and escapes shown as \\xNN.

    What files, records and pages say reaches the screen only through this (and Rich's
    markup off): a title or a file name cannot clear the screen, set the window title,
    fake a report line or style itself.
    """
    return _UNPRINTABLE.sub(
        lambda m: (
            f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}"
        ),
        text,
    )


def report_failures(failures: list[Failure]) -> None:
    for failure in failures:
        stderr.print(f"dateline: {printable(str(failure))}", markup=False, soft_wrap=True)


def report_notes(articles: list[Article]) -> None:
    """One line per thing changed on the way in ("replaced 1 unencodable character")."""
    for article in articles:
        for note in article.notes:
            stderr.print(
                f"dateline: {printable(article.source)}: {printable(note)}",
                markup=False,
                soft_wrap=True,
            )


def untagged_note(counts: Counter[str]) -> str:
    """One line on the articles kept but not dated or tagged from their text, or ""."""
    if not counts:
        return ""
    total = sum(counts.values())
    languages = ", ".join(f"{lang} {n}" for lang, n in counts.most_common())
    return (
        f"{total} article{'s' if total != 1 else ''} in a language dateline can't date or "
        f"tag from the text yet ({languages}): kept, searchable and listed"
    )


def report_undated(documents: Iterable[Article]) -> None:
    """Lines on the articles left without a day and the events left without a date: nothing
    is silently lost."""
    listed = undated = 0
    counts = EventCounts(0, 0, 0)
    for doc in documents:  # one at a time: a large pile's documents wait on disk
        if doc.duplicate_of is None:
            listed += 1
            undated += doc.published is None or doc.published.date is None
            counts = counts + undated_events([doc])
    report_undated_counts(undated, listed, counts)


def report_undated_counts(undated: int, articles: int, counts: EventCounts) -> None:
    if undated:
        stderr.print(
            f"dateline: {undated} of {articles} articles have no publication day; "
            "their events are placed in the range of days their date allows, marked "
            "approximate, or left out when it allows none",
            markup=False,
            soft_wrap=True,
        )
    if counts.undated or counts.ranged:
        stderr.print(
            f"dateline: {counts.undated} events have no date (a sentence naming a "
            'time, such as "on Monday", that nothing places); '
            f"{counts.ranged} of {counts.dated} dated events are known only to a "
            "range of days, marked approximate",
            markup=False,
            soft_wrap=True,
        )


def report_untagged(counts: Counter[str]) -> None:
    note = untagged_note(counts)
    if note:
        stderr.print(f"dateline: {note}", markup=False, soft_wrap=True)


@dataclass
class RunProgress:
    """A run's progress on stderr, its stage named: files read (a count), articles processed
    (a bar), then each cross-document stage as it begins."""

    progress: Progress
    label: str
    read_count: int = 0

    def __post_init__(self) -> None:
        self.task = self.progress.add_task(self.label, total=None)

    def read(self, item: Article | Failure) -> None:
        self.read_count += 1
        self.progress.update(self.task, description=f"{self.label}: {self.read_count} read")

    def processed(self, done: int, total: int) -> None:
        self.progress.update(self.task, description="processing", completed=done, total=total)

    def stage(self, name: str) -> None:
        """A stage begins: named, its bar reset (reading keeps its count of files)."""
        if name != "reading":
            self.progress.update(self.task, description=name, completed=0, total=None)


@contextmanager
def run_progress(label: str) -> Iterator[RunProgress]:
    """Live progress on stderr, only when stderr is a terminal."""
    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=stderr,
        transient=True,
        disable=not stderr.is_terminal,
    ) as progress:
        yield RunProgress(progress, label)
