"""`dateline docs`: the stored articles with their date estimates, a page at a time."""

from __future__ import annotations

import csv
import io
import json
import math
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
from dateline.model import Article, Failure
from dateline.render.csv import safe_cell
from dateline.render.json import document_to_dict

PER_PAGE = 50
CSV_COLUMNS = (
    "id",
    "published",
    "earliest",
    "latest",
    "confidence",
    "method",
    "language",
    "outlet",
    "title",
    "path",
    "url",
    "duplicate_of",
)


def _when(article: Article) -> str:
    """The full publication date, or the interval it lies in: never cut."""
    published = article.published
    if published and published.date:
        return published.date.isoformat()
    if published and (published.earliest or published.latest):
        return f"{published.earliest or '…'}..{published.latest or '…'}"
    return "?"


def _csv(articles: list[Article]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for a in articles:
        p = a.published
        iso = [
            d.isoformat() if d else ""
            for d in (p.date if p else None, p.earliest if p else None, p.latest if p else None)
        ]
        writer.writerow(
            [
                a.id,
                *iso,
                f"{p.confidence:.2f}" if p else "0.00",
                p.method if p else "none",
                a.language,
                safe_cell(a.outlet),
                safe_cell(a.title),
                safe_cell(a.source),
                safe_cell(a.url),
                a.duplicate_of or "",
            ]
        )
    return out.getvalue()


def _table(articles: list[Article], failures: list[Failure], footer: str) -> str:
    table = Table("id", "published", "sure", "lang", "outlet", "title", "path", "status")
    for column in table.columns[4:]:
        column.overflow = "fold"  # long titles and paths wrap, never cut
    for article in articles:
        published = article.published
        sure = f"{published.confidence:.2f}" if published else "0.00"
        status = f"duplicate of {article.duplicate_of[:8]}" if article.duplicate_of else "ok"
        cells = (
            article.id[:8],
            _when(article),
            sure,
            article.language,
            article.outlet,
            article.title,
            article.source,
            status,
        )
        table.add_row(*(Text(printable(cell)) for cell in cells))
    buffer = io.StringIO()
    Console(file=buffer, width=200).print(table)
    note = untagged_note(untagged([article.language for article in articles]))
    if note:
        buffer.write(f"{note}\n")
    buffer.write(f"{footer}\n")
    # Failed files go below the table, one whole line each, so a long path is never cut.
    for failure in failures:
        buffer.write(f"failed: {printable(failure.source)}: {printable(failure.reason)}\n")
    return buffer.getvalue()


@click.command()
@db_option
@click.option(
    "--page",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Which page of the listing.",
)
@click.option(
    "--per-page",
    type=click.IntRange(min=1),
    default=PER_PAGE,
    show_default=True,
    help="Articles per page.",
)
@output_options(("text", "json", "csv"))
@click.pass_context
def docs(
    ctx: click.Context, db: Path | None, page: int, per_page: int, fmt: str, output: Path | None
) -> None:
    """List the articles in the store: full date estimate and how sure it is, outlet, title
    and path, oldest first, a page at a time."""
    settings = settings_from(ctx, db)
    with existing_store(settings) as store:
        total = store.count()
        pages = max(1, math.ceil(total / per_page))
        if page > pages:
            raise click.UsageError(f"--page {page}: there are {pages} page(s) of {per_page}")
        articles = store.documents(limit=per_page, offset=(page - 1) * per_page)
        failures = store.failures()
    if fmt == "json":
        payload = {
            "documents": [document_to_dict(a) for a in articles],
            "failures": [{"source": f.source, "reason": f.reason} for f in failures],
            "page": page,
            "pages": pages,
            "per_page": per_page,
            "total": total,
        }
        emit(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", output)
        return
    if fmt == "csv":
        emit(_csv(articles), output)
        return
    first = (page - 1) * per_page + 1
    footer = (
        f"page {page} of {pages}: articles {first}-{first + len(articles) - 1} of {total}"
        if articles
        else "no articles stored"
    )
    if page < pages:
        footer += f"; next: --page {page + 1}"
    emit(_table(articles, failures, footer), output)
