"""The JSON API under /api/: the timeline, documents, stories, search, uploads, the user's
decisions (`/api/curations`) and exports.

Handlers check their input and answer 4xx with {"error": message}; they read and write the
store only through `StoreService`, so the app has a single writer. An upload is answered at
once (202) and ingested in the background; `/api/uploads/{id}` tells how far it has got.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterable
from typing import Any
from urllib.parse import unquote

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from dateline.errors import InputError
from dateline.events.undated import undated_events
from dateline.library import TimelineQuery, calendar_date
from dateline.model import Article, Curation, Timeline
from dateline.render import FORMATS, render
from dateline.render.json import document_to_dict, story_to_dict
from dateline.render.view import document_meta, timeline_view
from dateline.select.curate import curation_to_dict
from dateline.web.jobs import Job
from dateline.web.security import cross_site_reason
from dateline.web.service import Building, StoreService, failures_json
from dateline.web.uploads import UploadError, check_content, read_limited

# ASCII digits only: `\d` and `str.isdigit` also accept "²", "①" and "٣", which `int()`
# refuses.
NUMBER = re.compile(r"^[0-9]{1,9}$")
ARTICLE_ID = re.compile(r"^[0-9a-f]{6,64}$")
JOB_ID = re.compile(r"^u[0-9]{1,9}$")
# RFC 7240: `Prefer: respond-async, wait=N` asks for 202 and progress if not done in N s.
RESPOND_ASYNC = re.compile(r"(?:^|,)\s*respond-async\s*(?:,|$)", re.I)
PREFER_WAIT = re.compile(r"(?:^|,)\s*wait\s*=\s*([0-9]{1,4})\s*(?:,|$)", re.I)
DEFAULT_WAIT = 1
MAX_QUERY = 500
# Without `?dates=` and `?per_date=` the app shows what `dateline timeline` prints (the
# library's defaults): the same store and request give the same entries everywhere.
MAX_DATES = 20000
MAX_PER_DATE = 20
MAX_STORY = 10**9 - 1

EXPORT_TYPES = {
    "text": ("text/plain; charset=utf-8", "txt"),
    "json": ("application/json", "json"),
    "md": ("text/markdown; charset=utf-8", "md"),
    "html": ("text/html; charset=utf-8", "html"),
    "csv": ("text/csv; charset=utf-8", "csv"),
    "timelinejs": ("application/json", "timelinejs.json"),
    "png": ("image/png", "png"),
    "svg": ("image/svg+xml", "svg"),
}


def error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


def service(request: Request) -> StoreService:
    found: StoreService = request.app.state.service
    return found


def _param(request: Request, name: str) -> str | None:
    value = request.query_params.get(name, "").strip()
    if not value:
        return None
    if len(value) > MAX_QUERY:
        raise HTTPException(400, f"{name}: longer than {MAX_QUERY} characters")
    return value


def _date(request: Request, name: str) -> str | None:
    """A `from`/`to` value checked by the same rule as the CLI's and the library's."""
    value = _param(request, name)
    try:
        return None if value is None else calendar_date(value)
    except ValueError as exc:
        raise HTTPException(400, f"{name}: {exc}") from None


def _int(request: Request, name: str, high: int) -> int | None:
    value = _param(request, name)
    if value is None:
        return None
    if not NUMBER.match(value) or not 1 <= int(value) <= high:
        raise HTTPException(400, f"{name}: {value!r} is not a number from 1 to {high}")
    return int(value)


def timeline_query(request: Request) -> TimelineQuery:
    date_from, date_to = _date(request, "from"), _date(request, "to")
    if date_from and date_to and date_from[: len(date_to)] > date_to:
        raise HTTPException(400, f"from {date_from} is after to {date_to}")
    return TimelineQuery(
        query=_param(request, "q"),
        date_from=date_from,
        date_to=date_to,
        dates=_int(request, "dates", MAX_DATES),
        per_date=_int(request, "per_date", MAX_PER_DATE),
        story=_int(request, "story", MAX_STORY),
        who=_param(request, "who"),
        where=_param(request, "where"),
    )


def _known_story(store: StoreService, query: TimelineQuery) -> None:
    """404 for a story number `/api/stories` does not list (on a reader thread)."""
    if query.story is not None and query.story > len(store.stories()):
        raise HTTPException(
            404,
            f"story: no story {query.story}; there are {len(store.stories())} (see /api/stories)",
        )


def _built(store: StoreService, query: TimelineQuery) -> Timeline:
    _known_story(store, query)
    return store.timeline(query)


def json_response(body: bytes) -> Response:
    return Response(body, media_type="application/json")


async def api_timeline(request: Request) -> Response:
    store = service(request)
    query = timeline_query(request)
    entity = _param(request, "entity")

    def view() -> dict[str, Any]:
        built = _built(store, query)
        found = timeline_view(built, store.stories())
        found["undated"] = undated_json(built.documents)
        if entity:
            found["entries"] = [e for e in found["entries"] if entity in e["entities"]]
        return found

    key = ("timeline", query, entity)
    wait = _async_wait(request)
    if wait is None:
        return json_response(await store.call(lambda: store.json_view(key, view)))
    found = await store.soon(key, lambda: store.json_view(key, view), wait)
    if isinstance(found, Building):
        return building_response(found)
    return json_response(found)


def building_response(found: Building) -> Response:
    """202 "building" with how far it has got: ask again for the answer."""
    return JSONResponse(
        found.progress(),
        status_code=202,
        headers={"preference-applied": "respond-async", "retry-after": "1"},
    )


def _async_wait(request: Request) -> float | None:
    """Seconds to wait before answering 202 "building", when the client prefers that."""
    prefer = request.headers.get("prefer", "")
    if not RESPOND_ASYNC.search(prefer):
        return None
    wait = PREFER_WAIT.search(prefer)
    return float(wait.group(1)) if wait else DEFAULT_WAIT


def undated_json(documents: Iterable[Article]) -> dict[str, int]:
    """What the page says of every build: articles without a day, events without a date."""
    listed = [a for a in documents if a.duplicate_of is None]
    counts = undated_events(listed)
    return {
        "articles": len(listed),
        "undated_articles": sum(
            1 for a in listed if a.published is None or a.published.date is None
        ),
        "undated_events": counts.undated,
        "ranged_events": counts.ranged,
    }


def _status(article: Article) -> str:
    return "duplicate" if article.duplicate_of else "ok"


async def api_documents(request: Request) -> Response:
    store = service(request)

    def view() -> dict[str, Any]:
        documents = [{**document_meta(a), "status": _status(a)} for a in store.articles()]
        return {"documents": documents, "failures": failures_json(store.failures())}

    return json_response(await store.call(lambda: store.json_view("documents", view)))


async def api_document(request: Request) -> Response:
    article_id = request.path_params["id"]
    if not ARTICLE_ID.match(article_id):
        return error(400, f"{article_id!r} is not an article id")
    store = service(request)
    article = await store.call(lambda: store.document(article_id))
    if article is None:
        return error(404, f"no article {article_id}")
    return JSONResponse({**document_to_dict(article), "status": _status(article)})


async def api_stories(request: Request) -> Response:
    store = service(request)

    def view() -> dict[str, Any]:
        return {"stories": [story_to_dict(s) for s in store.stories()]}

    return json_response(await store.call(lambda: store.json_view("stories", view)))


async def api_search(request: Request) -> Response:
    query = _param(request, "q")
    if query is None:
        return error(400, "q: give the words to search for")
    store = service(request)

    def view() -> dict[str, Any]:
        found = store.documents(store.search(query))
        return {"query": query, "documents": [document_meta(a) for a in found]}

    return json_response(await store.call(lambda: store.json_view(("search", query), view)))


async def api_upload(request: Request) -> Response:
    reason = cross_site_reason(request, request.app.state.token)
    if reason:
        return error(403, reason)
    name = unquote(request.headers.get("x-filename", "")).strip()
    if not name:
        return error(400, "missing X-Filename header")
    limit: int = request.app.state.max_upload_bytes
    declared = request.headers.get("content-length", "")
    try:
        if NUMBER.match(declared) and int(declared) > limit:
            raise UploadError(413, f"file is larger than the {limit // 1024 // 1024} MB limit")
        data = await read_limited(request.stream(), limit)
        check_content(data)
    except UploadError as exc:
        return error(exc.status, f"{name}: {exc.message}")
    store = service(request)
    folder = request.app.state.upload_dir
    job = await store.call(lambda: store.upload(folder, name, data))
    return JSONResponse(
        job_json(job), status_code=202, headers={"location": f"/api/uploads/{job.id}"}
    )


def job_json(job: Job) -> dict[str, Any]:
    """An upload's state: status, progress counts, and once done what it added or why not."""
    found = dataclasses.asdict(job)
    found["failures"] = list(job.failures)
    found["finished"] = job.finished
    return found


async def api_upload_status(request: Request) -> Response:
    job_id = request.path_params["id"]
    if not JOB_ID.match(job_id):
        return error(400, f"{job_id!r} is not an upload id")
    job = service(request).jobs.get(job_id)
    if job is None:
        return error(404, f"no upload {job_id}")
    return JSONResponse(job_json(job))


MAX_DECISION_BYTES = 64 * 1024


async def api_curations(request: Request) -> Response:
    """GET: the user's decisions. POST {kind, target, value?, reason?}: make one (through the
    one writer; the page's token and same-origin checks as for uploads)."""
    store = service(request)
    if request.method == "GET":
        found = await store.call(store.curations)
        return JSONResponse({"decisions": [curation_to_dict(c) for c in found]})
    reason = cross_site_reason(request, request.app.state.token)
    if reason:
        return error(403, reason)
    try:
        body = json.loads(await read_limited(request.stream(), MAX_DECISION_BYTES))
    except UploadError as exc:
        return error(exc.status, f"decision: larger than {MAX_DECISION_BYTES // 1024} KB")
    except (ValueError, UnicodeDecodeError):
        return error(400, "decision: the body must be a JSON object")
    fields = ("kind", "target", "value", "reason")
    if not isinstance(body, dict) or not all(isinstance(body.get(f, ""), str) for f in fields):
        return error(
            400,
            'decision: expected {"kind": ..., "target": ..., "value": ..., '
            '"reason": ...} with string values',
        )
    if not body.get("kind") or not body.get("target"):
        return error(400, "decision: give its kind and its target")
    try:
        made = await store.curate(Curation(*(body.get(f, "") for f in fields)))
    except InputError as exc:
        return error(400, str(exc))
    return JSONResponse(curation_to_dict(made), status_code=201)


async def api_curation_undo(request: Request) -> Response:
    """DELETE /api/curations/{id}: undo a decision."""
    reason = cross_site_reason(request, request.app.state.token)
    if reason:
        return error(403, reason)
    value = request.path_params["id"]
    if not NUMBER.match(value):
        return error(400, f"{value!r} is not a decision id")
    if not await service(request).uncurate(int(value)):
        return error(404, f"no decision {value}")
    return Response(status_code=204)


async def api_export(request: Request) -> Response:
    """The timeline the page shows, as a file; built as the timeline route builds it: one
    build per format and request however many ask, the last built timeline while the store
    changes, and with `Prefer: respond-async` a 202 "building" instead of a wait."""
    fmt = request.path_params["fmt"]
    if fmt not in FORMATS or fmt not in EXPORT_TYPES:
        return error(404, f"unknown format {fmt!r}; choose from {', '.join(EXPORT_TYPES)}")
    store = service(request)
    query = timeline_query(request)

    def build() -> bytes:
        content = render(_built(store, query), fmt)
        return content.encode("utf-8") if isinstance(content, str) else content

    found = await store.soon(("export", fmt, query), build, _async_wait(request))
    if isinstance(found, Building):
        return building_response(found)
    media_type, extension = EXPORT_TYPES[fmt]
    headers = {"content-disposition": f'attachment; filename="timeline.{extension}"'}
    return Response(found, media_type=media_type, headers=headers)
