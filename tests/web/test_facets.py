"""The name facets of /api/timeline and its who/where filters, over the web tests' store."""

from __future__ import annotations

from starlette.testclient import TestClient


def test_facets_count_the_entries_naming_each_name(client: TestClient) -> None:
    data = client.get("/api/timeline").json()
    facets = data["facets"]
    assert facets and [f["name"] for f in facets] == data["entities"]
    assert [f["count"] for f in facets] == sorted((f["count"] for f in facets), reverse=True)
    for facet in facets:
        assert facet["kind"] in ("person", "organisation", "place")
        assert facet["count"] == sum(facet["name"] in e["entities"] for e in data["entries"])


def test_who_and_where_keep_the_entries_naming_them(client: TestClient) -> None:
    data = client.get("/api/timeline").json()
    for kind, param in (("place", "where"), ("person", "who"), ("organisation", "who")):
        named = [f for f in data["facets"] if f["kind"] == kind]
        if not named:
            continue
        facet = named[0]
        found = client.get("/api/timeline", params={param: facet["name"]}).json()["entries"]
        assert len(found) == facet["count"]
        assert all(facet["name"] in e["entities"] for e in found)
    assert client.get("/api/timeline", params={"where": "Nowhere Atall"}).json()["entries"] == []
