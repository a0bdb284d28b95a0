"""`dateline timeline`, `dateline stories` and `dateline demo`."""

from __future__ import annotations

import json
import sys
from datetime import date
from importlib import resources
from pathlib import Path

import click

from dateline import library
from dateline.clean.language import untagged
from dateline.cli.common import (
    calendar_date,
    check_paths,
    date_option,
    db_option,
    emit,
    existing_store,
    output_options,
    report_failures,
    report_undated,
    report_untagged,
    run_progress,
    settings_from,
)
from dateline.model import headers
from dateline.render import FORMATS
from dateline.render.json import story_to_dict


def sample_corpus() -> Path:
    return Path(str(resources.files("dateline") / "data" / "sample" / "articles"))


@click.command(
    epilog="""\b
Examples:
  dateline timeline ~/saved-articles/ --format html -o story.html
  dateline timeline crawl.warc.gz notes.txt --dates 20
  dateline timeline --query troops --from 2004-01 --to 2004-06
  dateline timeline --story 2 --format md
  dateline timeline --who "Anna Holm" --where Brenna"""
)
@click.argument("paths", nargs=-1)
@db_option
@click.option(
    "--query",
    metavar="TEXT",
    help="Only stored articles matching TEXT (full-text search of the store).",
)
@click.option(
    "--from",
    "date_from",
    metavar="DATE",
    callback=calendar_date,
    help="Earliest date (YYYY, YYYY-MM or YYYY-MM-DD).",
)
@click.option(
    "--to",
    "date_to",
    metavar="DATE",
    callback=calendar_date,
    help="Latest date (YYYY, YYYY-MM or YYYY-MM-DD).",
)
@click.option("--dates", type=click.IntRange(min=1), help="How many dates (default: scales).")
@click.option("--per-date", type=click.IntRange(min=1), help="Entries per date.")
@click.option(
    "--story",
    type=click.IntRange(min=1),
    metavar="N",
    help="Only story N, as numbered by `dateline stories`.",
)
@click.option(
    "--who",
    metavar="NAME",
    help="Only entries naming this person or organisation (their own timeline).",
)
@click.option("--where", metavar="PLACE", help="Only entries naming this place.")
@click.option("--strict", is_flag=True, help="One-shot: any unreadable file is fatal.")
@click.option(
    "--dask",
    "scheduler",
    metavar="SCHEDULER",
    help="One-shot: read and process PATHS on a Dask cluster (its address, or "
    "local:N for N local workers); needs the dask extra.",
)
@date_option
@output_options(FORMATS)
@click.pass_context
def timeline(
    ctx: click.Context,
    paths: tuple[str, ...],
    db: Path | None,
    query: str | None,
    date_from: str | None,
    date_to: str | None,
    dates: int | None,
    per_date: int | None,
    story: int | None,
    who: str | None,
    where: str | None,
    strict: bool,
    scheduler: str | None,
    given_date: date | None,
    fmt: str,
    output: Path | None,
) -> None:
    """Build the timeline of PATHS (files, folders, - for stdin) one-shot, or of the store."""
    settings = settings_from(ctx, db)
    if paths and query:
        raise click.UsageError("--query searches the store; give PATHS or --query, not both")
    check_paths(paths, "(to search the store, use --query TEXT)")
    if scheduler and not paths:
        raise click.UsageError("--dask runs a one-shot timeline: give PATHS")
    if given_date is not None and not paths:
        raise click.UsageError(
            "--date dates the one file given; to date a stored article "
            "use `dateline curate date ARTICLE YYYY-MM-DD`"
        )
    request = library.timeline_query(
        query=query,
        date_from=date_from,
        date_to=date_to,
        dates=dates,
        per_date=per_date,
        story=story,
        who=who,
        where=where,
    )
    if paths:
        with run_progress("reading") as progress:
            result = library.timeline_for(
                paths,
                request,
                settings=settings,
                stdin=sys.stdin.buffer,
                on_item=progress.read,
                on_done=progress.processed,
                on_stage=progress.stage,
                dask=scheduler,
                given_date=given_date,
            )
            report_failures(list(result.failures))
            report_untagged(untagged([d.language for d in headers(result.documents)]))
            report_undated(result.documents)
            if strict and result.failures:
                raise click.ClickException(f"{len(result.failures)} file(s) failed")
            if not result.documents and result.failures:
                ctx.exit(1)
            progress.stage("writing the timeline")
            emit(result.render_parts(fmt), output)
        return
    with existing_store(settings) as store:
        result = store.timeline_for(request)
    report_undated(result.documents)
    emit(result.render_parts(fmt), output)


@click.command()
@db_option
@output_options()
@click.pass_context
def stories(ctx: click.Context, db: Path | None, fmt: str, output: Path | None) -> None:
    """Group the stored articles into stories (use a number with `timeline --story N`)."""
    settings = settings_from(ctx, db)
    with existing_store(settings) as store:
        found = store.stories()
    if fmt == "json":
        payload = {"stories": [story_to_dict(s) for s in found]}
        emit(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", output)
        return
    emit("".join(f"{s.id}\t{len(s.article_ids)} articles\t{s.label}\n" for s in found), output)


@click.command()
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("dateline-demo.html"),
    show_default=True,
    help="Where to write the HTML timeline.",
)
@click.pass_context
def demo(ctx: click.Context, output: Path) -> None:
    """Run the whole pipeline on the bundled sample corpus."""
    settings = settings_from(ctx)
    corpus = sample_corpus()
    with run_progress("reading the sample corpus") as progress:
        result = library.timeline(
            corpus, settings=settings, on_item=progress.read, on_done=progress.processed
        )
    report_failures(list(result.failures))
    emit(result.to_text(), None)
    emit(result.to_html(), output)
    click.echo(
        f"\n{len(result.entries)} entries from {len(result.documents)} articles; "
        f"HTML timeline written to {output}",
        err=True,
    )
