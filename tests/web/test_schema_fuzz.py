"""Every API route fuzzed from our own OpenAPI description (schemathesis): never a 5xx.

Requests are made in-process (the ASGI app, no network). Bounded for CI by
DATELINE_FUZZ_EXAMPLES examples per operation (default 40); `make fuzz` asks for more.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from starlette.applications import Starlette

from dateline.pipeline import ingest
from dateline.settings import Settings
from dateline.store import Store
from dateline.web.app import create_app
from dateline.web.openapi import openapi

EXAMPLES = int(os.environ.get("DATELINE_FUZZ_EXAMPLES", "40"))


@pytest.fixture(scope="module")
def fuzzed_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Starlette]:
    folder = tmp_path_factory.mktemp("fuzz")
    paths = []
    for number, (town, day) in enumerate([("Riverton", 14), ("Ashford", 3), ("Melbury", 22)]):
        path = folder / f"report-{number}.txt"
        path.write_text(
            f"{town} Courier\nPublished: March {day}, 2011\n{town} opens bridge\n"
            f"{town.upper()} -- The new bridge opened on March {day - 1}, 2011, "
            "after two years of work, the council said.\n",
            encoding="utf-8",
        )
        paths.append(path)
    db = folder / "store.db"
    with Store(db) as store:
        ingest(store, paths, Settings())
    # The in-process client calls itself "testserver"; the app accepts that name only here.
    app = create_app(db, allowed_hosts={"127.0.0.1", "testserver"}, max_upload_articles=20)
    yield app
    app.state.service.close()


@pytest.fixture(scope="module")
def api_schema(fuzzed_app: Starlette) -> schemathesis.schemas.BaseSchema:
    return schemathesis.openapi.from_asgi("/api/openapi.json", fuzzed_app)


OPERATIONS = [(path, method) for path, methods in openapi()["paths"].items() for method in methods]


@pytest.mark.parametrize(("path", "method"), OPERATIONS)
def test_no_request_gets_a_server_error(
    api_schema: schemathesis.schemas.BaseSchema, fuzzed_app: Starlette, path: str, method: str
) -> None:
    operation = api_schema[path][method]
    token = {"X-Dateline-Token": fuzzed_app.state.token}
    sent = []

    @given(case=operation.as_strategy())
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def call(case: schemathesis.Case) -> None:
        # Half the uploads carry the real token, so the body is checked and even ingested.
        headers = token if path == "/api/upload" and len(sent) % 2 else None
        response = case.call(headers=headers)
        sent.append(response.status_code)
        assert response.status_code < 500, (
            method,
            path,
            case.query,
            case.path_parameters,
            response.text[:300],
        )
        if response.status_code >= 400:
            assert response.json()["error"]

    call()
    assert sent  # a route without parameters has one distinct request
    print(f"{method.upper()} {path}: {len(sent)} requests, {dict(Counter(sent))}")


def test_the_description_lists_the_export_formats_the_app_serves() -> None:
    from dateline.web.api import EXPORT_TYPES
    from dateline.web.openapi import EXPORT_FORMATS

    assert sorted(EXPORT_FORMATS) == sorted(EXPORT_TYPES)
