"""`dateline timeline`, `dateline stories` and `dateline demo`."""

from __future__ import annotations

import json
import sys
from importlib import resources
from pathlib import Path

import click

from dateline.clean.language import untagged
from dateline.cli.common import (
    db_option,
    emit,
    output_option,
    report_failures,
    report_untagged,
    run_progress,
    settings_from,
)
from dateline.cluster.stories import group_stories
from dateline.model import Timeline
from dateline.pipeline import TimelineQuery, build_timeline, timeline_from_paths
from dateline.render import FORMATS, render
from dateline.settings import Settings
from dateline.store import Store

format_option = click.option("--format", "fmt", type=click.Choice(list(FORMATS)),
                             default="text", show_default=True)


def _is_path_args(args: tuple[str, ...]) -> bool:
    return bool(args) and all(a == "-" or Path(a).exists() for a in args)


def _from_store(settings: Settings, request: TimelineQuery) -> Timeline:
    with Store(settings.store.path, settings.dedup) as store:
        if request.query:
            ids = store.search(request.query)
            articles = store.articles(ids)
        else:
            articles = store.articles()
    return build_timeline(articles, settings, request)


def sample_corpus() -> Path:
    return Path(str(resources.files("dateline") / "data" / "sample" / "articles"))


@click.command()
@click.argument("args", nargs=-1)
@db_option
@click.option("--from", "date_from", metavar="DATE", help="Earliest date (YYYY[-MM[-DD]]).")
@click.option("--to", "date_to", metavar="DATE", help="Latest date (YYYY[-MM[-DD]]).")
@click.option("--dates", type=click.IntRange(min=1), help="How many dates (default: scales).")
@click.option("--per-date", type=click.IntRange(min=1), help="Entries per date.")
@click.option("--story", type=click.IntRange(min=1), metavar="N",
              help="Only story N, as numbered by `dateline stories`.")
@click.option("--strict", is_flag=True, help="One-shot: any unreadable file is fatal.")
@format_option
@output_option
@click.pass_context
def timeline(ctx: click.Context, args: tuple[str, ...], db: Path | None, date_from: str | None,
             date_to: str | None, dates: int | None, per_date: int | None, story: int | None,
             strict: bool, fmt: str, output: Path | None) -> None:
    """Build the timeline: of PATHS one-shot, or of the store (optionally for a QUERY)."""
    settings = settings_from(ctx, db)
    one_shot = _is_path_args(args)
    request = TimelineQuery(query=None if one_shot else (" ".join(args) or None),
                            date_from=date_from, date_to=date_to, dates=dates,
                            per_date=per_date, story=story)
    if one_shot:
        with run_progress("reading") as progress:
            result = timeline_from_paths(args, settings, stdin=sys.stdin.buffer,
                                         on_item=progress.read, on_done=progress.processed,
                                         request=request)
        report_failures(list(result.failures))
        report_untagged(untagged([document.language for document in result.documents]))
        if strict and result.failures:
            raise click.ClickException(f"{len(result.failures)} file(s) failed")
        if not result.documents and result.failures:
            ctx.exit(1)
    else:
        result = _from_store(settings, request)
    emit(render(result, fmt), output)


@click.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@output_option
@click.pass_context
def stories(ctx: click.Context, db: Path | None, fmt: str, output: Path | None) -> None:
    """Group the stored articles into stories (use a number with `timeline --story N`)."""
    settings = settings_from(ctx, db)
    with Store(settings.store.path, settings.dedup) as store:
        articles = store.articles()
    found = group_stories(articles)
    if fmt == "json":
        payload = {"stories": [{"id": s.id, "label": s.label, "terms": list(s.terms),
                                "documents": list(s.article_ids)} for s in found]}
        emit(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", output)
        return
    emit("".join(f"{s.id}\t{len(s.article_ids)} articles\t{s.label}\n" for s in found), output)


@click.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("dateline-demo.html"), show_default=True,
              help="Where to write the HTML timeline.")
@click.pass_context
def demo(ctx: click.Context, output: Path) -> None:
    """Run the whole pipeline on the bundled sample corpus."""
    settings = settings_from(ctx)
    corpus = sample_corpus()
    with run_progress("reading the sample corpus") as progress:
        result = timeline_from_paths([corpus], settings, on_item=progress.read,
                                     on_done=progress.processed)
    report_failures(list(result.failures))
    emit(render(result, "text"), None)
    emit(render(result, "html"), output)
    click.echo(f"\n{len(result.entries)} entries from {len(result.documents)} articles; "
               f"HTML timeline written to {output}", err=True)
