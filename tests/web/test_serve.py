"""`dateline serve` options and start-up errors, and a broken store answering in JSON."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from starlette.testclient import TestClient

from dateline.cli.main import cli
from dateline.cli.serve import serve
from dateline.web.app import create_app


def test_unopenable_store_is_one_line(tmp_path: Path) -> None:
    missing = tmp_path / "no" / "such" / "dir" / "x.db"
    result = CliRunner().invoke(cli, ["serve", "--db", str(missing)])
    assert result.exit_code == 1
    assert result.output.startswith(f"dateline: {missing}: cannot open the store")
    assert "Traceback" not in result.output


def test_port_is_checked() -> None:
    result = CliRunner().invoke(serve, ["--port", "70000"])
    assert result.exit_code == 2
    assert "70000" in result.output


def test_broken_store_gives_a_json_error_not_a_traceback(tmp_path: Path) -> None:
    broken = tmp_path / "broken.db"
    broken.write_bytes(b"this is not an SQLite database" * 100)
    with TestClient(create_app(broken), base_url="http://127.0.0.1:8000") as client:
        response = client.get("/api/timeline")
    assert response.status_code == 500
    assert str(broken) in response.json()["error"]
    assert "Traceback" not in response.text


def test_the_configured_store_path_is_served(tmp_path: Path) -> None:
    missing = tmp_path / "no" / "such" / "dir" / "configured.db"
    config = tmp_path / "settings.toml"
    config.write_text(f'[store]\npath = "{missing}"\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["--config", str(config), "serve"])
    assert result.exit_code == 1
    assert result.output.startswith(f"dateline: {missing}: cannot open the store")
