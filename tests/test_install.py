"""The plain install path a new user takes: a fresh venv, its own pip, `pip install .`.

`make` upgrades pip first, which once hid a dependency nothing pinned (trafilatura's jusText
needs lxml_html_clean): every command then failed at import on a plain install.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
STORY = (
    "The river ferry resumed its crossings on Tuesday, nine days after floodwater closed "
    "the landing stage at Orrin Quay.\nThe operator said the first boat left at 6.40 am "
    "with forty passengers on board."
)
PAGE = (
    "<!DOCTYPE html><html><head><title>Ferry back on the river</title></head><body>"
    "<nav><a href='/'>Home</a></nav><article><h1>Ferry back on the river</h1>"
    f"<p>{STORY}</p></article></body></html>"
)


@pytest.mark.long
@pytest.mark.install
@pytest.mark.skipif(shutil.which("git") is None, reason="needs git to copy the tracked tree")
def test_plain_pip_install_gives_a_working_dateline(tmp_path: Path) -> None:
    source = tmp_path / "source"
    tracked = (
        subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=ROOT,
            capture_output=True,
            check=True,
        )
        .stdout.decode()
        .split("\0")
    )
    for name in filter(None, tracked):
        if (ROOT / name).is_file():
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, source / name)
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    # --no-compile: pip would byte-compile every module of every dependency (numpy's whole
    # tree), seconds of CPU that say nothing about whether the install works.
    install = subprocess.run(
        [python, "-m", "pip", "install", "--quiet", "--no-compile", str(source)],
        capture_output=True,
        text=True,
        env=env,
    )
    if install.returncode and "No matching distribution" in install.stderr + install.stdout:
        pytest.skip("the package index cannot be reached from here")
    assert install.returncode == 0, install.stderr[-2000:]
    pile = tmp_path / "pile"
    pile.mkdir()
    (pile / "bridge.txt").write_text("Bridge reopens\n\n" + STORY, encoding="utf-8")
    (pile / "ferry.html").write_text(PAGE, encoding="utf-8")
    run = subprocess.run(
        [env_dir / "bin" / "dateline", "timeline", str(pile), "--format", "json"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert '"entries"' in run.stdout
    # The Python front door from the same install: typed, and the HTML export's viewer shipped.
    script = (
        "import pathlib, dateline; t = dateline.timeline('pile'); "
        "assert (pathlib.Path(dateline.__file__).parent / 'py.typed').exists(); "
        "assert 'viewer' in t.to_html(); print(t.to_json())"
    )
    library = subprocess.run(
        [python, "-c", script], capture_output=True, text=True, env=env, cwd=tmp_path
    )
    assert library.returncode == 0, library.stderr[-2000:]
    assert json.loads(library.stdout)["entries"] == json.loads(run.stdout)["entries"]
