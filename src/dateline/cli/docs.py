"""`dateline docs`: the stored articles with their date estimates."""

from __future__ import annotations

import io
import json
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

from dateline.clean.language import untagged
from dateline.cli.common import (
    db_option,
    emit,
    existing_store,
    output_options,
    printable,
    settings_from,
    untagged_note,
)
from dateline.render.json import document_to_dict


@click.command()
@db_option
@output_options()
@click.pass_context
def docs(ctx: click.Context, db: Path | None, fmt: str, output: Path | None) -> None:
    """List the articles in the store: title, outlet, date estimate and how sure it is."""
    settings = settings_from(ctx, db)
    with existing_store(settings) as store:
        articles = store.documents()
        failures = store.failures()
    if fmt == "json":
        payload = {
            "documents": [document_to_dict(a) for a in articles],
            "failures": [{"source": f.source, "reason": f.reason} for f in failures],
        }
        emit(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", output)
        return
    table = Table("id", "date", "sure", "lang", "outlet", "title", "status")
    for article in articles:
        published = article.published
        when = published.date.isoformat() if published and published.date else "?"
        if published and not published.date and (published.earliest or published.latest):
            when = f"{published.earliest or '…'}..{published.latest or '…'}"
        sure = f"{published.confidence:.2f}" if published else "0.00"
        status = f"duplicate of {article.duplicate_of[:8]}" if article.duplicate_of else "ok"
        cells = (article.id[:8], when, sure, article.language, article.outlet,
                 article.title[:60], status)
        table.add_row(*(Text(printable(cell)) for cell in cells))
    buffer = io.StringIO()
    Console(file=buffer, width=140).print(table)
    note = untagged_note(untagged([article.language for article in articles]))
    if note:
        buffer.write(f"{note}\n")
    # Failed files go below the table, one whole line each, so a long path is never cut.
    for failure in failures:
        buffer.write(f"failed: {printable(failure.source)}: {printable(failure.reason)}\n")
    emit(buffer.getvalue(), output)
