"""`dateline add`: ingest files into the store, one transaction per batch."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from dateline import library
from dateline.cli.common import (
    check_paths,
    db_option,
    report_failures,
    report_untagged,
    run_progress,
    settings_from,
)


@click.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--strict", is_flag=True, help="Any unreadable file is fatal; nothing is stored.")
@click.option("--dask", "scheduler", metavar="SCHEDULER",
              help="Read and process PATHS on a Dask cluster (its address, or local:N for N "
                   "local workers); needs the dask extra.")
@click.pass_context
def add(ctx: click.Context, paths: tuple[str, ...], db: Path | None, strict: bool,
        scheduler: str | None) -> None:
    """Ingest PATHS (files, folders, or - for stdin) into the store."""
    settings = settings_from(ctx, db)
    check_paths(paths)
    with library.Store(settings=settings) as store, run_progress("reading") as progress:
        result = store.add(paths, strict=strict, stdin=sys.stdin.buffer, on_item=progress.read,
                           on_done=progress.processed, on_stage=progress.stage, dask=scheduler)
    report_failures(list(result.failures))
    report_untagged(result.untagged)
    added = result.added
    click.echo(f"added {added.added}, duplicate {added.duplicate}, failed {added.failed}")
    if added.added + added.duplicate == 0 and result.failures:
        ctx.exit(1)
