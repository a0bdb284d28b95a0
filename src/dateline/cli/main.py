"""The `dateline` console script: the command group and its error handling."""

from __future__ import annotations

import logging
import os
import warnings
from pathlib import Path

import click

from dateline import __version__
from dateline.cli.docs import docs
from dateline.cli.eval import eval_group
from dateline.cli.ingest import add
from dateline.cli.timeline import demo, stories, timeline
from dateline.errors import DatelineError
from dateline.settings import load_settings


class DatelineGroup(click.Group):
    """Turns dateline's own errors into one line on stderr instead of a traceback."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except DatelineError as exc:
            click.echo(f"dateline: {exc}", err=True)
            ctx.exit(1)
        except KeyboardInterrupt:
            click.echo("dateline: interrupted; the store is as it was before this batch",
                       err=True)
            ctx.exit(130)


@click.group(cls=DatelineGroup)
@click.version_option(__version__, prog_name="dateline")
@click.option("--config", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              envvar="DATELINE_CONFIG", help="TOML settings file (sections per stage).")
@click.pass_context
def cli(ctx: click.Context, config: Path | None) -> None:
    """Turn a pile of news articles into a dated, sourced timeline.

    \b
    dateline timeline FOLDER          one-shot, no store
    dateline add FOLDER               ingest into ./dateline.db
    dateline timeline --query TEXT    from the store
    dateline demo                     the bundled sample corpus
    """
    ctx.obj = load_settings(config)


cli.add_command(add)
cli.add_command(docs)
cli.add_command(timeline)
cli.add_command(stories)
cli.add_command(demo)
cli.add_command(eval_group)


def _add_serve() -> None:
    # The web app is an optional extra; without it `dateline serve` says how to get it.
    try:
        from dateline.cli.serve import serve
    except ImportError as exc:
        missing = str(exc)

        @cli.command("serve", help="Local web app (needs the 'web' extra).")
        def serve_missing() -> None:
            raise click.ClickException(f"the web app needs pip install 'dateline[web]': {missing}")

        return
    cli.add_command(serve)


_add_serve()


def _quiet_libraries() -> None:
    """The libraries we wrap speak only through dateline's one-line reports.

    trafilatura and htmldate log what they find odd in a page, and Python's last-resort handler
    would print those records unprefixed between our lines; what matters reaches the user as a
    Failure naming the file. `DATELINE_DEBUG=1` shows them, on stderr, for debugging.
    """
    if os.environ.get("DATELINE_DEBUG"):
        logging.basicConfig(level=logging.DEBUG, format="dateline debug: %(name)s: %(message)s")
        return
    logging.getLogger().addHandler(logging.NullHandler())
    warnings.simplefilter("ignore")


def main() -> None:
    _quiet_libraries()
    cli(prog_name="dateline")
