"""`dateline serve`: the local web app over a store."""

from __future__ import annotations

from pathlib import Path

import click

from dateline import library
from dateline.cli.common import db_option, settings_from
from dateline.web.security import LOOPBACK_HOSTS

_GRACE_SECONDS = 3


@click.command()
@db_option
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; keep it on loopback unless you trust the network.",
)
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.pass_context
def serve(ctx: click.Context, db: Path | None, host: str, port: int) -> None:
    """Browse the store's timeline, sources and documents, and add articles, in a browser.

    The store is created when missing.
    """
    import uvicorn

    from dateline.web.app import create_app

    settings = settings_from(ctx, db)
    # A store that cannot be opened fails here, in one line, not per request; opened with the
    # configured dedup settings, as the app opens it, so its index is rebuilt at most once.
    library.Store(settings=settings).close()
    path = settings.store.path
    allowed = set(LOOPBACK_HOSTS) | {host}
    app = create_app(path, settings=settings, allowed_hosts=allowed)
    click.echo(f"dateline: serving {path} at http://{host}:{port}/ (Ctrl+C to stop)", err=True)
    # On SIGINT/SIGTERM uvicorn stops taking requests and waits this long for open ones; the
    # app's shutdown then kills a running upload's process (its batch rolls back).
    uvicorn.run(
        app, host=host, port=port, log_level="warning", timeout_graceful_shutdown=_GRACE_SECONDS
    )
