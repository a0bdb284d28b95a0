"""`dateline add`: ingest files into the store, one transaction per batch."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click

from dateline import library
from dateline.cli.common import (
    check_paths,
    date_option,
    db_option,
    report_failures,
    report_notes,
    report_undated_counts,
    report_untagged,
    run_progress,
    settings_from,
)
from dateline.model import Article, Failure


@click.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--strict", is_flag=True, help="Any unreadable file is fatal; nothing is stored.")
@click.option(
    "--dask",
    "scheduler",
    metavar="SCHEDULER",
    help="Read and process PATHS on a Dask cluster (its address, or local:N for N "
    "local workers); needs the dask extra.",
)
@date_option
@click.pass_context
def add(
    ctx: click.Context,
    paths: tuple[str, ...],
    db: Path | None,
    strict: bool,
    scheduler: str | None,
    given_date: date | None,
) -> None:
    """Ingest PATHS (files, folders, or - for stdin) into the store.

    A FILE.meta.json beside a file gives what you know of it: {"date": "YYYY-MM-DD",
    "title": ..., "url": ..., "outlet": ...}; its date wins over the inferred one.
    """
    settings = settings_from(ctx, db)
    check_paths(paths)
    noted: list[Article] = []
    with library.Store(settings=settings) as store, run_progress("reading") as progress:

        def read(item: Article | Failure) -> None:
            if isinstance(item, Article) and item.notes:
                noted.append(item)
            progress.read(item)

        result = store.add(
            paths,
            strict=strict,
            stdin=sys.stdin.buffer,
            on_item=read,
            on_done=progress.processed,
            on_stage=progress.stage,
            dask=scheduler,
            given_date=given_date,
        )
    report_failures(list(result.failures))
    report_notes(noted)
    report_untagged(result.untagged)
    added = result.added
    report_undated_counts(result.undated, added.added + added.duplicate, result.events)
    click.echo(f"added {added.added}, duplicate {added.duplicate}, failed {added.failed}")
    if added.added + added.duplicate == 0 and result.failures:
        ctx.exit(1)
