"""What every command shares: the store option, output writing, progress, failure lines."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import click
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from dateline.model import Article, Failure
from dateline.settings import Settings, load_settings

stderr = Console(stderr=True, highlight=False)

db_option = click.option(
    "--db", "db", type=click.Path(dir_okay=False, path_type=Path), default=None,
    envvar="DATELINE_DB", help="Store file (default ./dateline.db, or $DATELINE_DB).",
)
output_option = click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
    help="Write to FILE instead of standard output.",
)


def settings_from(ctx: click.Context, db: Path | None = None) -> Settings:
    settings: Settings = ctx.find_root().obj or load_settings(None)
    if db is not None:
        settings = settings.with_overrides("store", path=db)
    return settings


def _file_mode() -> int:
    # mkstemp creates 0600; a written timeline should get the mode any new file gets here.
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


_UMASK_MODE = _file_mode()


def emit(content: str | bytes, output: Path | None) -> None:
    """Write to -o FILE atomically (never half-written), else to standard output."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    if output is None:
        if isinstance(content, bytes) and sys.stdout.isatty():
            raise click.UsageError("binary output needs -o FILE")
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    directory = output.resolve().parent
    if not directory.is_dir():
        raise click.UsageError(f"{output}: directory does not exist")
    handle, tmp = tempfile.mkstemp(dir=directory, prefix=f".{output.name}.")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.chmod(tmp, _UMASK_MODE)
        os.replace(tmp, output)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def report_failures(failures: list[Failure]) -> None:
    for failure in failures:
        stderr.print(f"dateline: {failure}", markup=False, soft_wrap=True)


@contextmanager
def reading_progress(label: str) -> Iterator[Callable[[Article | Failure], None]]:
    """A live count of files read on stderr (only when stderr is a terminal)."""
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                  console=stderr, transient=True, disable=not stderr.is_terminal) as progress:
        task = progress.add_task(label, total=None)
        count = 0

        def advance(item: Article | Failure) -> None:
            nonlocal count
            count += 1
            progress.update(task, description=f"{label}: {count} read")

        yield advance
