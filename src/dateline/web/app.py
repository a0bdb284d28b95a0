"""The local web app behind `dateline serve`: pages, static files and the JSON API.

Everything the browser needs is served from the package (no CDN), so it works offline.
"""

from __future__ import annotations

import html
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from dateline.errors import DatelineError
from dateline.settings import Settings
from dateline.web import api
from dateline.web.jobs import MAX_UPLOAD_ARTICLES
from dateline.web.openapi import openapi
from dateline.web.security import LOOPBACK_HOSTS, SecurityHeaders, new_token
from dateline.web.service import StoreService

# Bigger than any news article page or day's JSONL dump, small enough to hold in memory.
MAX_UPLOAD_BYTES = 20 * 1024 * 1024

_PACKAGE = resources.files("dateline.web")
# The timeline viewer (script, style, controls) is shared with the HTML export, in render/.
_VIEWER = ("dateline.render", "viewer")


def _page(token: str) -> str:
    page = (_PACKAGE / "templates" / "index.html").read_text(encoding="utf-8")
    controls = (resources.files(_VIEWER[0]) / _VIEWER[1] / "timeline-controls.html").read_text(
        encoding="utf-8"
    )
    return page.replace("{{token}}", html.escape(token)).replace("{{controls}}", controls)


async def page(request: Request) -> Response:
    return HTMLResponse(request.app.state.page, headers={"cache-control": "no-store"})


async def openapi_json(request: Request) -> Response:
    return JSONResponse(openapi())


async def http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    return JSONResponse({"error": exc.detail}, status_code=exc.status_code)


async def dateline_error(request: Request, exc: Exception) -> Response:
    return JSONResponse({"error": str(exc)}, status_code=500)


async def server_error(request: Request, exc: Exception) -> Response:
    return JSONResponse({"error": f"internal error: {type(exc).__name__}"}, status_code=500)


def create_app(
    db_path: Path,
    *,
    settings: Settings | None = None,
    allowed_hosts: Iterable[str] = LOOPBACK_HOSTS,
    max_upload_bytes: int = MAX_UPLOAD_BYTES,
    max_upload_articles: int = MAX_UPLOAD_ARTICLES,
) -> Starlette:
    """The app for the store at `db_path`; uploads are kept in a folder beside it."""
    db_path = Path(db_path)
    settings = (settings or Settings()).with_overrides("store", path=db_path)
    service = StoreService(db_path, settings, max_upload_articles)
    token = new_token()

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        service.close()

    routes = [
        Route("/", page),
        Route("/documents", page),
        Route("/add", page),
        Route("/api/timeline", api.api_timeline),
        Route("/api/documents", api.api_documents),
        Route("/api/document/{id}", api.api_document),
        Route("/api/stories", api.api_stories),
        Route("/api/search", api.api_search),
        Route("/api/upload", api.api_upload, methods=["POST"]),
        Route("/api/uploads/{id}", api.api_upload_status),
        Route("/api/curations", api.api_curations, methods=["GET", "POST"]),
        Route("/api/curations/{id}", api.api_curation_undo, methods=["DELETE"]),
        Route("/api/export/{fmt}", api.api_export),
        Route("/api/openapi.json", openapi_json),
        Mount(
            "/static",
            StaticFiles(directory=str(_PACKAGE / "static"), packages=[_VIEWER]),
            name="static",
        ),
    ]
    app = Starlette(
        routes=routes,
        lifespan=lifespan,
        middleware=[Middleware(SecurityHeaders, allowed_hosts=allowed_hosts)],
        exception_handlers={
            HTTPException: http_error,
            DatelineError: dateline_error,
            Exception: server_error,
        },
    )
    app.state.service = service
    app.state.token = token
    app.state.page = _page(token)
    app.state.max_upload_bytes = max_upload_bytes
    app.state.upload_dir = db_path.parent / f"{db_path.stem}-uploads"
    return app
