"""The `dateline` console script: the command group and its error handling."""

from __future__ import annotations

import errno
import logging
import os
import signal
import sqlite3
import sys
import threading
import warnings
from pathlib import Path

import click

from dateline import __version__
from dateline.cli.common import printable
from dateline.cli.convert import convert
from dateline.cli.curate import curate
from dateline.cli.docs import docs
from dateline.cli.eval import eval_group
from dateline.cli.ingest import add
from dateline.cli.timeline import demo, stories, timeline
from dateline.errors import DatelineError
from dateline.library import load_settings
from dateline.store.explain import remedy

_STOPPED = (130, 143)  # exit codes after Ctrl+C and SIGTERM
_RESEND_SECONDS = 0.05  # long enough for the hook and its fork callbacks to return


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the program is, so it unwinds as Ctrl+C does: stores roll back."""


class DatelineGroup(click.Group):
    """Turns every error into one line on stderr instead of a traceback."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except KeyboardInterrupt as exc:
            writes = ctx.invoked_subcommand == "add"
            _say(
                "interrupted; the store keeps only the batches that had finished"
                if writes
                else "interrupted"
            )
            ctx.exit(_STOPPED[1] if isinstance(exc, Terminated) else _STOPPED[0])
        except Exception as exc:
            if os.environ.get("DATELINE_DEBUG"):
                raise
            _say(one_line_error(exc))
            ctx.exit(1)
        return None


def _say(message: str) -> None:
    click.echo(f"dateline: {printable(message)}", err=True)


def one_line_error(exc: BaseException) -> str:
    """What went wrong and what to do, in one line, for any exception."""
    if isinstance(exc, DatelineError):
        return str(exc)
    if isinstance(exc, MemoryError):
        return "out of memory; free memory, or give fewer or smaller files at once"
    if isinstance(exc, sqlite3.Error):
        return remedy(exc)
    if isinstance(exc, OSError):
        return _os_error(exc)
    detail = " ".join(str(exc).split())[:200]
    return (
        f"internal error ({type(exc).__name__}: {detail}); please report it, with the "
        "traceback DATELINE_DEBUG=1 shows"
    )


def _os_error(exc: OSError) -> str:
    where = f"{exc.filename}: " if exc.filename else ""
    if exc.errno == errno.ENOSPC:
        return f"{where}the disk is full; free some space and run again"
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return f"{where}{exc.strerror}; check the permissions of the file and its folder"
    if exc.errno == errno.ENOMEM:
        return "out of memory; free memory, or give fewer or smaller files at once"
    return f"{where}{exc.strerror or exc}"


@click.group(cls=DatelineGroup)
@click.version_option(__version__, prog_name="dateline")
@click.option(
    "--config",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    envvar="DATELINE_CONFIG",
    help="TOML settings file (sections per stage).",
)
@click.pass_context
def cli(ctx: click.Context, config: Path | None) -> None:
    """Turn a pile of news articles into a dated, sourced timeline.

    \b
    dateline timeline FOLDER          one-shot, no store
    dateline add FOLDER               ingest into ./dateline.db
    dateline timeline --query TEXT    from the store
    dateline curate hide KEY          your decisions, kept in the store
    dateline convert A.db B.parquet   the store as a Parquet dataset, and back
    dateline demo                     the bundled sample corpus
    """
    ctx.obj = load_settings(config)


cli.add_command(add)
cli.add_command(docs)
cli.add_command(timeline)
cli.add_command(stories)
cli.add_command(demo)
cli.add_command(eval_group)
cli.add_command(curate)
cli.add_command(convert)


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


# Set once a stop (Ctrl+C, SIGTERM) has been raised: the run is unwinding.
_STOPPING = threading.Event()


def _interrupt(signum: int, frame: object) -> None:
    _STOPPING.set()
    raise KeyboardInterrupt


def _terminate(signum: int, frame: object) -> None:
    _STOPPING.set()
    raise Terminated


def _rearm_lost_stop(unraisable: sys.UnraisableHookArgs) -> None:
    """A stop raised where Python cannot raise (an at-fork hook, a `__del__`) is re-sent.

    Python only prints such an exception ("Exception ignored in ...") and goes on: a Ctrl+C
    or SIGTERM landing while a worker is forked was lost that way, and the run went on to the
    end (1 in 4 stops, measured). Sent again from another thread a moment later, once the
    hook has returned, it is raised at the next safe point (or lost and re-sent again).
    Anything else raised there once a stop is under way is the stop's debris (a stop that
    lands inside `multiprocessing.util.Finalize()` leaves one half made, which fails when
    it runs), not a line for the user.
    """
    if not isinstance(unraisable.exc_value, KeyboardInterrupt):
        if not _STOPPING.is_set() or os.environ.get("DATELINE_DEBUG"):
            sys.__unraisablehook__(unraisable)
        return
    again = signal.SIGTERM if isinstance(unraisable.exc_value, Terminated) else signal.SIGINT
    resend = threading.Timer(_RESEND_SECONDS, os.kill, (os.getpid(), again))
    resend.daemon = True
    resend.start()


def main() -> None:
    _quiet_libraries()
    signal.signal(signal.SIGINT, _interrupt)
    signal.signal(signal.SIGTERM, _terminate)
    sys.unraisablehook = _rearm_lost_stop
    try:
        cli(prog_name="dateline")
    except SystemExit as exc:
        if exc.code not in _STOPPED:
            raise
        # Stopped: the store has rolled back and closed, the pool's workers are killed. The
        # interpreter's exit would still join the pool's threads, which can wait forever on a
        # worker forked at the very moment of the stop; nothing is left to do, so leave now.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(int(exc.code))
