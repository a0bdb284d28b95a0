"""`dateline curate`: the user's decisions on the stored timeline, kept in the store.

Entries are named by their key (`ARTICLE:START-END`, the `key` of an entry in
`dateline timeline --format json`), articles by their id; decisions apply to every later
timeline of the store, whatever is added after them.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from dateline.cli.common import db_option, emit, existing_store, printable, settings_from
from dateline.model import Curation
from dateline.select.curate import curation_to_dict

_reason = click.option("--reason", default="", metavar="TEXT", help="Why (kept with it).")


def _decide(ctx: click.Context, db: Path | None, curation: Curation) -> None:
    with existing_store(settings_from(ctx, db)) as store:
        stored = store.curate(curation)
    click.echo(
        f"decision {stored.id}: {stored.kind} {printable(stored.target)}"
        + (f" = {printable(stored.value)}" if stored.value else "")
    )


@click.group("curate")
def curate() -> None:
    """Hide, pin or edit an entry; date or delete an article; list, undo, export, import.

    \b
    dateline curate hide KEY            KEY: an entry's `key` in --format json
    dateline curate pin KEY [--date D]  keep a sentence on the timeline
    dateline curate edit KEY "TEXT"     the entry's new text
    dateline curate date ARTICLE D      the article's publication day (YYYY-MM-DD)
    dateline curate delete ARTICLE      leave the article out of every timeline
    """


@curate.command("hide")
@click.argument("key")
@_reason
@db_option
@click.pass_context
def hide(ctx: click.Context, key: str, reason: str, db: Path | None) -> None:
    """Hide the entry KEY (and any entry citing its sentence)."""
    _decide(ctx, db, Curation("hide", key, reason=reason))


@curate.command("pin")
@click.argument("key")
@click.option(
    "--date",
    "day",
    default="",
    metavar="YYYY-MM-DD",
    help="The day of what the sentence reports, when nothing in the text dates it.",
)
@_reason
@db_option
@click.pass_context
def pin(ctx: click.Context, key: str, day: str, reason: str, db: Path | None) -> None:
    """Keep the sentence KEY on the timeline, whatever selection picks."""
    _decide(ctx, db, Curation("pin", key, day, reason))


@curate.command("edit")
@click.argument("key")
@click.argument("text")
@_reason
@db_option
@click.pass_context
def edit(ctx: click.Context, key: str, text: str, reason: str, db: Path | None) -> None:
    """Show TEXT as the entry KEY's text (its sources stay as they are)."""
    _decide(ctx, db, Curation("edit", key, text, reason))


@curate.command("date")
@click.argument("article")
@click.argument("day", metavar="YYYY-MM-DD")
@_reason
@db_option
@click.pass_context
def set_date(ctx: click.Context, article: str, day: str, reason: str, db: Path | None) -> None:
    """Set or correct ARTICLE's publication day: it wins over the inferred one."""
    _decide(ctx, db, Curation("date", article, day, reason))


@curate.command("delete")
@click.argument("article")
@_reason
@db_option
@click.pass_context
def delete(ctx: click.Context, article: str, reason: str, db: Path | None) -> None:
    """Leave ARTICLE out of every timeline and list (undo brings it back)."""
    _decide(ctx, db, Curation("delete", article, reason=reason))


@curate.command("list")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)
@db_option
@click.pass_context
def list_decisions(ctx: click.Context, fmt: str, db: Path | None) -> None:
    """The decisions made, oldest first, with their ids (for `undo`)."""
    with existing_store(settings_from(ctx, db)) as store:
        found = store.curations()
    if fmt == "json":
        payload = {"decisions": [curation_to_dict(c) for c in found]}
        emit(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", None)
        return
    emit(
        "".join(
            f"{c.id}\t{c.made_at}\t{c.kind}\t{printable(c.target)}\t"
            f"{printable(c.value)}\t{printable(c.reason)}\n"
            for c in found
        ),
        None,
    )


@curate.command("undo")
@click.argument("decision", type=click.IntRange(min=1))
@db_option
@click.pass_context
def undo(ctx: click.Context, decision: int, db: Path | None) -> None:
    """Undo DECISION (its id in `dateline curate list`)."""
    with existing_store(settings_from(ctx, db)) as store:
        store.uncurate(decision)
    click.echo(f"decision {decision} undone")


@curate.command("export")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write to FILE instead of standard output.",
)
@db_option
@click.pass_context
def export(ctx: click.Context, output: Path | None, db: Path | None) -> None:
    """The decisions as a small JSON file, to keep or to `import` into another store."""
    with existing_store(settings_from(ctx, db)) as store:
        emit(store.export_curations(), output)


@curate.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@db_option
@click.pass_context
def import_decisions(ctx: click.Context, file: Path, db: Path | None) -> None:
    """Load the decisions of FILE (from `export`): all of them, or none if one cannot apply."""
    try:
        text = file.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise click.ClickException(f"{printable(str(file))}: not a UTF-8 text file") from None
    with existing_store(settings_from(ctx, db)) as store:
        count = store.import_curations(text, str(file))
    click.echo(f"imported {count} decisions")
