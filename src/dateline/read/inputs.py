"""The files a list of command-line inputs stands for.

Folders are walked recursively in sorted order, so a run over the same folder always reads
in the same order; hidden files and folders (dot-names: `.git`, `.DS_Store`) are skipped, and
so are sidecars (`story.txt.meta.json` beside `story.txt`: what the user says of it).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from dateline.model import Failure
from dateline.read.sidecar import is_sidecar


def walk(folder: Path) -> Iterator[Path | Failure]:
    """Every visible file under `folder`, sorted; an unreadable subfolder is a Failure."""
    failures: list[Failure] = []

    def record(error: OSError) -> None:
        failures.append(Failure(str(error.filename or folder), _reason(error)))

    for root, dirs, files in os.walk(folder, onerror=record):
        yield from failures
        failures.clear()
        dirs[:] = sorted(name for name in dirs if not name.startswith("."))
        for name in sorted(files):
            path = Path(root) / name
            if name.startswith(".") or is_sidecar(path):
                continue
            # A FIFO or socket in a folder would block or fail; a dangling link says so itself.
            if path.is_file() or not path.exists():
                yield path
            else:
                yield Failure(str(path), "not a regular file")
    yield from failures


def _reason(error: OSError) -> str:
    if isinstance(error, PermissionError):
        return "permission denied"
    return f"cannot list folder: {error.strerror or error}"
