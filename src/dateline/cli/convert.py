"""`dateline convert`: a store into a new store of the other kind (SQLite, Parquet)."""

from __future__ import annotations

from pathlib import Path

import click

from dateline.cli.common import existing_store, printable, settings_from


@click.command()
@click.argument("source", type=click.Path(path_type=Path))
@click.argument("target", type=click.Path(path_type=Path))
@click.pass_context
def convert(ctx: click.Context, source: Path, target: Path) -> None:
    """Copy the store SOURCE, decisions and all, into a new store TARGET.

    A folder named *.parquet is a Parquet dataset (the parquet extra), any other path an
    SQLite file: `dateline convert dateline.db pile.parquet` and back.
    """
    with existing_store(settings_from(ctx, source)) as store:
        copied = store.copy_to(target)
    click.echo(f"copied {copied} articles to {printable(str(target))}")
