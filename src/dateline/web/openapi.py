"""The OpenAPI 3.1 description of /api/, served at /api/openapi.json."""

from __future__ import annotations

from typing import Any

from dateline import __version__

EXPORT_FORMATS = ("text", "json", "md", "html", "csv", "timelinejs", "png", "svg")


def _query(name: str, description: str, required: bool = False) -> dict[str, Any]:
    return {
        "name": name,
        "in": "query",
        "required": required,
        "description": description,
        "schema": {"type": "string"},
    }


_ERROR = {
    "description": "Bad request",
    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
}
_DATE_FILTERS = [
    _query("q", "Full-text search over article titles and text"),
    _query("from", "Earliest date, YYYY[-MM[-DD]]"),
    _query("to", "Latest date, YYYY[-MM[-DD]]"),
    _query("dates", "How many dates (default: as `dateline timeline`)"),
    _query("per_date", "Entries per date (default: as `dateline timeline`)"),
    _query(
        "story",
        "Only this story's articles, by its `id` in /api/stories (as "
        "`dateline timeline --story N`)",
    ),
]


_TOKEN = {
    "name": "X-Dateline-Token",
    "in": "header",
    "required": True,
    "schema": {"type": "string"},
    "description": "The token in the app page's dateline-token meta tag",
}


def _ok(description: str, schema: dict[str, Any] | None = None) -> dict[str, Any]:
    return {
        "description": description,
        "content": {"application/json": {"schema": schema or {"type": "object"}}},
    }


# RFC 7240: the timeline and its exports answer 202 with progress rather than make one wait.
_PREFER = {
    "name": "Prefer",
    "in": "header",
    "required": False,
    "schema": {"type": "string"},
    "description": "`respond-async, wait=N` (RFC 7240): if the timeline is not built "
    "within N seconds, answer 202 with its progress; ask again",
}
_BUILDING = _ok(
    'Still building: `status` "building", `seconds` since it started, `articles` it reads'
)


def openapi() -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "dateline",
            "version": __version__,
            "description": "A dated, sourced chronology of the articles in the store.",
        },
        "paths": {
            "/api/timeline": {
                "get": {
                    "summary": "Timeline entries in date order, with the documents they cite",
                    "parameters": [
                        *_DATE_FILTERS,
                        _query("entity", "A name the entry's sentences mention"),
                        _query(
                            "who",
                            "A person or organisation the entry names (every word of it, any case)",
                        ),
                        _query("where", "A place the entry names"),
                        _PREFER,
                    ],
                    "responses": {
                        "200": _ok("The timeline view"),
                        "202": _BUILDING,
                        "400": _ERROR,
                        "404": _ERROR,
                    },
                }
            },
            "/api/documents": {
                "get": {
                    "summary": "Every stored article (without text) and every failed file",
                    "responses": {"200": _ok("Documents and failures")},
                }
            },
            "/api/document/{id}": {
                "get": {
                    "summary": "One article with its clean text and inferred publication date",
                    "parameters": [
                        {
                            "name": "id",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string", "pattern": "^[0-9a-f]{6,64}$"},
                        }
                    ],
                    "responses": {"200": _ok("The article"), "400": _ERROR, "404": _ERROR},
                }
            },
            "/api/stories": {
                "get": {
                    "summary": "Groups of articles about one matter, largest first, in the shape "
                    "`dateline stories --format json` lists them",
                    "responses": {"200": _ok("Stories")},
                }
            },
            "/api/search": {
                "get": {
                    "summary": "Articles matching a full-text query, best first",
                    "parameters": [_query("q", "Words to search for", required=True)],
                    "responses": {"200": _ok("Matching documents"), "400": _ERROR},
                }
            },
            "/api/upload": {
                "post": {
                    "summary": "Add one article file (HTML, text, JSON/JSONL, WARC, gzip) to the "
                    "store",
                    "parameters": [
                        {
                            "name": "X-Filename",
                            "in": "header",
                            "required": True,
                            "schema": {"type": "string"},
                            "description": "URL-encoded file name",
                        },
                        _TOKEN,
                    ],
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/octet-stream": {
                                "schema": {"type": "string", "format": "binary"}
                            }
                        },
                    },
                    "responses": {
                        "202": _ok(
                            "Accepted: the upload's state, ingested in the "
                            "background (follow /api/uploads/{id})"
                        ),
                        "400": _ERROR,
                        "403": _ERROR,
                        "413": _ERROR,
                        "415": _ERROR,
                    },
                }
            },
            "/api/uploads/{id}": {
                "get": {
                    "summary": "An upload's progress (read, processed of total) and its result",
                    "parameters": [
                        {
                            "name": "id",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string", "pattern": "^u[0-9]{1,9}$"},
                        }
                    ],
                    "responses": {"200": _ok("The upload's state"), "400": _ERROR, "404": _ERROR},
                }
            },
            "/api/curations": {
                "get": {
                    "summary": "The user's decisions (hide, pin, edit, date, delete)",
                    "responses": {"200": _ok("Decisions, oldest first")},
                },
                "post": {
                    "summary": "Make a decision: hide, pin or edit an entry (target: its key), "
                    "date or delete an article (target: its id)",
                    "parameters": [_TOKEN],
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "required": ["kind", "target"],
                                    "properties": {
                                        "kind": {
                                            "type": "string",
                                            "enum": ["hide", "pin", "edit", "date", "delete"],
                                        },
                                        "target": {"type": "string"},
                                        "value": {"type": "string"},
                                        "reason": {"type": "string"},
                                    },
                                }
                            }
                        },
                    },
                    "responses": {
                        "201": _ok("The stored decision"),
                        "400": _ERROR,
                        "403": _ERROR,
                        "413": _ERROR,
                    },
                },
            },
            "/api/curations/{id}": {
                "delete": {
                    "summary": "Undo a decision",
                    "parameters": [
                        {
                            "name": "id",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string", "pattern": "^[0-9]{1,9}$"},
                        },
                        _TOKEN,
                    ],
                    "responses": {
                        "204": {"description": "Undone"},
                        "400": _ERROR,
                        "403": _ERROR,
                        "404": _ERROR,
                    },
                }
            },
            "/api/export/{fmt}": {
                "get": {
                    "summary": "The timeline as a file: html, csv, timelinejs, png, svg, json, md",
                    "parameters": [
                        {
                            "name": "fmt",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string", "enum": list(EXPORT_FORMATS)},
                        },
                        *_DATE_FILTERS,
                        _PREFER,
                    ],
                    "responses": {
                        "200": {"description": "The file"},
                        "202": _BUILDING,
                        "400": _ERROR,
                        "404": _ERROR,
                    },
                }
            },
        },
        "components": {
            "schemas": {
                "Error": {
                    "type": "object",
                    "required": ["error"],
                    "properties": {"error": {"type": "string"}},
                }
            }
        },
    }
